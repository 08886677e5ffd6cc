// Acquiring-only pay-ins (`/acquiring/…`): MANGOPAY processes the payment and the funds settle to the platform
// outside the wallets, so there is no author, credited wallet, fees or credited amount; and their refunds.
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
import { RefundReasonType } from "./transactions";

export const AcquiringPaymentType = openEnum(["CARD", "IDEAL", "APPLEPAY", "GOOGLE_PAY", "PAYPAL"]);

export const AcquiringPayIn = z.looseObject({
  ...EntityBase,
  DebitedFunds: Money,
  Nature: TransactionNature,
  Status: TransactionStatus,
  ExecutionDate: NullableUnixDate,
  ResultCode: OptionalString,
  ResultMessage: OptionalString,
  Type: TransactionType,
  PaymentType: AcquiringPaymentType,
  ExecutionType: openEnum(["DIRECT", "WEB"]),
  StatementDescriptor: OptionalString,
  /** Card: the 3DS page when SecureModeNeeded; iDEAL and PayPal: the payer's page. */
  SecureModeNeeded: z.boolean().nullish(),
  SecureModeRedirectURL: OptionalString,
  RedirectURL: OptionalString,
  ReturnURL: OptionalString,
  CardId: OptionalString,
  PaypalOrderID: OptionalString,
});
export type AcquiringPayIn = z.output<typeof AcquiringPayIn>;

export const AcquiringRefund = z.looseObject({
  ...EntityBase,
  DebitedFunds: Money,
  Nature: TransactionNature,
  Status: TransactionStatus,
  ExecutionDate: NullableUnixDate,
  ResultCode: OptionalString,
  ResultMessage: OptionalString,
  Type: TransactionType,
  InitialTransactionId: z.string(),
  InitialTransactionType: TransactionType,
  RefundReason: z
    .looseObject({ RefundReasonType: RefundReasonType.nullish(), RefundReasonMessage: OptionalString })
    .nullish(),
});
export type AcquiringRefund = z.output<typeof AcquiringRefund>;
