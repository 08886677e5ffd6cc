/** @jest-environment node */
// Report schedules on pg-boss, against the integration database (PGlite over its socket server, or
// PostgreSQL): two job queues with their own pools play two app instances. With a fast-forwarded
// clock both tick at the same moments, and every due (definition, period) is run exactly once at
// MANGOPAY; a worker that dies holding a job loses it to the other instance once it expires.
import { db } from "@/lib/server/db";
import { JobQueue, setCurrentJobQueue, type JobDefinition } from "@/lib/server/jobs";
import { checkReadiness } from "@/lib/services/health/check-readiness";
import { createReport } from "@/lib/services/reports/create";
import { previousPeriod, scheduleKeyOf } from "@/lib/services/reports/schedule-periods";
import { enqueueDueReports, REPORT_RUN_JOB, type ScheduledRunData } from "@/lib/services/reports/scheduled";
import { accountContextFor } from "../hub/factories";
import { emulatorHub } from "../security/emulator-hub";

jest.setTimeout(90_000);

let env: Awaited<ReturnType<typeof emulatorHub>>;
const queues: JobQueue[] = [];
const DAY = 86_400_000;

function instance(jobs: JobDefinition<ScheduledRunData>[] = [REPORT_RUN_JOB], work = true): JobQueue {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  // One connection each: the setting documented for the embedded PGlite.
  const q = new JobQueue(jobs, {
    connectionString: url,
    poolMax: 1,
    pollingIntervalSeconds: 0.5,
    maintenanceIntervalSeconds: 1,
    work,
    schema: "pgboss_test_schedules",
  });
  queues.push(q);
  return q;
}

beforeAll(async () => {
  env = await emulatorHub(31, ["FINANCE"]);
});
afterAll(async () => {
  // Gracefully: a job still running after this file ends keeps pg-boss polling in a torn-down test
  // environment, which fails whichever file the jest worker runs next.
  for (const q of queues) await q.stop().catch(() => undefined);
  await env.emulator.close();
  await db.$disconnect();
});

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
async function scheduledDefinition(name: string, schedule: "DAILY" | "MONTHLY") {
  const created = await createReport({
    ctx: accountContextFor(env.hub, "FINANCE", env.account),
    input: {
      accountId: env.account.id,
      name,
      reportType: "TRANSACTIONS",
      columns: ["Id", "Status"],
      from: day(Date.now() - 7 * DAY),
      to: day(Date.now() - DAY),
      schedule,
    },
  });
  return created.definitionId;
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 40_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Reports MANGOPAY holds with this Tag (the definition's name). */
async function reportsAtMangopay(tag: string): Promise<number> {
  const res = await env.direct.request({ method: "GET", path: "/reports", query: { per_page: 100 } });
  return (res.body as { Tag: string | null }[]).filter((r) => r.Tag === tag).length;
}

describe("scheduled reports across two app instances", () => {
  it("runs each due period exactly once, however many instances tick", async () => {
    const daily = await scheduledDefinition("Daily fees", "DAILY");
    const monthly = await scheduledDefinition("Monthly fees", "MONTHLY");
    const a = instance();
    const b = instance();
    await Promise.all([a.start(), b.start()]);
    const start = Date.now();
    // The clock jumps forward: same day twice, then the next days; both instances tick each time.
    const ticks = [0, 3_600_000, DAY, DAY + 60_000, 2 * DAY, 2 * DAY].map((offset) => new Date(start + offset));
    for (const now of ticks) await Promise.all([enqueueDueReports(a, now), enqueueDueReports(b, now)]);

    const expected = (id: string, schedule: "DAILY" | "MONTHLY") =>
      new Set(ticks.map((now) => scheduleKeyOf(id, schedule, previousPeriod(schedule, now).start)));
    const dailyKeys = expected(daily, "DAILY");
    const monthlyKeys = expected(monthly, "MONTHLY");
    expect(dailyKeys.size).toBe(3);
    const scheduled = (definitionId: string) =>
      db.reportRun.findMany({ where: { definitionId, trigger: "SCHEDULE" }, orderBy: { periodStart: "asc" } });
    await until(async () => {
      const runs = [...(await scheduled(daily)), ...(await scheduled(monthly))];
      return runs.length === dailyKeys.size + monthlyKeys.size && runs.every((r) => r.mangopayReportId);
    }, "every scheduled run to reach MANGOPAY");
    // Later ticks find the runs and enqueue nothing more for these definitions.
    const ours = (keys: string[]) => keys.filter((k) => k.startsWith(`${daily}:`) || k.startsWith(`${monthly}:`));
    for (const now of ticks) expect(ours(await enqueueDueReports(a, now))).toEqual([]);
    await new Promise((r) => setTimeout(r, 1500));

    const dailyRuns = await scheduled(daily);
    expect(new Set(dailyRuns.map((r) => r.scheduleKey))).toEqual(dailyKeys);
    expect(dailyRuns.map((r) => [day(r.periodStart.getTime()), day(r.periodEnd.getTime())])).toEqual(
      [-1, 0, 1].map((d) => [day(start + d * DAY), day(start + (d + 1) * DAY)]),
    );
    expect(new Set((await scheduled(monthly)).map((r) => r.scheduleKey))).toEqual(monthlyKeys);
    // One manual run at creation + one per period: nothing twice at MANGOPAY.
    expect(await reportsAtMangopay("Daily fees")).toBe(1 + dailyKeys.size);
    expect(await reportsAtMangopay("Monthly fees")).toBe(1 + monthlyKeys.size);
    const audits = await db.auditEvent.count({
      where: { hubId: env.hub.hubId, action: "report.run", actorUserId: null },
    });
    expect(audits).toBe(dailyKeys.size + monthlyKeys.size);
    // Readiness reports this instance's queue: ok while it runs, failed once it stopped.
    setCurrentJobQueue(a);
    expect(await checkReadiness()).toEqual({
      ready: true,
      checks: { database: "ok", migrations: "ok", jobs: "ok" },
    });
    await Promise.all([a.stop(), b.stop()]);
    expect((await checkReadiness()).checks.jobs).toBe("failed");
    setCurrentJobQueue(null);
  });

  it("retries on the other instance a job whose worker died mid-run, without a second report", async () => {
    const definitionId = await scheduledDefinition("Crash test", "DAILY");
    // Instance A takes the job and dies holding it (its handler never finishes, its queue stops).
    let taken!: () => void;
    const tookIt = new Promise<void>((resolve) => (taken = resolve));
    const dying: JobDefinition<ScheduledRunData> = {
      ...REPORT_RUN_JOB,
      expireInSeconds: 1,
      retryDelaySeconds: 0,
      handler: () => {
        taken();
        return new Promise<void>(() => undefined);
      },
    };
    const a = instance([dying]);
    await a.start();
    const now = new Date(Date.now() + 10 * DAY);
    const period = previousPeriod("DAILY", now);
    const data = {
      definitionId,
      schedule: "DAILY" as const,
      periodStart: period.start.toISOString(),
      periodEnd: period.end.toISOString(),
    };
    const key = scheduleKeyOf(definitionId, "DAILY", period.start);
    const jobId = await a.send(dying, data, { key });
    expect(jobId).not.toBeNull();
    await tookIt;
    await a.stop({ graceful: false });

    // Instance B: the real handler. The expired job comes back to it (maintenance every second).
    const b = instance();
    await b.start();
    await until(async () => {
      const run = await db.reportRun.findUnique({ where: { scheduleKey: key } });
      return Boolean(run?.mangopayReportId);
    }, "the retried run");
    const job = await b.boss.getJobById<ScheduledRunData>(REPORT_RUN_JOB.name, jobId ?? "", { includeArchive: true });
    expect(job?.retryCount).toBeGreaterThanOrEqual(1);
    // The tick at that moment sees the run and sends nothing; MANGOPAY holds one report for the period.
    expect((await enqueueDueReports(b, now)).filter((k) => k.startsWith(`${definitionId}:`))).toEqual([]);
    expect(await reportsAtMangopay("Crash test")).toBe(2); // the manual run at creation + the period's
    await b.stop();
  });
});
