// The one table of who may reach what: every page, route handler and server action under app/.
// Pure (no server-only import): the generated matrix test (tests/unit/hub/route-matrix.test.ts)
// walks app/ and fails when a page, route or action is missing here or disagrees with its source.
//
// Adding a dashboard page: in the page, `const ctx = await requireAccountPermission(accountId,
// "users.read")` (lib/server/account-context.ts), and here `"/accounts/[accountId]/users":
// account("users.read")`. A server action: `export const payUserAction = accountAction("payins.create",
// Schema, fn)` and an entry "(dashboard)/accounts/[accountId]/…/actions.ts#payUserAction". Services
// still call assertCan themselves: the table is the map, not the only lock.
import { effectivePermissions, ROLE_PERMISSIONS, type Permission, type RoleName } from "./permissions";

export type Access =
  /** Anyone, signed in or not (sign-in, invite links, next-auth). */
  | { kind: "public" }
  /** Any signed-in user, even without a Hub (own profile, 2FA setup). */
  | { kind: "session" }
  /** A Hub member; with a permission, members without it are redirected (pages) or get FORBIDDEN. */
  | { kind: "hub"; permission: Permission | null }
  /** A member with access to the API account in the URL/payload (else 404), and the permission there. */
  | { kind: "account"; permission: Permission | null };

const pub = { kind: "public" } as const;
const session = { kind: "session" } as const;
const hub = (permission: Permission | null = null): Access => ({ kind: "hub", permission });
const account = (permission: Permission | null = null): Access => ({ kind: "account", permission });

/** Pages by route (route groups removed). */
export const PAGE_ACCESS: Record<string, Access> = {
  "/": session,
  "/sign-in": pub,
  "/sign-out": pub,
  "/no-hub": session,
  "/two-factor/setup": session,
  "/invite/[token]": pub,
  // First run only: the setup token is the credential; 404 once any Hub exists.
  "/setup": pub,
  "/hub": hub(),
  "/hub/accounts/new": hub("hub.accounts.manage"),
  "/hub/team": hub("hub.team.manage"),
  "/hub/security": hub("hub.security.read"),
  "/hub/settings": hub("hub.settings.manage"),
  "/hub/feedback": hub("hub.feedback.read"),
  "/hub/jobs": hub("hub.jobs.manage"),
  "/hub/profile": hub(),
  "/accounts/[accountId]": account(),
  "/accounts/[accountId]/search": account("users.read"),
  "/accounts/[accountId]/users": account("users.read"),
  "/accounts/[accountId]/users/[userId]": account("users.read"),
  "/accounts/[accountId]/users/[userId]/[tab]": account("users.read"),
  "/accounts/[accountId]/wallets/[walletId]": account("wallets.read"),
  "/accounts/[accountId]/settings/permissions": account("dashboard.permissions.manage"),
  "/accounts/[accountId]/settings/sso": account("ssos.read"),
  "/accounts/[accountId]/transactions": account("transactions.read"),
  "/accounts/[accountId]/transactions/[transactionId]": account("transactions.read"),
  // Newer MANGOPAY kinds reuse the scope of the data they are (docs/dashboard-reads.md, "Scopes").
  "/accounts/[accountId]/deposits/[depositId]": account("preauthorizations.read"),
  "/accounts/[accountId]/recurring-registrations/[registrationId]": account("payins.read"),
  "/accounts/[accountId]/identity-verifications/[sessionId]": account("kycDocuments.read"),
  "/accounts/[accountId]/recipients/[recipientId]": account("bankAccounts.read"),
  // V3.0 pay-in intents and their settlements are pay-ins declared from the platform's own provider.
  "/accounts/[accountId]/pay-in-intents/[intentId]": account("payins.read"),
  "/accounts/[accountId]/settlements": account("payins.read"),
  "/accounts/[accountId]/settlements/[settlementId]": account("payins.read"),
  "/accounts/[accountId]/cards/[cardId]/validations/[validationId]": account("cards.read"),
  "/accounts/[accountId]/wallets/[walletId]/virtual-accounts/[virtualAccountId]": account("wallets.read"),
  // Aggregates of the mirrored transactions: whoever may read transactions.
  "/accounts/[accountId]/analytics": account("transactions.read"),
  "/accounts/[accountId]/events": account("events.read"),
  "/accounts/[accountId]/events/[resourceId]": account("events.read"),
  "/accounts/[accountId]/compliance": account("kycDocuments.read"),
  "/accounts/[accountId]/disputes": account("disputes.read"),
  "/accounts/[accountId]/disputes/[disputeId]": account("disputes.read"),
  "/accounts/[accountId]/hooks": account("hooks.read"),
  "/accounts/[accountId]/reports": account("reporting.read"),
  "/accounts/[accountId]/reports/new": account("reporting.create"),
  "/accounts/[accountId]/reports/[definitionId]": account("reporting.read"),
  "/accounts/[accountId]/reports/[definitionId]/runs/[runId]": account("reporting.read"),
  // The operations log shows money and other MANGOPAY writes with their members: whoever may read transactions.
  "/accounts/[accountId]/operations": account("transactions.read"),
  "/accounts/[accountId]/operations/[operationId]": account("transactions.read"),
};

/** Route handlers by route. */
export const ROUTE_ACCESS: Record<string, Access> = {
  "/api/auth/[...nextauth]": pub,
  // Load-balancer probes: no data, no details.
  "/api/health/live": pub,
  "/api/health/ready": pub,
  // MANGOPAY's webhook receiver: the random per-account path is the credential (unknown → 404).
  "/api/webhooks/mangopay/[token]": pub,
  "/hub/security/export": hub("hub.security.read"),
  // The pending-report poller and the CSV download (streamed from MANGOPAY, audited).
  "/accounts/[accountId]/reports/status": account("reporting.read"),
  "/accounts/[accountId]/reports/runs/[runId]/download": account("reporting.read"),
  "/accounts/[accountId]/operations/export": account("transactions.read"),
  // CSV exports streamed from the mirror: the permission of reading the list they export (audited).
  "/accounts/[accountId]/users/export": account("users.read"),
  "/accounts/[accountId]/transactions/export": account("transactions.read"),
  "/accounts/[accountId]/events/export": account("events.read"),
  "/accounts/[accountId]/compliance/export": account("kycDocuments.read"),
  "/accounts/[accountId]/compliance/ubo-declarations/export": account("uboDeclarations.read"),
  "/accounts/[accountId]/disputes/export": account("disputes.read"),
  "/accounts/[accountId]/transactions/[transactionId]/receipt": account("transactions.read"),
};

/** Server actions as "<file under app/>#<export>". */
export const ACTION_ACCESS: Record<string, Access> = {
  "(auth)/invite/[token]/actions.ts#acceptInviteAction": pub,
  "(auth)/setup/actions.ts#createFirstHubAction": pub,
  "(hub)/hub/accounts/actions.ts#createApiAccountAction": hub("hub.accounts.manage"),
  "(hub)/hub/accounts/actions.ts#renameApiAccountAction": hub("hub.accounts.manage"),
  "(hub)/hub/accounts/actions.ts#rotateApiKeyAction": hub("hub.accounts.manage"),
  "(hub)/hub/accounts/actions.ts#deleteApiAccountAction": hub("hub.accounts.manage"),
  "(hub)/hub/accounts/actions.ts#setEventRetentionAction": hub("hub.accounts.manage"),
  "(hub)/hub/team/actions.ts#createInviteAction": hub("hub.team.manage"),
  "(hub)/hub/team/actions.ts#resendInviteAction": hub("hub.team.manage"),
  "(hub)/hub/team/actions.ts#revokeInviteAction": hub("hub.team.manage"),
  "(hub)/hub/team/actions.ts#changeMemberRoleAction": hub("hub.team.manage"),
  "(hub)/hub/team/actions.ts#changeMemberAccessAction": hub("hub.team.manage"),
  "(hub)/hub/team/actions.ts#removeMemberAction": hub("hub.team.manage"),
  "(hub)/hub/settings/actions.ts#setHubRequire2faAction": hub("hub.settings.manage"),
  "(hub)/hub/settings/actions.ts#setAllowCustomBaseUrlsAction": hub("hub.connections.manage"),
  "(hub)/hub/jobs/actions.ts#retryWebhookPingAction": hub("hub.jobs.manage"),
  "(hub)/hub/jobs/actions.ts#retryJobAction": hub("hub.jobs.manage"),
  "(hub)/hub/jobs/actions.ts#cancelJobAction": hub("hub.jobs.manage"),
  "(hub)/hub/actions.ts#switchHubAction": session,
  "(hub)/hub/profile/actions.ts#startTotpEnrollmentAction": session,
  "(hub)/hub/profile/actions.ts#confirmTotpEnrollmentAction": session,
  "(hub)/hub/profile/actions.ts#regenerateRecoveryCodesAction": session,
  "(hub)/hub/profile/actions.ts#disableTotpAction": session,
  "(hub)/hub/profile/actions.ts#changePasswordAction": session,
  "(hub)/hub/profile/actions.ts#signOutEverywhereAction": session,
  "(hub)/hub/profile/actions.ts#setTimeZoneAction": session,
  "(dashboard)/accounts/[accountId]/settings/permissions/actions.ts#updateAccountGrantsAction":
    account("dashboard.permissions.manage"),
  "(dashboard)/accounts/[accountId]/settings/sso/actions.ts#createSsoAction": account("ssos.create"),
  "(dashboard)/accounts/[accountId]/settings/sso/actions.ts#updateSsoAction": account("ssos.edit"),
  "(dashboard)/accounts/[accountId]/settings/sso/actions.ts#deactivateSsoAction": account("ssos.edit"),
  "(dashboard)/accounts/[accountId]/settings/sso/actions.ts#extendSsoInvitationAction": account("ssos.edit"),
  "(dashboard)/accounts/[accountId]/search/actions.ts#listRecentSearchesAction": account("users.read"),
  "(dashboard)/accounts/[accountId]/search/actions.ts#recordRecentSearchAction": account("users.read"),
  "(dashboard)/accounts/[accountId]/search/actions.ts#clearRecentSearchesAction": account("users.read"),
  "(dashboard)/accounts/[accountId]/settings/sso/actions.ts#createPermissionGroupAction":
    account("permissionGroups.create"),
  "(dashboard)/accounts/[accountId]/settings/sso/actions.ts#updatePermissionGroupAction":
    account("permissionGroups.edit"),
  "(dashboard)/accounts/[accountId]/settings/sso/actions.ts#syncSsoGrantsAction":
    account("dashboard.permissions.manage"),
  "(dashboard)/accounts/[accountId]/hooks/actions.ts#connectWebhooksAction": account("hooks.create"),
  "(dashboard)/accounts/[accountId]/hooks/actions.ts#startMirrorBackfillAction": account("hooks.create"),
  "(dashboard)/accounts/[accountId]/hooks/actions.ts#cancelMirrorBackfillAction": account("hooks.create"),
  "(dashboard)/accounts/[accountId]/reports/actions.ts#createReportAction": account("reporting.create"),
  "(dashboard)/accounts/[accountId]/reports/actions.ts#runReportAction": account("reporting.create"),
  "(dashboard)/accounts/[accountId]/reports/actions.ts#rerunReportAction": account("reporting.create"),
  "(dashboard)/accounts/[accountId]/reports/actions.ts#setReportScheduleAction": account("reporting.edit"),
  "(dashboard)/accounts/[accountId]/wallets/actions.ts#createWalletAction": account("wallets.create"),
  "(dashboard)/accounts/[accountId]/wallets/actions.ts#createBankWirePayInAction": account("payins.create"),
  "(dashboard)/accounts/[accountId]/wallets/actions.ts#createDirectDebitPayInAction": account("payins.create"),
  "(dashboard)/accounts/[accountId]/wallets/actions.ts#createCardPayInAction": account("payins.create"),
  "(dashboard)/accounts/[accountId]/wallets/actions.ts#createPayoutAction": account("payouts.create"),
  "(dashboard)/accounts/[accountId]/wallets/actions.ts#createTransferAction": account("transfers.create"),
  "(dashboard)/accounts/[accountId]/transactions/actions.ts#createRefundAction": account("refunds.create"),
  // Tracking information on a PayPal pay-in changes the pay-in, moves no money: Pay-ins edit.
  "(dashboard)/accounts/[accountId]/transactions/actions.ts#addPayPalTrackingAction": account("payins.edit"),
  "(dashboard)/accounts/[accountId]/disputes/[disputeId]/settlement/actions.ts#settleDisputeAction":
    account("repudiations.create"),
  // Dashboard actions that move no money (users, KYC, bank accounts, disputes, hooks, feedback).
  "(dashboard)/accounts/[accountId]/actions.ts#sendFeedbackAction": account(),
  "(dashboard)/accounts/[accountId]/users/actions.ts#createUserAction": account("users.create"),
  "(dashboard)/accounts/[accountId]/users/[userId]/actions.ts#updateUserAction": account("users.edit"),
  "(dashboard)/accounts/[accountId]/users/[userId]/actions.ts#createBankAccountAction": account("bankAccounts.create"),
  "(dashboard)/accounts/[accountId]/users/[userId]/actions.ts#deactivateBankAccountAction":
    account("bankAccounts.edit"),
  "(dashboard)/accounts/[accountId]/users/[userId]/actions.ts#createMandateAction": account("mandates.create"),
  "(dashboard)/accounts/[accountId]/users/[userId]/actions.ts#createKycDocumentAction": account("kycDocuments.create"),
  "(dashboard)/accounts/[accountId]/users/[userId]/actions.ts#addKycPageAction": account("kycDocuments.create"),
  "(dashboard)/accounts/[accountId]/users/[userId]/actions.ts#submitKycDocumentAction": account("kycDocuments.edit"),
  "(dashboard)/accounts/[accountId]/users/[userId]/actions.ts#createUboDeclarationAction":
    account("uboDeclarations.create"),
  "(dashboard)/accounts/[accountId]/users/[userId]/actions.ts#addUboAction": account("uboDeclarations.create"),
  "(dashboard)/accounts/[accountId]/users/[userId]/actions.ts#updateUboAction": account("uboDeclarations.edit"),
  "(dashboard)/accounts/[accountId]/users/[userId]/actions.ts#submitUboDeclarationAction":
    account("uboDeclarations.edit"),
  "(dashboard)/accounts/[accountId]/disputes/[disputeId]/actions.ts#contestDisputeAction": account("disputes.edit"),
  "(dashboard)/accounts/[accountId]/disputes/[disputeId]/actions.ts#resubmitDisputeAction": account("disputes.edit"),
  "(dashboard)/accounts/[accountId]/disputes/[disputeId]/actions.ts#closeDisputeAction": account("disputes.edit"),
  "(dashboard)/accounts/[accountId]/disputes/[disputeId]/actions.ts#createDisputeDocumentAction":
    account("disputes.edit"),
  "(dashboard)/accounts/[accountId]/disputes/[disputeId]/actions.ts#addDisputeDocumentPageAction":
    account("disputes.edit"),
  "(dashboard)/accounts/[accountId]/disputes/[disputeId]/actions.ts#submitDisputeDocumentAction":
    account("disputes.edit"),
  "(dashboard)/accounts/[accountId]/hooks/actions.ts#createHookAction": account("hooks.create"),
  "(dashboard)/accounts/[accountId]/hooks/actions.ts#updateHookAction": account("hooks.edit"),
};

export type Outcome = "allow" | "deny" | "not_found" | "sign_in";

/** What a visitor gets: `deny` = 403 for actions and handlers, a redirect for pages. */
export function decideAccess(
  access: Access,
  who: { signedIn: boolean; role: RoleName | null; accountGrants: readonly string[] | null },
): Outcome {
  if (access.kind === "public") return "allow";
  if (!who.signedIn) return "sign_in";
  if (access.kind === "session") return "allow";
  if (!who.role) return "not_found";
  if (access.kind === "hub") {
    return access.permission === null || ROLE_PERMISSIONS[who.role].includes(access.permission) ? "allow" : "deny";
  }
  if (!who.accountGrants) return "not_found";
  if (access.permission === null) return "allow";
  return effectivePermissions(who.role, who.accountGrants).has(access.permission) ? "allow" : "deny";
}

/**
 * The dashboard's navigation: shown per link only when the member holds its permission there. Only
 * sections whose page exists are listed (tests/unit/dashboard/nav.test.ts): no link may lead to a 404.
 */
export const DASHBOARD_NAV: readonly { label: string; segment: string; permission: Permission | null }[] = [
  { label: "Home", segment: "", permission: null },
  { label: "Users", segment: "/users", permission: "users.read" },
  { label: "Transactions", segment: "/transactions", permission: "transactions.read" },
  { label: "Analytics", segment: "/analytics", permission: "transactions.read" },
  { label: "Compliance", segment: "/compliance", permission: "kycDocuments.read" },
  { label: "Disputes", segment: "/disputes", permission: "disputes.read" },
  { label: "Settlements", segment: "/settlements", permission: "payins.read" },
  { label: "Events", segment: "/events", permission: "events.read" },
  { label: "Hooks", segment: "/hooks", permission: "hooks.read" },
  { label: "Reports", segment: "/reports", permission: "reporting.read" },
  { label: "Operations", segment: "/operations", permission: "transactions.read" },
];
