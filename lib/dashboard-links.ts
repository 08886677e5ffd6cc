// Where dashboard objects live, in one place, so every page links related objects the same way.
// Pure; paths only to pages that exist.

export const accountPath = (accountId: string) => `/accounts/${encodeURIComponent(accountId)}`;

export function transactionPath(accountId: string, id: string, kind?: string | null): string {
  const q = kind ? `?kind=${encodeURIComponent(kind)}` : "";
  return `${accountPath(accountId)}/transactions/${encodeURIComponent(id)}${q}`;
}

export const userPath = (accountId: string, userId: string) => `${accountPath(accountId)}/users/${encodeURIComponent(userId)}`;

/** Client wallets (FEES_EUR, CREDIT_EUR) have no owner; their money shows in the platform's list. */
export function isClientWallet(walletId: string): boolean {
  return /^(FEES|CREDIT)_[A-Z]{3}$/.test(walletId);
}

export function walletTransactionsPath(accountId: string, walletId: string): string {
  if (isClientWallet(walletId)) return `${accountPath(accountId)}/transactions`;
  return `${accountPath(accountId)}/transactions?walletId=${encodeURIComponent(walletId)}`;
}

export const userTransactionsPath = (accountId: string, userId: string) => `${accountPath(accountId)}/transactions?userId=${encodeURIComponent(userId)}`;

export const disputePath = (accountId: string, disputeId: string) => `${accountPath(accountId)}/disputes/${encodeURIComponent(disputeId)}`;

export function eventPath(accountId: string, e: { resourceId: string; eventType: string; date: string }): string {
  const q = new URLSearchParams({ type: e.eventType, date: e.date });
  return `${accountPath(accountId)}/events/${encodeURIComponent(e.resourceId)}?${q.toString()}`;
}
