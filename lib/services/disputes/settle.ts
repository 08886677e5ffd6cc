import "server-only";
import { disputes, repudiations, transactions } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput, PreconditionError, ValidationError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { readMangopay } from "@/lib/services/mangopay/request";
import type { OperationDTO } from "@/lib/services/operations/dto";
import { toMinor } from "@/lib/services/operations/inputs";
import { runMoneyOperation } from "@/lib/services/operations/money-operation";
import { toTransactionDTO } from "@/lib/services/transactions/dto";
import { toDisputeDTO } from "./dto";
import { settlementState } from "./list-transactions";
import { SettleDisputeInput } from "./settle-schemas";

/**
 * Repays a lost dispute into the repudiation wallet: a settlement transfer from the user's wallet, or
 * a bank-wire pay-in to the platform's CREDIT wallet (its wire reference goes to the bank). Only while
 * the dispute is CLOSED / LOST with something left to settle, and never more than that.
 */
export async function settleDispute({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: SettleDisputeInput;
}): Promise<OperationDTO> {
  assertCan(ctx, "repudiations.create");
  const data = parseInput(SettleDisputeInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const [raw, rows] = await Promise.all([
    readMangopay(ctx, `dispute:${data.disputeId}`, (client) => disputes.get(client, data.disputeId)),
    readMangopay(ctx, `dispute-transactions:${data.disputeId}`, (client) =>
      transactions.listByDispute(client, data.disputeId, { perPage: 100 }),
    ),
  ]);
  const dispute = toDisputeDTO(raw);
  const state = settlementState(dispute, rows.items.map(toTransactionDTO));
  if (state.state !== "to-settle" || !raw.RepudiationId) {
    throw new PreconditionError("Only a lost dispute with an amount left to settle can be settled.");
  }
  const { currency } = state.owed;
  const amountMinor = toMinor(data.amount, currency, "amount");
  if (amountMinor > state.owed.amountMinor) {
    throw new ValidationError("Please correct the highlighted fields.", {
      amount: [`At most ${state.owed.amountMinor} (minor units of ${currency}) is left to settle.`],
    });
  }
  const money = { Currency: currency, Amount: amountMinor };
  const zero = { Currency: currency, Amount: 0 };
  // Both ways credit the platform's CREDIT wallet of the currency, with no fees, against this dispute.
  const settlement = {
    operationKey: data.operationKey,
    amountMinor,
    feesMinor: 0,
    currency,
    sourceId: dispute.id,
    destinationId: `CREDIT_${currency}`,
  };
  if (data.method === "BANK_WIRE") {
    return runMoneyOperation(ctx, {
      action: "dispute.settlement.bankwire",
      kind: "SETTLEMENT_BANK_WIRE",
      ...settlement,
      request: {
        path: "/clients/payins/bankwire/direct",
        params: {},
        body: { CreditedWalletId: `CREDIT_${currency}`, DeclaredDebitedFunds: money, DeclaredFees: zero },
      },
    });
  }
  const repudiation = await readMangopay(ctx, `repudiation:${raw.RepudiationId}`, (client) =>
    repudiations.get(client, raw.RepudiationId ?? ""),
  );
  if (!repudiation.AuthorId) throw new PreconditionError("The repudiation names no user to settle from.");
  return runMoneyOperation(ctx, {
    action: "dispute.settlement.transfer",
    kind: "SETTLEMENT_TRANSFER",
    ...settlement,
    request: {
      path: "/repudiations/{repudiationId}/settlementtransfer",
      params: { repudiationId: repudiation.Id },
      body: { AuthorId: repudiation.AuthorId, DebitedFunds: money, Fees: zero },
    },
  });
}
