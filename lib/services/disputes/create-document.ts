import "server-only";
import { disputeDocuments } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { recordedMangopayCall } from "@/lib/services/operations/recorded-call";
import { callMangopay } from "@/lib/services/upstream";
import { CreateDisputeDocumentInput } from "./action-schemas";
import { toDisputeDocumentDTO, type DisputeDocumentDTO } from "./dto";
import { accountDisputeAllowing } from "./internal";

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
  const { client, dispute } = await accountDisputeAllowing(ctx, data, "documents");
  return recordedMangopayCall(ctx, {
    action: "dispute_document.create",
    targetType: "dispute_document",
    intent: { disputeId: dispute.id, type: data.type },
    confirm: { by: "response" },
    call: (idempotencyKey) =>
      callMangopay(async () =>
        toDisputeDocumentDTO(
          await disputeDocuments.create(client, dispute.id, { Type: data.type }, { idempotencyKey }),
        ),
      ),
    result: (doc) => ({ upstreamId: doc.id, after: { disputeId: dispute.id, type: doc.type, status: doc.status } }),
  });
}
