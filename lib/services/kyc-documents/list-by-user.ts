import "server-only";
import { kycDocuments } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { PageQuery, parseMangopayId, type PageDTO } from "@/lib/services/mangopay/inputs";
import { readUserPage } from "@/lib/services/mangopay/request";
import { toKycDocumentDTO, type KycDocumentDTO } from "./dto";

/** A user's KYC documents with status and refusal reason. */
export async function listUserKycDocuments({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { userId: unknown; query?: unknown };
}): Promise<PageDTO<KycDocumentDTO>> {
  assertCan(ctx, "kycDocuments.read");
  const userId = parseMangopayId(input.userId, "User not found");
  const q = PageQuery.parse(input.query ?? {});
  return readUserPage(
    ctx,
    "kyc-documents",
    userId,
    q,
    (client, o) => kycDocuments.listByUser(client, userId, o),
    toKycDocumentDTO,
  );
}
