import type { Transaction } from "@/lib/mangopay/schemas/transactions";
import type { Money } from "@/lib/mangopay/schemas/common";
import type { Conversion } from "@/lib/mangopay/schemas/conversions";
import type { PayIn, PayOut, Refund, Repudiation, Settlement, Transfer } from "@/lib/mangopay/schemas/transactions";
import { iso, toMoneyDTO, type MoneyDTO } from "@/lib/services/mangopay/inputs";
import { kindOf, type TransactionKind } from "./schemas";

/**
 * MANGOPAY's common transaction view: the fields every transaction list returns (lists do not carry
 * the full pay-in/payout objects; fetch the detail for those).
 */
export type TransactionDTO = {
  id: string;
  /** Which endpoint holds the full object (from Type and Nature); null when no endpoint is known. */
  kind: TransactionKind | null;
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
    kind: kindOf(t) ?? null,
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
    debited: moneyOf(t.DebitedFunds),
    credited: toMoneyDTO(t.CreditedFunds),
    fees: toMoneyDTO(t.Fees),
  };
}

/** A required amount (the kit's `toMoneyDTO` is for nullable ones). */
export function moneyOf(m: Money): MoneyDTO {
  return { amountMinor: m.Amount, currency: m.Currency };
}

/** What the pay-in's payer needs to send a bank wire, and how the pay-in was made. */
export type PayInDetailsDTO = {
  paymentType: string;
  executionType: string | null;
  cardId: string | null;
  mandateId: string | null;
  preauthorizationId: string | null;
  statementDescriptor: string | null;
  wireReference: string | null;
  declaredDebitedFunds: MoneyDTO | null;
  declaredFees: MoneyDTO | null;
  bankAccount: { type: string | null; ownerName: string | null; iban: string | null; bic: string | null } | null;
  secureMode: string | null;
  /** The hold a deposit pay-in captures, the registration a recurring pay-in belongs to. */
  depositId: string | null;
  recurringRegistrationId: string | null;
  /** What an alternative payment method (PayPal, MB WAY, iDEAL…) answered; empty for cards and wires. */
  method: PaymentMethodDetailsDTO;
  /** PayPal: the shipments' tracking information sent so far, in order; null when none was sent. */
  trackings: PayPalTrackingDTO[] | null;
};

/** One shipment's tracking information sent to PayPal. MANGOPAY documents no date; `sentAt` when one comes. */
export type PayPalTrackingDTO = {
  trackingNumber: string;
  carrier: string;
  notifyBuyer: boolean;
  sentAt: string | null;
};

/** `Trackings` as MANGOPAY sends it (a list; a lone object is read as a list of one); malformed entries are left out. */
export function toPayPalTrackingsDTO(value: unknown): PayPalTrackingDTO[] | null {
  if (value === null || value === undefined) return null;
  const list = Array.isArray(value) ? value : [value];
  const out = list.flatMap((item): PayPalTrackingDTO[] => {
    const t = (item ?? {}) as Record<string, unknown>;
    const trackingNumber = str(t.TrackingNumber);
    const carrier = str(t.Carrier);
    if (!trackingNumber || !carrier) return [];
    const date = t.CreationDate;
    const sentAt =
      typeof date === "number" ? new Date(date * 1000).toISOString() : date instanceof Date ? date.toISOString() : null;
    return [{ trackingNumber, carrier, notifyBuyer: t.NotifyBuyer === true, sentAt }];
  });
  return out.length > 0 ? out : null;
}

/** The method's own fields, as label-ready values; null when the method does not send it. */
export type PaymentMethodDetailsDTO = {
  redirectUrl: string | null;
  returnUrl: string | null;
  deepLinkUrl: string | null;
  qrCodeUrl: string | null;
  phone: string | null;
  paymentFlow: string | null;
  country: string | null;
  culture: string | null;
  bic: string | null;
  iban: string | null;
  bankName: string | null;
  scheme: string | null;
  processingStatus: string | null;
  reference: string | null;
  email: string | null;
  paypalOrderId: string | null;
  paypalBuyerEmail: string | null;
};

export type ConversionDetailsDTO = {
  quoteId: string | null;
  clientRate: number;
  marketRate: number;
  /** MANGOPAY's and the platform's margins, when sent. */
  mangopayMargin: MoneyDTO | null;
  userMargin: MoneyDTO | null;
};

export type PayOutDetailsDTO = {
  bankAccountId: string | null;
  /** Payouts v2 name a recipient instead of a bank account. */
  recipientId: string | null;
  bankWireRef: string | null;
  modeRequested: string | null;
  modeApplied: string | null;
  fallbackReason: string | null;
};

export type TransactionDetailDTO = TransactionDTO & {
  kind: TransactionKind;
  payIn: PayInDetailsDTO | null;
  payOut: PayOutDetailsDTO | null;
  conversion: ConversionDetailsDTO | null;
  /** Refunds and repudiations point at the transaction they reverse. */
  initialTransaction: { id: string; type: string; nature: string | null; kind: TransactionKind | undefined } | null;
  refundReason: { type: string | null; message: string | null } | null;
  disputeId: string | null;
  repudiationId: string | null;
  scaRedirectUrl: string | null;
};

function str(v: unknown): string | null {
  return typeof v === "string" && v !== "" ? v : null;
}

function methodDetails(raw: Record<string, unknown>): PaymentMethodDetailsDTO {
  return {
    redirectUrl: str(raw.RedirectURL),
    returnUrl: str(raw.ReturnURL),
    deepLinkUrl: str(raw.DeepLinkURL),
    qrCodeUrl: str(raw.QRCodeURL),
    phone: str(raw.Phone),
    paymentFlow: str(raw.PaymentFlow),
    country: str(raw.Country),
    culture: str(raw.Culture),
    bic: str(raw.Bic) ?? str(raw.BIC),
    iban: str(raw.IBAN),
    bankName: str(raw.BankName),
    scheme: str(raw.Scheme),
    processingStatus: str(raw.ProcessingStatus),
    reference: str(raw.Reference),
    email: str(raw.Email),
    paypalOrderId: str(raw.PaypalOrderID),
    paypalBuyerEmail: str(raw.PaypalBuyerAccountEmail),
  };
}

// A margin is sent as an amount in minor units of the debited currency.
function marginOf(m: { Amount?: number | null } | null | undefined, currency: string): MoneyDTO | null {
  return typeof m?.Amount === "number" ? { amountMinor: m.Amount, currency } : null;
}

export function toTransactionDetailDTO(
  kind: TransactionKind,
  t: PayIn | PayOut | Transfer | Refund | Repudiation | Settlement | Conversion,
): TransactionDetailDTO {
  const raw = t as Record<string, unknown>;
  const payIn =
    kind === "PAYIN"
      ? (() => {
          const p = t as PayIn;
          return {
            paymentType: p.PaymentType,
            executionType: p.ExecutionType ?? null,
            cardId: p.CardId ?? null,
            mandateId: p.MandateId ?? null,
            preauthorizationId: p.PreauthorizationId ?? null,
            statementDescriptor: p.StatementDescriptor ?? null,
            wireReference: p.WireReference ?? null,
            declaredDebitedFunds: toMoneyDTO(p.DeclaredDebitedFunds),
            declaredFees: toMoneyDTO(p.DeclaredFees),
            bankAccount: p.BankAccount
              ? {
                  type: p.BankAccount.Type ?? null,
                  ownerName: p.BankAccount.OwnerName ?? null,
                  iban: p.BankAccount.IBAN ?? null,
                  bic: p.BankAccount.BIC ?? null,
                }
              : null,
            secureMode: p.SecureMode ?? null,
            depositId: str(raw.DepositId),
            recurringRegistrationId: str(raw.RecurringPayinRegistrationId),
            method: methodDetails(raw),
            trackings: toPayPalTrackingsDTO(raw.Trackings),
          };
        })()
      : null;
  const payOut =
    kind === "PAYOUT"
      ? (() => {
          const p = t as PayOut;
          return {
            bankAccountId: p.BankAccountId ?? null,
            recipientId: p.RecipientId ?? null,
            bankWireRef: p.BankWireRef ?? null,
            modeRequested: p.ModeRequested ?? null,
            modeApplied: p.ModeApplied ?? null,
            fallbackReason: p.FallbackReason?.Message ?? p.FallbackReason?.Code ?? null,
          };
        })()
      : null;
  const conversion =
    kind === "CONVERSION"
      ? (() => {
          const c = t as Conversion;
          return {
            quoteId: c.QuoteId ?? null,
            clientRate: c.ConversionRateResponse.ClientRate,
            marketRate: c.ConversionRateResponse.MarketRate,
            mangopayMargin: marginOf(c.MarginsResponse?.Mangopay, c.DebitedFunds.Currency),
            userMargin: marginOf(c.MarginsResponse?.User, c.DebitedFunds.Currency),
          };
        })()
      : null;
  const initialId = str(raw.InitialTransactionId);
  const initialType = str(raw.InitialTransactionType) ?? "";
  const initialNature = str(raw.InitialTransactionNature);
  const reason = kind === "REFUND" ? (t as Refund).RefundReason : null;
  const pending = raw.PendingUserAction as { RedirectUrl?: unknown } | null | undefined;
  return {
    ...toTransactionDTO(t),
    kind,
    payIn,
    payOut,
    conversion,
    initialTransaction: initialId
      ? {
          id: initialId,
          type: initialType,
          nature: initialNature,
          kind: kindOf({ Type: initialType, Nature: initialNature ?? "REGULAR" }),
        }
      : null,
    refundReason: reason
      ? { type: reason.RefundReasonType ?? null, message: reason.RefundReasonMessage ?? null }
      : null,
    disputeId: str(raw.DisputeId),
    repudiationId: str(raw.RepudiationId),
    scaRedirectUrl: pending ? str(pending.RedirectUrl) : null,
  };
}
