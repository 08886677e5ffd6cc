// Virtual accounts (IBAN or local account attached to a wallet) and legacy banking aliases. The docs'
// examples spell `LocalAccountDetails` and list `InternationalAccountDetails`; the SDK types
// `LocalAccountsDetails` and one object: both spellings and shapes are accepted.
import { z } from "zod";
import { EntityBase, OptionalString, openEnum } from "./common";

export const VirtualAccountStatus = openEnum(["PENDING", "ACTIVE", "FAILED", "BLOCKED", "CLOSED"]);
export const VirtualAccountPurpose = openEnum(["COLLECTION", "USER_OWNED"]);

const AccountDetails = z.looseObject({
  Address: z.looseObject({}).nullish(),
  Account: z
    .looseObject({
      Iban: OptionalString,
      Bic: OptionalString,
      SortCode: OptionalString,
      AccountNumber: OptionalString,
    })
    .nullish(),
  BankName: OptionalString,
});

export const VirtualAccount = z.looseObject({
  ...EntityBase,
  WalletId: z.string(),
  CreditedUserId: OptionalString,
  VirtualAccountPurpose,
  Country: OptionalString,
  Status: VirtualAccountStatus,
  Active: z.boolean(),
  AccountOwner: OptionalString,
  LocalAccountDetails: AccountDetails.nullish(),
  LocalAccountsDetails: AccountDetails.nullish(),
  InternationalAccountDetails: z.union([z.array(AccountDetails), AccountDetails]).nullish(),
  ResultCode: OptionalString,
  ResultMessage: OptionalString,
});
export type VirtualAccount = z.output<typeof VirtualAccount>;

export const BankingAlias = z.looseObject({
  ...EntityBase,
  WalletId: z.string(),
  CreditedUserId: OptionalString,
  Country: OptionalString,
  Type: OptionalString,
  OwnerName: OptionalString,
  Active: z.boolean(),
  IBAN: OptionalString,
  BIC: OptionalString,
});
export type BankingAlias = z.output<typeof BankingAlias>;

/** The account's IBAN (local, else international), else the UK sort code and account number. */
export function accountIdentifier(va: VirtualAccount): string | null {
  const local = va.LocalAccountDetails ?? va.LocalAccountsDetails;
  const intl = Array.isArray(va.InternationalAccountDetails)
    ? va.InternationalAccountDetails[0]
    : va.InternationalAccountDetails;
  const iban = local?.Account?.Iban ?? intl?.Account?.Iban;
  if (iban) return iban;
  const sort = local?.Account?.SortCode;
  const number = local?.Account?.AccountNumber;
  return sort && number ? `${sort} ${number}` : null;
}
