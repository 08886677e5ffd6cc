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
  "cards/list-by-user.ts#listUserCards": {
    kind: "account",
    permissions: ["cards.read"],
    input: () => ({ userId: "100000001" }),
  },
  "client-wallets/fees-per-day.ts#getFeesPerDay": { kind: "account", permissions: ["clientWallets.read"] },
  "client-wallets/list-fees.ts#listFeesWallets": { kind: "account", permissions: ["clientWallets.read"] },
  "disputes/count-needing-action.ts#countDisputesNeedingAction": { kind: "account", permissions: ["disputes.read"] },
  "kyc-documents/count-issues.ts#countKycIssues": { kind: "account", permissions: ["kycDocuments.read"] },
  "kyc-documents/list-by-user.ts#listUserKycDocuments": {
    kind: "account",
    permissions: ["kycDocuments.read"],
    input: () => ({ userId: "100000001" }),
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
  "users/get.ts#getUser": { kind: "account", permissions: ["users.read"], input: () => ({ userId: "100000001" }) },
  "users/get-regulatory.ts#getUserRegulatory": {
    kind: "account",
    permissions: ["users.read"],
    input: () => ({ userId: "100000001" }),
  },
  "users/list.ts#listUsers": { kind: "account", permissions: ["users.read"] },
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
  "setup/create-first-hub.ts#createFirstHub": {
    kind: "self",
    why: "the first-run setup, allowed only with the one-time setup token and while no Hub exists",
  },
  // Beyond users.read, each object type is probed only when the member's grants read it.
  // The local mirror (docs/mirror.md): search by email and names, and the webhook connection.
  "search/find-in-mirror.ts#findInMirror": {
    kind: "account",
    permissions: ["users.read"],
    input: () => ({ query: "ada" }),
  },
  "hooks/connection.ts#getWebhookConnection": { kind: "account", permissions: ["hooks.read"] },
  "hooks/connect.ts#connectWebhooks": {
    kind: "account",
    permissions: ["hooks.create", "hooks.edit"],
    input: (ids) => ({ accountId: ids.accountId, takeOver: false }),
    foreign: (ids) => [{ accountId: ids.other.accountId, takeOver: false }],
  },
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
};
