import "server-only";
import { identityVerifications } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { PageQuery, parseMangopayId, type PageDTO } from "@/lib/services/mangopay/inputs";
import { readUserPage } from "@/lib/services/mangopay/request";
import { toIdentityVerificationDTO, type IdentityVerificationDTO } from "./dto";

/** A user's identity verification sessions (`GET /users/{id}/identity-verifications`), newest first. */
export async function listUserIdentityVerifications({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { userId: unknown; query?: unknown };
}): Promise<PageDTO<IdentityVerificationDTO>> {
  assertCan(ctx, "kycDocuments.read");
  const userId = parseMangopayId(input.userId, "User not found");
  const q = PageQuery.parse(input.query ?? {});
  return readUserPage(
    ctx,
    "identity-verifications",
    userId,
    q,
    (client, o) => identityVerifications.listByUser(client, userId, o),
    toIdentityVerificationDTO,
  );
}
