import "server-only";
import { identityVerifications } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseMangopayId } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";
import { toIdentityVerificationDTO, type IdentityVerificationDTO } from "./dto";

/** One identity verification session with its checks; read with the KYC documents' permission. */
export async function getIdentityVerification({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { sessionId: unknown };
}): Promise<IdentityVerificationDTO> {
  assertCan(ctx, "kycDocuments.read");
  const sessionId = parseMangopayId(input.sessionId, "Identity verification not found");
  return readMangopay(ctx, `identity-verification:${sessionId}`, async (client) =>
    toIdentityVerificationDTO(await identityVerifications.get(client, sessionId)),
  );
}
