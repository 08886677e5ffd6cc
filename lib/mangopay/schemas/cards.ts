import { z } from "zod";
import { EntityBase, Money, NullableUnixDate, OptionalString, TransactionStatus, openEnum } from "./common";

export const CardValidity = openEnum(["UNKNOWN", "VALID", "INVALID"]);

export const Card = z.looseObject({
  ...EntityBase,
  UserId: z.string(),
  /** MMYY */
  ExpirationDate: OptionalString,
  /** Masked PAN, e.g. `497010XXXXXX1119`. */
  Alias: OptionalString,
  CardType: OptionalString,
  CardProvider: OptionalString,
  Country: OptionalString,
  Product: OptionalString,
  BankCode: OptionalString,
  Active: z.boolean(),
  Currency: z.string(),
  Validity: CardValidity,
  Fingerprint: OptionalString,
  CardHolderName: OptionalString,
});
export type Card = z.output<typeof Card>;

export const CardRegistrationStatus = openEnum(["CREATED", "VALIDATED", "ERROR"]);

export const CardRegistration = z.looseObject({
  ...EntityBase,
  UserId: z.string(),
  AccessKey: OptionalString,
  PreregistrationData: OptionalString,
  RegistrationData: OptionalString,
  CardId: OptionalString,
  CardType: OptionalString,
  CardRegistrationURL: OptionalString,
  ResultCode: OptionalString,
  ResultMessage: OptionalString,
  Currency: z.string(),
  Status: CardRegistrationStatus,
});
export type CardRegistration = z.output<typeof CardRegistration>;

export const PreAuthorizationPaymentStatus = openEnum(["WAITING", "CANCELED", "EXPIRED", "VALIDATED"]);

export const PreAuthorization = z.looseObject({
  ...EntityBase,
  AuthorId: z.string(),
  DebitedFunds: Money,
  RemainingFunds: Money.nullish(),
  AuthorizationDate: NullableUnixDate,
  Status: TransactionStatus,
  PaymentStatus: PreAuthorizationPaymentStatus,
  ExpirationDate: NullableUnixDate,
  PayInId: OptionalString,
  ResultCode: OptionalString,
  ResultMessage: OptionalString,
  SecureMode: OptionalString,
  SecureModeNeeded: z.boolean().nullish(),
  SecureModeRedirectURL: OptionalString,
  SecureModeReturnURL: OptionalString,
  CardId: OptionalString,
  PaymentType: OptionalString,
  ExecutionType: OptionalString,
  StatementDescriptor: OptionalString,
  MultiCapture: z.boolean().nullish(),
});
export type PreAuthorization = z.output<typeof PreAuthorization>;
