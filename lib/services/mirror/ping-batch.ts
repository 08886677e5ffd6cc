import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/server/db";
import { currentJobQueue } from "@/lib/server/jobs";
import { logger } from "@/lib/server/logger";
import { WEBHOOK_PING_JOB } from "./process-ping";

// Group commit for the webhook receiver: pings arriving while a write is in flight wait for the
// next one, and each write is one read of the batch's endpoints, one multi-row INSERT … ON CONFLICT DO
// NOTHING and one pg-boss insert of their jobs. Alone, a ping is written at once; under load a batch
// holds what arrived meanwhile, so the database sees three statements per batch instead of two or
// three per ping. A ping is answered only once its batch is committed.

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
    // The endpoints again, for the batch at once: a ping whose account or secret went since it was
    // looked up is not stored.
    const hashes = [...new Set(pings.map((p) => p.tokenHash))];
    const live = await db.$queryRaw<Array<{ tokenHash: string; hubId: string; apiAccountId: string }>>`
      SELECT e."tokenHash", e."hubId", e."apiAccountId" FROM "WebhookEndpoint" e
      JOIN "ApiAccount" a ON a."id" = e."apiAccountId" AND a."hubId" = e."hubId"
      WHERE e."tokenHash" = ANY(${hashes}::text[])`;
    const endpointOf = new Map(live.map((e) => [e.tokenHash, e]));
    const rows = pings.map((p) => {
      const e = endpointOf.get(p.tokenHash);
      return e && e.apiAccountId === p.apiAccountId
        ? {
            id: randomUUID(),
            hubId: e.hubId,
            apiAccountId: e.apiAccountId,
            eventType: p.eventType,
            resourceId: p.resourceId,
            eventDate: p.eventDate,
            sourceIp: p.sourceIp,
          }
        : null;
    });
    // One INSERT … ON CONFLICT DO NOTHING: the unique (account, event type, resource, date) keeps a
    // duplicate — within the batch or from an earlier one — out, and only new rows come back.
    const inserted = await db.webhookPing.createManyAndReturn({
      data: rows.filter((r) => r !== null),
      skipDuplicates: true,
      select: { id: true },
    });
    const stored = new Set(inserted.map((r) => r.id));
    await enqueue([...stored]);
    return rows.map((r) => (!r ? "gone" : stored.has(r.id) ? "stored" : "duplicate"));
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
