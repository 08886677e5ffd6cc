// Recipients (payouts v2): a user's registered beneficiary, which replaces the bank account as a
// payout's destination. Bank details sit under the payout method's name: `LocalBankTransfer` keyed by
// currency (`{EUR: {IBAN, BIC}}`, `{GBP: {SortCode, AccountNumber}}`…), `InternationalBankTransfer` flat.
import { z } from "zod";
import { Address, EntityBase, OptionalString, openEnum } from "./common";

export const RecipientStatus = openEnum(["PENDING", "ACTIVE", "CANCELED", "DEACTIVATED"]);
export const PayoutMethodType = openEnum(["LocalBankTransfer", "InternationalBankTransfer"]);
export const RecipientType = openEnum(["Individual", "Business"]);

const BankDetails = z.record(z.string(), z.string().nullish());

export const Recipient = z.looseObject({
  ...EntityBase,
  Status: RecipientStatus,
  DisplayName: OptionalString,
  PayoutMethodType,
  RecipientType,
  Currency: z.string(),
  Country: OptionalString,
  RecipientScope: OptionalString,
  UserId: z.string(),
  IndividualRecipient: z
    .looseObject({ FirstName: OptionalString, LastName: OptionalString, Address: Address.nullish() })
    .nullish(),
  BusinessRecipient: z.looseObject({ BusinessName: OptionalString, Address: Address.nullish() }).nullish(),
  LocalBankTransfer: z.record(z.string(), BankDetails.nullish()).nullish(),
  InternationalBankTransfer: BankDetails.nullish(),
  PendingUserAction: z.looseObject({ RedirectUrl: OptionalString }).nullish(),
});
export type Recipient = z.output<typeof Recipient>;

/** One field of a recipient schema (`GET /recipients/schema`): what the form must ask for. */
export const RecipientSchemaField = z.looseObject({
  Required: z.boolean(),
  MaxLength: z.number().nullish(),
  MinLength: z.number().nullish(),
  Pattern: OptionalString,
  AllowedValues: z.array(z.string()).nullish(),
  Label: OptionalString,
  EndUserDisplay: OptionalString,
});
/** Fields, or groups of fields (`IndividualRecipient.Address…`), nested as MANGOPAY sends them. */
export const RecipientSchema = z.record(z.string(), z.unknown());
export type RecipientSchema = z.output<typeof RecipientSchema>;

export const RecipientPayoutMethods = z.looseObject({ AvailablePayoutMethods: z.array(z.string()) });
export type RecipientPayoutMethods = z.output<typeof RecipientPayoutMethods>;

/** The bank details' own fields, flat: `[["IBAN", "FR76…"], ["BIC", "…"]]` (local rails: the currency's). */
export function recipientBankDetails(r: Recipient): [string, string][] {
  const local = r.LocalBankTransfer ? (r.LocalBankTransfer[r.Currency] ?? Object.values(r.LocalBankTransfer)[0]) : null;
  const details = local ?? r.InternationalBankTransfer ?? {};
  return Object.entries(details).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "");
}

/** The person's or company's name the money goes to. */
export function recipientHolder(r: Recipient): string | null {
  if (r.BusinessRecipient?.BusinessName) return r.BusinessRecipient.BusinessName;
  const p = r.IndividualRecipient;
  const name = [p?.FirstName, p?.LastName].filter(Boolean).join(" ");
  return name === "" ? null : name;
}
