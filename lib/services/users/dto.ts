import type { Address } from "@/lib/mangopay/schemas/common";
import type { User, UserListItem, UserRegulatory } from "@/lib/mangopay/schemas/users";
import { iso } from "@/lib/services/mangopay/inputs";

export type UserListItemDTO = {
  id: string;
  personType: string;
  email: string | null;
  kycLevel: string | null;
  category: string | null;
  status: string | null;
  createdAt: string;
  tag: string | null;
};

export function toUserListItemDTO(u: UserListItem): UserListItemDTO {
  return {
    id: u.Id,
    personType: u.PersonType,
    email: u.Email ?? null,
    kycLevel: u.KYCLevel ?? null,
    category: u.UserCategory ?? null,
    status: u.UserStatus ?? null,
    createdAt: u.CreationDate.toISOString(),
    tag: u.Tag ?? null,
  };
}

/** An address as display lines (empty parts dropped); null when nothing is set. */
export type AddressDTO = string[] | null;

export function toAddressDTO(a: Address | null | undefined): AddressDTO {
  if (!a) return null;
  const lines = [
    a.AddressLine1,
    a.AddressLine2,
    [a.PostalCode, a.City].filter(Boolean).join(" "),
    [a.Region, a.Country].filter(Boolean).join(", "),
  ]
    .map((l) => (l ?? "").trim())
    .filter((l) => l.length > 0);
  return lines.length > 0 ? lines : null;
}

export type PersonDTO = {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  birthday: string | null;
  nationality: string | null;
  countryOfResidence: string | null;
  address: AddressDTO;
};

export type UserDTO = UserListItemDTO & {
  /** Full name (natural) or company name (legal). */
  name: string;
  termsAccepted: boolean | null;
  termsAcceptedAt: string | null;
  /** SCA: the user has an action pending (enrolment or consent). */
  pendingUserAction: boolean;
  natural:
    | (PersonDTO & {
        occupation: string | null;
        incomeRange: string | null;
        proofOfIdentity: string | null;
        proofOfAddress: string | null;
      })
    | null;
  legal: {
    legalPersonType: string;
    companyNumber: string | null;
    headquartersAddress: AddressDTO;
    representative: PersonDTO;
    proofOfRegistration: string | null;
    shareholderDeclaration: string | null;
    statute: string | null;
  } | null;
};

export function toUserDTO(u: User): UserDTO {
  const base = {
    ...toUserListItemDTO(u),
    termsAccepted: u.TermsAndConditionsAccepted ?? null,
    termsAcceptedAt: iso(u.TermsAndConditionsAcceptedDate),
    pendingUserAction: Boolean(u.PendingUserAction?.RedirectUrl),
  };
  if (u.PersonType === "NATURAL") {
    return {
      ...base,
      name: `${u.FirstName} ${u.LastName}`.trim(),
      natural: {
        firstName: u.FirstName,
        lastName: u.LastName,
        email: u.Email ?? null,
        birthday: iso(u.Birthday),
        nationality: u.Nationality ?? null,
        countryOfResidence: u.CountryOfResidence ?? null,
        address: toAddressDTO(u.Address),
        occupation: u.Occupation ?? null,
        incomeRange: u.IncomeRange === null || u.IncomeRange === undefined ? null : String(u.IncomeRange),
        proofOfIdentity: u.ProofOfIdentity ?? null,
        proofOfAddress: u.ProofOfAddress ?? null,
      },
      legal: null,
    };
  }
  // The SCA variant nests the representative; the legacy one flattens it.
  const rep = u.LegalRepresentative;
  return {
    ...base,
    name: u.Name,
    natural: null,
    legal: {
      legalPersonType: u.LegalPersonType,
      companyNumber: u.CompanyNumber ?? null,
      headquartersAddress: toAddressDTO(u.HeadquartersAddress),
      representative: {
        firstName: rep?.FirstName ?? u.LegalRepresentativeFirstName ?? null,
        lastName: rep?.LastName ?? u.LegalRepresentativeLastName ?? null,
        email: rep?.Email ?? u.LegalRepresentativeEmail ?? null,
        birthday: iso(rep?.Birthday ?? u.LegalRepresentativeBirthday),
        nationality: rep?.Nationality ?? u.LegalRepresentativeNationality ?? null,
        countryOfResidence: rep?.CountryOfResidence ?? u.LegalRepresentativeCountryOfResidence ?? null,
        address: toAddressDTO(u.LegalRepresentativeAddress),
      },
      proofOfRegistration: u.ProofOfRegistration ?? null,
      shareholderDeclaration: u.ShareholderDeclaration ?? null,
      statute: u.Statute ?? null,
    },
  };
}

export type UserRegulatoryDTO = { actionCode: string | null; inflowsBlocked: boolean; outflowsBlocked: boolean };

export function toUserRegulatoryDTO(r: UserRegulatory): UserRegulatoryDTO {
  return {
    actionCode: r.ActionCode ?? null,
    inflowsBlocked: r.ScopeBlocked.Inflows,
    outflowsBlocked: r.ScopeBlocked.Outflows,
  };
}
