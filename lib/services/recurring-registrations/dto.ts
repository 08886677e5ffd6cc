import type { RecurringRegistration } from "@/lib/mangopay/schemas/recurring";
import { toMoneyDTO, type MoneyDTO } from "@/lib/services/mangopay/inputs";

/** A recurring card pay-in registration: the subscription's card, wallet, amounts and progress. */
export type RecurringRegistrationDTO = {
  id: string;
  tag: string | null;
  createdAt: string;
  status: string;
  recurringType: string | null;
  authorId: string;
  /** Null for a PayPal registration (no card). */
  cardId: string | null;
  creditedUserId: string | null;
  creditedWalletId: string;
  frequency: string | null;
  cycleNumber: number | null;
  firstDebited: MoneyDTO;
  firstFees: MoneyDTO;
  nextDebited: MoneyDTO | null;
  nextFees: MoneyDTO | null;
  payinsLinked: number;
  cumulatedDebited: MoneyDTO | null;
  cumulatedFees: MoneyDTO | null;
  lastPayinId: string | null;
  resultCode: string | null;
  resultMessage: string | null;
};

const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

export function toRecurringRegistrationDTO(r: RecurringRegistration): RecurringRegistrationDTO {
  const raw = r as Record<string, unknown>;
  const state = r.CurrentState ?? null;
  const last = state?.LastPayinId;
  return {
    id: r.Id,
    tag: r.Tag ?? null,
    createdAt: r.CreationDate.toISOString(),
    status: r.Status,
    recurringType: r.RecurringType ?? null,
    authorId: r.AuthorId,
    cardId: r.CardId ?? null,
    creditedUserId: r.CreditedUserId ?? null,
    creditedWalletId: r.CreditedWalletId,
    frequency: r.Frequency ?? null,
    cycleNumber: r.CycleNumber ?? null,
    firstDebited: {
      amountMinor: r.FirstTransactionDebitedFunds.Amount,
      currency: r.FirstTransactionDebitedFunds.Currency,
    },
    firstFees: { amountMinor: r.FirstTransactionFees.Amount, currency: r.FirstTransactionFees.Currency },
    nextDebited: toMoneyDTO(r.NextTransactionDebitedFunds),
    nextFees: toMoneyDTO(r.NextTransactionFees),
    payinsLinked: state?.PayinsLinked ?? 0,
    cumulatedDebited: toMoneyDTO(state?.CumulatedDebitedAmount),
    cumulatedFees: toMoneyDTO(state?.CumulatedFeesAmount),
    lastPayinId: last === null || last === undefined || last === "" ? null : String(last),
    resultCode: text(raw.ResultCode),
    resultMessage: text(raw.ResultMessage),
  };
}
