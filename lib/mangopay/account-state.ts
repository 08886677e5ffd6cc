// Token and rate-limit state belong to the API account, not to a client object: a server
// component may build a client per request, yet all of them must share one token and one view
// of the quota. Keyed by base URL, ClientId and a digest of the API key (a rotated key re-auths).
import { createHash } from "node:crypto";
import { MemoryQuotaStore, type QuotaStore } from "./quota-store";
import { RateLimitState } from "./rate-limits";
import { TokenCache } from "./token-cache";

export interface AccountState {
  tokens: TokenCache;
  rateLimits: RateLimitState;
  /** The quota ledger gating background reads, unless the client is given a shared store. */
  quota: QuotaStore;
}

export function createAccountState(now: () => number = Date.now): AccountState {
  return { tokens: new TokenCache(now), rateLimits: new RateLimitState(), quota: new MemoryQuotaStore() };
}

const GLOBAL_KEY = Symbol.for("mangopay-dashboard.account-states");
type GlobalWithStates = typeof globalThis & { [GLOBAL_KEY]?: Map<string, AccountState> };

/** The credentials' identity: base URL, ClientId and a digest of the API key (never the key). */
export function accountStateKey(baseUrl: string, clientId: string, apiKey: string): string {
  const digest = createHash("sha256").update(apiKey).digest("hex").slice(0, 16);
  return `${baseUrl.replace(/\/+$/, "")}|${clientId}|${digest}`;
}

export function sharedAccountState(baseUrl: string, clientId: string, apiKey: string): AccountState {
  const store = globalThis as GlobalWithStates;
  const states = (store[GLOBAL_KEY] ??= new Map());
  const key = accountStateKey(baseUrl, clientId, apiKey);
  let state = states.get(key);
  if (!state) {
    state = createAccountState();
    states.set(key, state);
  }
  return state;
}
