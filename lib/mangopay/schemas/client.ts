import { z } from "zod";
import { Address, EntityBase, NullableUnixDate, OptionalString, openEnum } from "./common";

const Emails = z.array(z.string()).nullish();

/** The platform's own account (`GET /clients`). */
export const Client = z.looseObject({
  ClientId: z.string(),
  Name: z.string(),
  RegisteredName: OptionalString,
  TechEmails: Emails,
  AdminEmails: Emails,
  BillingEmails: Emails,
  FraudEmails: Emails,
  HeadquartersAddress: Address.nullish(),
  HeadquartersPhoneNumber: OptionalString,
  TaxNumber: OptionalString,
  PlatformCategorization: z.looseObject({ BusinessType: OptionalString, Sector: OptionalString }).nullish(),
  PlatformURL: OptionalString,
  PlatformDescription: OptionalString,
  CompanyReference: OptionalString,
  PrimaryThemeColour: OptionalString,
  PrimaryButtonColour: OptionalString,
  Logo: OptionalString,
  CompanyNumber: OptionalString,
  MCC: OptionalString,
  /** The MANGOPAY entity the platform contracts with: EU (MANGOPAY S.A.) or UK (MANGOPAY U.K. Limited). */
  Licensor: openEnum(["EU", "UK"]).nullish(),
  PlatformType: openEnum([
    "NotSpecified",
    "MARKETPLACE",
    "P2P_PAYMENT",
    "CROWDFUNDING_DONATION",
    "CROWDFUNDING_REWARD",
    "CROWDFUNDING_EQUITY",
    "CROWDFUNDING_LOAN",
    "OTHER",
  ]).nullish(),
});
export type Client = z.output<typeof Client>;

export const InvitationStatus = openEnum(["SENT", "ACCEPTED", "EXPIRED"]);

/** Legacy dashboard access object (removed from the docs in Aug 2025, docs/mangopay-api.md §3.19). */
export const Sso = z.looseObject({
  ...EntityBase,
  FirstName: z.string(),
  LastName: z.string(),
  Email: z.string(),
  Active: z.boolean(),
  ClientId: OptionalString,
  InvitationStatus,
  PermissionGroupId: z.string(),
  LastLoginDate: NullableUnixDate,
});
export type Sso = z.output<typeof Sso>;

export const ScopePermissions = z.looseObject({
  Read: z.boolean(),
  Create: z.boolean(),
  Edit: z.boolean(),
});

export const PermissionGroup = z.looseObject({
  ...EntityBase,
  Name: z.string(),
  Type: openEnum(["DEFAULT", "CUSTOM"]),
  Scopes: z.record(z.string(), ScopePermissions),
});
export type PermissionGroup = z.output<typeof PermissionGroup>;
