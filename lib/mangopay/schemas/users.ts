import { z } from "zod";
import { Address, EntityBase, NullableUnixDate, OptionalString, openEnum } from "./common";

export const PersonType = openEnum(["NATURAL", "LEGAL"]);
export const UserCategory = openEnum(["PAYER", "OWNER", "PLATFORM"]);
export const KycLevel = openEnum(["LIGHT", "REGULAR"]);
export const UserStatus = openEnum(["PENDING_USER_ACTION", "ACTIVE", "CLOSED"]);
export const LegalPersonType = openEnum(["BUSINESS", "ORGANIZATION", "SOLETRADER", "PARTNERSHIP"]);

const PendingUserAction = z.looseObject({ RedirectUrl: z.string().nullish() }).nullish();

const UserCommon = {
  ...EntityBase,
  Email: OptionalString,
  KYCLevel: KycLevel.nullish(),
  TermsAndConditionsAccepted: z.boolean().nullish(),
  TermsAndConditionsAcceptedDate: NullableUnixDate,
  UserCategory: UserCategory.nullish(),
  UserStatus: UserStatus.nullish(),
  PendingUserAction,
};

/** `GET /users` items: a projection without names or addresses (docs/mangopay-api.md §2.2). */
export const UserListItem = z.looseObject({
  ...UserCommon,
  PersonType,
});
export type UserListItem = z.output<typeof UserListItem>;

export const NaturalUser = z.looseObject({
  ...UserCommon,
  PersonType: z.literal("NATURAL"),
  FirstName: z.string(),
  LastName: z.string(),
  Address: Address.nullish(),
  // PAYER users return null for these.
  Birthday: NullableUnixDate,
  Nationality: OptionalString,
  CountryOfResidence: OptionalString,
  Occupation: OptionalString,
  /** Income bracket 1–6 (an integer; null for PAYER users). */
  IncomeRange: z.number().int().min(1).max(6).nullish(),
  ProofOfIdentity: OptionalString,
  ProofOfAddress: OptionalString,
  Capacity: OptionalString,
  PhoneNumber: OptionalString,
  PhoneNumberCountry: OptionalString,
});
export type NaturalUser = z.output<typeof NaturalUser>;

const LegalRepresentative = z.looseObject({
  FirstName: OptionalString,
  LastName: OptionalString,
  Email: OptionalString,
  Birthday: NullableUnixDate,
  Nationality: OptionalString,
  CountryOfResidence: OptionalString,
  PhoneNumber: OptionalString,
  PhoneNumberCountry: OptionalString,
  ProofOfIdentity: OptionalString,
});

export const LegalUser = z.looseObject({
  ...UserCommon,
  PersonType: z.literal("LEGAL"),
  Name: z.string(),
  LegalPersonType,
  HeadquartersAddress: Address.nullish(),
  LegalRepresentativeFirstName: OptionalString,
  LegalRepresentativeLastName: OptionalString,
  LegalRepresentativeEmail: OptionalString,
  LegalRepresentativeBirthday: NullableUnixDate,
  LegalRepresentativeNationality: OptionalString,
  LegalRepresentativeCountryOfResidence: OptionalString,
  LegalRepresentativeAddress: Address.nullish(),
  LegalRepresentative: LegalRepresentative.nullish(),
  CompanyNumber: OptionalString,
  ProofOfRegistration: OptionalString,
  ShareholderDeclaration: OptionalString,
  Statute: OptionalString,
  LegalRepresentativeProofOfIdentity: OptionalString,
});
export type LegalUser = z.output<typeof LegalUser>;

export const User = z.discriminatedUnion("PersonType", [NaturalUser, LegalUser]);
export type User = z.output<typeof User>;

export const UserRegulatory = z.looseObject({
  UserId: z.string(),
  ActionCode: OptionalString,
  ScopeBlocked: z.looseObject({ Inflows: z.boolean(), Outflows: z.boolean() }),
});
export type UserRegulatory = z.output<typeof UserRegulatory>;
