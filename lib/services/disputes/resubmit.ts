import "server-only";
import { disputes } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { recordedMangopayCall } from "@/lib/services/operations/recorded-call";
import { callMangopay } from "@/lib/services/upstream";
import { DisputeActionInput } from "./action-schemas";
import { toDisputeDTO, type DisputeDTO } from "./dto";
import { disputeAllowing } from "./internal";

/** Submits a reopened dispute again (with the documents added since). */
export async function resubmitDispute({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: DisputeActionInput;
}): Promise<DisputeDTO> {
  assertCan(ctx, "disputes.edit");
  const data = parseInput(DisputeActionInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const dispute = await disputeAllowing(client, data.disputeId, "resubmit");
  return recordedMangopayCall(ctx, {
    action: "dispute.resubmit",
    targetType: "dispute",
    targetId: dispute.id,
    before: { status: dispute.status },
    intent: { status: "SUBMITTED" },
    call: () => callMangopay(async () => toDisputeDTO(await disputes.submit(client, dispute.id))),
    result: (d) => ({ upstreamId: d.id, after: { status: d.status } }),
  });
}
