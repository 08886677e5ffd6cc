import "server-only";
import { createHash } from "node:crypto";
import PgBoss from "pg-boss";

// The one place the app talks to its job queue: pg-boss, a Postgres-backed queue living in its own
// schema ("pgboss") of the app's database (the embedded PGlite in dev, DATABASE_URL otherwise), so a
// job survives restarts and is taken by exactly one instance. Features declare jobs with
// `defineJob` (report schedules today; webhook processing and backfills can reuse it) and enqueue
// with `JobQueue.send`. The server starts one queue per process, and so does a jobs worker
// (startJobQueue in lib/services/background.ts).

export type JobMeta = { id: string; retryCount: number };

/** How often pg-boss (10.x) checks whether the workers it is stopping have stopped. */
const WORKER_REMOVAL_POLL_MS = 1_000;
export type JobDefinition<T extends object> = {
  /** Queue name: letters, digits, `_` and `-`. */
  name: string;
  handler: (data: T, meta: JobMeta) => Promise<void>;
  /** Attempts after the first failure; a job whose worker dies is retried once it expires. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** A job running longer than this is considered lost (worker killed) and retried by any instance. */
  expireInSeconds: number;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a heterogeneous list of job types
type AnyJob = JobDefinition<any>;

export type JobQueueOptions = {
  connectionString: string;
  /** Connections pg-boss may open. PGlite serves every socket on one backend: keep this small (1–2). */
  poolMax: number;
  pollingIntervalSeconds?: number;
  maintenanceIntervalSeconds?: number;
  /** Whether this instance runs jobs (false: it only enqueues). */
  work?: boolean;
  /**
   * pg-boss's schema, "pgboss" unless set. Instances share jobs only within one schema: a test file
   * that runs its own workers takes a schema of its own, so that another file's workers, running at
   * the same time on the same database, never take (and then abandon) its jobs.
   */
  schema?: string;
};

/** A deterministic job id from a business key: sending the same key twice is one job, on any instance. */
export function jobIdFor(key: string): string {
  const h = createHash("sha256").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A job's retry and expiry settings as pg-boss takes them (queue creation, send and insert alike). */
function retryOptions(job: AnyJob) {
  return {
    retryLimit: job.retryLimit,
    retryDelay: job.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: job.expireInSeconds,
  };
}

/** A keyed job's id and singleton key: the same key is one job, on any instance. */
function keyed(job: AnyJob, key: string) {
  return { id: jobIdFor(`${job.name}:${key}`), singletonKey: key };
}

export class JobQueue {
  readonly boss: PgBoss;
  private started = false;
  private lastError: string | null = null;
  /** This process' pg-boss worker per queue it works (none when `work` is false). */
  private readonly workers = new Map<string, string>();

  constructor(
    private readonly jobs: readonly AnyJob[],
    private readonly options: JobQueueOptions,
  ) {
    this.boss = new PgBoss({
      connectionString: options.connectionString,
      max: options.poolMax,
      application_name: "dashboard-jobs",
      ...(options.schema ? { schema: options.schema } : {}),
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
      // No cron schedules through pg-boss: schedules are computed by the app from its own clock.
      schedule: false,
    });
    this.boss.on("error", (err: Error) => {
      this.lastError = err.message;
      console.error("[jobs] queue error", { error: err.message });
    });
  }

  async start(): Promise<void> {
    await this.boss.start();
    for (const job of this.jobs) {
      if (!(await this.boss.getQueue(job.name)))
        await this.boss.createQueue(job.name, { name: job.name, ...retryOptions(job) }).catch(async (err: unknown) => {
          // Another instance created it between our check and our create.
          if (!(await this.boss.getQueue(job.name))) throw err;
        });
      if (this.options.work !== false) {
        const workerId = await this.boss.work<object>(
          job.name,
          { pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2, includeMetadata: true },
          async ([item]) => {
            if (item) await job.handler(item.data, { id: item.id, retryCount: item.retryCount });
          },
        );
        this.workers.set(job.name, workerId);
      }
    }
    this.started = true;
  }

  /** Enqueues a job; with `key`, at most one job per key exists (the id is derived from it). */
  async send<T extends object>(job: JobDefinition<T>, data: T, options: { key?: string } = {}): Promise<string | null> {
    const id = await this.boss.send(job.name, data, {
      ...(options.key ? keyed(job, options.key) : {}),
      ...retryOptions(job),
    });
    if (id) this.wake(job.name);
    return id;
  }

  /**
   * When this process works the job's queue, its worker fetches at once instead of at its next poll
   * (a backfill's next slice, sent by the slice before it, starts without waiting up to the polling
   * interval). Another process' workers still find the job at their next poll.
   */
  private wake(name: string): void {
    const workerId = this.workers.get(name);
    if (workerId) this.boss.notifyWorker(workerId);
  }

  /**
   * Enqueues many keyed jobs in one statement (pg-boss `insert`); a key that already has its job is
   * skipped, as with `send`.
   */
  async sendMany<T extends object>(job: JobDefinition<T>, items: Array<{ data: T; key: string }>): Promise<void> {
    if (items.length === 0) return;
    await this.boss.insert(
      items.map(({ data, key }) => ({ name: job.name, data, ...keyed(job, key), ...retryOptions(job) })),
    );
    this.wake(job.name);
  }

  /**
   * Enqueues the keyed job again: a new one if none exists, or the existing one back to "retry"
   * when it failed (its retries exhausted). A job still queued or running is left as it is.
   * True when a job is (again) on its way.
   */
  async resend<T extends object>(job: JobDefinition<T>, data: T, key: string): Promise<boolean> {
    if (await this.send(job, data, { key })) return true;
    const { id } = keyed(job, key);
    const existing = await this.boss.getJobById(job.name, id);
    if (existing?.state === "failed") await this.boss.retry(job.name, id);
    return existing !== null && existing.state !== "completed" && existing.state !== "cancelled";
  }

  /** Readiness: the queue is started and its database answers. */
  async health(): Promise<{ ok: boolean; detail: string }> {
    if (!this.started) return { ok: false, detail: "not started" };
    try {
      await this.boss.getDb().executeSql("select 1", []);
      return { ok: true, detail: "up" };
    } catch (err) {
      return { ok: false, detail: err instanceof Error ? err.message : (this.lastError ?? "down") };
    }
  }

  async stop(options: { graceful?: boolean } = {}): Promise<void> {
    this.started = false;
    const working = this.workers.size > 0;
    this.workers.clear();
    await this.boss.stop({ graceful: options.graceful ?? true, wait: true, timeout: 10_000 });
    // pg-boss removes a worker that was fetching or running a job when the stop began from a loop
    // that looks again every second, after stop() has resolved: stop returns once that loop is done
    // too, so nothing of the queue runs after it (a woken worker is often mid-fetch).
    if (working) await new Promise((resolve) => setTimeout(resolve, WORKER_REMOVAL_POLL_MS + 100));
  }
}

// On globalThis: Next.js bundles instrumentation.ts and the route handlers separately, so a module
// variable set at start-up would not be the one the readiness route reads.
const QUEUE_KEY = Symbol.for("mangopay-dashboard.job-queue");
type WithQueue = typeof globalThis & { [QUEUE_KEY]?: JobQueue | null };

/** The queue this server process started (null: jobs are off, or not started yet). */
export function currentJobQueue(): JobQueue | null {
  return (globalThis as WithQueue)[QUEUE_KEY] ?? null;
}

export function setCurrentJobQueue(queue: JobQueue | null): void {
  (globalThis as WithQueue)[QUEUE_KEY] = queue;
}
