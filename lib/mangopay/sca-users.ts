// SCA user endpoints (`/sca/users/…`, docs/mangopay-api.md §2.8): OWNER creation and categorization
// answer `PendingUserAction.RedirectUrl`, where the user enrols on MANGOPAY's hosted page. The platform
// appends `ReturnUrl` (see `withReturnUrl`) before redirecting the user.
import type { CallOptions, MangopayClient } from "./client";
import { getOne, send, type ScaContext, type WriteOptions } from "./resource";
import type { Address } from "./schemas/common";
import { PendingUserActionResult, ScaStatus } from "./schemas/sca";
import { LegalUser, NaturalUser, User } from "./schemas/users";

interface ScaCommon {
  Email: string;
  Tag?: string;
  TermsAndConditionsAccepted: boolean;
  UserCategory: "PAYER" | "OWNER";
  ScaContext?: ScaContext;
}

export interface CreateNaturalScaUserInput extends ScaCommon {
  FirstName: string;
  LastName: string;
  Address?: Address;
  /** Unix seconds. */
  Birthday?: number;
  Nationality?: string;
  CountryOfResidence?: string;
  Occupation?: string;
  PhoneNumber?: string;
  PhoneNumberCountry?: string;
}

export interface LegalRepresentativeInput {
  FirstName: string;
  LastName: string;
  Email?: string;
  Birthday?: number;
  Nationality?: string;
  CountryOfResidence?: string;
  PhoneNumber?: string;
  PhoneNumberCountry?: string;
}

export interface CreateLegalScaUserInput extends ScaCommon {
  Name: string;
  LegalPersonType: "BUSINESS" | "ORGANIZATION" | "SOLETRADER" | "PARTNERSHIP";
  LegalRepresentative: LegalRepresentativeInput;
  HeadquartersAddress?: Address;
  LegalRepresentativeAddress?: Address;
  CompanyNumber?: string;
}

export interface CategorizeInput {
  UserCategory: "OWNER";
  TermsAndConditionsAccepted: true;
  ScaContext?: ScaContext;
  [field: string]: unknown;
}

export function createNatural(
  client: MangopayClient,
  input: CreateNaturalScaUserInput,
  options: WriteOptions = {},
): Promise<NaturalUser> {
  return send(client, "POST", "/sca/users/natural", {}, input, NaturalUser, "SCA natural user", options);
}

export function createLegal(
  client: MangopayClient,
  input: CreateLegalScaUserInput,
  options: WriteOptions = {},
): Promise<LegalUser> {
  return send(client, "POST", "/sca/users/legal", {}, input, LegalUser, "SCA legal user", options);
}

export function get(client: MangopayClient, userId: string, options: CallOptions = {}): Promise<User> {
  return getOne(client, "/sca/users/{userId}", { userId }, User, "SCA user", options);
}

export function updateNatural(
  client: MangopayClient,
  userId: string,
  input: Partial<CreateNaturalScaUserInput>,
  options: CallOptions = {},
): Promise<NaturalUser> {
  return send(
    client,
    "PUT",
    "/sca/users/natural/{userId}",
    { userId },
    input,
    NaturalUser,
    "SCA natural user",
    options,
  );
}

export function updateLegal(
  client: MangopayClient,
  userId: string,
  input: Partial<CreateLegalScaUserInput>,
  options: CallOptions = {},
): Promise<LegalUser> {
  return send(client, "PUT", "/sca/users/legal/{userId}", { userId }, input, LegalUser, "SCA legal user", options);
}

/** PAYER → OWNER: the answer's PendingUserAction is the enrollment link (UserStatus PENDING_USER_ACTION). */
export function categorize(
  client: MangopayClient,
  userId: string,
  personType: "NATURAL" | "LEGAL",
  input: CategorizeInput,
  options: CallOptions = {},
): Promise<User> {
  const path = personType === "NATURAL" ? "/sca/users/natural/{userId}/category" : "/sca/users/legal/{userId}/category";
  return send(client, "PUT", path, { userId }, input, User, "SCA user", options);
}

/** A new enrollment session for an OWNER (does not change UserStatus). */
export function enroll(client: MangopayClient, userId: string, options: WriteOptions = {}) {
  return send(
    client,
    "POST",
    "/sca/users/{userId}/enrollment",
    { userId },
    {},
    PendingUserActionResult,
    "SCA enrollment",
    options,
  );
}

/** A session where the user gives consent to the platform's proxy (USER_NOT_PRESENT actions). */
export function manageConsent(client: MangopayClient, userId: string, options: WriteOptions = {}) {
  return send(
    client,
    "POST",
    "/sca/users/{userId}/consent",
    { userId },
    {},
    PendingUserActionResult,
    "SCA consent",
    options,
  );
}

export function getScaStatus(client: MangopayClient, userId: string, options: CallOptions = {}): Promise<ScaStatus> {
  return getOne(client, "/sca/users/{userId}/sca-status", { userId }, ScaStatus, "SCA status", options);
}

/** The documented way back from the hosted session: `ReturnUrl`, percent-encoded, on the RedirectUrl. */
export function withReturnUrl(redirectUrl: string, returnUrl: string): string {
  const url = new URL(redirectUrl);
  url.searchParams.set("ReturnUrl", returnUrl);
  return url.toString();
}
