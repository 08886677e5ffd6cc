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

/** Accepts the dispute (closes it as lost); irreversible. */
export async function closeDispute({
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
  const dispute = await disputeAllowing(client, data.disputeId, "close");
  return recordedMangopayCall(ctx, {
    action: "dispute.close",
    targetType: "dispute",
    targetId: dispute.id,
    before: { status: dispute.status },
    intent: { status: "CLOSED", disputedFunds: dispute.disputedFunds },
    call: () => callMangopay(async () => toDisputeDTO(await disputes.close(client, dispute.id))),
    result: (d) => ({ upstreamId: d.id, after: { status: d.status, resultCode: d.resultCode } }),
  });
}
