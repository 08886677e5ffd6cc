import type { CallOptions, MangopayClient } from "./client";
import { iterateAll, listPage, type IterateOptions, type ListOptions, type Page } from "./pagination";
import { getOne, send, sendNoContent, type WriteOptions } from "./resource";
import type { Address } from "./schemas/common";
import { LegalUser, NaturalUser, User, UserListItem, UserRegulatory } from "./schemas/users";

export type UserFilter = never;

/** `GET /users`: the list is a projection (no names); use `get` for details. */
export function list(client: MangopayClient, options: ListOptions<UserFilter> = {}): Promise<Page<UserListItem>> {
  return listPage(client, { path: "/users", item: UserListItem, itemName: "user" }, options);
}

export function listAll(client: MangopayClient, options: Omit<ListOptions<UserFilter>, "page"> & IterateOptions = {}) {
  return iterateAll((page) => list(client, { ...options, page, perPage: options.perPage ?? 100 }), options);
}

export function get(client: MangopayClient, userId: string, options: CallOptions = {}): Promise<User> {
  return getOne(client, "/users/{userId}", { userId }, User, "user", options);
}

export function getNatural(client: MangopayClient, userId: string, options: CallOptions = {}): Promise<NaturalUser> {
  return getOne(client, "/users/natural/{userId}", { userId }, NaturalUser, "natural user", options);
}

export function getLegal(client: MangopayClient, userId: string, options: CallOptions = {}): Promise<LegalUser> {
  return getOne(client, "/users/legal/{userId}", { userId }, LegalUser, "legal user", options);
}

interface UserInputCommon {
  Email: string;
  Tag?: string;
  TermsAndConditionsAccepted?: boolean;
  UserCategory?: "PAYER" | "OWNER";
}

export interface CreateNaturalUserInput extends UserInputCommon {
  FirstName: string;
  LastName: string;
  Address?: Address;
  /** Unix seconds, as MANGOPAY takes it. */
  Birthday?: number;
  Nationality?: string;
  CountryOfResidence?: string;
  Occupation?: string;
  IncomeRange?: string;
}

export interface CreateLegalUserInput extends UserInputCommon {
  Name: string;
  LegalPersonType: "BUSINESS" | "ORGANIZATION" | "SOLETRADER" | "PARTNERSHIP";
  LegalRepresentativeFirstName: string;
  LegalRepresentativeLastName: string;
  HeadquartersAddress?: Address;
  LegalRepresentativeAddress?: Address;
  LegalRepresentativeEmail?: string;
  LegalRepresentativeBirthday?: number;
  LegalRepresentativeNationality?: string;
  LegalRepresentativeCountryOfResidence?: string;
  CompanyNumber?: string;
}

export function createNatural(
  client: MangopayClient,
  input: CreateNaturalUserInput,
  options: WriteOptions = {},
): Promise<NaturalUser> {
  return send(client, "POST", "/users/natural", {}, input, NaturalUser, "natural user", options);
}

export function createLegal(
  client: MangopayClient,
  input: CreateLegalUserInput,
  options: WriteOptions = {},
): Promise<LegalUser> {
  return send(client, "POST", "/users/legal", {}, input, LegalUser, "legal user", options);
}

export function updateNatural(
  client: MangopayClient,
  userId: string,
  input: Partial<CreateNaturalUserInput>,
  options: CallOptions = {},
): Promise<NaturalUser> {
  return send(client, "PUT", "/users/natural/{userId}", { userId }, input, NaturalUser, "natural user", options);
}

export function updateLegal(
  client: MangopayClient,
  userId: string,
  input: Partial<CreateLegalUserInput>,
  options: CallOptions = {},
): Promise<LegalUser> {
  return send(client, "PUT", "/users/legal/{userId}", { userId }, input, LegalUser, "legal user", options);
}

/** Closes the user (204); MANGOPAY refuses with `user_closure_not_possible` while a wallet holds money. */
export function close(
  client: MangopayClient,
  userId: string,
  personType: "NATURAL" | "LEGAL",
  options: CallOptions = {},
): Promise<void> {
  const path = personType === "NATURAL" ? "/users/natural/{userId}" : "/users/legal/{userId}";
  return sendNoContent(client, "DELETE", path, { userId }, undefined, options);
}

export function getRegulatory(
  client: MangopayClient,
  userId: string,
  options: CallOptions = {},
): Promise<UserRegulatory> {
  return getOne(client, "/users/{userId}/regulatory", { userId }, UserRegulatory, "user regulatory status", options);
}
