// Per-request facts for the request log line: its id (also sent as the `x-request-id` header) and
// the member and API account it acted for, filled in by the Hub and account contexts. One
// AsyncLocalStorage per process, on globalThis: the instrumentation and app bundles share it.
// No `server-only`: instrumentation.ts imports it.
import { AsyncLocalStorage } from "node:async_hooks";

export type RequestFacts = { requestId: string; memberId: string | null; accountId: string | null };

const KEY = Symbol.for("mangopay-dashboard.request-context");
const g = globalThis as unknown as Record<symbol, AsyncLocalStorage<RequestFacts> | undefined>;

export function requestStore(): AsyncLocalStorage<RequestFacts> {
  return (g[KEY] ??= new AsyncLocalStorage<RequestFacts>());
}

export const REQUEST_ID_HEADER = "x-request-id";
/** An id a trusted proxy may pass in; anything else is replaced by our own. */
export const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** Records who the request acts for (no-op outside a request, e.g. in tests and scripts). */
export function noteRequestActor(facts: { memberId?: string; accountId?: string }): void {
  const store = requestStore().getStore();
  if (!store) return;
  if (facts.memberId) store.memberId = facts.memberId;
  if (facts.accountId) store.accountId = facts.accountId;
}
