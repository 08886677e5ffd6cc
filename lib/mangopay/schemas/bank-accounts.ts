import { z } from "zod";
import { Address, EntityBase, OptionalString, openEnum } from "./common";

export const BankAccountType = openEnum(["IBAN", "GB", "US", "CA", "OTHER"]);

/** One schema for every type; the type-specific fields are optional (IBAN, AccountNumber…). */
export const BankAccount = z.looseObject({
  ...EntityBase,
  UserId: z.string(),
  Type: BankAccountType,
  OwnerName: z.string(),
  OwnerAddress: Address.nullish(),
  Active: z.boolean(),
  IBAN: OptionalString,
  BIC: OptionalString,
  AccountNumber: OptionalString,
  SortCode: OptionalString,
  ABA: OptionalString,
  DepositAccountType: OptionalString,
  InstitutionNumber: OptionalString,
  BranchCode: OptionalString,
  BankName: OptionalString,
  Country: OptionalString,
});
export type BankAccount = z.output<typeof BankAccount>;
