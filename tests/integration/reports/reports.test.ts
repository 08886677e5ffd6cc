/** @jest-environment node */
// Reports end to end on a real database and a private emulator over HTTP: a definition is created
// and run, MANGOPAY generates the file, the download carries exactly the chosen columns and only the
// filtered rows; re-runs link to their original; bad periods, columns and filters are refused before
// any MANGOPAY call; another Hub's definitions and runs are not found.
import { parse } from "csv-parse/sync";
import { defaultCallRecorder } from "@/lib/mangopay/recorder";
import { db } from "@/lib/server/db";
import { ServiceError } from "@/lib/server/errors";
import { createReport } from "@/lib/services/reports/create";
import { downloadReportRun } from "@/lib/services/reports/download";
import { getReportDefinition } from "@/lib/services/reports/get";
import { listReports } from "@/lib/services/reports/list";
import { previewReportRun } from "@/lib/services/reports/preview";
import { rerunReport } from "@/lib/services/reports/rerun";
import { runReport } from "@/lib/services/reports/run";
import { getReportRunStatuses } from "@/lib/services/reports/run-status";
import { setReportSchedule } from "@/lib/services/reports/set-schedule";
import { accountContextFor, type TestHub } from "../hub/factories";
import { emulatorHub } from "../security/emulator-hub";

afterAll(() => db.$disconnect());

let env: Awaited<ReturnType<typeof emulatorHub>>;
let other: Awaited<ReturnType<typeof emulatorHub>>;
let hub: TestHub;
beforeAll(async () => {
  env = await emulatorHub(21, ["OWNER", "FINANCE", "READ_ONLY"]);
  other = await emulatorHub(22, ["OWNER", "FINANCE"]);
  hub = env.hub;
});
afterAll(async () => {
  await env.emulator.close();
  await other.emulator.close();
});

const finance = () => accountContextFor(hub, "FINANCE", env.account);
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const fetchSpy = jest.spyOn(globalThis, "fetch");
const upstreamCalls = () => fetchSpy.mock.calls.length + defaultCallRecorder().recordedTotal;

async function text(body: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(body).text();
}

async function waitReady(runId: string): Promise<string> {
  for (let i = 0; i < 40; i++) {
    const [status] = await getReportRunStatuses({
      ctx: finance(),
      input: { accountId: env.account.id, runIds: [runId] },
    });
    if (status && status.status !== "PENDING") return status.status;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error("the report never left PENDING");
}

async function expectCode(work: Promise<unknown>, code: string) {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ServiceError);
  expect((err as ServiceError).code).toBe(code);
  return err as ServiceError & { fieldErrors?: Record<string, string[]> };
}

const COLUMNS = ["Id", "Type", "Status", "CreationDate", "DebitedFundsAmount", "DebitedFundsCurrency"];
const base = () => ({
  accountId: env.account.id,
  name: "Succeeded pay-ins",
  reportType: "TRANSACTIONS" as const,
  from: day(-180),
  to: day(0),
  sort: "CreationDate:ASC" as const,
  columns: COLUMNS,
  status: ["SUCCEEDED" as const],
  type: ["PAYIN" as const],
});

describe("a custom transactions report", () => {
  let definitionId = "";
  let runId = "";
  let csv: string[][] = [];

  it("is saved as a definition of this Hub and account, run at MANGOPAY, and audited", async () => {
    const created = await createReport({ ctx: finance(), input: base() });
    definitionId = created.definitionId;
    runId = created.run.id;
    expect(created.run).toMatchObject({ status: "PENDING", from: day(-180), to: day(0), trigger: "MANUAL" });
    expect(created.run.mangopayReportId).toMatch(/^report_m_/);
    const row = await db.reportDefinition.findUniqueOrThrow({ where: { id: definitionId } });
    expect(row).toMatchObject({ hubId: hub.hubId, apiAccountId: env.account.id, columns: COLUMNS });
    const actions = (await db.auditEvent.findMany({ where: { hubId: hub.hubId }, orderBy: { createdAt: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(["report.definition.create", "report.run.intent", "report.run"]);
    // MANGOPAY received our filters and columns.
    const report = (await env.direct.request({ method: "GET", path: `/reports/${created.run.mangopayReportId}` }))
      .body as { Columns: string[]; Filters: Record<string, unknown> };
    expect(report.Columns).toEqual(COLUMNS);
    expect(report.Filters).toMatchObject({ Status: ["SUCCEEDED"], Type: ["PAYIN"] });
  });

  it("becomes ready without anyone reloading (the status poll asks MANGOPAY)", async () => {
    expect(await waitReady(runId)).toBe("READY");
  });

  it("downloads exactly the chosen columns and only the filtered rows, and audits the download", async () => {
    const file = await downloadReportRun({ ctx: finance(), input: { accountId: env.account.id, runId } });
    expect(file.filename).toMatch(/^Succeeded-pay-ins-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(await text(file.body)) as string[][];
    expect(rows[0]).toEqual(COLUMNS);
    csv = rows.slice(1);
    expect(csv.length).toBeGreaterThan(0);
    const from = Date.parse(`${day(-180)}T00:00:00Z`) / 1000;
    for (const r of csv) {
      expect([r[1], r[2]]).toEqual(["PAYIN", "SUCCEEDED"]);
      expect(Number(r[3])).toBeGreaterThan(from);
    }
    const audit = await db.auditEvent.findFirst({ where: { hubId: hub.hubId, action: "report.download" } });
    expect(audit).toMatchObject({ actorUserId: hub.members.FINANCE.userId, targetType: "report" });
  });

  it("previews the first rows and charts the volume per day and currency from the streamed file", async () => {
    const preview = await previewReportRun({ ctx: finance(), input: { accountId: env.account.id, runId } });
    expect(preview.columns).toEqual(COLUMNS);
    expect(preview.totalRows).toBe(csv.length);
    expect(preview.rows).toEqual(csv.slice(0, 20));
    const expected = new Map<string, number>();
    for (const r of csv) expected.set(r[5] ?? "", (expected.get(r[5] ?? "") ?? 0) + Number(r[4]));
    const charted = new Map<string, number>();
    for (const p of preview.chart?.points ?? [])
      for (const c of preview.chart?.currencies ?? []) charted.set(c, (charted.get(c) ?? 0) + Number(p[c]));
    expect(charted).toEqual(expected);
  });

  it("re-runs from the same definition, linked to the original run, with its period or a new one", async () => {
    const again = await rerunReport({ ctx: finance(), input: { accountId: env.account.id, runId } });
    expect(again).toMatchObject({ rerunOfId: runId, from: day(-180), to: day(0), status: "PENDING" });
    const newer = await rerunReport({
      ctx: finance(),
      input: { accountId: env.account.id, runId, from: day(-30), to: day(-1) },
    });
    expect(newer).toMatchObject({ rerunOfId: runId, from: day(-30), to: day(-1) });
    const detail = await getReportDefinition({ ctx: finance(), input: { accountId: env.account.id, definitionId } });
    expect(detail.runs.map((r) => r.id).sort()).toEqual([runId, again.id, newer.id].sort());
  });

  it("lists MANGOPAY's reports joined with the definition's name", async () => {
    const page = await listReports({ ctx: finance(), input: { accountId: env.account.id } });
    const ours = page.items.filter((i) => i.definitionId === definitionId);
    expect(ours.length).toBe(3);
    expect(ours.every((i) => i.name === "Succeeded pay-ins" && i.reportType === "TRANSACTIONS")).toBe(true);
  });

  it("shows a report MANGOPAY failed as FAILED with its message", async () => {
    const created = await createReport({ ctx: finance(), input: { ...base(), name: "fail" } });
    expect(await waitReady(created.run.id)).toBe("FAILED");
    const detail = await getReportDefinition({
      ctx: finance(),
      input: { accountId: env.account.id, definitionId: created.definitionId },
    });
    expect(detail.runs[0]).toMatchObject({ status: "FAILED", resultMessage: "Generic Operation error" });
    await expectCode(
      downloadReportRun({ ctx: finance(), input: { accountId: env.account.id, runId: created.run.id } }),
      "PRECONDITION",
    );
  });

  it("changes the schedule (audited with before and after)", async () => {
    const updated = await setReportSchedule({
      ctx: finance(),
      input: { accountId: env.account.id, definitionId, schedule: "MONTHLY" },
    });
    expect(updated.schedule).toBe("MONTHLY");
    const audit = await db.auditEvent.findFirst({ where: { hubId: hub.hubId, action: "report.schedule.update" } });
    expect(audit).toMatchObject({ before: { schedule: null }, after: { schedule: "MONTHLY" } });
  });
});

describe("refused before any MANGOPAY call, with nothing stored", () => {
  async function expectRefusedInput(input: Record<string, unknown>, field: string, message: RegExp) {
    const calls = upstreamCalls();
    const definitions = await db.reportDefinition.count({ where: { hubId: hub.hubId } });
    const err = await expectCode(
      createReport({ ctx: finance(), input: { ...base(), ...input } as never }),
      "VALIDATION",
    );
    expect(err.fieldErrors?.[field]?.join(" ")).toMatch(message);
    expect(upstreamCalls()).toBe(calls);
    expect(await db.reportDefinition.count({ where: { hubId: hub.hubId } })).toBe(definitions);
  }

  it("a transactions period longer than 6 months", () =>
    expectRefusedInput({ from: day(-200), to: day(0) }, "to", /at most 6 months/));
  it("a period reaching back further than the report type allows", () =>
    expectRefusedInput(
      {
        reportType: "COLLECTED_FEES",
        columns: ["TransactionId"],
        status: undefined,
        type: undefined,
        from: day(-800),
        to: day(-750),
      },
      "from",
      /back at most 24 months/,
    ));
  it("a period ending before it starts", () => expectRefusedInput({ from: day(-1), to: day(-3) }, "to", /on or after/));
  it("a column the report type does not have", () =>
    expectRefusedInput({ columns: ["Id", "Owners"] }, "columns", /no column Owners/));
  it("a column chosen twice", () => expectRefusedInput({ columns: ["Id", "Id"] }, "columns", /each column once/));
  it("no column at all", () => expectRefusedInput({ columns: [] }, "columns", /at least one column/));
  it("a filter the report type does not support", () =>
    expectRefusedInput({ ownerId: "12345" }, "ownerId", /cannot be filtered/));
  it("an amount range without its currency", () =>
    expectRefusedInput({ feesMin: "1.00" }, "feesCurrency", /needs its currency/));
  it("a malformed result code", () => expectRefusedInput({ resultCode: "12" }, "resultCode", /6 digits/));

  it("a run of a saved definition over a period too long for its type", async () => {
    const created = await createReport({ ctx: finance(), input: { ...base(), name: "period check" } });
    const calls = upstreamCalls();
    const runs = await db.reportRun.count({ where: { definitionId: created.definitionId } });
    await expectCode(
      runReport({
        ctx: finance(),
        input: { accountId: env.account.id, definitionId: created.definitionId, from: day(-400), to: day(0) },
      }),
      "VALIDATION",
    );
    expect(upstreamCalls()).toBe(calls);
    expect(await db.reportRun.count({ where: { definitionId: created.definitionId } })).toBe(runs);
  });
});

describe("another Hub's definitions and runs", () => {
  it("are not found by id, whatever the verb", async () => {
    const theirs = await createReport({
      ctx: accountContextFor(other.hub, "FINANCE", other.account),
      input: { ...base(), accountId: other.account.id, name: "Theirs" },
    });
    const calls = upstreamCalls();
    const input = { accountId: env.account.id };
    await expectCode(
      getReportDefinition({ ctx: finance(), input: { ...input, definitionId: theirs.definitionId } }),
      "NOT_FOUND",
    );
    await expectCode(
      runReport({ ctx: finance(), input: { ...input, definitionId: theirs.definitionId, from: day(-2), to: day(-1) } }),
      "NOT_FOUND",
    );
    await expectCode(
      setReportSchedule({ ctx: finance(), input: { ...input, definitionId: theirs.definitionId, schedule: "DAILY" } }),
      "NOT_FOUND",
    );
    await expectCode(rerunReport({ ctx: finance(), input: { ...input, runId: theirs.run.id } }), "NOT_FOUND");
    await expectCode(downloadReportRun({ ctx: finance(), input: { ...input, runId: theirs.run.id } }), "NOT_FOUND");
    await expectCode(previewReportRun({ ctx: finance(), input: { ...input, runId: theirs.run.id } }), "NOT_FOUND");
    expect(await getReportRunStatuses({ ctx: finance(), input: { ...input, runIds: [theirs.run.id] } })).toEqual([]);
    expect(upstreamCalls()).toBe(calls);
    expect(await db.reportRun.count({ where: { definitionId: theirs.definitionId } })).toBe(1);
  });

  it("a member without Reporting create cannot run, and without Reporting read cannot see", async () => {
    const readOnly = accountContextFor(hub, "READ_ONLY", env.account);
    await expectCode(createReport({ ctx: readOnly, input: base() }), "FORBIDDEN");
    const noReporting = accountContextFor(hub, "FINANCE", env.account, ["transactions.read"]);
    await expectCode(listReports({ ctx: noReporting, input: { accountId: env.account.id } }), "FORBIDDEN");
  });
});
