// Transactions of every type share the common fields (docs/mangopay-api.md §3). A refused payment is a
// result with Status FAILED and a ResultCode, never an exception.
import { z } from "zod";
import {
  EntityBase,
  Money,
  NullableUnixDate,
  OptionalString,
  TransactionNature,
  TransactionStatus,
  TransactionType,
  openEnum,
} from "./common";

export const TransactionFields = {
  ...EntityBase,
  AuthorId: OptionalString,
  CreditedUserId: OptionalString,
  DebitedFunds: Money,
  CreditedFunds: Money.nullish(),
  Fees: Money.nullish(),
  DebitedWalletId: OptionalString,
  CreditedWalletId: OptionalString,
  Status: TransactionStatus,
  ResultCode: OptionalString,
  ResultMessage: OptionalString,
  ExecutionDate: NullableUnixDate,
  Type: TransactionType,
  Nature: TransactionNature,
};

/**
 * What every `…/transactions` list returns: the 17-field common view (docs/mangopay-api.md §2.2) — no
 * PaymentType, CardInfo, BankAccountId… A page needing those fetches the pay-in/payout by id.
 */
export const Transaction = z.looseObject({ ...TransactionFields, DepositId: OptionalString });
export type Transaction = z.output<typeof Transaction>;

export const PaymentType = openEnum(["CARD", "DIRECT_DEBIT", "PREAUTHORIZED", "BANK_WIRE"]);
export const ExecutionType = openEnum(["WEB", "DIRECT", "EXTERNAL_INSTRUCTION"]);

const BankAccountDetails = z.looseObject({
  Type: OptionalString,
  OwnerName: OptionalString,
  IBAN: OptionalString,
  BIC: OptionalString,
});

export const PayIn = z.looseObject({
  ...TransactionFields,
  PaymentType,
  ExecutionType: ExecutionType.nullish(),
  CardId: OptionalString,
  SecureMode: OptionalString,
  SecureModeNeeded: z.boolean().nullish(),
  SecureModeRedirectURL: OptionalString,
  SecureModeReturnURL: OptionalString,
  RedirectURL: OptionalString,
  ReturnURL: OptionalString,
  StatementDescriptor: OptionalString,
  MandateId: OptionalString,
  PreauthorizationId: OptionalString,
  DeclaredDebitedFunds: Money.nullish(),
  DeclaredFees: Money.nullish(),
  WireReference: OptionalString,
  BankAccount: BankAccountDetails.nullish(),
});
export type PayIn = z.output<typeof PayIn>;

export const PayoutMode = openEnum([
  "STANDARD",
  "INSTANT_PAYMENT",
  "INSTANT_PAYMENT_ONLY",
  "RTGS_PAYMENT",
  "PENDING_RESPONSE",
]);

/** `GET /payouts/{id}`; the mode fields (`ModeRequested`…`EndToEndId`) come only from `GET /payouts/bankwire/{id}` (§3.10). */
export const PayOut = z.looseObject({
  ...TransactionFields,
  PaymentType: OptionalString,
  /** Null on a payout v2, which names its `RecipientId` instead. */
  BankAccountId: OptionalString,
  RecipientId: OptionalString,
  BankWireRef: OptionalString,
  ModeRequested: PayoutMode.nullish(),
  ModeApplied: PayoutMode.nullish(),
  FallbackReason: z.looseObject({ Code: OptionalString, Message: OptionalString }).nullish(),
  EndToEndId: OptionalString,
});
export type PayOut = z.output<typeof PayOut>;

export const Transfer = z.looseObject({
  ...TransactionFields,
  PendingUserAction: z.looseObject({ RedirectUrl: OptionalString }).nullish(),
});
export type Transfer = z.output<typeof Transfer>;

export const RefundReasonType = openEnum([
  "INITIALIZED_BY_CLIENT",
  "BANKACCOUNT_INCORRECT",
  "OWNER_DO_NOT_MATCH_BANKACCOUNT",
  "BANKACCOUNT_HAS_BEEN_CLOSED",
  "WITHDRAWAL_IMPOSSIBLE_ON_SAVINGS_ACCOUNTS",
  "OTHER",
]);

const InitialTransactionFields = {
  InitialTransactionId: z.string(),
  InitialTransactionType: TransactionType,
  InitialTransactionNature: TransactionNature.nullish(),
};

export const Refund = z.looseObject({
  ...TransactionFields,
  ...InitialTransactionFields,
  RefundReason: z
    .looseObject({ RefundReasonType: RefundReasonType.nullish(), RefundReasonMessage: OptionalString })
    .nullish(),
});
export type Refund = z.output<typeof Refund>;

/** Money taken from the platform when a dispute opens (Nature REPUDIATION). */
export const Repudiation = z.looseObject({
  ...TransactionFields,
  ...InitialTransactionFields,
  DisputeId: OptionalString,
});
export type Repudiation = z.output<typeof Repudiation>;

/** Settlement transfer repaying a lost dispute (Type TRANSFER, Nature SETTLEMENT). */
export const Settlement = z.looseObject({
  ...TransactionFields,
  RepudiationId: z.string(),
});
export type Settlement = z.output<typeof Settlement>;

export function isFailed(transaction: { Status: string }): boolean {
  return transaction.Status === "FAILED";
}
