import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import type { JobDefinition, JobQueue } from "@/lib/server/jobs";
import { isReportKind, SCHEDULES, type ReportSchedule } from "@/lib/report-catalog";
import { DEFINITION_SELECT, RUN_SELECT, sendRun, toDefinitionShape, type RunScope } from "./internal";
import { previousPeriod, scheduleKeyOf } from "./schedule-periods";

// Scheduled runs, system side (no member: the audit rows name no actor). A tick, on every instance,
// enqueues one job per definition whose previous period has no run; the job id and the run's unique
// `scheduleKey` both derive from definition + period, so however many instances tick, the period
// runs once. A job that fails is retried by pg-boss (backoff); one whose worker dies expires and is
// retried by another instance, which finds the run row and resumes it with the same idempotency key.

export type ScheduledRunData = {
  definitionId: string;
  schedule: ReportSchedule;
  periodStart: string;
  periodEnd: string;
};

const isSchedule = (v: string | null): v is ReportSchedule =>
  v !== null && (SCHEDULES as readonly string[]).includes(v);

/** The run of one definition and period: claimed once (unique key), then sent unless already sent. */
export async function runScheduledReport(data: ScheduledRunData): Promise<void> {
  const definition = await db.reportDefinition.findUnique({
    where: { id: data.definitionId },
    select: { ...DEFINITION_SELECT, hubId: true, apiAccountId: true },
  });
  // Deleted, or its schedule turned off or changed since the job was queued: nothing to do.
  if (!definition || definition.schedule !== data.schedule || !isReportKind(definition.reportType)) return;
  const scope: RunScope = { hub: { id: definition.hubId }, account: { id: definition.apiAccountId }, actor: null };
  const start = new Date(data.periodStart);
  const key = scheduleKeyOf(definition.id, data.schedule, start);
  const run = await claim(scope, definition.id, key, start, new Date(data.periodEnd));
  if (!run || run.mangopayReportId) return;
  await sendRun(scope, toDefinitionShape(definition), run);
}

/** The period's run row, created or resumed, with an audit row; null when another worker holds it. */
async function claim(scope: RunScope, definitionId: string, scheduleKey: string, start: Date, end: Date) {
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.reportRun.findUnique({ where: { scheduleKey }, select: RUN_SELECT });
      if (existing) {
        if (existing.mangopayReportId) return existing;
        // A retry (earlier attempt failed or its worker died): same row, same idempotency key.
        const retried = await tx.reportRun.update({
          where: { id: existing.id },
          data: { attempts: { increment: 1 }, status: "REQUESTING" },
          select: RUN_SELECT,
        });
        await writeAudit(tx, scope, {
          action: "report.run.retry",
          target: { type: "report_run", id: existing.id },
          metadata: { scheduleKey, attempt: retried.attempts },
        });
        return retried;
      }
      const created = await tx.reportRun.create({
        data: {
          hubId: scope.hub.id,
          apiAccountId: scope.account.id,
          definitionId,
          trigger: "SCHEDULE",
          scheduleKey,
          periodStart: start,
          periodEnd: end,
          idempotencyKey: randomUUID(),
          status: "REQUESTING",
          attempts: 1,
        },
        select: RUN_SELECT,
      });
      await writeAudit(tx, scope, {
        action: "report.run.intent",
        target: { type: "report_run", id: created.id },
        after: { definitionId, scheduleKey, periodStart: start.toISOString(), periodEnd: end.toISOString() },
      });
      return created;
    });
  } catch (err) {
    // Two instances claimed the same period at once: the loser reads the winner's row.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      return null;
    }
    throw err;
  }
}

export const REPORT_RUN_JOB: JobDefinition<ScheduledRunData> = {
  name: "report-run",
  handler: (data) => runScheduledReport(data),
  retryLimit: 5,
  retryDelaySeconds: 30,
  expireInSeconds: 15 * 60,
};

/** Enqueues the due period of every scheduled definition that has no run for it yet; returns their keys. */
export async function enqueueDueReports(queue: JobQueue, now: Date): Promise<string[]> {
  const definitions = await db.reportDefinition.findMany({
    where: { schedule: { not: null } },
    select: { id: true, schedule: true },
  });
  const sent: string[] = [];
  for (const d of definitions) {
    if (!isSchedule(d.schedule)) continue;
    const period = previousPeriod(d.schedule, now);
    const key = scheduleKeyOf(d.id, d.schedule, period.start);
    if (await db.reportRun.findUnique({ where: { scheduleKey: key }, select: { id: true } })) continue;
    const id = await queue.send(
      REPORT_RUN_JOB,
      {
        definitionId: d.id,
        schedule: d.schedule,
        periodStart: period.start.toISOString(),
        periodEnd: period.end.toISOString(),
      },
      { key },
    );
    if (id) sent.push(key);
  }
  return sent;
}
