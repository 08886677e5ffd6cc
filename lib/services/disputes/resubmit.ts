import "server-only";
import { disputes } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import type { DisputeActionInput } from "./action-schemas";
import type { DisputeDTO } from "./dto";
import { recordedDisputeStep } from "./internal";

/** Submits a reopened dispute again (with the documents added since). */
export async function resubmitDispute({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: DisputeActionInput;
}): Promise<DisputeDTO> {
  assertCan(ctx, "disputes.edit");
  return recordedDisputeStep(ctx, input, {
    action: "resubmit",
    settledStatus: "SUBMITTED",
    intent: () => ({ status: "SUBMITTED" }),
    send: (client, disputeId) => disputes.submit(client, disputeId),
    after: (d) => ({ status: d.status }),
  });
}
