// Per-request facts for the request log line: its id (also sent as the `x-request-id` header) and
// the member and API account it acted for, filled in by the Hub and account contexts. Found by the
// request id, which the app reads from the request headers: Next.js renders in a clean async context,
// so an AsyncLocalStorage entered at the HTTP layer does not reach server components (it still
// serves code outside Next.js). Both live on globalThis, shared by the instrumentation and app
// bundles. No `server-only`: instrumentation.ts imports it.
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

const LIVE = Symbol.for("mangopay-dashboard.live-requests");
const live = ((globalThis as unknown as Record<symbol, Map<string, RequestFacts> | undefined>)[LIVE] ??= new Map<
  string,
  RequestFacts
>());

/** The facts of a request in flight, registered by the request log until its response is finished. */
export function liveRequests(): Map<string, RequestFacts> {
  return live;
}

/** Records who the request acts for (no-op outside a logged request, e.g. in tests and scripts). */
export function noteRequestActor(requestId: string | null, facts: { memberId?: string; accountId?: string }): void {
  const store = (requestId ? live.get(requestId) : undefined) ?? requestStore().getStore();
  if (!store) return;
  if (facts.memberId) store.memberId = facts.memberId;
  if (facts.accountId) store.accountId = facts.accountId;
}
