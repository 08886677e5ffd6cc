import "server-only";
import { db } from "@/lib/server/db";
import { webhookPingCap } from "@/lib/server/env";
import { LocalWindowCounter } from "@/lib/server/local-window";
import { SharedWindowLimiter } from "@/lib/server/rate-limit";
import { tokenHashOf } from "./endpoint";
import { storePing } from "./ping-batch";

// The public receiver's work (app/api/webhooks/mangopay/[token]/route.ts): the endpoint (cached for a
// few seconds), then the ping joins the next group-committed insert (ping-batch.ts), then 200. Nothing in the query string is trusted beyond being a key: processing
// re-reads the resource from MANGOPAY with the account's own credentials.

export type PingQuery = { eventType: string | null; resourceId: string | null; date: string | null };
export type PingOutcome =
  { status: 200; stored: boolean } | { status: 400 | 404 } | { status: 429; retryAfterMs: number };

/**
 * Guessing paths: misses per client IP, shared by every instance (the database-backed limiter). Only
 * misses are limited: a known path is always served, or anyone could silence MANGOPAY's pings by
 * guessing from the same address — and without a trusted proxy every client's address is "unknown".
 * Known endpoints: pings per account and minute (WEBHOOK_PINGS_PER_ACCOUNT_PER_MINUTE), counted per
 * instance in memory — a flood guard for this process; one shared row rewritten on every ping would
 * itself cap the receiver's throughput.
 */
export const webhookLimits = {
  missesByIp: new SharedWindowLimiter("webhook.miss.ip", 30, 60_000),
  pingsByAccount: new LocalWindowCounter(webhookPingCap, 60_000),
};

const EVENT_TYPE = /^[A-Z][A-Z0-9_]{2,80}$/;
const RESOURCE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const UNIX_DATE = /^\d{1,12}$/;

/** Known endpoints, briefly: the ping's insert joins the endpoint again, so a stale entry stores nothing. */
const ENDPOINT_TTL_MS = 10_000;
const endpoints = new Map<string, { hubId: string; apiAccountId: string; untilMs: number }>();

async function endpointOf(tokenHash: string): Promise<{ hubId: string; apiAccountId: string } | null> {
  const cached = endpoints.get(tokenHash);
  if (cached && cached.untilMs > Date.now()) return cached;
  // The endpoint and its account (still in the same Hub, not deleted) in one round trip.
  const [found] = await db.$queryRaw<Array<{ hubId: string; apiAccountId: string }>>`
    SELECT e."hubId", e."apiAccountId" FROM "WebhookEndpoint" e
    JOIN "ApiAccount" a ON a."id" = e."apiAccountId" AND a."hubId" = e."hubId"
    WHERE e."tokenHash" = ${tokenHash}`;
  if (!found) {
    endpoints.delete(tokenHash);
    return null;
  }
  if (endpoints.size > 10_000) endpoints.clear();
  endpoints.set(tokenHash, { ...found, untilMs: Date.now() + ENDPOINT_TTL_MS });
  return found;
}

async function miss(ip: string | null): Promise<PingOutcome> {
  const ipKey = ip ?? "unknown";
  const verdict = await webhookLimits.missesByIp.check(ipKey);
  if (!verdict.allowed) return { status: 429, retryAfterMs: verdict.retryAfterMs };
  await webhookLimits.missesByIp.hit(ipKey);
  return { status: 404 };
}

export async function receiveWebhookPing(args: {
  token: string;
  query: PingQuery;
  ip: string | null;
}): Promise<PingOutcome> {
  const tokenHash = tokenHashOf(args.token);
  const endpoint = tokenHash ? await endpointOf(tokenHash) : null;
  if (!tokenHash || !endpoint) return miss(args.ip);
  const flood = webhookLimits.pingsByAccount.hit(endpoint.apiAccountId);
  if (!flood.allowed) return { status: 429, retryAfterMs: flood.retryAfterMs };
  const { eventType, resourceId, date } = args.query;
  if (
    !eventType ||
    !resourceId ||
    !date ||
    !EVENT_TYPE.test(eventType) ||
    !RESOURCE_ID.test(resourceId) ||
    !UNIX_DATE.test(date)
  )
    return { status: 400 };

  // The ping row is the record of what arrived (time, client address): no audit row per ping, so
  // the receiver stays a share of one insert per ping. Processing audits each ping's outcome.
  const result = await storePing({
    tokenHash,
    apiAccountId: endpoint.apiAccountId,
    eventType,
    resourceId,
    eventDate: date,
    sourceIp: args.ip,
  });
  if (result === "gone") {
    // Deleted or rotated since it was looked up: from now on an unknown path.
    endpoints.delete(tokenHash);
    return { status: 404 };
  }
  // A duplicate (MANGOPAY retries, or a replay): already stored, already queued.
  return { status: 200, stored: result === "stored" };
}
