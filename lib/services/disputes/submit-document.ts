import "server-only";
import { disputeDocuments } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { recordedMangopayCall } from "@/lib/services/operations/recorded-call";
import { callMangopay } from "@/lib/services/upstream";
import { SubmitDisputeDocumentInput } from "./action-schemas";
import { toDisputeDocumentDTO, type DisputeDocumentDTO } from "./dto";
import { openDisputeDocument } from "./internal";

/** Sends an evidence document for review (VALIDATION_ASKED). */
export async function submitDisputeDocument({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: SubmitDisputeDocumentInput;
}): Promise<DisputeDocumentDTO> {
  assertCan(ctx, "disputes.edit");
  const data = parseInput(SubmitDisputeDocumentInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const doc = await openDisputeDocument(client, data.disputeId, data.documentId);
  return recordedMangopayCall(ctx, {
    action: "dispute_document.submit",
    targetType: "dispute_document",
    targetId: doc.id,
    before: { status: doc.status },
    intent: { disputeId: data.disputeId, status: "VALIDATION_ASKED" },
    confirm: {
      by: "read",
      path: "/dispute-documents/{documentId}",
      params: { documentId: doc.id },
      expect: { Status: "VALIDATION_ASKED" },
    },
    call: () =>
      callMangopay(async () => toDisputeDocumentDTO(await disputeDocuments.submit(client, data.disputeId, doc.id))),
    result: (d) => ({ upstreamId: d.id, after: { status: d.status } }),
  });
}
