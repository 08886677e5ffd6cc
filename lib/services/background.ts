import "server-only";
import { jobSettings } from "@/lib/server/env";
import { currentJobQueue, JobQueue, setCurrentJobQueue } from "@/lib/server/jobs";
import { logger } from "@/lib/server/logger";
import { MIRROR_BACKFILL_JOB, resumeStalledBackfills } from "@/lib/services/mirror/backfill";
import { enqueuePendingPings } from "@/lib/services/mirror/pending";
import { WEBHOOK_PING_JOB } from "@/lib/services/mirror/process-ping";
import { enqueueReconciliations, MIRROR_RECONCILE_JOB } from "@/lib/services/mirror/reconcile";
import { enqueueDueReports, REPORT_RUN_JOB } from "@/lib/services/reports/scheduled";

/** Every job this app runs; another feature adds its JobDefinition here. */
export const APP_JOBS = [REPORT_RUN_JOB, WEBHOOK_PING_JOB, MIRROR_BACKFILL_JOB, MIRROR_RECONCILE_JOB] as const;

const START_ATTEMPTS = 5;

/**
 * Several instances starting at once on a fresh database race to create the queue's schema, and
 * PostgreSQL may end one of them with "deadlock detected": that instance tries again after a pause
 * (1 s, 2 s, … with jitter) instead of running without its queue.
 */
async function startQueueWithRetries(settings: ReturnType<typeof jobSettings>): Promise<JobQueue | null> {
  for (let attempt = 1; ; attempt += 1) {
    const queue = new JobQueue(APP_JOBS, { connectionString: settings.connectionString, poolMax: settings.poolMax });
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

/**
 * Starts this process' job queue and the report schedule tick (instrumentation.ts, Node runtime),
 * unless JOBS_ENABLED=false. A queue that cannot start is logged; the app still serves pages.
 */
export async function startBackgroundJobs(): Promise<void> {
  const settings = jobSettings();
  if (!settings.enabled || currentJobQueue()) return;
  const queue = await startQueueWithRetries(settings);
  if (!queue) return;
  setCurrentJobQueue(queue);
  const tick = () =>
    enqueueDueReports(queue, new Date()).catch((err: unknown) =>
      logger.warn({ err: err instanceof Error ? err.message : String(err) }, "report schedule tick failed"),
    );
  void tick();
  setInterval(tick, settings.tickSeconds * 1000).unref();
  // Webhook pings stored but not queued (enqueue failed, queue was down): sent again each minute.
  setInterval(() => void enqueuePendingPings(queue, new Date()).catch(() => undefined), 60_000).unref();
  // Backfills with no page written for 10 minutes are queued again; reconciliation once per half-hour
  // slot per connected account (the job key makes it one job across instances).
  setInterval(() => void resumeStalledBackfills(queue, new Date()).catch(() => undefined), 60_000).unref();
  setInterval(() => void enqueueReconciliations(queue, new Date()).catch(() => undefined), 60_000).unref();
  const stop = () => void queue.stop().catch(() => undefined);
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  logger.info({ poolMax: settings.poolMax, tickSeconds: settings.tickSeconds }, "job queue started");
}
