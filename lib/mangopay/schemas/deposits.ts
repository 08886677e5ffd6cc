// Deposit preauthorizations (a card hold captured later by pay-ins carrying DepositId) and card validations
// (a zero-amount check of a card): see docs/mangopay-api.md §3.7.
import { z } from "zod";
import { CardValidity } from "./cards";
import { EntityBase, Money, OptionalString, TransactionStatus, UnixDate, openEnum } from "./common";

export const DepositPaymentStatus = openEnum([
  "WAITING",
  "CANCELED",
  "CANCEL_REQUESTED",
  "EXPIRED",
  "TO_BE_COMPLETED",
  "NO_SHOW_REQUESTED",
  "NO_SHOW",
  "VALIDATED",
]);

export const Deposit = z.looseObject({
  ...EntityBase,
  AuthorId: z.string(),
  DebitedFunds: Money,
  Status: TransactionStatus,
  PaymentStatus: DepositPaymentStatus,
  PayinsLinked: z.looseObject({ PayinCaptureId: OptionalString, PayinComplementId: OptionalString }).nullish(),
  ResultCode: OptionalString,
  ResultMessage: OptionalString,
  CardId: z.string(),
  SecureModeReturnURL: OptionalString,
  SecureModeRedirectURL: OptionalString,
  SecureModeNeeded: z.boolean().nullish(),
  ExpirationDate: UnixDate.nullish(),
  StatementDescriptor: OptionalString,
});
export type Deposit = z.output<typeof Deposit>;

export const CardValidation = z.looseObject({
  ...EntityBase,
  AuthorId: OptionalString,
  CardId: OptionalString,
  Status: TransactionStatus,
  ResultCode: OptionalString,
  ResultMessage: OptionalString,
  Validity: CardValidity,
  Type: OptionalString,
  SecureModeReturnURL: OptionalString,
  SecureModeRedirectURL: OptionalString,
  SecureModeNeeded: z.boolean().nullish(),
});
export type CardValidation = z.output<typeof CardValidation>;
