import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { reports, responses, type MangopayClient } from "@/lib/mangopay";
import { IdempotencyConflictError } from "@/lib/mangopay/errors";
import { Report } from "@/lib/mangopay/schemas/reports";
import { writeAudit, type AuditScope } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { NotFoundError, PreconditionError, ServiceError } from "@/lib/server/errors";
import { mangopayAddressPolicy } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";
import { openReportFile } from "@/lib/mangopay/report-file";
import { isLegacyReport, isReportKind, type ReportKind } from "@/lib/report-catalog";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { callMangopay } from "@/lib/services/upstream";
import { reportRequest, runStatusOf, type DefinitionShape } from "./request-body";
import type { DefinitionFilters } from "./schemas";

/** Who runs a report: a member (AccountContext) or the scheduler (no actor), always in one Hub and account. */
export type RunScope = AuditScope & {
  hub: { id: string };
  account: { id: string };
  actor: { id: string; email: string } | null;
};

export const DEFINITION_SELECT = {
  id: true,
  name: true,
  reportType: true,
  filters: true,
  columns: true,
  sort: true,
  schedule: true,
  createdAt: true,
  updatedAt: true,
} as const;
export type DefinitionRow = Prisma.ReportDefinitionGetPayload<{ select: typeof DEFINITION_SELECT }>;

export const RUN_SELECT = {
  id: true,
  definitionId: true,
  trigger: true,
  scheduleKey: true,
  rerunOfId: true,
  periodStart: true,
  periodEnd: true,
  idempotencyKey: true,
  mangopayReportId: true,
  status: true,
  resultMessage: true,
  attempts: true,
  createdAt: true,
  readyAt: true,
} as const;
export type RunRow = Prisma.ReportRunGetPayload<{ select: typeof RUN_SELECT }>;

export function toDefinitionShape(row: DefinitionRow): DefinitionShape & { reportType: ReportKind } {
  if (!isReportKind(row.reportType)) throw new ServiceError("INTERNAL", `Unknown report type ${row.reportType}`);
  return {
    name: row.name,
    reportType: row.reportType,
    filters: (row.filters ?? {}) as DefinitionFilters,
    columns: row.columns,
    sort: row.sort,
  };
}

/** A definition of this Hub and API account; any other id looks missing. */
export async function getDefinitionInAccount(scope: RunScope, definitionId: string): Promise<DefinitionRow> {
  const row = await db.reportDefinition.findFirst({
    where: { id: definitionId, hubId: scope.hub.id, apiAccountId: scope.account.id },
    select: DEFINITION_SELECT,
  });
  if (!row) throw new NotFoundError("Report not found");
  return row;
}

export async function getRunInAccount(scope: RunScope, runId: string): Promise<RunRow> {
  const row = await db.reportRun.findFirst({
    where: { id: runId, hubId: scope.hub.id, apiAccountId: scope.account.id },
    select: RUN_SELECT,
  });
  if (!row) throw new NotFoundError("Report not found");
  return row;
}

/** POSTs the report with the run's idempotency key; a key MANGOPAY already saw → its stored answer. */
async function createAtMangopay(client: MangopayClient, def: DefinitionShape, run: RunRow): Promise<Report> {
  const request = reportRequest(def, { start: run.periodStart, end: run.periodEnd });
  const options = { idempotencyKey: run.idempotencyKey };
  try {
    if (request.endpoint === "reporting") return await reports.createV2(client, request.body, options);
    if (request.endpoint === "wallets") return await reports.createWallets(client, request.body, options);
    return await reports.createTransactions(client, request.body, options);
  } catch (err) {
    // A retried job whose first attempt reached MANGOPAY: the report exists, read it back.
    if (!(err instanceof IdempotencyConflictError)) throw err;
    const stored = await responses.get(client, run.idempotencyKey);
    const parsed = Report.safeParse(stored?.Resource);
    if (!parsed.success) throw err;
    return parsed.data;
  }
}

/** Postgres refuses NUL and friends in text; an error message is shown to members, so keep it printable. */
const printable = (message: string) => message.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ").slice(0, 500);

/**
 * Marks a run ERROR with what went wrong (and the MANGOPAY report, when one was created), so a run
 * never stays REQUESTING after its request threw. If even that cannot be written, it is logged.
 */
async function markRunErrored(scope: RunScope, runId: string, err: unknown, mangopayReportId: string | null) {
  const message = printable(err instanceof Error ? err.message : "The request failed.");
  await db
    .$transaction(async (tx) => {
      await tx.reportRun.update({
        where: { id: runId },
        data: { status: "ERROR", resultMessage: message, ...(mangopayReportId ? { mangopayReportId } : {}) },
        select: { id: true },
      });
      await writeAudit(tx, scope, {
        action: "report.run.failed",
        target: { type: "report_run", id: runId },
        metadata: { error: err instanceof ServiceError ? err.code : "UNKNOWN", mangopayReportId },
      });
    })
    .catch((recordErr: unknown) =>
      logger.error(
        { runId, err: recordErr instanceof Error ? recordErr.message : String(recordErr) },
        "could not record a failed report run",
      ),
    );
}

/**
 * Creates the MANGOPAY report of a run row already recorded (its intent audited): the call, never in a
 * transaction, then the report id and status with an audit row. A failed call — or a failure to record
 * its answer — marks the run ERROR (visible in the run list) and is rethrown.
 */
export async function sendRun(scope: RunScope, def: DefinitionShape, run: RunRow): Promise<RunRow> {
  let report: Report;
  try {
    report = await callMangopay(async () =>
      createAtMangopay(await mangopayClientFor(scope.hub.id, scope.account.id), def, run),
    );
  } catch (err) {
    await markRunErrored(scope, run.id, err, null);
    throw err;
  }
  const status = runStatusOf(report.Status);
  try {
    return await db.$transaction(async (tx) => {
      const updated = await tx.reportRun.update({
        where: { id: run.id },
        data: {
          mangopayReportId: report.Id,
          status,
          resultMessage: status === "FAILED" ? (report.ResultMessage ?? "MANGOPAY could not generate it") : null,
          readyAt: status === "READY" ? new Date() : null,
        },
        select: RUN_SELECT,
      });
      await writeAudit(tx, scope, {
        action: "report.run",
        target: { type: "report", id: report.Id },
        after: { runId: run.id, status, trigger: run.trigger },
      });
      return updated;
    });
  } catch (err) {
    await markRunErrored(scope, run.id, err, report.Id);
    throw err;
  }
}

/** Records a member's run (intent audited in the same transaction), then sends it. */
export async function requestRun(
  scope: RunScope,
  definitionId: string,
  def: DefinitionShape,
  period: { start: Date; end: Date },
  link: { rerunOfId?: string | null } = {},
): Promise<RunRow> {
  const run = await db.$transaction(async (tx) => {
    const created = await tx.reportRun.create({
      data: {
        hubId: scope.hub.id,
        apiAccountId: scope.account.id,
        definitionId,
        trigger: "MANUAL",
        rerunOfId: link.rerunOfId ?? null,
        periodStart: period.start,
        periodEnd: period.end,
        idempotencyKey: randomUUID(),
        createdById: scope.actor?.id ?? null,
        status: "REQUESTING",
        attempts: 1,
      },
      select: RUN_SELECT,
    });
    await writeAudit(tx, scope, {
      action: "report.run.intent",
      target: { type: "report_run", id: created.id },
      after: {
        definitionId,
        reportType: def.reportType,
        periodStart: period.start.toISOString(),
        periodEnd: period.end.toISOString(),
        rerunOfId: link.rerunOfId ?? null,
      },
    });
    return created;
  });
  return sendRun(scope, def, run);
}

/** The report as MANGOPAY has it now (status, DownloadURL). */
export async function fetchReport(scope: RunScope, kind: ReportKind, reportId: string): Promise<Report> {
  return callMangopay(async () => {
    const client = await mangopayClientFor(scope.hub.id, scope.account.id);
    return isLegacyReport(kind) ? reports.get(client, reportId) : reports.getV2(client, reportId);
  });
}

/** Brings a PENDING run's status up to date from MANGOPAY; a change is stored with an audit row. */
export async function syncRunStatus(scope: RunScope, kind: ReportKind, run: RunRow): Promise<RunRow> {
  if (run.status !== "PENDING" || !run.mangopayReportId) return run;
  const report = await fetchReport(scope, kind, run.mangopayReportId);
  const status = runStatusOf(report.Status);
  if (status === run.status) return run;
  return db.$transaction(async (tx) => {
    const updated = await tx.reportRun.update({
      where: { id: run.id },
      data: {
        status,
        resultMessage: status === "FAILED" ? (report.ResultMessage ?? "MANGOPAY could not generate it") : null,
        readyAt: status === "READY" ? new Date() : null,
      },
      select: RUN_SELECT,
    });
    await writeAudit(tx, scope, {
      action: "report.run.status",
      target: { type: "report", id: report.Id },
      before: { status: run.status },
      after: { status, runId: run.id },
    });
    return updated;
  });
}

/** The CSV of a ready run, streamed from the DownloadURL MANGOPAY gives now (links expire). */
export async function openRunFile(
  scope: RunScope,
  kind: ReportKind,
  run: RunRow,
): Promise<{ run: RunRow; body: ReadableStream<Uint8Array> }> {
  const current = await syncRunStatus(scope, kind, run);
  if (current.status !== "READY" || !current.mangopayReportId)
    throw new PreconditionError(
      current.status === "PENDING" ? "The report is still being generated." : "This report has no file to download.",
    );
  const report = await fetchReport(scope, kind, current.mangopayReportId);
  if (!report.DownloadURL) throw new PreconditionError("MANGOPAY has no file for this report (it may have expired).");
  const url = report.DownloadURL;
  const body = await callMangopay(() => openReportFile(url, { addressPolicy: mangopayAddressPolicy() }));
  return { run: current, body };
}
