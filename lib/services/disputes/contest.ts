import "server-only";
import { disputes } from "@/lib/mangopay";
import { formatMoney, parseAmountToMinor } from "@/lib/money";
import type { AccountContext } from "@/lib/server/context-types";
import { parseInput, ValidationError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { recordedMangopayCall } from "@/lib/services/operations/recorded-call";
import { callMangopay } from "@/lib/services/upstream";
import { ContestDisputeInput } from "./action-schemas";
import { toDisputeDTO, type DisputeDTO } from "./dto";
import { accountDisputeAllowing } from "./internal";

/**
 * Contests a dispute for all or part of the disputed amount. The amount is parsed in the dispute's
 * own currency (read from MANGOPAY, never from the form) and may not exceed the disputed funds.
 */
export async function contestDispute({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: ContestDisputeInput;
}): Promise<DisputeDTO> {
  assertCan(ctx, "disputes.edit");
  const data = parseInput(ContestDisputeInput, input);
  const { client, dispute } = await accountDisputeAllowing(ctx, data, "contest");
  const currency = dispute.disputedFunds.currency;
  const amountMinor = parseAmountToMinor(data.amount, currency);
  const max = dispute.disputedFunds.amountMinor;
  if (amountMinor === null || amountMinor <= 0 || amountMinor > max)
    throw new ValidationError("Please correct the highlighted fields.", {
      amount: [`Enter an amount between 0 and ${formatMoney(max, currency)}`],
    });
  const ContestedFunds = { Amount: amountMinor, Currency: currency };
  return recordedMangopayCall(ctx, {
    action: "dispute.contest",
    targetType: "dispute",
    targetId: dispute.id,
    before: { status: dispute.status },
    intent: { contestedFunds: { amountMinor, currency }, disputedFunds: dispute.disputedFunds },
    confirm: {
      by: "read",
      path: "/disputes/{disputeId}",
      params: { disputeId: dispute.id },
      expect: { Status: "SUBMITTED" },
    },
    call: () => callMangopay(async () => toDisputeDTO(await disputes.submit(client, dispute.id, { ContestedFunds }))),
    result: (d) => ({ upstreamId: d.id, after: { status: d.status, contestedFunds: d.contestedFunds } }),
  });
}
