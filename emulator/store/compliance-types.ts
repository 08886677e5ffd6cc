// Object shapes of the compliance resources (KYC, UBO, disputes, reports, dashboard access, client) exactly as
// MANGOPAY returns them (docs/mangopay-api.md §3.1, §3.13–3.15, §3.18–3.19). Serialised as they are.
import type { Address, Entity, Money } from "./types";

export const KYC_TYPES = [
  "IDENTITY_PROOF",
  "REGISTRATION_PROOF",
  "ARTICLES_OF_ASSOCIATION",
  "SHAREHOLDER_DECLARATION",
  "ADDRESS_PROOF",
] as const;
export type KycType = (typeof KYC_TYPES)[number];

export const DOC_STATUSES = ["CREATED", "VALIDATION_ASKED", "VALIDATED", "REFUSED", "OUT_OF_DATE"] as const;
export type DocStatus = (typeof DOC_STATUSES)[number];

export const KYC_REFUSED_REASONS = [
  "DOCUMENT_DO_NOT_MATCH_USER_DATA",
  "DOCUMENT_DO_NOT_MATCH_ACCOUNT_DATA",
  "DOCUMENT_FALSIFIED",
  "DOCUMENT_HAS_EXPIRED",
  "DOCUMENT_INCOMPLETE",
  "DOCUMENT_MISSING",
  "DOCUMENT_NOT_ACCEPTED",
  "DOCUMENT_UNREADABLE",
  "SPECIFIC_CASE",
  "UNDERAGE_PERSON",
] as const;
export type KycRefusedReason = (typeof KYC_REFUSED_REASONS)[number];

export interface KycDocument extends Entity {
  UserId: string;
  Type: KycType;
  Status: DocStatus;
  ProcessedDate: number | null;
  RefusedReasonType: KycRefusedReason | null;
  RefusedReasonMessage: string | null;
  Flags: string[];
}

/** What the emulator keeps of an uploaded page: never the content (bounded memory). */
export interface PageInfo {
  bytes: number;
  kind: "PDF" | "JPEG" | "PNG";
  uploadedAt: number;
}

export const UBO_STATUSES = ["CREATED", "VALIDATION_ASKED", "INCOMPLETE", "VALIDATED", "REFUSED"] as const;
export type UboStatus = (typeof UBO_STATUSES)[number];

export const UBO_REASONS = [
  "MISSING_UBO",
  "WRONG_UBO_INFORMATION",
  "UBO_IDENTITY_NEEDED",
  "SHAREHOLDERS_DECLARATION_NEEDED",
  "ORGANIZATION_CHART_NEEDED",
  "DOCUMENTS_NEEDED",
  "DECLARATION_DO_NOT_MATCH_UBO_INFORMATION",
  "SPECIFIC_CASE",
] as const;
export type UboReason = (typeof UBO_REASONS)[number];

export interface Birthplace {
  City: string | null;
  Country: string | null;
}

export interface Ubo {
  Id: string;
  CreationDate: number;
  FirstName: string;
  LastName: string;
  Birthday: number | null;
  Nationality: string | null;
  Address: Address | null;
  Birthplace: Birthplace | null;
  IsActive: boolean;
}

export interface UboDeclaration {
  Id: string;
  Tag: string | null;
  UserId: string;
  CreationDate: number;
  ProcessedDate: number | null;
  Status: UboStatus;
  Reason: UboReason | null;
  Message: string | null;
  Ubos: Ubo[];
}

export const DISPUTE_TYPES = ["CONTESTABLE", "NOT_CONTESTABLE", "RETRIEVAL"] as const;
export type DisputeType = (typeof DISPUTE_TYPES)[number];

export const DISPUTE_STATUSES = [
  "CREATED",
  "PENDING_CLIENT_ACTION",
  "SUBMITTED",
  "PENDING_BANK_ACTION",
  "REOPENED_PENDING_CLIENT_ACTION",
  "CLOSED",
] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const DISPUTE_REASONS = [
  "DUPLICATE",
  "FRAUD",
  "PRODUCT_UNACCEPTABLE",
  "UNKNOWN",
  "OTHER",
  "REFUND_CONVERSION_RATE",
  "LATE_FAILURE_INSUFFICIENT_FUNDS",
  "LATE_FAILURE_CONTACT_USER",
  "LATE_FAILURE_BANKACCOUNT_CLOSED",
  "LATE_FAILURE_BANKACCOUNT_INCOMPATIBLE",
  "LATE_FAILURE_BANKACCOUNT_INCORRECT",
  "AUTHORISATION_DISPUTED",
  "TRANSACTION_NOT_RECOGNIZED",
  "PRODUCT_NOT_PROVIDED",
  "CANCELED_REOCCURING_TRANSACTION",
  "REFUND_NOT_PROCESSED",
] as const;
export type DisputeReasonType = (typeof DISPUTE_REASONS)[number];

export type DisputeResult = "LOST" | "WON" | "VOID";

export interface Dispute extends Entity {
  InitialTransactionId: string;
  InitialTransactionType: "PAYIN";
  InitialTransactionNature: string;
  DisputeType: DisputeType;
  ContestDeadlineDate: number | null;
  DisputedFunds: Money;
  ContestedFunds: Money | null;
  Status: DisputeStatus;
  StatusMessage: string | null;
  DisputeReason: { DisputeReasonType: DisputeReasonType; DisputeReasonMessage: string | null };
  /** "" while the dispute is open (docs' examples), LOST|WON|VOID once CLOSED. */
  ResultCode: DisputeResult | "";
  ResultMessage: string | null;
  ClosedDate: number | null;
  RepudiationId: string | null;
}

export const DISPUTE_DOC_TYPES = [
  "DELIVERY_PROOF",
  "INVOICE",
  "REFUND_PROOF",
  "USER_CORRESPONDANCE",
  "USER_ACCEPTANCE_PROOF",
  "PRODUCT_REPLACEMENT_PROOF",
  "OTHER",
] as const;
export type DisputeDocType = (typeof DISPUTE_DOC_TYPES)[number];

export interface DisputeDocument extends Entity {
  DisputeId: string;
  Type: DisputeDocType;
  Status: DocStatus;
  ProcessedDate: number | null;
  RefusedReasonType: string | null;
  RefusedReasonMessage: string | null;
}

export type LegacyReportType = "TRANSACTIONS" | "WALLETS";
export type LegacyReportStatus = "PENDING" | "READY_FOR_DOWNLOAD" | "FAILED" | "EXPIRED";

export interface LegacyReport extends Entity {
  ReportDate: number | null;
  Status: LegacyReportStatus;
  DownloadFormat: "CSV";
  DownloadURL: string | null;
  CallbackURL: string | null;
  ReportType: LegacyReportType;
  Sort: string;
  Preview: boolean;
  Filters: Record<string, unknown>;
  Columns: string[];
  ResultCode: string | null;
  ResultMessage: string | null;
}

export type ReportV2Type = "COLLECTED_FEES" | "USER_WALLET_TRANSACTIONS";
export type ReportV2Status = "PENDING" | "GENERATING" | "GENERATED" | "FAILED" | "EXPIRED";

export interface ReportV2 extends Entity {
  ReportDate: number | null;
  Status: ReportV2Status;
  ResultCode: string | null;
  ResultMessage: string | null;
  DownloadFormat: "CSV";
  DownloadURL: string | null;
  ReportType: ReportV2Type;
  Sort: string;
  AfterDate: number;
  BeforeDate: number;
  Filters: Record<string, string>;
  Columns: Array<{ Name: string; IsDefault: boolean }>;
}

export type InvitationStatus = "SENT" | "ACCEPTED" | "EXPIRED";

export interface Sso {
  Id: string;
  FirstName: string;
  LastName: string;
  Tag: string | null;
  Active: boolean;
  Email: string;
  ClientId: string;
  InvitationStatus: InvitationStatus;
  PermissionGroupId: string;
  LastLoginDate: number | null;
  CreationDate: number;
}

export interface ScopeRights {
  Read: boolean;
  Create: boolean;
  Edit: boolean;
}

export interface PermissionGroup {
  Id: string;
  Name: string;
  Tag: string | null;
  Type: "DEFAULT" | "CUSTOM";
  CreationDate: number;
  Scopes: Record<string, ScopeRights>;
}

export interface PlatformCategorization {
  BusinessType: string | null;
  Sector: string | null;
}

/** GET /clients (docs/mangopay-api.md §3.1). */
export interface ClientDetails {
  ClientId: string;
  Name: string;
  RegisteredName: string;
  TechEmails: string[];
  AdminEmails: string[];
  BillingEmails: string[];
  FraudEmails: string[];
  HeadquartersAddress: Address;
  HeadquartersPhoneNumber: string | null;
  TaxNumber: string | null;
  PlatformCategorization: PlatformCategorization;
  PlatformURL: string | null;
  PlatformDescription: string | null;
  CompanyReference: string | null;
  PrimaryThemeColour: string | null;
  PrimaryButtonColour: string | null;
  Logo: string | null;
  CompanyNumber: string | null;
  MCC: string | null;
  Licensor: "EU" | "UK";
  PlatformType: PlatformType;
}

export const PLATFORM_TYPES = [
  "NotSpecified",
  "MARKETPLACE",
  "P2P_PAYMENT",
  "CROWDFUNDING_DONATION",
  "CROWDFUNDING_REWARD",
  "CROWDFUNDING_EQUITY",
  "CROWDFUNDING_LOAN",
  "OTHER",
] as const;
export type PlatformType = (typeof PLATFORM_TYPES)[number];
