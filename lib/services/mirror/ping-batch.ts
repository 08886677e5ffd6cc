import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/server/db";
import { currentJobQueue } from "@/lib/server/jobs";
import { logger } from "@/lib/server/logger";
import { WEBHOOK_PING_JOB } from "./process-ping";

// Group commit for the webhook receiver: pings arriving while a write is in flight wait for the
// next one, and each write is one statement (the batch's endpoints read again and one multi-row
// INSERT … ON CONFLICT DO NOTHING) and one pg-boss insert of their jobs. Alone, a ping is written at
// once; under load a batch holds what arrived meanwhile, so the database sees two statements per batch
// instead of two or three per ping. A ping is answered only once its batch is committed.

export type PingToStore = {
  tokenHash: string;
  apiAccountId: string;
  eventType: string;
  resourceId: string;
  eventDate: string;
  sourceIp: string | null;
};
/** stored: a new row; duplicate: that ping was already stored; gone: the endpoint no longer exists. */
export type StoreResult = "stored" | "duplicate" | "gone";

type Waiting = { ping: PingToStore; resolve: (r: StoreResult) => void; reject: (err: unknown) => void };

const MAX_BATCH = 500;
/** Writes in flight at once (each holds one pooled connection). */
const MAX_WRITES = 2;

const waiting: Waiting[] = [];
let writing = 0;
let scheduled = false;

export function storePing(ping: PingToStore): Promise<StoreResult> {
  return new Promise((resolve, reject) => {
    waiting.push({ ping, resolve, reject });
    schedule();
  });
}

function schedule(): void {
  if (scheduled || writing >= MAX_WRITES || waiting.length === 0) return;
  scheduled = true;
  // The next turn of the event loop: pings parsed in this one join the batch.
  setImmediate(() => {
    scheduled = false;
    if (writing >= MAX_WRITES || waiting.length === 0) return;
    const batch = waiting.splice(0, MAX_BATCH);
    writing++;
    writeBatch(batch.map((w) => w.ping)).then(
      (results) => batch.forEach((w, i) => w.resolve(results[i] ?? "gone")),
      (err: unknown) => batch.forEach((w) => w.reject(err)),
    );
  });
}

async function writeBatch(pings: PingToStore[]): Promise<StoreResult[]> {
  try {
    const ids = pings.map(() => randomUUID());
    // One statement, whatever the batch's size: the batch's endpoints again (a ping whose account or
    // secret went since it was looked up is not stored), then one INSERT … ON CONFLICT DO NOTHING, where
    // the unique (account, event type, resource, date) keeps a duplicate — within the batch or from an
    // earlier one — out, and only new rows come back. Arrays rather than one placeholder per value, so
    // the statement is the same text for every batch.
    const rows = await db.$queryRaw<Array<{ kind: "stored" | "live"; key: string }>>`
      WITH live AS (
        SELECT e."tokenHash", e."hubId", e."apiAccountId" FROM "WebhookEndpoint" e
        JOIN "ApiAccount" a ON a."id" = e."apiAccountId" AND a."hubId" = e."hubId"
        WHERE e."tokenHash" = ANY(${[...new Set(pings.map((p) => p.tokenHash))]}::text[])
      ), ins AS (
        INSERT INTO "WebhookPing" ("id", "hubId", "apiAccountId", "eventType", "resourceId", "eventDate", "sourceIp")
        SELECT p.id, l."hubId", l."apiAccountId", p.event_type, p.resource_id, p.event_date, p.source_ip
        FROM unnest(
          ${ids}::text[], ${pings.map((p) => p.tokenHash)}::text[], ${pings.map((p) => p.apiAccountId)}::text[],
          ${pings.map((p) => p.eventType)}::text[], ${pings.map((p) => p.resourceId)}::text[],
          ${pings.map((p) => p.eventDate)}::text[], ${pings.map((p) => p.sourceIp)}::text[]
        ) WITH ORDINALITY AS p(id, token_hash, account_id, event_type, resource_id, event_date, source_ip, n)
        JOIN live l ON l."tokenHash" = p.token_hash AND l."apiAccountId" = p.account_id
        ORDER BY p.n
        ON CONFLICT DO NOTHING
        RETURNING "id"
      )
      SELECT 'stored' AS kind, "id" AS key FROM ins
      UNION ALL
      SELECT 'live' AS kind, "tokenHash" || ' ' || "apiAccountId" AS key FROM live`;
    const stored = new Set(rows.filter((r) => r.kind === "stored").map((r) => r.key));
    const live = new Set(rows.filter((r) => r.kind === "live").map((r) => r.key));
    await enqueue(ids.filter((id) => stored.has(id)));
    return pings.map((p, i) =>
      !live.has(`${p.tokenHash} ${p.apiAccountId}`) ? "gone" : stored.has(ids[i]!) ? "stored" : "duplicate",
    );
  } finally {
    writing--;
    schedule();
  }
}

async function enqueue(pingIds: string[]): Promise<void> {
  const queue = currentJobQueue();
  if (!queue || pingIds.length === 0) return;
  await queue
    .sendMany(
      WEBHOOK_PING_JOB,
      pingIds.map((pingId) => ({ data: { pingId }, key: pingId })),
    )
    .catch((err: unknown) => {
      // Stored as PENDING: the pings are not lost; the pending sweep sends them.
      logger.warn(
        { err: err instanceof Error ? err.message : String(err), pings: pingIds.length },
        "webhook pings not enqueued",
      );
    });
}
