import "server-only";
import { z } from "zod";
import { writeAudit } from "@/lib/server/audit";
import type { HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { NotFoundError, parseInput, PreconditionError } from "@/lib/server/errors";
import { currentJobQueue, type JobQueue } from "@/lib/server/jobs";
import { assertCan } from "@/lib/server/permissions";
import { APP_JOBS } from "@/lib/services/background";
import { WEBHOOK_PING_JOB } from "@/lib/services/mirror/process-ping";
import { REPORT_RUN_JOB } from "@/lib/services/reports/scheduled";
import { findHubJob } from "./overview";
import { retryWebhookPing } from "./retry-ping";

// An Owner's or Admin's hand on one failed job of this Hub's accounts (the jobs page): run it again
// now, or stop a scheduled report's job that keeps failing. Every job is safe to run again (each
// handler is idempotent: a report period's run row and MANGOPAY idempotency key are reused).

const QUEUES = APP_JOBS.map((j) => j.name) as [string, ...string[]];

export const ManageJobInput = z.object({
  queue: z.enum(QUEUES, { error: "Unknown queue" }),
  jobId: z.uuid({ error: "Not a job id" }),
});
export type ManageJobInput = z.input<typeof ManageJobInput>;
export type ManagedJobDTO = { jobId: string; queue: string; subject: string; state: string };

async function hubJob(ctx: HubContext, input: ManageJobInput) {
  const data = parseInput(ManageJobInput, input);
  const job = await findHubJob(ctx.hub.id, data.queue, data.jobId);
  if (!job) throw new NotFoundError("Job not found");
  return job;
}

type HubJob = NonNullable<Awaited<ReturnType<typeof findHubJob>>>;

/** The audit row of a hand on a job (its own transaction: pg-boss's change is on another connection). */
async function auditJob(ctx: HubContext, action: "job.retry" | "job.cancel", job: HubJob): Promise<void> {
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      action,
      target: { type: "job", id: job.id },
      before: { state: job.jobState, retryCount: job.retryCount },
      metadata: { queue: job.queue, subject: job.subject, accountName: job.accountName },
    }),
  );
}

function runningQueue(): JobQueue {
  const queue = currentJobQueue();
  if (!queue) throw new PreconditionError("The job queue does not run on this instance (JOBS_ENABLED=false).");
  return queue;
}

/** Runs a failed job again now (a webhook ping's job through its ping, which goes back to PENDING). */
export async function retryJob({ ctx, input }: { ctx: HubContext; input: ManageJobInput }): Promise<ManagedJobDTO> {
  assertCan(ctx, "hub.jobs.manage");
  const job = await hubJob(ctx, input);
  if (job.jobState !== "failed")
    throw new PreconditionError("Only a failed job can be retried; this one is still on its way.");
  if (job.queue === WEBHOOK_PING_JOB.name) {
    const pingId = (job.data as { pingId?: unknown } | null)?.pingId;
    if (typeof pingId !== "string") throw new NotFoundError("Job not found");
    await retryWebhookPing({ ctx, input: { pingId } });
    return { jobId: job.id, queue: job.queue, subject: job.subject, state: "retry" };
  }
  await runningQueue().boss.retry(job.queue, job.id);
  await auditJob(ctx, "job.retry", job);
  return { jobId: job.id, queue: job.queue, subject: job.subject, state: "retry" };
}

/**
 * Stops a scheduled report's job that is failing or waiting to retry: no more attempts for that
 * period (its run stays in the reports list with its error; "Run again" there makes a new one).
 * Other jobs are not cancelled here: pings would be sent again by the minute's sweep, and a
 * backfill has its own Cancel on the hooks page.
 */
export async function cancelJob({ ctx, input }: { ctx: HubContext; input: ManageJobInput }): Promise<ManagedJobDTO> {
  assertCan(ctx, "hub.jobs.manage");
  const job = await hubJob(ctx, input);
  if (job.queue !== REPORT_RUN_JOB.name)
    throw new PreconditionError("Only a scheduled report's job can be cancelled here.");
  if (job.jobState !== "failed" && job.jobState !== "retry" && job.jobState !== "created")
    throw new PreconditionError("This job is running or finished: it cannot be cancelled.");
  await runningQueue().boss.cancel(job.queue, job.id);
  await auditJob(ctx, "job.cancel", job);
  return { jobId: job.id, queue: job.queue, subject: job.subject, state: "cancelled" };
}
