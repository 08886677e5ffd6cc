import "server-only";
import { kycDocuments } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { recordedMangopayCall } from "@/lib/services/operations/recorded-call";
import { callMangopay } from "@/lib/services/upstream";
import { toKycDocumentDTO, type KycDocumentDTO } from "./dto";
import { openKycDocumentOf } from "./internal";
import { SubmitKycDocumentInput } from "./upload-schemas";

/** Asks MANGOPAY to review the document (VALIDATION_ASKED); its status is shown right after. */
export async function submitKycDocument({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: SubmitKycDocumentInput;
}): Promise<KycDocumentDTO> {
  assertCan(ctx, "kycDocuments.edit");
  const data = parseInput(SubmitKycDocumentInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const doc = await openKycDocumentOf(client, data.userId, data.documentId);
  return recordedMangopayCall(ctx, {
    action: "kyc_document.submit",
    targetType: "kyc_document",
    targetId: doc.id,
    before: { status: doc.status },
    intent: { userId: data.userId, status: "VALIDATION_ASKED" },
    confirm: {
      by: "read",
      path: "/kyc/documents/{documentId}",
      params: { documentId: doc.id },
      expect: { Status: "VALIDATION_ASKED" },
    },
    call: () => callMangopay(async () => toKycDocumentDTO(await kycDocuments.submit(client, data.userId, doc.id))),
    result: (d) => ({ upstreamId: d.id, after: { status: d.status } }),
  });
}
