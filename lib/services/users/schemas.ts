// Add / edit a user from the dashboard: the flat fields the form posts, checked for what MANGOPAY
// requires of each person type and category (docs/dashboard-actions.md), and turned into the body
// MANGOPAY takes. Pure, so the form can share the field names.
import { z } from "zod";
import { LEGAL_PERSON_TYPES, USER_CATEGORIES } from "@/lib/mangopay/values";
import type { CreateLegalUserInput, CreateNaturalUserInput } from "@/lib/mangopay/users";
import {
  AccountIdField,
  addressOf,
  Checkbox,
  OptionalCountry,
  OptionalPastDate,
  OptionalText,
  RequiredText,
  unixSecondsOf,
  UpstreamIdField,
  type AddressFields,
} from "@/lib/services/mangopay/write-inputs";

export { USER_CATEGORIES, LEGAL_PERSON_TYPES };

const Email = z.string().trim().toLowerCase().max(255).pipe(z.email("Enter a valid email address"));
const OptionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(255)
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.email("Enter a valid email address").optional());

const address = (prefix: string) => ({
  [`${prefix}Line1`]: OptionalText(255),
  [`${prefix}Line2`]: OptionalText(255),
  [`${prefix}City`]: OptionalText(255),
  [`${prefix}Region`]: OptionalText(255),
  [`${prefix}PostalCode`]: OptionalText(20),
  [`${prefix}Country`]: OptionalCountry,
});

const pick = (v: Record<string, unknown>, prefix: string): AddressFields => ({
  line1: v[`${prefix}Line1`] as string | undefined,
  line2: v[`${prefix}Line2`] as string | undefined,
  city: v[`${prefix}City`] as string | undefined,
  region: v[`${prefix}Region`] as string | undefined,
  postalCode: v[`${prefix}PostalCode`] as string | undefined,
  country: v[`${prefix}Country`] as string | undefined,
});

const common = {
  accountId: AccountIdField,
  category: z.enum(USER_CATEGORIES, "Pick Payer or Owner"),
  email: Email,
  termsAccepted: Checkbox,
  tag: OptionalText(255),
};

const NaturalFields = z.object({
  ...common,
  personType: z.literal("NATURAL"),
  firstName: RequiredText("first name", 100),
  lastName: RequiredText("last name", 100),
  birthday: OptionalPastDate,
  nationality: OptionalCountry,
  countryOfResidence: OptionalCountry,
  occupation: OptionalText(255),
  incomeRange: z
    .enum(["", "1", "2", "3", "4", "5", "6"], "Pick an income range")
    .optional()
    .transform((v) => (v ? v : undefined)),
  ...address("address"),
});

const LegalFields = z.object({
  ...common,
  personType: z.literal("LEGAL"),
  name: RequiredText("company name", 255),
  legalPersonType: z.enum(LEGAL_PERSON_TYPES, "Pick the legal form"),
  companyNumber: OptionalText(64),
  ...address("hq"),
  repFirstName: RequiredText("representative's first name", 100),
  repLastName: RequiredText("representative's last name", 100),
  repEmail: OptionalEmail,
  repBirthday: OptionalPastDate,
  repNationality: OptionalCountry,
  repCountryOfResidence: OptionalCountry,
  ...address("rep"),
});

type Issue = (path: string, message: string) => void;
type NaturalValues = z.output<typeof NaturalFields>;
type LegalValues = z.output<typeof LegalFields>;
type UserValues = NaturalValues | LegalValues;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** MANGOPAY's requirements per category; on edit an empty address keeps the current one. */
function checkUser(v: UserValues, issue: Issue, updating: boolean): void {
  const owner = v.category === "OWNER";
  // MANGOPAY refuses an Owner who has not accepted the terms (user_hasnt_accepted_terms_and_conditions).
  if (owner && !v.termsAccepted) issue("termsAccepted", "An Owner must accept the terms");
  if (v.personType === "NATURAL") {
    if (owner) {
      if (!v.birthday) issue("birthday", "Required for an Owner");
      if (!v.nationality) issue("nationality", "Required for an Owner");
      if (!v.countryOfResidence) issue("countryOfResidence", "Required for an Owner");
    }
    addressOf(pick(v, "address"), owner && !updating, (f, m) => issue(`address${cap(f)}`, m));
    return;
  }
  if (owner) {
    if (!v.repEmail) issue("repEmail", "Required for an Owner");
    if (!v.repBirthday) issue("repBirthday", "Required for an Owner");
    if (!v.repNationality) issue("repNationality", "Required for an Owner");
    if (!v.repCountryOfResidence) issue("repCountryOfResidence", "Required for an Owner");
    if (v.legalPersonType === "BUSINESS" && !v.companyNumber) issue("companyNumber", "Required for a business Owner");
  }
  addressOf(pick(v, "hq"), owner && !updating, (f, m) => issue(`hq${cap(f)}`, m));
  addressOf(pick(v, "rep"), false, (f, m) => issue(`rep${cap(f)}`, m));
}

const refined =
  (updating: boolean) =>
  (v: UserValues, ctx: z.RefinementCtx): void =>
    checkUser(v, (path, message) => ctx.addIssue({ code: "custom", path: [path], message }), updating);

export const CreateUserInput = z
  .discriminatedUnion("personType", [NaturalFields, LegalFields])
  .superRefine(refined(false));
export type CreateUserInput = z.input<typeof CreateUserInput>;

export const UpdateUserInput = z
  .discriminatedUnion("personType", [
    NaturalFields.extend({ userId: UpstreamIdField }),
    LegalFields.extend({ userId: UpstreamIdField }),
  ])
  .superRefine(refined(true));
export type UpdateUserInput = z.input<typeof UpdateUserInput>;

export type UserWriteBody =
  { personType: "NATURAL"; body: CreateNaturalUserInput } | { personType: "LEGAL"; body: CreateLegalUserInput };

const none = () => undefined;

/** The body MANGOPAY takes, from values `CreateUserInput`/`UpdateUserInput` accepted. */
export function userBody(v: UserValues): UserWriteBody {
  const common = { Email: v.email, Tag: v.tag, UserCategory: v.category, TermsAndConditionsAccepted: v.termsAccepted };
  if (v.personType === "NATURAL")
    return {
      personType: "NATURAL",
      body: {
        ...common,
        FirstName: v.firstName,
        LastName: v.lastName,
        Address: addressOf(pick(v, "address"), false, none),
        Birthday: unixSecondsOf(v.birthday),
        Nationality: v.nationality,
        CountryOfResidence: v.countryOfResidence,
        Occupation: v.occupation,
        IncomeRange: v.incomeRange,
      },
    };
  return {
    personType: "LEGAL",
    body: {
      ...common,
      Name: v.name,
      LegalPersonType: v.legalPersonType,
      CompanyNumber: v.companyNumber,
      HeadquartersAddress: addressOf(pick(v, "hq"), false, none),
      LegalRepresentativeFirstName: v.repFirstName,
      LegalRepresentativeLastName: v.repLastName,
      LegalRepresentativeEmail: v.repEmail,
      LegalRepresentativeBirthday: unixSecondsOf(v.repBirthday),
      LegalRepresentativeNationality: v.repNationality,
      LegalRepresentativeCountryOfResidence: v.repCountryOfResidence,
      LegalRepresentativeAddress: addressOf(pick(v, "rep"), false, none),
    },
  };
}

/** MANGOPAY's field names → the form's, so MANGOPAY's own refusals show beside their fields. */
export const USER_FIELD_NAMES: Record<string, string> = {
  Email: "email",
  Tag: "tag",
  UserCategory: "category",
  TermsAndConditionsAccepted: "termsAccepted",
  FirstName: "firstName",
  LastName: "lastName",
  Birthday: "birthday",
  Nationality: "nationality",
  CountryOfResidence: "countryOfResidence",
  Occupation: "occupation",
  IncomeRange: "incomeRange",
  "Address.AddressLine1": "addressLine1",
  "Address.City": "addressCity",
  "Address.PostalCode": "addressPostalCode",
  "Address.Country": "addressCountry",
  "Address.Region": "addressRegion",
  Address: "addressLine1",
  Name: "name",
  LegalPersonType: "legalPersonType",
  CompanyNumber: "companyNumber",
  "HeadquartersAddress.AddressLine1": "hqLine1",
  "HeadquartersAddress.City": "hqCity",
  "HeadquartersAddress.PostalCode": "hqPostalCode",
  "HeadquartersAddress.Country": "hqCountry",
  "HeadquartersAddress.Region": "hqRegion",
  HeadquartersAddress: "hqLine1",
  LegalRepresentativeFirstName: "repFirstName",
  LegalRepresentativeLastName: "repLastName",
  LegalRepresentativeEmail: "repEmail",
  LegalRepresentativeBirthday: "repBirthday",
  LegalRepresentativeNationality: "repNationality",
  LegalRepresentativeCountryOfResidence: "repCountryOfResidence",
  LegalRepresentativeAddress: "repLine1",
};
