import "server-only";
import { payins, refunds, transfers } from "@/lib/mangopay";
import type { Transfer } from "@/lib/mangopay/schemas/transactions";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput, PreconditionError, ValidationError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { readMangopay } from "@/lib/services/mangopay/request";
import type { OperationDTO } from "@/lib/services/operations/dto";
import { toMinor } from "@/lib/services/operations/inputs";
import { runMoneyOperation } from "@/lib/services/operations/money-operation";
import { toTransactionDTO } from "@/lib/services/transactions/dto";
import { refundableAmount } from "@/lib/services/transactions/list-refunds";
import { CreateRefundInput } from "./schemas";

/**
 * Refunds a succeeded pay-in or transfer, fully or partly: never more than what its earlier refunds
 * left (computed from MANGOPAY's refund list, not from the browser). The reason is kept in the audit.
 */
export async function createRefund({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: CreateRefundInput;
}): Promise<OperationDTO> {
  assertCan(ctx, "refunds.create");
  const data = parseInput(CreateRefundInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const id = data.transactionId;
  const [initial, previous] = await Promise.all([
    readMangopay(ctx, `${data.kind}:${id}`, (client): Promise<Transfer> =>
      data.kind === "PAYIN" ? payins.get(client, id) : transfers.get(client, id),
    ),
    readMangopay(ctx, `refunds:${data.kind}:${id}`, (client) =>
      (data.kind === "PAYIN" ? refunds.listByPayIn : refunds.listByTransfer)(client, id, { perPage: 100 }),
    ),
  ]);
  const tx = toTransactionDTO(initial);
  if (tx.nature !== "REGULAR") throw new PreconditionError("Only a regular pay-in or transfer can be refunded.");
  const refundable = refundableAmount(tx, previous.items.map(toTransactionDTO));
  if (refundable.amountMinor <= 0) throw new PreconditionError("Nothing is left to refund on this transaction.");
  const amountMinor = data.amount ? toMinor(data.amount, refundable.currency, "amount") : refundable.amountMinor;
  if (amountMinor > refundable.amountMinor) {
    throw new ValidationError("Please correct the highlighted fields.", {
      amount: [`At most ${refundable.amountMinor} (minor units of ${refundable.currency}) is left to refund.`],
    });
  }
  const authorId = initial.AuthorId;
  if (!authorId) throw new PreconditionError("This transaction has no author to refund.");
  const money = { Currency: refundable.currency, Amount: amountMinor };
  return runMoneyOperation(ctx, {
    action: "refund.create",
    kind: data.kind === "PAYIN" ? "REFUND_PAYIN" : "REFUND_TRANSFER",
    operationKey: data.operationKey,
    amountMinor,
    feesMinor: 0,
    currency: refundable.currency,
    sourceId: id,
    destinationId: initial.DebitedWalletId ?? authorId,
    reason: data.reason,
    request: {
      path: data.kind === "PAYIN" ? "/payins/{payInId}/refunds" : "/transfers/{transferId}/refunds",
      params: data.kind === "PAYIN" ? { payInId: id } : { transferId: id },
      body: { AuthorId: authorId, DebitedFunds: money, Fees: { Currency: refundable.currency, Amount: 0 } },
    },
  });
}
