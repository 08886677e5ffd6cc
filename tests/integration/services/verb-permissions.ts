// The permission table of every service verb, enforced by service-matrix.test.ts.
//
// ADDING A VERB: when you add `lib/services/<entity>/<verb>.ts` exporting a function that takes a
// context (`verbEntity({ ctx, input })`), add ONE entry below, keyed "<entity>/<verb>.ts#<export>":
//   { kind: "account", permissions: ["users.read"] }       an AccountContext verb (dashboard pages)
//   { kind: "hub", permissions: ["hub.team.manage"] }      a HubContext verb guarded by assertCan
//   { kind: "member", why: "…" }                           any Hub member may call it (no assertCan)
//   { kind: "self", why: "…" }                              acts only on the signed-in person
//   { kind: "helper", why: "…" }                            shared plumbing verbs call after their checks
// List every permission the verb asserts. Optional: `input(ids)` a valid input (default: just
// `{ accountId }` for account verbs, `{}` otherwise; it is sent as is, so a verb that ignores the
// payload needs nothing) and `foreign(ids)` inputs naming another Hub's rows (expected NotFound).
// That is the whole job: the matrix then calls the verb for every role and grant set lacking a
// listed permission (Forbidden, nothing written, no audit row, no MANGOPAY call) and with another
// Hub's API account forged into the context (NotFound or nothing of the other Hub returned).
import type { Permission } from "@/lib/server/permissions";

/** Ids of one side of the matrix's world: Hub A is the caller's, Hub B the other one. */
export type HubIds = {
  hubId: string;
  accountId: string;
  accountName: string;
  inviteId: string;
  members: { OWNER: string; ADMIN: string; DEVELOPER: string; OPERATOR: string; FINANCE: string; READ_ONLY: string };
};
export type MatrixIds = {
  /** The API account the call targets: Hub A's own, or Hub B's in the forged-context case. */
  accountId: string;
  own: HubIds;
  other: HubIds;
  emulatorUrl: string;
  unique: string;
};

type Inputs = {
  input?: (ids: MatrixIds) => Record<string, unknown>;
  foreign?: (ids: MatrixIds) => Record<string, unknown>[];
};
export type VerbEntry =
  | ({ kind: "hub" | "account"; permissions: readonly Permission[] } & Inputs)
  | ({ kind: "member" | "self" | "helper"; why: string } & Inputs);

/** The part every money action's input shares: its API account and the form's operation key. */
const moneyBase = (ids: MatrixIds) => ({
  accountId: ids.accountId,
  operationKey: "7b0f8a4e-2c1d-4f3a-9b6e-5d4c3b2a1f00",
});

/** A dispute as its detail page has read it, for the timeline verb (which reads only events). */
const TIMELINE_DISPUTE = {
  id: "100000001",
  tag: null,
  createdAt: new Date().toISOString(),
  status: "PENDING_CLIENT_ACTION",
  statusMessage: null,
  type: "CONTESTABLE",
  reasonType: null,
  reasonMessage: null,
  disputedFunds: { amountMinor: 1000, currency: "EUR" },
  contestedFunds: null,
  contestDeadline: null,
  initialTransactionId: "100000002",
  initialTransactionType: "PAYIN",
  resultCode: null,
  resultMessage: null,
  closedAt: null,
  repudiationId: null,
};

/** A report period inside every report type's limits (the last week). */
const REPORT_PERIOD = () => ({
  from: new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10),
  to: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
});
const REPORT_INPUT = (accountId: string) => ({
  accountId,
  name: "Matrix report",
  reportType: "TRANSACTIONS",
  columns: ["Id", "Status"],
  ...REPORT_PERIOD(),
});
/** A page MANGOPAY would accept (PDF signature, above the 1 KB minimum), as the forms send it. */
const PDF_PAGE = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(2048, 32)]).toString("base64");
const NATURAL_PAYER = {
  personType: "NATURAL",
  category: "PAYER",
  email: "payer@example.test",
  firstName: "Ada",
  lastName: "Payer",
};
const UBO_PERSON = {
  firstName: "Ada",
  lastName: "Owner",
  birthday: "1980-02-03",
  nationality: "FR",
  birthplaceCity: "Paris",
  birthplaceCountry: "FR",
  line1: "1 rue de la Paix",
  city: "Paris",
  postalCode: "75002",
  country: "FR",
};

const SSO_PERSON = { firstName: "Ada", lastName: "Lovelace", permissionGroupId: "READ" };

export const SERVICE_VERBS: Record<string, VerbEntry> = {
  "access/list-account-members.ts#listAccountMembers": {
    kind: "account",
    permissions: ["dashboard.permissions.manage"],
  },
  "access/update-grants.ts#updateAccountGrants": {
    kind: "account",
    permissions: ["dashboard.permissions.manage"],
    input: (ids) => ({ accountId: ids.accountId, membershipId: ids.own.members.DEVELOPER, grants: ["users.read"] }),
    foreign: (ids) => [
      { accountId: ids.other.accountId, membershipId: ids.own.members.DEVELOPER, grants: ["users.read"] },
      { accountId: ids.accountId, membershipId: ids.other.members.DEVELOPER, grants: ["users.read"] },
    ],
  },

  "api-accounts/create.ts#createApiAccount": {
    kind: "hub",
    permissions: ["hub.accounts.manage"],
    input: (ids) => ({
      name: `Matrix ${ids.unique}`,
      environment: "SANDBOX",
      clientId: `matrix${ids.unique}`,
      apiKey: "matrix-api-key-0001",
      baseUrlChoice: "CUSTOM",
      customBaseUrl: ids.emulatorUrl,
    }),
  },
  "api-accounts/delete.ts#deleteApiAccount": {
    kind: "hub",
    permissions: ["hub.accounts.manage"],
    input: (ids) => ({ accountId: ids.own.accountId, confirmName: ids.own.accountName }),
    foreign: (ids) => [{ accountId: ids.other.accountId, confirmName: ids.other.accountName }],
  },
  "api-accounts/list.ts#listApiAccounts": {
    kind: "member",
    why: "every member sees the Hub's API accounts they may open",
  },
  "api-accounts/list-openable.ts#listOpenableApiAccounts": {
    kind: "member",
    why: "every member sees the Hub's API accounts whose dashboard they may open (the account switcher)",
  },
  "api-accounts/production-access.ts#productionBlockedReason": {
    kind: "helper",
    why: "reads only the caller's own role and 2FA status (createApiAccount and the new-account page)",
  },
  "api-accounts/rename.ts#renameApiAccount": {
    kind: "hub",
    permissions: ["hub.accounts.manage"],
    input: (ids) => ({ accountId: ids.own.accountId, name: "Renamed by the matrix" }),
    foreign: (ids) => [{ accountId: ids.other.accountId, name: "Renamed by the matrix" }],
  },
  "api-accounts/set-event-retention.ts#setEventRetention": {
    kind: "hub",
    permissions: ["hub.accounts.manage"],
    input: (ids) => ({ accountId: ids.own.accountId, days: 90 }),
    foreign: (ids) => [{ accountId: ids.other.accountId, days: 90 }],
  },
  "api-accounts/rotate-key.ts#rotateApiKey": {
    kind: "hub",
    permissions: ["hub.accounts.manage"],
    input: (ids) => ({ accountId: ids.own.accountId, apiKey: "rotated-key-0002" }),
    foreign: (ids) => [{ accountId: ids.other.accountId, apiKey: "rotated-key-0002" }],
  },

  "auth/change-password.ts#changePassword": { kind: "self", why: "the signed-in person's own password" },
  "auth/confirm-totp-enrollment.ts#confirmTotpEnrollment": { kind: "self", why: "the signed-in person's own 2FA" },
  "auth/disable-totp.ts#disableTotp": { kind: "self", why: "the signed-in person's own 2FA" },
  "auth/get-security-profile.ts#getSecurityProfile": { kind: "self", why: "the signed-in person's own 2FA status" },
  "auth/regenerate-recovery-codes.ts#regenerateRecoveryCodes": {
    kind: "self",
    why: "the signed-in person's own recovery codes",
  },
  "auth/set-hub-require-2fa.ts#getHubSecuritySettings": { kind: "hub", permissions: ["hub.settings.manage"] },
  "auth/set-hub-require-2fa.ts#setHubRequire2fa": {
    kind: "hub",
    permissions: ["hub.settings.manage"],
    input: () => ({ require2fa: false }),
  },
  "auth/sign-out-everywhere.ts#signOutEverywhere": { kind: "self", why: "the signed-in person's own sessions" },
  "auth/start-totp-enrollment.ts#startTotpEnrollment": { kind: "self", why: "the signed-in person's own 2FA" },

  "hubs/select-hub.ts#selectHub": {
    kind: "self",
    why: "switches between the person's own memberships",
    input: (ids) => ({ hubId: ids.own.hubId }),
    foreign: (ids) => [{ hubId: ids.other.hubId }],
  },

  "invites/accept.ts#acceptInvite": {
    kind: "self",
    why: "redeemed by the invited person with the link's secret token",
  },
  "invites/create.ts#createInvite": {
    kind: "hub",
    permissions: ["hub.team.manage"],
    input: (ids) => ({ email: `matrix-${ids.unique}@invite.test`, role: "READ_ONLY", accountIds: [ids.own.accountId] }),
    foreign: (ids) => [
      { email: `matrix-${ids.unique}@invite.test`, role: "READ_ONLY", accountIds: [ids.other.accountId] },
    ],
  },
  "invites/list.ts#listInvites": { kind: "hub", permissions: ["hub.team.manage"] },
  "invites/resend.ts#resendInvite": {
    kind: "hub",
    permissions: ["hub.team.manage"],
    input: (ids) => ({ inviteId: ids.own.inviteId }),
    foreign: (ids) => [{ inviteId: ids.other.inviteId }],
  },
  "invites/revoke.ts#revokeInvite": {
    kind: "hub",
    permissions: ["hub.team.manage"],
    input: (ids) => ({ inviteId: ids.own.inviteId }),
    foreign: (ids) => [{ inviteId: ids.other.inviteId }],
  },

  "mangopay/request.ts#readMangopay": {
    kind: "helper",
    why: "memoized MANGOPAY read for verbs, called after their assertCan and parse",
  },

  "security/export-events.ts#exportAuditEvents": {
    kind: "hub",
    permissions: ["hub.security.read"],
    input: () => ({ page: 1 }),
  },
  "security/list-events.ts#listAuditEvents": {
    kind: "hub",
    permissions: ["hub.security.read"],
    input: () => ({ page: 1 }),
  },
  "security/list-filter-options.ts#listSecurityFilterOptions": { kind: "hub", permissions: ["hub.security.read"] },

  "sso/create-permission-group.ts#createPermissionGroup": {
    kind: "account",
    permissions: ["permissionGroups.create"],
    input: (ids) => ({ accountId: ids.accountId, name: "Matrix group", grants: ["users.read"] }),
    foreign: (ids) => [{ accountId: ids.other.accountId, name: "Matrix group", grants: ["users.read"] }],
  },
  "sso/create.ts#createSso": {
    kind: "account",
    permissions: ["ssos.create"],
    input: (ids) => ({ accountId: ids.accountId, ...SSO_PERSON, email: `sso-${ids.unique}@matrix.test` }),
    foreign: (ids) => [{ accountId: ids.other.accountId, ...SSO_PERSON, email: `sso-${ids.unique}@matrix.test` }],
  },
  "sso/deactivate.ts#deactivateSso": {
    kind: "account",
    permissions: ["ssos.edit"],
    input: (ids) => ({ accountId: ids.accountId, ssoId: "matrix-sso" }),
    foreign: (ids) => [{ accountId: ids.other.accountId, ssoId: "matrix-sso" }],
  },
  "sso/extend-invitation.ts#extendSsoInvitation": {
    kind: "account",
    permissions: ["ssos.edit"],
    input: (ids) => ({ accountId: ids.accountId, ssoId: "matrix-sso" }),
    foreign: (ids) => [{ accountId: ids.other.accountId, ssoId: "matrix-sso" }],
  },
  "sso/list-permission-groups.ts#listPermissionGroups": { kind: "account", permissions: ["permissionGroups.read"] },
  "sso/list.ts#listSsos": { kind: "account", permissions: ["ssos.read"] },
  "sso/sync-grants.ts#syncSsoGrantsForAccount": {
    kind: "account",
    permissions: ["dashboard.permissions.manage", "ssos.read"],
    foreign: (ids) => [{ accountId: ids.other.accountId }],
  },
  "sso/update-permission-group.ts#updatePermissionGroup": {
    kind: "account",
    permissions: ["permissionGroups.edit"],
    input: (ids) => ({
      accountId: ids.accountId,
      permissionGroupId: "matrix-group",
      name: "Matrix group",
      grants: ["users.read"],
    }),
    foreign: (ids) => [
      {
        accountId: ids.other.accountId,
        permissionGroupId: "matrix-group",
        name: "Matrix group",
        grants: ["users.read"],
      },
    ],
  },
  "sso/update.ts#updateSso": {
    kind: "account",
    permissions: ["ssos.edit"],
    input: (ids) => ({ accountId: ids.accountId, ssoId: "matrix-sso", ...SSO_PERSON }),
    foreign: (ids) => [{ accountId: ids.other.accountId, ssoId: "matrix-sso", ...SSO_PERSON }],
  },

  "team/change-access.ts#changeMemberAccess": {
    kind: "hub",
    permissions: ["hub.team.manage"],
    input: (ids) => ({ membershipId: ids.own.members.DEVELOPER, accountIds: [] }),
    foreign: (ids) => [
      { membershipId: ids.other.members.DEVELOPER, accountIds: [] },
      { membershipId: ids.own.members.DEVELOPER, accountIds: [ids.other.accountId] },
    ],
  },
  "team/change-role.ts#changeMemberRole": {
    kind: "hub",
    permissions: ["hub.team.manage"],
    input: (ids) => ({ membershipId: ids.own.members.DEVELOPER, role: "READ_ONLY" }),
    foreign: (ids) => [{ membershipId: ids.other.members.DEVELOPER, role: "READ_ONLY" }],
  },
  "team/list-members.ts#listMembers": { kind: "hub", permissions: ["hub.team.manage"] },
  "team/remove-member.ts#removeMember": {
    kind: "hub",
    permissions: ["hub.team.manage"],
    input: (ids) => ({ membershipId: ids.own.members.READ_ONLY }),
    foreign: (ids) => [{ membershipId: ids.other.members.READ_ONLY }],
  },

  // The account dashboard's reads (MANGOPAY through lib/services/mangopay/request.ts).
  "bank-accounts/list-by-user.ts#listUserBankAccounts": {
    kind: "account",
    permissions: ["bankAccounts.read"],
    input: () => ({ userId: "100000001" }),
  },
  "bank-accounts/get.ts#getBankAccount": {
    kind: "account",
    permissions: ["bankAccounts.read"],
    input: () => ({ userId: "100000001", bankAccountId: "100000002" }),
  },
  "card-validations/get.ts#getCardValidation": {
    kind: "account",
    permissions: ["cards.read"],
    input: () => ({ cardId: "100000001", validationId: "100000002" }),
  },
  "deposits/get.ts#getDeposit": {
    kind: "account",
    permissions: ["preauthorizations.read"],
    input: () => ({ depositId: "100000001" }),
  },
  "deposits/list-by-user.ts#listUserDeposits": {
    kind: "account",
    permissions: ["preauthorizations.read"],
    input: () => ({ userId: "100000001" }),
  },
  "deposits/list-transactions.ts#listDepositTransactions": {
    kind: "account",
    permissions: ["transactions.read"],
    input: () => ({ depositId: "100000001" }),
  },
  "identity-verifications/get.ts#getIdentityVerification": {
    kind: "account",
    permissions: ["kycDocuments.read"],
    input: () => ({ sessionId: "idnver_m_01J0000000000000000000000" }),
  },
  "identity-verifications/list-by-user.ts#listUserIdentityVerifications": {
    kind: "account",
    permissions: ["kycDocuments.read"],
    input: () => ({ userId: "100000001" }),
  },
  "pay-in-intents/get.ts#getPayInIntent": {
    kind: "account",
    permissions: ["payins.read"],
    input: () => ({ intentId: "int_m_01J0000000000000000000000" }),
  },
  "intent-settlements/get.ts#getIntentSettlement": {
    kind: "account",
    permissions: ["payins.read"],
    input: () => ({ settlementId: "stl_m_01J0000000000000000000000" }),
  },
  "intent-settlements/get-validations.ts#getSettlementValidations": {
    kind: "account",
    permissions: ["payins.read"],
    input: () => ({ settlementId: "stl_m_01J0000000000000000000000" }),
  },
  "intent-settlements/list.ts#listIntentSettlements": {
    kind: "account",
    permissions: ["payins.read"],
  },
  "recipients/get.ts#getRecipient": {
    kind: "account",
    permissions: ["bankAccounts.read"],
    input: () => ({ recipientId: "rec_m_01J0000000000000000000000" }),
  },
  "recipients/list-by-user.ts#listUserRecipients": {
    kind: "account",
    permissions: ["bankAccounts.read"],
    input: () => ({ userId: "100000001" }),
  },
  "recurring-registrations/get.ts#getRecurringRegistration": {
    kind: "account",
    permissions: ["payins.read"],
    input: () => ({ registrationId: "100000001" }),
  },
  "virtual-accounts/get.ts#getVirtualAccount": {
    kind: "account",
    permissions: ["wallets.read"],
    input: () => ({ walletId: "100000002", virtualAccountId: "wltbank_m_01J0000000000000000000000" }),
  },
  "cards/get.ts#getCard": { kind: "account", permissions: ["cards.read"], input: () => ({ cardId: "100000001" }) },
  "cards/list-by-user.ts#listUserCards": {
    kind: "account",
    permissions: ["cards.read"],
    input: () => ({ userId: "100000001" }),
  },
  "client-wallets/fees-per-day.ts#getFeesPerDay": { kind: "account", permissions: ["clientWallets.read"] },
  "client-wallets/list-fees.ts#listFeesWallets": { kind: "account", permissions: ["clientWallets.read"] },
  "client-wallets/list-client-payouts.ts#listClientPayouts": { kind: "account", permissions: ["clientWallets.read"] },
  "disputes/count-needing-action.ts#countDisputesNeedingAction": { kind: "account", permissions: ["disputes.read"] },
  "kyc-documents/count-issues.ts#countKycIssues": { kind: "account", permissions: ["kycDocuments.read"] },
  "kyc-documents/list-by-user.ts#listUserKycDocuments": {
    kind: "account",
    permissions: ["kycDocuments.read"],
    input: () => ({ userId: "100000001" }),
  },
  "mandates/get.ts#getMandate": {
    kind: "account",
    permissions: ["mandates.read"],
    input: () => ({ mandateId: "100000001" }),
  },
  "mandates/list-by-user.ts#listUserMandates": {
    kind: "account",
    permissions: ["mandates.read"],
    input: () => ({ userId: "100000001" }),
  },
  "payouts/list-returned.ts#listReturnedPayouts": {
    kind: "account",
    permissions: ["payouts.read", "refunds.read", "events.read"],
  },
  "preauthorizations/list-by-user.ts#listUserPreauthorizations": {
    kind: "account",
    permissions: ["preauthorizations.read"],
    input: () => ({ userId: "100000001" }),
  },
  "transactions/list-by-user.ts#listUserTransactions": {
    kind: "account",
    permissions: ["transactions.read"],
    input: () => ({ userId: "100000001" }),
  },
  "transactions/list-by-wallet.ts#listWalletTransactions": {
    kind: "account",
    permissions: ["transactions.read"],
    input: () => ({ walletId: "100000002" }),
  },
  "ubo-declarations/list-by-user.ts#listUserUboDeclarations": {
    kind: "account",
    permissions: ["uboDeclarations.read"],
    input: () => ({ userId: "100000001" }),
  },
  "ubo-declarations/list-needing-attention.ts#listUboNeedingAttention": {
    kind: "account",
    permissions: ["uboDeclarations.read", "events.read"],
  },
  "recent-searches/clear.ts#clearRecentSearches": { kind: "account", permissions: ["users.read"] },
  "recent-searches/list.ts#listRecentSearches": { kind: "account", permissions: ["users.read"] },
  "recent-searches/record.ts#recordRecentSearch": {
    kind: "account",
    permissions: ["users.read"],
    input: () => ({ query: "100000001" }),
  },
  "users/get.ts#getUser": { kind: "account", permissions: ["users.read"], input: () => ({ userId: "100000001" }) },
  "users/get-regulatory.ts#getUserRegulatory": {
    kind: "account",
    permissions: ["users.read"],
    input: () => ({ userId: "100000001" }),
  },
  "users/get-sca-status.ts#getUserScaStatus": {
    kind: "account",
    permissions: ["users.read"],
    input: () => ({ userId: "100000001" }),
  },
  "users/list.ts#listUsers": { kind: "account", permissions: ["users.read"] },
  "virtual-accounts/list-by-user.ts#listUserVirtualAccounts": {
    kind: "account",
    permissions: ["wallets.read"],
    input: () => ({ userId: "100000001" }),
  },
  "wallets/get.ts#getWallet": {
    kind: "account",
    permissions: ["wallets.read"],
    input: () => ({ walletId: "100000002" }),
  },
  "wallets/list-by-user.ts#listUserWallets": {
    kind: "account",
    permissions: ["wallets.read"],
    input: () => ({ userId: "100000001" }),
  },
  "disputes/get.ts#getDispute": {
    kind: "account",
    permissions: ["disputes.read"],
    input: () => ({ disputeId: "100000001" }),
  },
  "disputes/list.ts#listDisputes": { kind: "account", permissions: ["disputes.read"], input: () => ({ filters: {} }) },
  "disputes/list-documents.ts#listDisputeDocuments": {
    kind: "account",
    permissions: ["disputes.read"],
    input: () => ({ disputeId: "100000001" }),
  },
  "disputes/list-timeline.ts#listDisputeTimeline": {
    kind: "account",
    permissions: ["disputes.read"],
    input: () => ({ dispute: TIMELINE_DISPUTE, documents: [], transactions: [] }),
  },
  "disputes/list-transactions.ts#listDisputeTransactions": {
    kind: "account",
    permissions: ["disputes.read"],
    input: () => ({ disputeId: "100000001" }),
  },
  "events/list.ts#listEvents": { kind: "account", permissions: ["events.read"], input: () => ({ filters: {} }) },
  "events/get-resource.ts#getEventResource": {
    kind: "account",
    permissions: ["events.read"],
    input: () => ({ resourceId: "100000001", eventType: "PAYIN_NORMAL_CREATED" }),
  },
  "hooks/list.ts#listHooks": { kind: "account", permissions: ["hooks.read"] },
  "kyc-documents/list.ts#listKycDocuments": {
    kind: "account",
    permissions: ["kycDocuments.read"],
    input: () => ({ filters: {} }),
  },
  "transactions/get.ts#getTransaction": {
    kind: "account",
    permissions: ["transactions.read"],
    input: () => ({ transactionId: "100000001" }),
  },
  "transactions/list-platform.ts#listPlatformTransactions": {
    kind: "account",
    permissions: ["transactions.read"],
    input: () => ({ query: {} }),
  },
  "transactions/list-refunds.ts#listTransactionRefunds": {
    kind: "account",
    permissions: ["transactions.read"],
    input: () => ({ transactionId: "100000001", kind: "PAYIN" }),
  },
  "ubo-declarations/list.ts#listUboDeclarations": {
    kind: "account",
    permissions: ["uboDeclarations.read"],
    input: () => ({ userIds: ["100000001"] }),
  },
  "hubs/set-allow-custom-base-urls.ts#setAllowCustomBaseUrls": {
    kind: "hub",
    permissions: ["hub.connections.manage"],
    input: () => ({ allowCustomBaseUrls: "on" }),
  },
  "operations/recorded-call.ts#recordedMangopayCall": {
    kind: "helper",
    why: "records a MANGOPAY write's intent and result; called by verbs after their own assertCan",
  },
  // Money actions: a valid input naming objects MANGOPAY does not know (the checks under test come first).
  "operations/money-operation.ts#runMoneyOperation": {
    kind: "helper",
    why: "opens, sends and settles a money operation; called by money verbs after assertCan, parsing and ownership checks",
  },
  "operations/money-operation.ts#sendOperation": {
    kind: "helper",
    why: "sends a claimed PENDING operation with its stored key; called by runMoneyOperation (and a later approval)",
  },
  "operations/parties.ts#walletParty": { kind: "helper", why: "a wallet read through readMangopay, after assertCan" },
  "operations/parties.ts#userParty": { kind: "helper", why: "a user read through readMangopay, after assertCan" },
  "operations/parties.ts#activeBankAccountOf": { kind: "helper", why: "ownership check after assertCan" },
  "operations/parties.ts#payableRecipientOf": {
    kind: "helper",
    why: "ownership, status, scope and currency check after assertCan",
  },
  "operations/parties.ts#activeMandateOf": { kind: "helper", why: "ownership check after assertCan" },
  "operations/parties.ts#validCardOf": { kind: "helper", why: "ownership check after assertCan" },
  "operations/list.ts#listOperations": { kind: "account", permissions: ["transactions.read"] },
  "operations/get.ts#getOperation": {
    kind: "account",
    permissions: ["transactions.read"],
    input: () => ({ operationId: "cl0000000000000000000000" }),
  },
  "operations/export.ts#exportOperations": { kind: "account", permissions: ["transactions.read"] },
  "operations/list-recent-destinations.ts#listRecentTransferDestinations": {
    kind: "account",
    permissions: ["transfers.create"],
    input: () => ({ currency: "EUR" }),
  },
  "wallets/create.ts#createWallet": {
    kind: "account",
    permissions: ["wallets.create"],
    input: (ids) => ({ ...moneyBase(ids), userId: "100000001", currency: "EUR", description: "Matrix" }),
    foreign: (ids) => [
      { ...moneyBase(ids), accountId: ids.other.accountId, userId: "1", currency: "EUR", description: "x" },
    ],
  },
  "payins/create-bank-wire.ts#createBankWirePayIn": {
    kind: "account",
    permissions: ["payins.create"],
    input: (ids) => ({ ...moneyBase(ids), walletId: "100000001", amount: "10" }),
  },
  "payins/create-direct-debit.ts#createDirectDebitPayIn": {
    kind: "account",
    permissions: ["payins.create"],
    input: (ids) => ({ ...moneyBase(ids), walletId: "100000001", mandateId: "100000002", amount: "10" }),
  },
  "payins/create-card.ts#createCardPayIn": {
    kind: "account",
    permissions: ["payins.create"],
    input: (ids) => ({ ...moneyBase(ids), walletId: "100000001", cardId: "100000002", amount: "10" }),
  },
  "payouts/create.ts#createPayout": {
    kind: "account",
    permissions: ["payouts.create"],
    input: (ids) => ({ ...moneyBase(ids), walletId: "100000001", bankAccountId: "100000002", amount: "10" }),
    foreign: (ids) => [
      { ...moneyBase(ids), accountId: ids.other.accountId, walletId: "1", bankAccountId: "2", amount: "10" },
    ],
  },
  "transfers/create.ts#createTransfer": {
    kind: "account",
    permissions: ["transfers.create"],
    input: (ids) => ({ ...moneyBase(ids), walletId: "100000001", creditedWalletId: "100000002", amount: "10" }),
  },
  "refunds/create.ts#createRefund": {
    kind: "account",
    permissions: ["refunds.create"],
    input: (ids) => ({ ...moneyBase(ids), transactionId: "100000001", kind: "PAYIN", reason: "Matrix test" }),
  },
  "disputes/settle.ts#settleDispute": {
    kind: "account",
    permissions: ["repudiations.create"],
    input: (ids) => ({ ...moneyBase(ids), disputeId: "100000001", method: "TRANSFER", amount: "10" }),
  },
  "setup/create-first-hub.ts#createFirstHub": {
    kind: "self",
    why: "the first-run setup, allowed only with the one-time setup token and while no Hub exists",
  },
  // Beyond users.read, each object type is probed only when the member's grants read it.
  "search/find-events.ts#findEventsByResourceId": {
    kind: "account",
    permissions: ["events.read"],
    input: () => ({ query: "100000001" }),
  },
  // The local mirror (docs/mirror.md): search by email and names, and the webhook connection.
  "search/find-in-mirror.ts#findInMirror": {
    kind: "account",
    permissions: ["users.read"],
    input: () => ({ query: "ada" }),
  },
  "hooks/connection.ts#getWebhookConnection": { kind: "account", permissions: ["hooks.read"] },
  "hooks/connection.ts#readAllHooks": { kind: "account", permissions: ["hooks.read"] },
  // Reads of the mirror (docs/mirror.md): history, aggregates, exports and the Hub's overview.
  "mirror-reads/get-freshness.ts#getMirrorFreshness": {
    kind: "account",
    permissions: ["users.read"],
    input: () => ({ view: "users" }),
  },
  "mirror-reads/list-account-overviews.ts#listAccountOverviews": {
    kind: "member",
    why: "every member sees the accounts they may open, each metric only where their permissions there allow it",
  },
  "events/list-history.ts#listEventHistory": {
    kind: "account",
    permissions: ["events.read"],
    input: () => ({ filters: {}, page: 1, perPage: 20 }),
  },
  "analytics/get-transaction-series.ts#getTransactionSeries": {
    kind: "account",
    permissions: ["transactions.read"],
    input: () => ({ from: "2026-01-01", to: "2026-03-31", granularity: "week" }),
  },
  "exports/export-users.ts#exportUsers": { kind: "account", permissions: ["users.read"], input: () => ({}) },
  "exports/export-transactions.ts#exportTransactions": {
    kind: "account",
    permissions: ["transactions.read"],
    input: () => ({ status: "SUCCEEDED" }),
  },
  "exports/export-events.ts#exportEvents": { kind: "account", permissions: ["events.read"], input: () => ({}) },
  "exports/export-kyc-documents.ts#exportKycDocuments": {
    kind: "account",
    permissions: ["kycDocuments.read"],
    input: () => ({ status: "REFUSED" }),
  },
  "exports/export-ubo-declarations.ts#exportUboDeclarations": {
    kind: "account",
    permissions: ["uboDeclarations.read"],
    input: () => ({ status: "REFUSED" }),
  },
  "exports/export-disputes.ts#exportDisputes": {
    kind: "account",
    permissions: ["disputes.read"],
    input: () => ({ quick: "pending-client" }),
  },
  "hooks/connect.ts#connectWebhooks": {
    kind: "account",
    permissions: ["hooks.create", "hooks.edit"],
    input: (ids) => ({ accountId: ids.accountId, takeOver: false }),
    foreign: (ids) => [{ accountId: ids.other.accountId, takeOver: false }],
  },
  "mirror/start-backfill.ts#startMirrorBackfill": {
    kind: "account",
    permissions: ["hooks.create", "hooks.edit"],
    foreign: (ids) => [{ accountId: ids.other.accountId }],
  },
  "mirror/cancel-backfill.ts#cancelMirrorBackfill": {
    kind: "account",
    permissions: ["hooks.create", "hooks.edit"],
    foreign: (ids) => [{ accountId: ids.other.accountId }],
  },
  "mirror/get-backfill.ts#getMirrorBackfill": { kind: "account", permissions: ["hooks.read"] },
  "search/find-by-id.ts#findById": {
    kind: "account",
    permissions: ["users.read"],
    input: () => ({ query: "100000001" }),
  },
  "mangopay/request.ts#readUserPage": {
    kind: "helper",
    why: "a user's sub-list through readMangopay, called after assertCan",
  },
  "auth/time-zone.ts#setMemberTimeZone": { kind: "self", why: "sets the signed-in person's own display time zone" },
  "reports/create.ts#createReport": {
    kind: "account",
    permissions: ["reporting.create"],
    input: (ids) => REPORT_INPUT(ids.accountId),
    foreign: (ids) => [REPORT_INPUT(ids.other.accountId)],
  },
  "reports/run.ts#runReport": {
    kind: "account",
    permissions: ["reporting.create"],
    input: (ids) => ({ accountId: ids.accountId, definitionId: "matrix-definition", ...REPORT_PERIOD() }),
    foreign: (ids) => [{ accountId: ids.other.accountId, definitionId: "matrix-definition", ...REPORT_PERIOD() }],
  },
  "reports/rerun.ts#rerunReport": {
    kind: "account",
    permissions: ["reporting.create"],
    input: (ids) => ({ accountId: ids.accountId, runId: "matrix-run" }),
    foreign: (ids) => [{ accountId: ids.other.accountId, runId: "matrix-run" }],
  },
  "reports/set-schedule.ts#setReportSchedule": {
    kind: "account",
    permissions: ["reporting.edit"],
    input: (ids) => ({ accountId: ids.accountId, definitionId: "matrix-definition", schedule: "DAILY" }),
    foreign: (ids) => [{ accountId: ids.other.accountId, definitionId: "matrix-definition", schedule: "DAILY" }],
  },
  "reports/get.ts#getReportDefinition": {
    kind: "account",
    permissions: ["reporting.read"],
    input: (ids) => ({ accountId: ids.accountId, definitionId: "matrix-definition" }),
    foreign: (ids) => [{ accountId: ids.other.accountId, definitionId: "matrix-definition" }],
  },
  "reports/list.ts#listReports": { kind: "account", permissions: ["reporting.read"] },
  "reports/list-definitions.ts#listReportDefinitions": { kind: "account", permissions: ["reporting.read"] },
  "reports/run-status.ts#getReportRunStatuses": {
    kind: "account",
    permissions: ["reporting.read"],
    input: (ids) => ({ accountId: ids.accountId, runIds: ["matrix-run"] }),
    foreign: (ids) => [{ accountId: ids.other.accountId, runIds: ["matrix-run"] }],
  },
  "reports/download.ts#downloadReportRun": {
    kind: "account",
    permissions: ["reporting.read"],
    input: (ids) => ({ accountId: ids.accountId, runId: "matrix-run" }),
    foreign: (ids) => [{ accountId: ids.other.accountId, runId: "matrix-run" }],
  },
  "reports/preview.ts#previewReportRun": {
    kind: "account",
    permissions: ["reporting.read"],
    input: (ids) => ({ accountId: ids.accountId, runId: "matrix-run" }),
    foreign: (ids) => [{ accountId: ids.other.accountId, runId: "matrix-run" }],
  },

  // Dashboard writes that move no money: each asserts its scope, then records the MANGOPAY call.
  "users/create.ts#createUser": {
    kind: "account",
    permissions: ["users.create"],
    input: (ids) => ({ accountId: ids.accountId, ...NATURAL_PAYER }),
  },
  "users/update.ts#updateUser": {
    kind: "account",
    permissions: ["users.edit"],
    input: (ids) => ({ accountId: ids.accountId, userId: "100000001", ...NATURAL_PAYER }),
  },
  "hooks/create.ts#createHook": {
    kind: "account",
    permissions: ["hooks.create"],
    input: (ids) => ({
      accountId: ids.accountId,
      eventType: "PAYIN_NORMAL_SUCCEEDED",
      url: "https://hooks.example.test/m",
    }),
  },
  "hooks/update.ts#updateHook": {
    kind: "account",
    permissions: ["hooks.edit"],
    input: (ids) => ({ accountId: ids.accountId, hookId: "100000001", status: "DISABLED" }),
  },
  "bank-accounts/create.ts#createBankAccount": {
    kind: "account",
    permissions: ["bankAccounts.create"],
    input: (ids) => ({
      accountId: ids.accountId,
      userId: "100000001",
      type: "IBAN",
      ownerName: "Ada Payer",
      iban: "FR7630004000031234567890143",
      line1: "1 rue de la Paix",
      city: "Paris",
      postalCode: "75002",
      country: "FR",
    }),
  },
  "bank-accounts/deactivate.ts#deactivateBankAccount": {
    kind: "account",
    permissions: ["bankAccounts.edit"],
    input: (ids) => ({ accountId: ids.accountId, userId: "100000001", bankAccountId: "100000002" }),
  },
  "mandates/create.ts#createMandate": {
    kind: "account",
    permissions: ["mandates.create"],
    input: (ids) => ({
      accountId: ids.accountId,
      userId: "100000001",
      bankAccountId: "100000002",
      culture: "EN",
      returnUrl: "https://shop.example.test/mandate",
    }),
  },
  "kyc-documents/create.ts#createKycDocument": {
    kind: "account",
    permissions: ["kycDocuments.create"],
    input: (ids) => ({ accountId: ids.accountId, userId: "100000001", type: "ADDRESS_PROOF" }),
  },
  "kyc-documents/add-page.ts#addKycPage": {
    kind: "account",
    permissions: ["kycDocuments.create"],
    input: (ids) => ({ accountId: ids.accountId, userId: "100000001", documentId: "100000002", file: PDF_PAGE }),
  },
  "kyc-documents/submit.ts#submitKycDocument": {
    kind: "account",
    permissions: ["kycDocuments.edit"],
    input: (ids) => ({ accountId: ids.accountId, userId: "100000001", documentId: "100000002" }),
  },
  "ubo-declarations/create.ts#createUboDeclaration": {
    kind: "account",
    permissions: ["uboDeclarations.create"],
    input: (ids) => ({ accountId: ids.accountId, userId: "100000001" }),
  },
  "ubo-declarations/add-ubo.ts#addUbo": {
    kind: "account",
    permissions: ["uboDeclarations.create"],
    input: (ids) => ({ accountId: ids.accountId, userId: "100000001", declarationId: "100000002", ...UBO_PERSON }),
  },
  "ubo-declarations/update-ubo.ts#updateUbo": {
    kind: "account",
    permissions: ["uboDeclarations.edit"],
    input: (ids) => ({
      accountId: ids.accountId,
      userId: "100000001",
      declarationId: "100000002",
      uboId: "100000003",
      isActive: "on",
      ...UBO_PERSON,
    }),
  },
  "ubo-declarations/get-editable.ts#getEditableUboDeclaration": {
    kind: "account",
    permissions: ["uboDeclarations.read"],
    input: () => ({ userId: "100000001" }),
  },
  "ubo-declarations/submit.ts#submitUboDeclaration": {
    kind: "account",
    permissions: ["uboDeclarations.edit"],
    input: (ids) => ({ accountId: ids.accountId, userId: "100000001", declarationId: "100000002" }),
  },
  "disputes/contest.ts#contestDispute": {
    kind: "account",
    permissions: ["disputes.edit"],
    input: (ids) => ({ accountId: ids.accountId, disputeId: "100000001", amount: "10.00" }),
  },
  "disputes/resubmit.ts#resubmitDispute": {
    kind: "account",
    permissions: ["disputes.edit"],
    input: (ids) => ({ accountId: ids.accountId, disputeId: "100000001" }),
  },
  "payins/add-paypal-tracking.ts#addPayPalTracking": {
    kind: "account",
    permissions: ["payins.edit"],
    input: (ids) => ({
      accountId: ids.accountId,
      payInId: "100000001",
      trackingNumber: "1Z999AA10123456784",
      carrier: "UPS",
      notifyBuyer: "on",
    }),
  },
  "disputes/close.ts#closeDispute": {
    kind: "account",
    permissions: ["disputes.edit"],
    input: (ids) => ({ accountId: ids.accountId, disputeId: "100000001" }),
  },
  "disputes/create-document.ts#createDisputeDocument": {
    kind: "account",
    permissions: ["disputes.edit"],
    input: (ids) => ({ accountId: ids.accountId, disputeId: "100000001", type: "INVOICE" }),
  },
  "disputes/add-document-page.ts#addDisputeDocumentPage": {
    kind: "account",
    permissions: ["disputes.edit"],
    input: (ids) => ({ accountId: ids.accountId, disputeId: "100000001", documentId: "100000002", file: PDF_PAGE }),
  },
  "disputes/submit-document.ts#submitDisputeDocument": {
    kind: "account",
    permissions: ["disputes.edit"],
    input: (ids) => ({ accountId: ids.accountId, disputeId: "100000001", documentId: "100000002" }),
  },
  "receipts/build.ts#buildTransactionReceipt": {
    kind: "account",
    permissions: ["transactions.read"],
    input: () => ({ transactionId: "100000001" }),
  },
  "feedback/send.ts#sendFeedback": {
    kind: "member",
    why: "every member may share feedback; it is stored in their own Hub only",
    input: () => ({ message: "The payouts page could show the bank name.", page: "/accounts" }),
  },
  "feedback/list.ts#listFeedback": { kind: "hub", permissions: ["hub.feedback.read"] },
  "jobs/overview.ts#getJobsOverview": { kind: "hub", permissions: ["hub.jobs.manage"] },
  "jobs/manage-job.ts#retryJob": {
    kind: "hub",
    permissions: ["hub.jobs.manage"],
    input: () => ({ queue: "report-run", jobId: "00000000-0000-4000-8000-000000000000" }),
    foreign: () => [{ queue: "report-run", jobId: "00000000-0000-4000-8000-000000000000" }],
  },
  "jobs/manage-job.ts#cancelJob": {
    kind: "hub",
    permissions: ["hub.jobs.manage"],
    input: () => ({ queue: "report-run", jobId: "00000000-0000-4000-8000-000000000000" }),
    foreign: () => [{ queue: "report-run", jobId: "00000000-0000-4000-8000-000000000000" }],
  },
  "jobs/retry-ping.ts#retryWebhookPing": {
    kind: "hub",
    permissions: ["hub.jobs.manage"],
    input: () => ({ pingId: "cping000000000000000000000" }),
    foreign: () => [{ pingId: "cping000000000000000000000" }],
  },
};
