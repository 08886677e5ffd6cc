import "server-only";
import type { HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { assertCan } from "@/lib/server/permissions";
import { APP_JOBS } from "@/lib/services/background";

// The job queue as an Owner or Admin sees it. pg-boss rows are the installation's, not a Hub's: each
// queue's counts are shown whole, but a job's details (its error, its object) only when its data
// names one of this Hub's API accounts. Read with SQL from pg-boss's schema ("pgboss"), so the page
// works on an instance whose queue is off (JOBS_ENABLED=false) too.

export type QueueCountsDTO = {
  name: string;
  queued: number;
  active: number;
  retrying: number;
  failed: number;
  /** Completed in the last 24 hours (still in the queue or already archived). */
  completedRecently: number;
};
export type FailedJobDTO = {
  id: string;
  queue: string;
  state: "failed" | "retry";
  error: string;
  retryCount: number;
  retryLimit: number;
  at: string;
  accountName: string;
  /** What the job was about: "USER_CREATED 123" for a webhook ping, a report's name… */
  subject: string;
};
export type PingRowDTO = {
  id: string;
  accountName: string;
  eventType: string;
  resourceId: string;
  status: "PENDING" | "FAILED";
  attempts: number;
  lastError: string | null;
  receivedAt: string;
};
export type JobsOverviewDTO = {
  /** False when pg-boss's schema does not exist yet (the queue never started on this database). */
  queueReady: boolean;
  queues: QueueCountsDTO[];
  failedJobs: FailedJobDTO[];
  pings: { pending: number; failed: number; rows: PingRowDTO[] };
};

const FAILED_SCAN = 500;
const SHOWN = 50;

type CountRow = { name: string; state: string; n: number };
type FailedRow = {
  id: string;
  name: string;
  state: "failed" | "retry";
  data: unknown;
  output: unknown;
  retryCount: number;
  retryLimit: number;
  at: Date;
};

/** The message of a failed job's output as pg-boss stores it (a serialized error, or `{ value }`). */
export function jobErrorMessage(output: unknown): string {
  if (!output || typeof output !== "object") return "No error recorded";
  const o = output as { message?: unknown; value?: unknown };
  if (typeof o.message === "string") return o.message;
  if (typeof o.value === "string") return o.value;
  if (o.value && typeof o.value === "object" && typeof (o.value as { message?: unknown }).message === "string")
    return (o.value as { message: string }).message;
  return JSON.stringify(output).slice(0, 300);
}

const str = (data: unknown, key: string): string | null => {
  const v = data && typeof data === "object" ? (data as Record<string, unknown>)[key] : undefined;
  return typeof v === "string" ? v : null;
};

/** Whether pg-boss's schema exists (the queue has started once on this database). */
async function queueSchemaReady(): Promise<boolean> {
  const [schema] = await db.$queryRaw<Array<{ ok: boolean }>>`
    SELECT to_regclass('pgboss.job') IS NOT NULL AND to_regclass('pgboss.archive') IS NOT NULL AS ok`;
  return schema?.ok === true;
}

async function readQueue(): Promise<{ counts: CountRow[]; failed: FailedRow[] } | null> {
  if (!(await queueSchemaReady())) return null;
  const counts = await db.$queryRaw<CountRow[]>`
    SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job
    WHERE state <> 'completed' OR completed_on > now() - interval '24 hours'
    GROUP BY name, state
    UNION ALL
    SELECT name, 'archived-completed' AS state, count(*)::int AS n FROM pgboss.archive
    WHERE state = 'completed' AND completed_on > now() - interval '24 hours'
    GROUP BY name`;
  const failed = await db.$queryRaw<FailedRow[]>`
    SELECT id::text AS id, name, state::text AS state, data, output, retry_count AS "retryCount",
      retry_limit AS "retryLimit", COALESCE(completed_on, started_on, created_on) AS at
    FROM pgboss.job WHERE state IN ('failed', 'retry') AND output IS NOT NULL
    ORDER BY COALESCE(completed_on, started_on, created_on) DESC LIMIT ${FAILED_SCAN}`;
  return { counts, failed };
}

/**
 * One job of the installation's queue, if it is about one of this Hub's API accounts (null
 * otherwise: another Hub's job, a missing one and a job about no account look the same).
 */
export async function findHubJob(
  hubId: string,
  queue: string,
  jobId: string,
): Promise<(FailedJobDTO & { jobState: string; data: unknown }) | null> {
  if (!(await queueSchemaReady())) return null;
  const [row] = await db.$queryRaw<Array<FailedRow & { jobState: string }>>`
    SELECT id::text AS id, name, state::text AS state, state::text AS "jobState", data, output,
      retry_count AS "retryCount", retry_limit AS "retryLimit", COALESCE(completed_on, started_on, created_on) AS at
    FROM pgboss.job WHERE name = ${queue} AND id = ${jobId}::uuid`;
  if (!row) return null;
  const accounts = await db.apiAccount.findMany({ where: { hubId }, select: { id: true, name: true } });
  const [own] = await ownJobs(hubId, [row], new Map(accounts.map((a) => [a.id, a.name])));
  return own ? { ...own, jobState: row.jobState, data: row.data } : null;
}

/** Which of this Hub's accounts each failed job is about (jobs about no account of it are dropped). */
async function ownJobs(hubId: string, failed: FailedRow[], accounts: Map<string, string>): Promise<FailedJobDTO[]> {
  const pingIds = failed.flatMap((j) => str(j.data, "pingId") ?? []);
  const definitionIds = failed.flatMap((j) => str(j.data, "definitionId") ?? []);
  const [pings, definitions] = await Promise.all([
    pingIds.length
      ? db.webhookPing.findMany({
          where: { hubId, id: { in: pingIds } },
          select: { id: true, apiAccountId: true, eventType: true, resourceId: true },
        })
      : [],
    definitionIds.length
      ? db.reportDefinition.findMany({
          where: { hubId, id: { in: definitionIds } },
          select: { id: true, apiAccountId: true, name: true },
        })
      : [],
  ]);
  const pingById = new Map(pings.map((p) => [p.id, p]));
  const definitionById = new Map(definitions.map((d) => [d.id, d]));
  const out: FailedJobDTO[] = [];
  for (const j of failed) {
    const ping = pingById.get(str(j.data, "pingId") ?? "");
    const definition = definitionById.get(str(j.data, "definitionId") ?? "");
    // Other jobs: the account their data names, if it is one of this Hub's.
    const accountId =
      ping?.apiAccountId ?? definition?.apiAccountId ?? str(j.data, "apiAccountId") ?? str(j.data, "accountId");
    const accountName = accountId ? accounts.get(accountId) : undefined;
    if (!accountName) continue;
    out.push({
      id: j.id,
      queue: j.name,
      state: j.state,
      error: jobErrorMessage(j.output).slice(0, 500),
      retryCount: j.retryCount,
      retryLimit: j.retryLimit,
      at: j.at.toISOString(),
      accountName,
      subject: ping ? `${ping.eventType} ${ping.resourceId}` : definition ? `Report “${definition.name}”` : j.name,
    });
    if (out.length >= SHOWN) break;
  }
  return out;
}

export async function getJobsOverview({ ctx }: { ctx: HubContext }): Promise<JobsOverviewDTO> {
  assertCan(ctx, "hub.jobs.manage");
  const hubId = ctx.hub.id;
  const [queue, accountRows, pingCounts, pingRows] = await Promise.all([
    readQueue(),
    db.apiAccount.findMany({ where: { hubId }, select: { id: true, name: true } }),
    db.webhookPing.groupBy({
      by: ["status"],
      where: { hubId, status: { in: ["PENDING", "FAILED"] } },
      _count: { _all: true },
    }),
    db.webhookPing.findMany({
      where: { hubId, status: { in: ["PENDING", "FAILED"] } },
      select: {
        id: true,
        apiAccountId: true,
        eventType: true,
        resourceId: true,
        status: true,
        attempts: true,
        lastError: true,
        receivedAt: true,
      },
      orderBy: { receivedAt: "desc" },
      take: SHOWN,
    }),
  ]);
  const accounts = new Map(accountRows.map((a) => [a.id, a.name]));
  const byQueue = new Map<string, QueueCountsDTO>();
  const queueOf = (name: string) => {
    let q = byQueue.get(name);
    if (!q) {
      q = { name, queued: 0, active: 0, retrying: 0, failed: 0, completedRecently: 0 };
      byQueue.set(name, q);
    }
    return q;
  };
  for (const job of APP_JOBS) queueOf(job.name);
  for (const row of queue?.counts ?? []) {
    // pg-boss's own maintenance queues ("__pgboss__…") are not the app's.
    if (row.name.startsWith("__")) continue;
    const q = queueOf(row.name);
    if (row.state === "created") q.queued += row.n;
    else if (row.state === "active") q.active += row.n;
    else if (row.state === "retry") q.retrying += row.n;
    else if (row.state === "failed") q.failed += row.n;
    else if (row.state === "completed" || row.state === "archived-completed") q.completedRecently += row.n;
  }
  const count = (status: string) => pingCounts.find((c) => c.status === status)?._count._all ?? 0;
  return {
    queueReady: queue !== null,
    queues: [...byQueue.values()].sort((a, b) => a.name.localeCompare(b.name)),
    failedJobs: queue ? await ownJobs(hubId, queue.failed, accounts) : [],
    pings: {
      pending: count("PENDING"),
      failed: count("FAILED"),
      rows: pingRows.map((p) => ({
        id: p.id,
        accountName: accounts.get(p.apiAccountId) ?? "Deleted API account",
        eventType: p.eventType,
        resourceId: p.resourceId,
        status: p.status === "FAILED" ? "FAILED" : "PENDING",
        attempts: p.attempts,
        lastError: p.lastError,
        receivedAt: p.receivedAt.toISOString(),
      })),
    },
  };
}
