import "server-only";
// Public surface of the MANGOPAY adapter: `import { createMangopayClient, users } from "@/lib/mangopay"`.
export { createMangopayClient, createAccountState, assertIdempotencyKey } from "./client";
export type {
  MangopayAccountConfig,
  MangopayClient,
  MangopayClientDeps,
  CallOptions,
  ApiRequest,
  ApiResponse,
  ApiVersion,
  RequestPriority,
} from "./client";
export * from "./errors";
export { MemoryCallRecorder, defaultCallRecorder } from "./recorder";
export type { CallRecorder, UpstreamCall, CallOutcome, CallFilter } from "./recorder";
export { parseRateLimitHeaders, exhaustedBucket, DEFAULT_QUOTA_POLICY } from "./rate-limits";
export type { RateLimitBucket, RateLimitSnapshot, QuotaPolicy } from "./rate-limits";
export { DEFAULT_RETRY_POLICY } from "./retry-policy";
export type { RetryPolicy } from "./retry-policy";
export { iterateAll, readAllPages, MAX_PER_PAGE } from "./pagination";
export type { Page, ListOptions, SortDirection } from "./pagination";
export type { MoneyActionOptions, WriteOptions, ScaReadOptions, ScaContext } from "./resource";
export { isFailed } from "./schemas/transactions";

export * as users from "./users";
export * as scaUsers from "./sca-users";
export * as wallets from "./wallets";
export * as clientWallets from "./client-wallets";
export * as transactions from "./transactions";
export * as payins from "./payins";
export * as apmPayins from "./apm-payins";
export * as acquiring from "./acquiring";
export * as recurring from "./recurring";
export * as deposits from "./deposits";
export * as payouts from "./payouts";
export * as transfers from "./transfers";
export * as conversions from "./conversions";
export * as virtualAccounts from "./virtual-accounts";
export * as recipients from "./recipients";
export * as payInIntents from "./pay-in-intents";
export * as refunds from "./refunds";
export * as cards from "./cards";
export * as cardRegistrations from "./card-registrations";
export * as preauthorizations from "./preauthorizations";
export * as bankAccounts from "./bank-accounts";
export * as mandates from "./mandates";
export * as kycDocuments from "./kyc-documents";
export * as ubo from "./ubo";
export * as identityVerifications from "./identity-verifications";
export * as disputes from "./disputes";
export * as disputeDocuments from "./dispute-documents";
export * as repudiations from "./repudiations";
export * as events from "./events";
export * as eventTypes from "./event-types";
export * as hooks from "./hooks";
export * as reports from "./reports";
export { openReportFile } from "./report-file";
export type { AddressPolicy } from "./address-policy";
export * as sso from "./sso";
export * as permissionGroups from "./permission-groups";
export * as platform from "./platform";
export * as responses from "./responses";
export * as schemas from "./schemas";
// Not re-exported, being the client's own plumbing: http, oauth, token-cache, account-state,
// quota-store, address-policy, timing-and-keys, stored-response (client.ts wires them together).
