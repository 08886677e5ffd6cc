import type { Transaction } from "@/lib/mangopay/schemas/transactions";
import { iso, toMoneyDTO, type MoneyDTO } from "@/lib/services/mangopay/inputs";

/**
 * MANGOPAY's common transaction view: the fields every transaction list returns (lists do not carry
 * the full pay-in/payout objects; fetch the detail for those).
 */
export type TransactionDTO = {
  id: string;
  tag: string | null;
  createdAt: string;
  executedAt: string | null;
  status: string;
  type: string;
  nature: string;
  resultCode: string | null;
  resultMessage: string | null;
  authorId: string | null;
  creditedUserId: string | null;
  debitedWalletId: string | null;
  creditedWalletId: string | null;
  debited: MoneyDTO;
  credited: MoneyDTO | null;
  fees: MoneyDTO | null;
};

export function toTransactionDTO(t: Transaction): TransactionDTO {
  return {
    id: t.Id,
    tag: t.Tag ?? null,
    createdAt: t.CreationDate.toISOString(),
    executedAt: iso(t.ExecutionDate),
    status: t.Status,
    type: t.Type,
    nature: t.Nature,
    resultCode: t.ResultCode ?? null,
    resultMessage: t.ResultMessage ?? null,
    authorId: t.AuthorId ?? null,
    creditedUserId: t.CreditedUserId ?? null,
    debitedWalletId: t.DebitedWalletId ?? null,
    creditedWalletId: t.CreditedWalletId ?? null,
    debited: { amountMinor: t.DebitedFunds.Amount, currency: t.DebitedFunds.Currency },
    credited: toMoneyDTO(t.CreditedFunds),
    fees: toMoneyDTO(t.Fees),
  };
}
