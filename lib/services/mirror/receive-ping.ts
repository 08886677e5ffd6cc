import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";
import { webhookPingCap } from "@/lib/server/env";
import { currentJobQueue } from "@/lib/server/jobs";
import { LocalWindowCounter } from "@/lib/server/local-window";
import { logger } from "@/lib/server/logger";
import { SharedWindowLimiter } from "@/lib/server/rate-limit";
import { tokenHashOf } from "./endpoint";
import { WEBHOOK_PING_JOB } from "./process-ping";

// The public receiver's work (app/api/webhooks/mangopay/[token]/route.ts): a few indexed queries and
// one insert, then 200. Nothing in the query string is trusted beyond being a key: processing
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

export async function receiveWebhookPing(args: {
  token: string;
  query: PingQuery;
  ip: string | null;
}): Promise<PingOutcome> {
  const tokenHash = tokenHashOf(args.token);
  // The endpoint and its account (still in the same Hub, not deleted) in one round trip.
  const [endpoint] = tokenHash
    ? await db.$queryRaw<Array<{ hubId: string; apiAccountId: string }>>`
        SELECT e."hubId", e."apiAccountId" FROM "WebhookEndpoint" e
        JOIN "ApiAccount" a ON a."id" = e."apiAccountId" AND a."hubId" = e."hubId"
        WHERE e."tokenHash" = ${tokenHash}`
    : [];
  if (!endpoint) {
    const ipKey = args.ip ?? "unknown";
    const miss = await webhookLimits.missesByIp.check(ipKey);
    if (!miss.allowed) return { status: 429, retryAfterMs: miss.retryAfterMs };
    await webhookLimits.missesByIp.hit(ipKey);
    return { status: 404 };
  }
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

  let pingId: string;
  try {
    // The ping row is the record of what arrived (time, client address): no audit row per ping, so
    // the receiver stays one insert per ping. Processing audits each ping's outcome (mirror.sync…).
    const ping = await db.webhookPing.create({
      data: {
        hubId: endpoint.hubId,
        apiAccountId: endpoint.apiAccountId,
        eventType,
        resourceId,
        eventDate: date,
        sourceIp: args.ip,
      },
      select: { id: true },
    });
    pingId = ping.id;
  } catch (err) {
    // The same ping again (MANGOPAY retries, or a replay): already stored, already queued.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")
      return { status: 200, stored: false };
    throw err;
  }
  const queue = currentJobQueue();
  if (queue) {
    await queue.send(WEBHOOK_PING_JOB, { pingId }, { key: pingId }).catch((err: unknown) => {
      // Stored as PENDING: the ping is not lost; it is picked up by the pending sweep.
      logger.warn({ err: err instanceof Error ? err.message : String(err), pingId }, "webhook ping not enqueued");
    });
  }
  return { status: 200, stored: true };
}
