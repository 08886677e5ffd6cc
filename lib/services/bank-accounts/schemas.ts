// Adding a bank account: MANGOPAY's field rules per type (docs/dashboard-actions.md), on flat form fields.
import { z } from "zod";
import { BANK_ACCOUNT_TYPES } from "@/lib/mangopay/values";
import type { CreateBankAccountInput as MangopayBankAccountBody } from "@/lib/mangopay/bank-accounts";
import {
  AccountIdField,
  addressOf,
  OptionalText,
  optionalCountry,
  RequiredText,
  UpstreamIdField,
  AddressShape,
} from "@/lib/services/mangopay/write-inputs";

export { BANK_ACCOUNT_TYPES };

const compact = (s: string) => s.replace(/[\s-]+/g, "").toUpperCase();
const BIC = /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/;
const digits = (label: string, re: RegExp, what: string) =>
  OptionalText(64)
    .transform((v) => (v ? compact(v) : v))
    .pipe(z.string().regex(re, `${label}: ${what}`).optional());

const BankAccountFields = z.object({
  accountId: AccountIdField,
  userId: UpstreamIdField,
  type: z.enum(BANK_ACCOUNT_TYPES, "Pick the account type"),
  ownerName: RequiredText("account holder's name", 255),
  ...AddressShape,
  tag: OptionalText(255),
  // IBAN: two letters, two check digits, up to 30 letters or digits; MANGOPAY checks the checksum.
  iban: digits("IBAN", /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/, "two letters, two digits, then the account"),
  bic: digits("BIC", BIC, "8 or 11 characters"),
  accountNumber: OptionalText(64).transform((v) => (v ? compact(v) : v)),
  sortCode: digits("Sort code", /^\d{6}$/, "6 digits"),
  aba: digits("ABA", /^\d{9}$/, "9 digits"),
  depositAccountType: z
    .enum(["", "CHECKING", "SAVINGS"], "Pick checking or savings")
    .optional()
    .transform((v) => (v ? v : undefined)),
  institutionNumber: digits("Institution number", /^\d{3,4}$/, "3 or 4 digits"),
  branchCode: digits("Branch code", /^\d{5}$/, "5 digits"),
  bankName: OptionalText(50),
  bankCountry: optionalCountry("Pick the bank's country"),
});

type BankAccountValues = z.output<typeof BankAccountFields>;

/** The body MANGOPAY takes for the chosen type; `issue` receives each missing or malformed field. */
export function bankAccountBody(
  v: BankAccountValues,
  issue: (path: string, message: string) => void = () => undefined,
): MangopayBankAccountBody {
  const need = (value: string | undefined, path: string, label: string): string => {
    if (!value) issue(path, `Enter the ${label}`);
    return value ?? "";
  };
  const OwnerAddress = addressOf(v, true, (f, m) => issue(f, m));
  const base = {
    OwnerName: v.ownerName,
    OwnerAddress: OwnerAddress ?? { AddressLine1: "", City: "", PostalCode: "", Country: "" },
    Tag: v.tag,
  };
  const acct = (re: RegExp, what: string) => {
    const n = need(v.accountNumber, "accountNumber", "account number");
    if (n && !re.test(n)) issue("accountNumber", `Account number: ${what}`);
    return n;
  };
  switch (v.type) {
    case "IBAN":
      return { ...base, Type: "IBAN", IBAN: need(v.iban, "iban", "IBAN"), BIC: v.bic };
    case "GB":
      return {
        ...base,
        Type: "GB",
        AccountNumber: acct(/^\d{8}$/, "8 digits"),
        SortCode: need(v.sortCode, "sortCode", "sort code"),
      };
    case "US":
      return {
        ...base,
        Type: "US",
        AccountNumber: acct(/^\d{4,17}$/, "4 to 17 digits"),
        ABA: need(v.aba, "aba", "ABA routing number"),
        DepositAccountType: v.depositAccountType,
      };
    case "CA":
      return {
        ...base,
        Type: "CA",
        AccountNumber: acct(/^\d{7,35}$/, "7 to 35 digits"),
        InstitutionNumber: need(v.institutionNumber, "institutionNumber", "institution number"),
        BranchCode: need(v.branchCode, "branchCode", "branch code"),
        BankName: need(v.bankName, "bankName", "bank name"),
      };
    case "OTHER":
      return {
        ...base,
        Type: "OTHER",
        AccountNumber: acct(/^[A-Z0-9]{7,35}$/, "7 to 35 letters or digits"),
        BIC: need(v.bic, "bic", "BIC"),
        Country: need(v.bankCountry, "bankCountry", "bank's country"),
      };
  }
}

export const CreateBankAccountInput = BankAccountFields.superRefine((v, ctx) => {
  bankAccountBody(v, (path, message) => ctx.addIssue({ code: "custom", path: [path], message }));
});
export type CreateBankAccountInput = z.input<typeof CreateBankAccountInput>;

export const DeactivateBankAccountInput = z.object({
  accountId: AccountIdField,
  userId: UpstreamIdField,
  bankAccountId: UpstreamIdField,
});
export type DeactivateBankAccountInput = z.input<typeof DeactivateBankAccountInput>;

export const BANK_ACCOUNT_FIELD_NAMES: Record<string, string> = {
  OwnerName: "ownerName",
  "OwnerAddress.AddressLine1": "line1",
  "OwnerAddress.City": "city",
  "OwnerAddress.PostalCode": "postalCode",
  "OwnerAddress.Country": "country",
  "OwnerAddress.Region": "region",
  OwnerAddress: "line1",
  IBAN: "iban",
  BIC: "bic",
  AccountNumber: "accountNumber",
  SortCode: "sortCode",
  ABA: "aba",
  DepositAccountType: "depositAccountType",
  InstitutionNumber: "institutionNumber",
  BranchCode: "branchCode",
  BankName: "bankName",
  Country: "bankCountry",
  Tag: "tag",
};
