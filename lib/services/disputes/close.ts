import "server-only";
import { disputes } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import type { DisputeActionInput } from "./action-schemas";
import type { DisputeDTO } from "./dto";
import { recordedDisputeStep } from "./internal";

/** Accepts the dispute (closes it as lost); irreversible. */
export async function closeDispute({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: DisputeActionInput;
}): Promise<DisputeDTO> {
  assertCan(ctx, "disputes.edit");
  return recordedDisputeStep(ctx, input, {
    action: "close",
    settledStatus: "CLOSED",
    intent: (dispute) => ({ status: "CLOSED", disputedFunds: dispute.disputedFunds }),
    send: (client, disputeId) => disputes.close(client, disputeId),
    after: (d) => ({ status: d.status, resultCode: d.resultCode }),
  });
}
