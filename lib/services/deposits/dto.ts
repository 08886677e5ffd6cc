import type { Deposit } from "@/lib/mangopay/schemas/deposits";
import { iso, type MoneyDTO } from "@/lib/services/mangopay/inputs";

/** A deposit preauthorization: a card hold of up to 30 days, captured later by pay-ins naming it. */
export type DepositDTO = {
  id: string;
  tag: string | null;
  createdAt: string;
  expiresAt: string | null;
  authorId: string;
  cardId: string;
  status: string;
  paymentStatus: string;
  debited: MoneyDTO;
  resultCode: string | null;
  resultMessage: string | null;
  /** The pay-in that captured the hold and, for a capture with complement, the complement. */
  captureId: string | null;
  complementId: string | null;
  secureModeNeeded: boolean | null;
  statementDescriptor: string | null;
};

export function toDepositDTO(d: Deposit): DepositDTO {
  return {
    id: d.Id,
    tag: d.Tag ?? null,
    createdAt: d.CreationDate.toISOString(),
    expiresAt: iso(d.ExpirationDate),
    authorId: d.AuthorId,
    cardId: d.CardId,
    status: d.Status,
    paymentStatus: d.PaymentStatus,
    debited: { amountMinor: d.DebitedFunds.Amount, currency: d.DebitedFunds.Currency },
    resultCode: d.ResultCode ?? null,
    resultMessage: d.ResultMessage ?? null,
    captureId: d.PayinsLinked?.PayinCaptureId ?? null,
    complementId: d.PayinsLinked?.PayinComplementId ?? null,
    secureModeNeeded: d.SecureModeNeeded ?? null,
    statementDescriptor: d.StatementDescriptor ?? null,
  };
}
