import "server-only";
import { events, payins, UpstreamError, users, type MangopayClient } from "@/lib/mangopay";
import { writeAudit, writeAuditOn, type AuditEntry } from "@/lib/server/audit";
import { db, inPoolTransaction } from "@/lib/server/db";
import { currentJobQueue, type JobDefinition, type JobQueue } from "@/lib/server/jobs";
import { logger } from "@/lib/server/logger";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { ACCOUNT_LISTINGS, READ, readUserTree, type MirrorItem } from "./kinds";
import { rebuildTransactionHours } from "./transaction-hours";
import { writeMirrorItems } from "./write";

// The backfill of one API account, run on the job queue a few pages per job. Its cursor (phase =
// the listing being paged, page = the next page) lives in MirrorBackfill; each page's rows and the
// cursor move are written in one transaction, guarded by the cursor the page was read at. A crash,
// a restart or a retry therefore resumes at the first page not written, and rows are upserts.

export type BackfillJobData = { backfillId: string; runId: string };

/** Users (with their wallets, transactions, bank accounts, cards, UBO declarations), then account-wide lists. */
export const BACKFILL_PHASES = ["user", "kycDocument", "mandate", "dispute", "event", "done"] as const;
export type BackfillPhase = (typeof BACKFILL_PHASES)[number];

const USERS_PER_PAGE = 10;
const EVENTS_PER_PAGE = 100;
const PAGES_PER_JOB = 5;
/** MANGOPAY keeps events 45 days and refuses an older AfterDate: a day of margin. */
export const EVENTS_WINDOW_MS = 44 * 86_400_000;

type Cursor = { phase: string; page: number };
type Fetched = {
  items: MirrorItem[];
  events: { eventType: string; resourceId: string; eventDate: Date }[];
  next: Cursor;
  users: number;
  usersTotal: number | null;
};

function nextPhase(phase: string): BackfillPhase {
  const i = BACKFILL_PHASES.indexOf(phase as BackfillPhase);
  return BACKFILL_PHASES[Math.min(i + 1, BACKFILL_PHASES.length - 1)] ?? "done";
}

const isLast = (p: { items: unknown[]; page: number; perPage: number; totalPages: number | null }) =>
  p.items.length < p.perPage || (p.totalPages !== null && p.page >= p.totalPages);

type Scope = { hubId: string; apiAccountId: string };
/** Pay-ins read by id at once, per page of users. */
const PAYIN_READS_AT_ONCE = 5;

/**
 * A transaction list gives pay-ins without PaymentType and WireReference (a bank wire's reference, which
 * search finds) and nothing that tells a bank wire from a card pay-in. Each listed pay-in still waiting
 * (CREATED: a bank wire waits there for the payer's transfer quoting its reference) that the mirror
 * does not hold in full yet (no payment type stored) is read by id. Settled pay-ins are not: reading
 * every pay-in would cost one call each (1,766 in the integration world, about 3/4 of a 15-minute
 * quota); theirs comes with their next event. A pay-in gone meanwhile keeps its list row.
 */
async function withPayInDetails(client: MangopayClient, scope: Scope, items: MirrorItem[]): Promise<MirrorItem[]> {
  const listed = items.flatMap((i) =>
    i.kind === "transaction" && i.item.Type === "PAYIN" && i.item.Nature === "REGULAR" && i.item.Status === "CREATED"
      ? [i.item.Id]
      : [],
  );
  if (listed.length === 0) return items;
  const held = await db.mirrorTransaction.findMany({
    where: { ...scope, mangopayId: { in: listed }, paymentType: { not: null } },
    select: { mangopayId: true },
  });
  const known = new Set(held.map((t) => t.mangopayId));
  const missing = listed.filter((id) => !known.has(id));
  const full = new Map<string, MirrorItem>();
  for (let i = 0; i < missing.length; i += PAYIN_READS_AT_ONCE)
    await Promise.all(
      missing.slice(i, i + PAYIN_READS_AT_ONCE).map(async (id) => {
        try {
          full.set(id, { kind: "transaction", item: await payins.get(client, id, READ) });
        } catch (err) {
          if (!(err instanceof UpstreamError && err.isNotFound)) throw err;
        }
      }),
    );
  return full.size === 0 ? items : items.map((i) => (i.kind === "transaction" ? (full.get(i.item.Id) ?? i) : i));
}

/** Reads one page of the cursor's listing from MANGOPAY (no transaction open meanwhile). */
async function fetchPage(client: MangopayClient, scope: Scope, cursor: Cursor, eventsSince: Date): Promise<Fetched> {
  const { phase, page } = cursor;
  const after = (last: boolean): Cursor => (last ? { phase: nextPhase(phase), page: 1 } : { phase, page: page + 1 });
  if (phase === "user") {
    const listed = await users.list(client, {
      ...READ,
      page,
      perPage: USERS_PER_PAGE,
      sort: { field: "CreationDate", direction: "ASC" },
    });
    const items: MirrorItem[] = [];
    for (const u of listed.items) {
      try {
        items.push(...(await readUserTree(client, u.Id, true)));
      } catch (err) {
        // Listed a moment ago, gone now (or not readable with these credentials): nothing to mirror.
        if (!(err instanceof UpstreamError && err.isNotFound)) throw err;
      }
    }
    const usersTotal = listed.totalItems;
    return {
      items: await withPayInDetails(client, scope, items),
      events: [],
      next: after(isLast(listed)),
      users: listed.items.length,
      usersTotal,
    };
  }
  if (phase === "kycDocument" || phase === "mandate" || phase === "dispute") {
    const listed = await ACCOUNT_LISTINGS[phase](client, page);
    return { items: listed.items, events: [], next: after(isLast(listed)), users: 0, usersTotal: null };
  }
  if (phase === "event") {
    const listed = await events.list(client, {
      ...READ,
      page,
      perPage: EVENTS_PER_PAGE,
      filters: { AfterDate: Math.floor(eventsSince.getTime() / 1000) },
      sort: { field: "Date", direction: "ASC" },
    });
    const rows = listed.items.map((e) => ({ eventType: e.EventType, resourceId: e.ResourceId, eventDate: e.Date }));
    return { items: [], events: rows, next: after(isLast(listed)), users: 0, usersTotal: null };
  }
  return { items: [], events: [], next: { phase: "done", page: 1 }, users: 0, usersTotal: null };
}

/**
 * Writes a page read at `cursor` and moves the cursor past it, in one transaction on a client of the
 * pool under `db`, not Prisma's client: a page is a handful of statements (the cursor, one upsert per
 * kind, the events, the audit row) and the backfill runs thousands of them, whose garbage through
 * Prisma kept the worker's heap, and so its RSS, high. False: the cursor had moved (the run was
 * cancelled or replaced, or another worker wrote this page first) and nothing was written.
 */
async function writePage(
  cursor: { id: string; runId: string; phase: string; page: number; scope: Scope },
  fetched: Fetched,
  syncedAt: Date,
  audit: AuditEntry,
): Promise<boolean> {
  const { scope } = cursor;
  const done = fetched.next.phase === "done";
  const at = syncedAt.toISOString();
  return inPoolTransaction(async (client) => {
    const moved = await client.query(
      `UPDATE "MirrorBackfill" SET "phase" = $5, "page" = $6, "steps" = "steps" + 1, "usersDone" = "usersDone" + $7,
         "usersTotal" = coalesce($8, "usersTotal"), "lastError" = NULL, "lastPageAt" = $9::timestamp(3),
         "updatedAt" = $9::timestamp(3),
         "status" = CASE WHEN $10 THEN 'DONE' ELSE "status" END,
         "finishedAt" = CASE WHEN $10 THEN $9::timestamp(3) ELSE "finishedAt" END
       WHERE "id" = $1 AND "runId" = $2 AND "status" = 'RUNNING' AND "phase" = $3 AND "page" = $4`,
      [
        cursor.id,
        cursor.runId,
        cursor.phase,
        cursor.page,
        fetched.next.phase,
        fetched.next.page,
        fetched.users,
        fetched.usersTotal,
        at,
        done,
      ],
    );
    // Cancelled, replaced or written by another worker: nothing of this page is written.
    if (moved.rowCount === 0) return false;
    await writeMirrorItems(client, scope, fetched.items, syncedAt);
    // The charts' aggregate recounted once the whole history is in (a repair: triggers keep it).
    if (done) await rebuildTransactionHours(client, scope);
    if (fetched.events.length > 0)
      await client.query(
        `INSERT INTO "MirrorEvent" ("id", "hubId", "apiAccountId", "eventType", "resourceId", "eventDate", "recordedAt")
         SELECT gen_random_uuid()::text, $2, $3, e."eventType", e."resourceId", e."eventDate", $4::timestamp(3)
         FROM jsonb_to_recordset($1::jsonb) AS e("eventType" text, "resourceId" text, "eventDate" timestamp(3))
         ON CONFLICT DO NOTHING`,
        [JSON.stringify(fetched.events), scope.hubId, scope.apiAccountId, at],
      );
    // One audit row per page written (what a job did while nobody watched), and one at the end.
    await writeAuditOn(client, { hub: { id: scope.hubId }, account: { id: scope.apiAccountId } }, audit);
    return true;
  });
}

export type SliceOutcome = { status: "more" | "done" | "stopped"; steps: number };

/**
 * Runs up to `maxPages` pages of a backfill run. "stopped": the run was cancelled or replaced, or
 * another worker wrote this page first. Throws on a failed read (the job is retried from the cursor).
 */
export async function runBackfillSlice(data: BackfillJobData, maxPages = PAGES_PER_JOB): Promise<SliceOutcome> {
  for (let n = 0; n < maxPages; n++) {
    const state = await db.mirrorBackfill.findUnique({ where: { id: data.backfillId } });
    if (!state || state.runId !== data.runId || state.status !== "RUNNING") return { status: "stopped", steps: 0 };
    const scope = { hubId: state.hubId, apiAccountId: state.apiAccountId };
    const client = await mangopayClientFor(state.hubId, state.apiAccountId);
    const fetched = await fetchPage(client, scope, { phase: state.phase, page: state.page }, state.eventsSince);
    const done = fetched.next.phase === "done";
    const syncedAt = new Date();
    const written = await writePage(
      { id: state.id, runId: data.runId, phase: state.phase, page: state.page, scope },
      fetched,
      syncedAt,
      {
        action: done ? "mirror.backfill.done" : "mirror.backfill.page",
        target: { type: "mirror_backfill", id: state.id },
        metadata: {
          runId: data.runId,
          phase: state.phase,
          page: state.page,
          rows: fetched.items.length,
          events: fetched.events.length,
          ...(done ? { pages: state.steps + 1, users: state.usersDone + fetched.users } : {}),
        },
      },
    );
    if (!written) return { status: "stopped", steps: state.steps };
    if (done) return { status: "done", steps: state.steps + 1 };
    if (n === maxPages - 1) return { status: "more", steps: state.steps + 1 };
  }
  return { status: "more", steps: 0 };
}

/** Queues the next slice of a run; the key (run and pages written) makes a repeat one job, on any instance. */
export async function enqueueBackfill(queue: JobQueue | null, data: BackfillJobData, key: string): Promise<boolean> {
  if (!queue) return false;
  try {
    return (await queue.send(MIRROR_BACKFILL_JOB, data, { key: `${data.runId}:${key}` })) !== null;
  } catch (err) {
    // The run stays RUNNING in the database: the stalled-run sweep queues it again.
    logger.warn({ err: err instanceof Error ? err.message : String(err), ...data }, "backfill not enqueued");
    return false;
  }
}

async function recordFailure(data: BackfillJobData, err: unknown, final: boolean): Promise<void> {
  const message = (err instanceof Error ? err.message : String(err)).slice(0, 500);
  await db.$transaction(async (tx) => {
    const state = await tx.mirrorBackfill.findFirst({
      where: { id: data.backfillId, runId: data.runId, status: "RUNNING" },
      select: { id: true, hubId: true, apiAccountId: true, phase: true, page: true },
    });
    if (!state) return;
    await tx.mirrorBackfill.update({
      where: { id: state.id },
      data: { lastError: message, ...(final ? { status: "FAILED", finishedAt: new Date() } : {}) },
    });
    if (final)
      await writeAudit(
        tx,
        { hub: { id: state.hubId }, account: { id: state.apiAccountId } },
        {
          action: "mirror.backfill.failed",
          target: { type: "mirror_backfill", id: state.id },
          metadata: { runId: data.runId, phase: state.phase, page: state.page, error: message.slice(0, 200) },
        },
      );
  });
}

export const MIRROR_BACKFILL_JOB: JobDefinition<BackfillJobData> = {
  name: "mirror-backfill",
  handler: async (data, meta) => {
    try {
      const outcome = await runBackfillSlice(data);
      if (outcome.status === "more") await enqueueBackfill(currentJobQueue(), data, String(outcome.steps));
    } catch (err) {
      await recordFailure(data, err, meta.retryCount >= MIRROR_BACKFILL_JOB.retryLimit).catch(() => undefined);
      throw err;
    }
  },
  retryLimit: 6,
  retryDelaySeconds: 10,
  expireInSeconds: 15 * 60,
};

/**
 * Runs still RUNNING with no page written for `staleMs` (the queue was down, an enqueue failed, the
 * instance died between two slices) are queued again — at most once per half hour per cursor.
 */
export async function resumeStalledBackfills(queue: JobQueue, now: Date, staleMs = 10 * 60_000): Promise<number> {
  const stalled = await db.mirrorBackfill.findMany({
    where: { status: "RUNNING", updatedAt: { lt: new Date(now.getTime() - staleMs) } },
    select: { id: true, runId: true, steps: true },
    take: 50,
  });
  let sent = 0;
  const slot = Math.floor(now.getTime() / (30 * 60_000));
  for (const b of stalled)
    if (await enqueueBackfill(queue, { backfillId: b.id, runId: b.runId }, `${b.steps}:resume:${slot}`)) sent++;
  return sent;
}
