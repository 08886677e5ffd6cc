import "server-only";
import { jobSettings } from "@/lib/server/env";
import { currentJobQueue, JobQueue, setCurrentJobQueue } from "@/lib/server/jobs";
import { logger } from "@/lib/server/logger";
import { MIRROR_BACKFILL_JOB, resumeStalledBackfills } from "@/lib/services/mirror/backfill";
import { enqueueEventRetention, EVENT_RETENTION_JOB } from "@/lib/services/mirror-reads/expire-events";
import { enqueuePendingPings } from "@/lib/services/mirror/pending";
import { WEBHOOK_PING_JOB } from "@/lib/services/mirror/process-ping";
import { enqueueReconciliations, MIRROR_RECONCILE_JOB } from "@/lib/services/mirror/reconcile";
import { enqueueDueReports, REPORT_RUN_JOB } from "@/lib/services/reports/scheduled";

/** Every job this app runs; another feature adds its JobDefinition here. */
export const APP_JOBS = [
  REPORT_RUN_JOB,
  WEBHOOK_PING_JOB,
  MIRROR_BACKFILL_JOB,
  MIRROR_RECONCILE_JOB,
  EVENT_RETENTION_JOB,
] as const;

const START_ATTEMPTS = 5;

/**
 * Several instances starting at once on a fresh database race to create the queue's schema, and
 * PostgreSQL may end one of them with "deadlock detected": that instance tries again after a pause
 * (1 s, 2 s, … with jitter) instead of running without its queue.
 */
async function startQueueWithRetries(settings: ReturnType<typeof jobSettings>): Promise<JobQueue | null> {
  for (let attempt = 1; ; attempt += 1) {
    const queue = new JobQueue(APP_JOBS, {
      connectionString: settings.connectionString,
      poolMax: settings.poolMax,
      work: settings.work,
    });
    try {
      await queue.start();
      return queue;
    } catch (err) {
      await queue.stop({ graceful: false }).catch(() => undefined);
      const last = attempt >= START_ATTEMPTS;
      logger.error(
        { err: err instanceof Error ? err.message : String(err), attempt, retrying: !last },
        "job queue did not start",
      );
      if (last) return null;
      await new Promise((resolve) => setTimeout(resolve, attempt * 1000 + Math.random() * 500));
    }
  }
}

export type RunningJobQueue = {
  queue: JobQueue;
  /** Stops the ticks, then the queue (graceful: running jobs finish, within pg-boss's timeout). */
  stop: () => Promise<void>;
};

/**
 * Starts a job queue working every job of APP_JOBS (unless `settings.work` is false) with the ticks
 * that feed it: the report schedule, pending webhook pings, stalled backfills, reconciliations and
 * the event retention. It becomes this process' current queue. Shared by the app
 * (startBackgroundJobs) and the jobs worker (scripts/worker.ts). Null when the queue did not start.
 */
export async function startJobQueue(settings: ReturnType<typeof jobSettings>): Promise<RunningJobQueue | null> {
  const queue = await startQueueWithRetries(settings);
  if (!queue) return null;
  setCurrentJobQueue(queue);
  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, fn: () => void) => timers.push(setInterval(fn, ms).unref());
  const tick = () =>
    enqueueDueReports(queue, new Date()).catch((err: unknown) =>
      logger.warn({ err: err instanceof Error ? err.message : String(err) }, "report schedule tick failed"),
    );
  void tick();
  every(settings.tickSeconds * 1000, () => void tick());
  // Webhook pings stored but not queued (enqueue failed, queue was down): sent again each minute.
  every(60_000, () => void enqueuePendingPings(queue, new Date()).catch(() => undefined));
  // Backfills with no page written for 10 minutes are queued again; reconciliation once per half-hour
  // slot per connected account (the job key makes it one job across instances).
  every(60_000, () => void resumeStalledBackfills(queue, new Date()).catch(() => undefined));
  every(60_000, () => void enqueueReconciliations(queue, new Date()).catch(() => undefined));
  // The mirror's event retention: once a day (the day is the job key, so hourly ticks send one job).
  const retention = () => void enqueueEventRetention(queue, new Date()).catch(() => undefined);
  retention();
  every(3_600_000, retention);
  logger.info(
    { poolMax: settings.poolMax, work: settings.work, tickSeconds: settings.tickSeconds },
    "job queue started",
  );
  return {
    queue,
    stop: async () => {
      for (const t of timers) clearInterval(t);
      await queue.stop();
      if (currentJobQueue() === queue) setCurrentJobQueue(null);
    },
  };
}

/**
 * Starts this process' job queue and its ticks (instrumentation.ts, Node runtime), unless
 * JOBS_ENABLED=false; with JOBS_WORK=false it only enqueues (app instances beside a jobs worker,
 * README "App instances and the jobs worker"). A queue that cannot start is logged; the app still
 * serves pages.
 */
export async function startBackgroundJobs(): Promise<void> {
  const settings = jobSettings();
  if (!settings.enabled || currentJobQueue()) return;
  const running = await startJobQueue(settings);
  if (!running) return;
  const stop = () => void running.stop().catch(() => undefined);
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
