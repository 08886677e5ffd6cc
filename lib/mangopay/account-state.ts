// Token and rate-limit state belong to the API account, not to a client object: a server
// component may build a client per request, yet all of them must share one token and one view
// of the quota. Keyed by base URL, ClientId and a digest of the API key (a rotated key re-auths).
import { createHash } from "node:crypto";
import { RateLimitState } from "./rate-limits";
import { TokenCache } from "./token-cache";

export interface AccountState {
  tokens: TokenCache;
  rateLimits: RateLimitState;
}

export function createAccountState(now: () => number = Date.now): AccountState {
  return { tokens: new TokenCache(now), rateLimits: new RateLimitState() };
}

const GLOBAL_KEY = Symbol.for("mangopay-dashboard.account-states");
type GlobalWithStates = typeof globalThis & { [GLOBAL_KEY]?: Map<string, AccountState> };

export function sharedAccountState(baseUrl: string, clientId: string, apiKey: string): AccountState {
  const store = globalThis as GlobalWithStates;
  const states = (store[GLOBAL_KEY] ??= new Map());
  const digest = createHash("sha256").update(apiKey).digest("hex").slice(0, 16);
  const key = `${baseUrl.replace(/\/+$/, "")}|${clientId}|${digest}`;
  let state = states.get(key);
  if (!state) {
    state = createAccountState();
    states.set(key, state);
  }
  return state;
}
