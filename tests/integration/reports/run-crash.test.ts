/** @jest-environment node */
// A member's report run never stays REQUESTING: when its answer from MANGOPAY cannot be recorded (the
// result transaction throws), the run is marked ERROR with the error and the report MANGOPAY created,
// and the member gets the error.
import { db } from "@/lib/server/db";
import { createReport } from "@/lib/services/reports/create";
import { runReport } from "@/lib/services/reports/run";
import { accountContextFor } from "../hub/factories";
import { emulatorHub } from "../security/emulator-hub";

// The result step's audit row fails (as a database error would), after MANGOPAY created the report.
let failResultAudit = false;
jest.mock("@/lib/server/audit", () => {
  const actual = jest.requireActual<typeof import("@/lib/server/audit")>("@/lib/server/audit");
  return {
    ...actual,
    writeAudit: (...args: Parameters<typeof actual.writeAudit>) => {
      if (failResultAudit && args[2].action === "report.run") throw new Error("connection lost while recording");
      return actual.writeAudit(...args);
    },
  };
});

afterAll(() => db.$disconnect());

let env: Awaited<ReturnType<typeof emulatorHub>>;
beforeAll(async () => {
  env = await emulatorHub(25, ["FINANCE"]);
});
afterAll(() => env.emulator.close());

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

it("marks a run whose result cannot be recorded ERROR, with the error and MANGOPAY's report id", async () => {
  const ctx = accountContextFor(env.hub, "FINANCE", env.account);
  const created = await createReport({
    ctx,
    input: {
      accountId: env.account.id,
      name: "Crash check",
      reportType: "TRANSACTIONS",
      from: day(-30),
      to: day(0),
      sort: "CreationDate:ASC",
      columns: ["Id", "Type", "Status"],
    },
  });
  failResultAudit = true;
  await expect(
    runReport({
      ctx,
      input: { accountId: env.account.id, definitionId: created.definitionId, from: day(-7), to: day(-1) },
    }),
  ).rejects.toThrow("connection lost while recording");
  failResultAudit = false;

  const runs = await db.reportRun.findMany({
    where: { hubId: env.hub.hubId, definitionId: created.definitionId },
    orderBy: { createdAt: "asc" },
  });
  expect(runs).toHaveLength(2);
  const crashed = runs[1];
  expect(crashed).toMatchObject({ status: "ERROR", resultMessage: "connection lost while recording" });
  expect(crashed?.mangopayReportId).toMatch(/\S/);
  const failed = await db.auditEvent.findMany({
    where: { hubId: env.hub.hubId, action: "report.run.failed", targetId: crashed?.id },
  });
  expect(failed).toHaveLength(1);
  expect(failed[0]?.metadata).toMatchObject({ mangopayReportId: crashed?.mangopayReportId });
});
