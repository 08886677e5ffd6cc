// URLs of the account dashboard's pages, in one place so links between related objects (author ↔
// wallet ↔ transaction ↔ card/bank account) never drift from the routes. Isomorphic.

export const USER_TABS = [
  "transactions",
  "wallets",
  "cards",
  "preauthorizations",
  "bank-accounts",
  "mandates",
  "kyc-documents",
  "ubo-declarations",
  "deposit-preauthorizations",
  "identity-verifications",
] as const;
export type UserTab = (typeof USER_TABS)[number];

export function isUserTab(value: string): value is UserTab {
  return (USER_TABS as readonly string[]).includes(value);
}

export function dashboardPaths(accountId: string) {
  const base = `/accounts/${encodeURIComponent(accountId)}`;
  const enc = encodeURIComponent;
  return {
    home: base,
    users: `${base}/users`,
    search: (q: string) => `${base}/search?q=${enc(q)}`,
    user: (userId: string) => `${base}/users/${enc(userId)}`,
    userTab: (userId: string, tab: UserTab) => `${base}/users/${enc(userId)}/${tab}`,
    wallet: (walletId: string) => `${base}/wallets/${enc(walletId)}`,
    transactions: `${base}/transactions`,
    /** `kind` (from the list row's Type and Nature) saves the detail page from probing endpoints. */
    transaction: (id: string, kind?: string | null) =>
      `${base}/transactions/${enc(id)}${kind ? `?kind=${enc(kind)}` : ""}`,
    deposit: (depositId: string) => `${base}/deposits/${enc(depositId)}`,
    recurringRegistration: (registrationId: string) => `${base}/recurring-registrations/${enc(registrationId)}`,
    identityVerification: (sessionId: string) => `${base}/identity-verifications/${enc(sessionId)}`,
    recipient: (recipientId: string) => `${base}/recipients/${enc(recipientId)}`,
    payInIntent: (intentId: string) => `${base}/pay-in-intents/${enc(intentId)}`,
    intentSettlements: `${base}/settlements`,
    /** `intentId`: an intent this settlement paid, when the link comes from it (MANGOPAY lists no intents per settlement). */
    intentSettlement: (settlementId: string, intentId?: string | null) =>
      `${base}/settlements/${enc(settlementId)}${intentId ? `?intent=${enc(intentId)}` : ""}`,
    /** MANGOPAY reads a card validation only through its card, a virtual account through its wallet. */
    cardValidation: (cardId: string, validationId: string) =>
      `${base}/cards/${enc(cardId)}/validations/${enc(validationId)}`,
    virtualAccount: (walletId: string, virtualAccountId: string) =>
      `${base}/wallets/${enc(walletId)}/virtual-accounts/${enc(virtualAccountId)}`,
    events: `${base}/events`,
    event: (e: { resourceId: string; eventType: string; date: string }) =>
      `${base}/events/${enc(e.resourceId)}?${new URLSearchParams({ type: e.eventType, date: e.date }).toString()}`,
    compliance: `${base}/compliance`,
    disputes: `${base}/disputes`,
    dispute: (disputeId: string) => `${base}/disputes/${enc(disputeId)}`,
    hooks: `${base}/hooks`,
    reports: `${base}/reports`,
    newReport: `${base}/reports/new`,
    report: (definitionId: string) => `${base}/reports/${enc(definitionId)}`,
    reportRun: (definitionId: string, runId: string) => `${base}/reports/${enc(definitionId)}/runs/${enc(runId)}`,
    reportDownload: (runId: string) => `${base}/reports/runs/${enc(runId)}/download`,
    reportStatus: (runIds: readonly string[]) =>
      `${base}/reports/status?${new URLSearchParams(runIds.map((id) => ["run", id])).toString()}`,
    operations: `${base}/operations`,
    operation: (operationId: string) => `${base}/operations/${enc(operationId)}`,
    ssoSettings: `${base}/settings/sso`,
    permissionSettings: `${base}/settings/permissions`,
    operationsExport: (query: string) => `${base}/operations/export${query ? `?${query}` : ""}`,
    analytics: `${base}/analytics`,
    /** CSV exports from the mirror: the list's own query string, filters only. */
    usersExport: (query: string) => `${base}/users/export${query ? `?${query}` : ""}`,
    transactionsExport: (query: string) => `${base}/transactions/export${query ? `?${query}` : ""}`,
    eventsExport: (query: string) => `${base}/events/export${query ? `?${query}` : ""}`,
    complianceExport: (query: string) => `${base}/compliance/export${query ? `?${query}` : ""}`,
    uboDeclarationsExport: (query: string) => `${base}/compliance/ubo-declarations/export${query ? `?${query}` : ""}`,
    disputesExport: (query: string) => `${base}/disputes/export${query ? `?${query}` : ""}`,
  };
}
export type DashboardPaths = ReturnType<typeof dashboardPaths>;

/** Client wallets (FEES_EUR, CREDIT_EUR) belong to the platform, not to a user: no wallet page. */
export function isClientWallet(walletId: string): boolean {
  return /^(FEES|CREDIT)_[A-Z]{3}$/.test(walletId);
}

/**
 * The dashboard page of the object behind an event, for the kinds that have one besides transactions (which open
 * through their kind): a dispute's timeline, a recipient's page. Null for every other kind.
 */
export function eventResourcePage(
  accountId: string,
  resource: string | null,
  resourceId: string,
): { href: string; label: string; after: string } | null {
  const paths = dashboardPaths(accountId);
  switch (resource) {
    case "dispute":
      return { href: paths.dispute(resourceId), label: "Open this dispute", after: "for its timeline and next step." };
    case "recipient":
      return {
        href: paths.recipient(resourceId),
        label: "Open this recipient",
        after: "for its bank details and payouts.",
      };
    case "payInIntent":
      return {
        href: paths.payInIntent(resourceId),
        label: "Open this pay-in intent",
        after: "for its line items, captures, refunds, disputes, splits and settlement.",
      };
    default:
      return null;
  }
}
