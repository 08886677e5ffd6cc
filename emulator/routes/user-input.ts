// Reading natural/legal user bodies for create (all required fields) and update (only what is sent).
import { ApiError } from "../core/errors";
import { BodyReader } from "../core/body";
import type { LegalUser, NaturalUser, UserCategory } from "../store/types";

const CATEGORIES = ["PAYER", "OWNER", "PLATFORM"] as const;
const LEGAL_TYPES = ["BUSINESS", "ORGANIZATION", "SOLETRADER", "PARTNERSHIP"] as const;
const INCOME_RANGES = [1, 2, 3, 4, 5, 6] as const;

type NaturalFields = Omit<NaturalUser, "Id" | "CreationDate" | "KYCLevel" | "UserStatus" | "PersonType">;
type LegalFields = Omit<LegalUser, "Id" | "CreationDate" | "KYCLevel" | "UserStatus" | "PersonType">;

/** Fields present in the body only (PUT semantics); `creating` makes MANGOPAY's required ones mandatory. */
function common(r: BodyReader, creating: boolean, now: number) {
  const out: Record<string, unknown> = {};
  const set = (k: string, v: unknown): void => {
    if (r.has(k)) out[k] = v;
  };
  set("Tag", r.tag());
  set("Email", r.email("Email", { required: creating }));
  const terms = r.bool("TermsAndConditionsAccepted");
  if (terms !== null) {
    out.TermsAndConditionsAccepted = terms;
    out.TermsAndConditionsAcceptedDate = terms ? now : null;
  }
  const category = r.enumOf("UserCategory", CATEGORIES);
  if (category !== null) out.UserCategory = category;
  return out;
}

function categoryOf(r: BodyReader, fallback: UserCategory): UserCategory {
  return (r.enumOf("UserCategory", CATEGORIES) ?? fallback) as UserCategory;
}

function assertTerms(category: UserCategory, accepted: boolean): void {
  if (category === "OWNER" && !accepted) {
    throw new ApiError(
      400,
      "user_hasnt_accepted_terms_and_conditions",
      "An OWNER user must accept the terms and conditions (TermsAndConditionsAccepted: true)",
    );
  }
}

export function readNatural(
  body: Record<string, unknown>,
  creating: boolean,
  now: number,
  current?: NaturalUser,
): Partial<NaturalFields> {
  const r = new BodyReader(body);
  const out = common(r, creating, now);
  const set = (k: string, v: unknown): void => {
    if (r.has(k)) out[k] = v;
  };
  set("FirstName", r.string("FirstName", { required: creating, max: 100 }));
  set("LastName", r.string("LastName", { required: creating, max: 100 }));
  set("Address", r.address("Address"));
  set("Birthday", r.int("Birthday"));
  set("Nationality", r.country("Nationality"));
  set("CountryOfResidence", r.country("CountryOfResidence"));
  set("Occupation", r.string("Occupation"));
  // An integer 1–6; a numeric string ("3") is accepted and answered as the number.
  const rawIncome = r.body.IncomeRange;
  const income = rawIncome === undefined || rawIncome === null ? null : Number(rawIncome);
  if (income !== null && !(INCOME_RANGES as readonly number[]).includes(income))
    r.fail("IncomeRange", "The field IncomeRange must be between 1 and 6.");
  set("IncomeRange", income);
  set("Capacity", r.enumOf("Capacity", ["NORMAL", "DECLARATIVE"] as const));
  const category = categoryOf(r, current?.UserCategory ?? (out.TermsAndConditionsAccepted ? "OWNER" : "PAYER"));
  if (category === "OWNER") {
    for (const field of ["Birthday", "Nationality", "CountryOfResidence"]) {
      if (out[field] === undefined && (current === undefined || current[field as keyof NaturalUser] === null))
        r.fail(field, `The ${field} field is required.`);
    }
  }
  r.done();
  assertTerms(category, Boolean(out.TermsAndConditionsAccepted ?? current?.TermsAndConditionsAccepted));
  out.UserCategory = category;
  return out as Partial<NaturalFields>;
}

export function readLegal(
  body: Record<string, unknown>,
  creating: boolean,
  now: number,
  current?: LegalUser,
): Partial<LegalFields> {
  const r = new BodyReader(body);
  const out = common(r, creating, now);
  const set = (k: string, v: unknown): void => {
    if (r.has(k)) out[k] = v;
  };
  set("Name", r.string("Name", { required: creating }));
  set("LegalPersonType", r.enumOf("LegalPersonType", LEGAL_TYPES, { required: creating }));
  set("HeadquartersAddress", r.address("HeadquartersAddress"));
  set("LegalRepresentativeFirstName", r.string("LegalRepresentativeFirstName", { required: creating, max: 100 }));
  set("LegalRepresentativeLastName", r.string("LegalRepresentativeLastName", { required: creating, max: 100 }));
  set("LegalRepresentativeEmail", r.email("LegalRepresentativeEmail"));
  set("LegalRepresentativeBirthday", r.int("LegalRepresentativeBirthday"));
  set("LegalRepresentativeNationality", r.country("LegalRepresentativeNationality"));
  set("LegalRepresentativeCountryOfResidence", r.country("LegalRepresentativeCountryOfResidence"));
  set("LegalRepresentativeAddress", r.address("LegalRepresentativeAddress"));
  set("CompanyNumber", r.string("CompanyNumber"));
  const category = categoryOf(r, current?.UserCategory ?? (out.TermsAndConditionsAccepted ? "OWNER" : "PAYER"));
  r.done();
  assertTerms(category, Boolean(out.TermsAndConditionsAccepted ?? current?.TermsAndConditionsAccepted));
  out.UserCategory = category;
  return out as Partial<LegalFields>;
}
