// Transaction lists (every …/transactions route): MANGOPAY answers them with the common transaction
// view below — 17 fields, whatever the kind — not the full pay-in/payout/refund objects. A page that
// needs PaymentType, CardInfo, BankAccountId… fetches the transaction by id.
import type { ApiContext, ApiResult } from "../core/context";
import { listResult, resolveIds } from "../core/list";
import type { Transaction } from "../store/types";

/** Filters documented on user, wallet, card, bank account, mandate, dispute and preauthorization transactions. */
export const TX_FILTERS = ["Status", "ResultCode", "Type", "Nature"] as const;
/** `/cards/fingerprints/{Fingerprint}/transactions` documents only these two. */
export const FINGERPRINT_TX_FILTERS = ["Status", "ResultCode"] as const;

export function transactionListView(tx: Transaction) {
  return {
    Id: tx.Id,
    Tag: tx.Tag,
    CreationDate: tx.CreationDate,
    AuthorId: tx.AuthorId,
    CreditedUserId: tx.CreditedUserId,
    DebitedFunds: tx.DebitedFunds,
    CreditedFunds: tx.CreditedFunds,
    Fees: tx.Fees,
    Status: tx.Status,
    ResultCode: tx.ResultCode,
    ResultMessage: tx.ResultMessage,
    ExecutionDate: tx.ExecutionDate,
    Type: tx.Type,
    Nature: tx.Nature,
    CreditedWalletId: tx.CreditedWalletId,
    DebitedWalletId: tx.DebitedWalletId,
    DepositId: (tx as { DepositId?: string | null }).DepositId ?? null,
  };
}

/** Refund lists (of a pay-in, transfer, payout or repudiation) answer with full refunds (docs' examples). */
export function refundList(ctx: ApiContext, initialId: string): ApiResult {
  return listResult(ctx, resolveIds(ctx.store.idx.refundsByInitial.get(initialId), ctx.store.transactions), {
    filters: ["Status", "ResultCode"],
  });
}

export function txList(ctx: ApiContext, ids: readonly string[], filters: readonly string[] = TX_FILTERS): ApiResult {
  return listResult(ctx, resolveIds(ids, ctx.store.transactions), { filters, project: transactionListView });
}
