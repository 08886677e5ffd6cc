import "server-only";
import {
  claimOn,
  effectiveSnapshot,
  emptyLedger,
  observeOn,
  type QuotaClaim,
  type QuotaLedger,
  type QuotaStore,
} from "@/lib/mangopay/quota-store";
import type { RequestPriority } from "@/lib/mangopay/http";
import { DEFAULT_QUOTA_POLICY, type QuotaPolicy, type RateLimitSnapshot } from "@/lib/mangopay/rate-limits";
import pg from "pg";
import { dbPool, inPoolTransaction } from "./db";

// The MANGOPAY quota ledger in the database (MangopayQuotaLedger), one row per set of credentials,
// so that every app instance gates its background reads on the same numbers. Each change locks the
// row (SELECT … FOR UPDATE) and applies the same pure steps as the in-memory store: two instances
// claiming the last call above the reserve at the same moment are serialised, one of them is shed.
// Within one process, changes that arrive while an update holds the row are applied in one update.

function asLedger(value: unknown): QuotaLedger {
  const v = value as Partial<QuotaLedger> | null;
  return v && Array.isArray(v.buckets) && typeof v.observedAtMs === "number" && v.claims
    ? { buckets: v.buckets, observedAtMs: v.observedAtMs, claims: v.claims }
    : emptyLedger();
}

/**
 * One locked change of a key's row, through the pool under `db` rather than Prisma's client: a
 * background MANGOPAY read costs a claim and an answer, each this transaction, and through an
 * interactive `$transaction` its three statements made most of a backfill's garbage (a run of 155,000
 * rows peaked near 400 MB of RSS, its heap after a full collection a fraction of that).
 */
async function update<T>(key: string, step: (ledger: QuotaLedger) => { ledger: QuotaLedger; result: T }): Promise<T> {
  return inPoolTransaction(async (client) => {
    await client.query(
      `INSERT INTO "MangopayQuotaLedger" ("credentialsKey", "ledger") VALUES ($1, $2::jsonb)
       ON CONFLICT ("credentialsKey") DO NOTHING`,
      [key, JSON.stringify(emptyLedger())],
    );
    const { rows } = await client.query<{ ledger: unknown }>(
      `SELECT "ledger" FROM "MangopayQuotaLedger" WHERE "credentialsKey" = $1 FOR UPDATE`,
      [key],
    );
    const { ledger, result } = step(asLedger(rows[0]?.ledger));
    await client.query(
      `UPDATE "MangopayQuotaLedger" SET "ledger" = $2::jsonb, "updatedAt" = now() WHERE "credentialsKey" = $1`,
      [key, JSON.stringify(ledger)],
    );
    return result;
  });
}

type Step = (ledger: QuotaLedger) => { ledger: QuotaLedger; result: unknown };
type Waiter = { step: Step; resolve: (result: unknown) => void; reject: (error: unknown) => void };
type Queue = { waiting: Waiter[]; running: boolean };

// Group commit: the changes asked for one key while a locked update is under way wait for it, then
// are applied together, in order, in one locked update. A page's nine background reads started at once
// used to queue nine transactions on the row lock, one after the other (the page's calls left in
// a staircase); they now cost one or two. Each change still sees the ledger its predecessors left.
const queues = new WeakMap<pg.Pool, Map<string, Queue>>();

function queued<T>(
  pool: pg.Pool,
  key: string,
  step: (ledger: QuotaLedger) => { ledger: QuotaLedger; result: T },
): Promise<T> {
  let byKey = queues.get(pool);
  if (!byKey) queues.set(pool, (byKey = new Map()));
  let queue = byKey.get(key);
  if (!queue) byKey.set(key, (queue = { waiting: [], running: false }));
  const promise = new Promise<T>((resolve, reject) =>
    queue.waiting.push({ step, resolve: resolve as (result: unknown) => void, reject }),
  );
  if (!queue.running) void drain(key, queue, byKey);
  return promise;
}

async function drain(key: string, queue: Queue, byKey: Map<string, Queue>): Promise<void> {
  queue.running = true;
  while (queue.waiting.length > 0) {
    const batch = queue.waiting.splice(0);
    try {
      const results = await update(key, (ledger) => {
        let current = ledger;
        const out: unknown[] = [];
        for (const w of batch) {
          const next = w.step(current);
          current = next.ledger;
          out.push(next.result);
        }
        return { ledger: current, result: out };
      });
      batch.forEach((w, i) => w.resolve(results[i]));
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }
  queue.running = false;
  byKey.delete(key);
}

/** Interactive answers far from the reserve are written at most this often per process and key. */
const QUIET_WRITE_INTERVAL_MS = 1_000;
const g = globalThis as unknown as { __mpdQuotaWrites?: Map<string, number> };
const lastWrites = (g.__mpdQuotaWrites ??= new Map());

/** Every live bucket has more than three times its reserve left: a second-old ledger is good enough. */
function farFromReserve(snapshot: RateLimitSnapshot, nowMs: number): boolean {
  const { reserveRatio, reserveWhenLimitUnknown } = DEFAULT_QUOTA_POLICY;
  return snapshot.buckets.every(
    (b) =>
      b.resetAt.getTime() <= nowMs ||
      b.remaining > 3 * (b.limit === null ? reserveWhenLimitUnknown : Math.max(1, Math.ceil(b.limit * reserveRatio))),
  );
}

// Reads of the ledger under way, per key: a page's optional reads, started together, share one SELECT.
const peeks = new Map<string, Promise<QuotaLedger>>();

function readLedger(key: string): Promise<QuotaLedger> {
  let read = peeks.get(key);
  if (!read) {
    read = dbPool()
      .query<{ ledger: unknown }>(`SELECT "ledger" FROM "MangopayQuotaLedger" WHERE "credentialsKey" = $1`, [key])
      .then(({ rows }) => asLedger(rows[0]?.ledger))
      .finally(() => peeks.delete(key));
    peeks.set(key, read);
  }
  return read;
}

/** The ledger in the database under `db`, written through its pool (`dbPool`), opened at the first change. */
export function databaseQuotaStore(): QuotaStore {
  return {
    async peek(key: string, nowMs: number) {
      return effectiveSnapshot(await readLedger(key), nowMs);
    },
    async claim(key: string, nowMs: number, policy?: QuotaPolicy): Promise<QuotaClaim> {
      return queued(dbPool(), key, (ledger) => {
        const next = claimOn(ledger, nowMs, policy);
        return { ledger: next.ledger, result: next.claim };
      });
    },
    async observe(
      key: string,
      snapshot: RateLimitSnapshot | null,
      claimId: string | null,
      nowMs: number,
      priority: RequestPriority = "interactive",
    ) {
      // Nothing to record: an answer without headers that ends no claim (e.g. a token call).
      if (!snapshot && !claimId) return;
      if (!claimId && snapshot && farFromReserve(snapshot, nowMs)) {
        // The common case (every call while the quota is far from the reserve): one statement that
        // writes only an answer MANGOPAY counted later than the one stored (its 15-minute bucket's
        // reset is later, or the same second with fewer calls left: `newerBucket`'s order, on the
        // bucket every call counts in), so an answer arriving late never raises the count another
        // one lowered — claims granted on such a count would end below the reserve. Other answers
        // than background ones are skipped for a second after the last write; background answers,
        // which the next claim relies on, are always written. Near the reserve an answer is merged
        // under the row lock instead (below), bucket by bucket.
        const quiet = nowMs - (lastWrites.get(key) ?? 0) < QUIET_WRITE_INTERVAL_MS;
        if (priority !== "background" && quiet) return;
        lastWrites.set(key, nowMs);
        if (lastWrites.size > 10_000) lastWrites.clear();
        const fresh = observeOn(emptyLedger(), snapshot, null, nowMs);
        await dbPool().query(
          `INSERT INTO "MangopayQuotaLedger" AS q ("credentialsKey", "ledger") VALUES ($1, $2::jsonb)
           ON CONFLICT ("credentialsKey") DO UPDATE SET
             "ledger" = jsonb_set(
               jsonb_set(q."ledger", '{buckets}', EXCLUDED."ledger"->'buckets'),
               '{observedAtMs}', EXCLUDED."ledger"->'observedAtMs'
             ),
             "updatedAt" = now()
           WHERE jsonb_array_length(q."ledger"->'buckets') = 0
              OR (EXCLUDED."ledger"#>>'{buckets,0,resetAtMs}')::bigint > (q."ledger"#>>'{buckets,0,resetAtMs}')::bigint
              OR ((EXCLUDED."ledger"#>>'{buckets,0,resetAtMs}')::bigint = (q."ledger"#>>'{buckets,0,resetAtMs}')::bigint
                  AND (EXCLUDED."ledger"#>>'{buckets,0,remaining}')::int <= (q."ledger"#>>'{buckets,0,remaining}')::int)`,
          [key, JSON.stringify(fresh)],
        );
        return;
      }
      await queued(dbPool(), key, (ledger) => ({ ledger: observeOn(ledger, snapshot, claimId, nowMs), result: null }));
    },
  };
}
