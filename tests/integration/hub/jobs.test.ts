/** @jest-environment node */
// The Hub's jobs page: the queue's counts (the installation's), the failed jobs of this Hub's
// accounts only, its pending and failed webhook pings, and the audited retry of a ping — on the
// integration database with a real pg-boss queue (not working, so nothing here gets processed).
import { db } from "@/lib/server/db";
import { ForbiddenError, NotFoundError, PreconditionError, ValidationError } from "@/lib/server/errors";
import { jobIdFor, JobQueue, setCurrentJobQueue } from "@/lib/server/jobs";
import { getJobsOverview } from "@/lib/services/jobs/overview";
import { cancelJob, retryJob } from "@/lib/services/jobs/manage-job";
import { retryWebhookPing } from "@/lib/services/jobs/retry-ping";
import { WEBHOOK_PING_JOB } from "@/lib/services/mirror/process-ping";
import { REPORT_RUN_JOB } from "@/lib/services/reports/scheduled";
import { createTestAccount, createTestHub, uid, type TestHub } from "./factories";

jest.setTimeout(60_000);

let queue: JobQueue;
let hub: TestHub;
let other: TestHub;
let account: { id: string; name: string };
let otherAccount: { id: string; name: string };

async function failedPing(h: TestHub, apiAccountId: string, error: string) {
  const ping = await db.webhookPing.create({
    data: {
      hubId: h.hubId,
      apiAccountId,
      eventType: "PAYIN_NORMAL_SUCCEEDED",
      resourceId: `p${uid()}`,
      eventDate: "1800000000",
      status: "FAILED",
      attempts: 9,
      lastError: error,
    },
    select: { id: true, resourceId: true },
  });
  // Its job, failed for good: retries exhausted (kept from any worker by a far start date).
  const id = jobIdFor(`${WEBHOOK_PING_JOB.name}:${ping.id}`);
  await queue.boss.send(
    WEBHOOK_PING_JOB.name,
    { pingId: ping.id },
    {
      id,
      retryLimit: 0,
      startAfter: new Date(Date.now() + 3_600_000),
    },
  );
  await queue.boss.fail(WEBHOOK_PING_JOB.name, id, new Error(error));
  return { ...ping, jobId: id };
}

/** A scheduled report's job of `h`'s account, failed for good (or, with `retrying`, waiting to retry). */
async function failedReportJob(h: TestHub, apiAccountId: string, name: string, retrying = false) {
  const definition = await db.reportDefinition.create({
    data: {
      hubId: h.hubId,
      apiAccountId,
      name,
      reportType: "TRANSACTIONS",
      filters: {},
      columns: ["Id"],
      schedule: "DAILY",
    },
    select: { id: true },
  });
  const id = await queue.boss.send(
    REPORT_RUN_JOB.name,
    {
      definitionId: definition.id,
      schedule: "DAILY",
      periodStart: "2026-11-01T00:00:00.000Z",
      periodEnd: "2026-11-02T00:00:00.000Z",
    },
    { retryLimit: retrying ? 5 : 0, startAfter: new Date(Date.now() + 3_600_000) },
  );
  if (!id) throw new Error("not sent");
  await queue.boss.fail(REPORT_RUN_JOB.name, id, new Error("MANGOPAY answered 500"));
  return id;
}

beforeAll(async () => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  queue = new JobQueue([WEBHOOK_PING_JOB, REPORT_RUN_JOB], { connectionString: url, poolMax: 1, work: false });
  await queue.start();
  setCurrentJobQueue(queue);
  hub = await createTestHub();
  other = await createTestHub();
  account = await createTestAccount(hub, { baseUrl: "http://127.0.0.1:9" });
  otherAccount = await createTestAccount(other, { baseUrl: "http://127.0.0.1:9" });
});

afterAll(async () => {
  setCurrentJobQueue(null);
  // Gracefully: a job still running after this file ends keeps pg-boss polling in a torn-down test
  // environment, which fails whichever file the jest worker runs next.
  await queue?.stop().catch(() => undefined);
  await db.$disconnect();
});

describe("jobs overview", () => {
  it("shows the queues and this Hub's failed jobs and pings with their errors, nothing of another Hub", async () => {
    const mine = await failedPing(hub, account.id, "MANGOPAY answered 503 Service Unavailable");
    const theirs = await failedPing(other, otherAccount.id, "their secret trouble");
    const overview = await getJobsOverview({ ctx: hub.ctx("ADMIN") });
    expect(overview.queueReady).toBe(true);
    const pingQueue = overview.queues.find((q) => q.name === "webhook-ping");
    expect(pingQueue?.failed).toBeGreaterThanOrEqual(2);
    expect(overview.queues.map((q) => q.name)).toEqual(expect.arrayContaining(["report-run", "webhook-ping"]));
    expect(overview.failedJobs).toEqual([
      expect.objectContaining({
        id: mine.jobId,
        queue: "webhook-ping",
        state: "failed",
        error: "MANGOPAY answered 503 Service Unavailable",
        retryCount: 0,
        retryLimit: 0,
        accountName: account.name,
        subject: `PAYIN_NORMAL_SUCCEEDED ${mine.resourceId}`,
      }),
    ]);
    expect(overview.pings).toEqual({
      pending: 0,
      failed: 1,
      rows: [
        expect.objectContaining({
          id: mine.id,
          accountName: account.name,
          status: "FAILED",
          attempts: 9,
          lastError: "MANGOPAY answered 503 Service Unavailable",
        }),
      ],
    });
    expect(JSON.stringify(overview)).not.toContain(theirs.id);
    expect(JSON.stringify(overview)).not.toContain("their secret trouble");
  });

  it("is refused to members other than Owners and Admins", async () => {
    for (const role of ["DEVELOPER", "OPERATOR", "FINANCE", "READ_ONLY"] as const)
      await expect(getJobsOverview({ ctx: hub.ctx(role) })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("retrying a ping", () => {
  it("puts the ping back to PENDING and its failed job back on the queue, with an audit row", async () => {
    const ping = await failedPing(hub, account.id, "timeout");
    expect((await queue.boss.getJobById(WEBHOOK_PING_JOB.name, ping.jobId))?.state).toBe("failed");
    const res = await retryWebhookPing({ ctx: hub.ctx("OWNER"), input: { pingId: ping.id } });
    expect(res).toEqual({ pingId: ping.id, queued: true });
    expect((await db.webhookPing.findUnique({ where: { id: ping.id } }))?.status).toBe("PENDING");
    expect((await queue.boss.getJobById(WEBHOOK_PING_JOB.name, ping.jobId))?.state).toBe("retry");
    const audit = await db.auditEvent.findFirst({
      where: { hubId: hub.hubId, action: "webhook.ping.retry", targetId: ping.id },
    });
    expect(audit).toMatchObject({
      apiAccountId: account.id,
      actorUserId: hub.members.OWNER.userId,
      before: { status: "FAILED", attempts: 9 },
    });
  });

  it("answers NotFound for another Hub's ping and for one already processed, changing nothing", async () => {
    const theirs = await failedPing(other, otherAccount.id, "boom");
    await expect(retryWebhookPing({ ctx: hub.ctx("OWNER"), input: { pingId: theirs.id } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await db.webhookPing.findUnique({ where: { id: theirs.id } }))?.status).toBe("FAILED");
    expect((await queue.boss.getJobById(WEBHOOK_PING_JOB.name, theirs.jobId))?.state).toBe("failed");
    const done = await db.webhookPing.create({
      data: {
        hubId: hub.hubId,
        apiAccountId: account.id,
        eventType: "USER_CREATED",
        resourceId: `u${uid()}`,
        eventDate: "1800000000",
        status: "DONE",
      },
      select: { id: true },
    });
    await expect(retryWebhookPing({ ctx: hub.ctx("OWNER"), input: { pingId: done.id } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(
      await db.auditEvent.count({ where: { hubId: hub.hubId, action: "webhook.ping.retry", targetId: done.id } }),
    ).toBe(0);
  });

  it("rejects an empty ping id with a clear message", async () => {
    await expect(retryWebhookPing({ ctx: hub.ctx("OWNER"), input: { pingId: " " } })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(retryWebhookPing({ ctx: hub.ctx("FINANCE"), input: { pingId: "x" } })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});

describe("a failed job's hands", () => {
  const state = async (id: string) => (await queue.boss.getJobById(REPORT_RUN_JOB.name, id))?.state;

  it("runs a failed scheduled report's job again now, audited", async () => {
    const jobId = await failedReportJob(hub, account.id, "Daily fees");
    expect(await state(jobId)).toBe("failed");
    const res = await retryJob({ ctx: hub.ctx("ADMIN"), input: { queue: "report-run", jobId } });
    expect(res).toEqual({ jobId, queue: "report-run", subject: "Report “Daily fees”", state: "retry" });
    expect(await state(jobId)).toBe("retry");
    const audit = await db.auditEvent.findFirst({ where: { hubId: hub.hubId, action: "job.retry", targetId: jobId } });
    expect(audit).toMatchObject({
      actorUserId: hub.members.ADMIN.userId,
      before: { state: "failed" },
      metadata: { queue: "report-run", subject: "Report “Daily fees”", accountName: account.name },
    });
    // Now on its way: not retried twice.
    await expect(retryJob({ ctx: hub.ctx("ADMIN"), input: { queue: "report-run", jobId } })).rejects.toBeInstanceOf(
      PreconditionError,
    );
  });

  it("cancels a scheduled report's job waiting to retry, audited; a ping's job is not cancelled here", async () => {
    const jobId = await failedReportJob(hub, account.id, "Weekly payouts", true);
    expect(await state(jobId)).toBe("retry");
    const res = await cancelJob({ ctx: hub.ctx("OWNER"), input: { queue: "report-run", jobId } });
    expect(res.state).toBe("cancelled");
    expect(await state(jobId)).toBe("cancelled");
    expect(await db.auditEvent.count({ where: { hubId: hub.hubId, action: "job.cancel", targetId: jobId } })).toBe(1);
    const ping = await failedPing(hub, account.id, "503");
    await expect(
      cancelJob({ ctx: hub.ctx("OWNER"), input: { queue: "webhook-ping", jobId: ping.jobId } }),
    ).rejects.toBeInstanceOf(PreconditionError);
    expect((await queue.boss.getJobById(WEBHOOK_PING_JOB.name, ping.jobId))?.state).toBe("failed");
  });

  it("retries a ping's failed job through its ping, which goes back to PENDING", async () => {
    const ping = await failedPing(hub, account.id, "timeout");
    await retryJob({ ctx: hub.ctx("OWNER"), input: { queue: "webhook-ping", jobId: ping.jobId } });
    expect((await db.webhookPing.findUnique({ where: { id: ping.id } }))?.status).toBe("PENDING");
    expect((await queue.boss.getJobById(WEBHOOK_PING_JOB.name, ping.jobId))?.state).toBe("retry");
  });

  it("answers NotFound for another Hub's job, and refuses bad ids and lower roles, changing nothing", async () => {
    const theirs = await failedReportJob(other, otherAccount.id, "Their report");
    for (const call of [retryJob, cancelJob])
      await expect(
        call({ ctx: hub.ctx("OWNER"), input: { queue: "report-run", jobId: theirs } }),
      ).rejects.toBeInstanceOf(NotFoundError);
    expect(await state(theirs)).toBe("failed");
    for (const input of [
      { queue: "report-run", jobId: "1; DROP TABLE pgboss.job" },
      { queue: "__pgboss__send-it", jobId: theirs },
      { queue: "report-run'--", jobId: theirs },
    ])
      await expect(retryJob({ ctx: hub.ctx("OWNER"), input })).rejects.toBeInstanceOf(ValidationError);
    for (const role of ["DEVELOPER", "OPERATOR", "FINANCE", "READ_ONLY"] as const)
      await expect(
        retryJob({ ctx: hub.ctx(role), input: { queue: "report-run", jobId: theirs } }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await state(theirs)).toBe("failed");
    expect(await db.auditEvent.count({ where: { targetId: theirs } })).toBe(0);
  });
});
