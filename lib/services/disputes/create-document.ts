import "server-only";
import { disputeDocuments } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { recordedMangopayCall } from "@/lib/services/operations/recorded-call";
import { callMangopay } from "@/lib/services/upstream";
import { CreateDisputeDocumentInput } from "./action-schemas";
import { toDisputeDocumentDTO, type DisputeDocumentDTO } from "./dto";
import { disputeAllowing } from "./internal";

/** Opens an evidence document of one type on a dispute that waits for the platform. */
export async function createDisputeDocument({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: CreateDisputeDocumentInput;
}): Promise<DisputeDocumentDTO> {
  assertCan(ctx, "disputes.edit");
  const data = parseInput(CreateDisputeDocumentInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const dispute = await disputeAllowing(client, data.disputeId, "documents");
  return recordedMangopayCall(ctx, {
    action: "dispute_document.create",
    targetType: "dispute_document",
    intent: { disputeId: dispute.id, type: data.type },
    call: (idempotencyKey) =>
      callMangopay(async () =>
        toDisputeDocumentDTO(
          await disputeDocuments.create(client, dispute.id, { Type: data.type }, { idempotencyKey }),
        ),
      ),
    result: (doc) => ({ upstreamId: doc.id, after: { disputeId: dispute.id, type: doc.type, status: doc.status } }),
  });
}
