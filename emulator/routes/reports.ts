// Reports (docs/mangopay-api.md §3.18): legacy POST /reports/transactions|wallets, GET /reports[/{id}], and the
// Reporting Service POST|GET /reporting/reports[/{id}]. Bodies are validated like MANGOPAY does
// (date spans, known columns); the CSV itself is served by control/report-download.ts.
import { BodyReader } from "../core/body";
import type { ApiContext } from "../core/context";
import { ok } from "../core/context";
import { listResult } from "../core/list";
import type { ApiRouter } from "../core/router";
import {
  FEES_COLUMNS,
  FEES_DEFAULT_COLUMNS,
  TX_COLUMNS,
  TX_DEFAULT_COLUMNS,
  UWT_COLUMNS,
  UWT_DEFAULT_COLUMNS,
  WALLET_COLUMNS,
} from "../domain/report-columns";
import {
  getLegacyReport,
  getReportV2,
  newReportId,
  scheduleReport,
  TX_FILTER_KEYS,
  WALLET_FILTER_KEYS,
  withEveryKey,
} from "../domain/reports";
import type { LegacyReport, LegacyReportType, ReportV2, ReportV2Type } from "../store/compliance-types";

const MONTH = 31 * 86_400;
const SORT = /^[A-Za-z]+:(ASC|DESC)$/i;

function readColumns(
  r: BodyReader,
  allowed: readonly string[],
  fallback: readonly string[],
  errorField: string,
): string[] {
  const raw = r.body.Columns;
  if (raw === undefined || raw === null) return [...fallback];
  if (!Array.isArray(raw) || raw.length === 0 || !raw.every((c) => typeof c === "string")) {
    r.fail("Columns", "The Columns field must be a non-empty array of column names.");
    return [...fallback];
  }
  const unknown = (raw as string[]).filter((c) => !allowed.includes(c));
  if (unknown.length > 0)
    r.fail(
      errorField,
      `Unknown columns were found in the list: ${unknown.join(", ")}, Report Columns: ${allowed.join(", ")}`,
    );
  return raw as string[];
}

function readSort(r: BodyReader, fallback: string): string {
  const sort = r.string("Sort") ?? fallback;
  if (!SORT.test(sort)) r.fail("Sort", `The value '${sort}' is not valid for Sort (Field:ASC|DESC).`);
  return sort;
}

function objectField(r: BodyReader, field: string): Record<string, unknown> {
  const v = r.body[field];
  if (v === undefined || v === null) return {};
  if (typeof v !== "object" || Array.isArray(v)) {
    r.fail(field, `The ${field} field must be an object.`);
    return {};
  }
  return v as Record<string, unknown>;
}

function checkSpan(r: BodyReader, filters: Record<string, unknown>, maxSeconds: number, label: string): void {
  const after = filters.AfterDate;
  const before = filters.BeforeDate;
  if (typeof after === "number" && typeof before === "number" && before - after > maxSeconds) {
    r.fail("Filters", `Max ${label} between AfterDate and BeforeDate.`);
  }
}

function createLegacy(ctx: ApiContext, type: LegacyReportType) {
  const r = new BodyReader(ctx.body);
  const tag = r.tag();
  r.enumOf("DownloadFormat", ["CSV"] as const);
  const callback = r.string("CallbackURL", { max: 2048 });
  const sort = readSort(r, "CreationDate:ASC");
  const preview = r.bool("Preview") ?? false;
  const filters = withEveryKey(
    objectField(r, "Filters"),
    type === "TRANSACTIONS" ? TX_FILTER_KEYS : WALLET_FILTER_KEYS,
  );
  checkSpan(
    r,
    filters,
    type === "TRANSACTIONS" ? 6 * MONTH : 24 * MONTH,
    type === "TRANSACTIONS" ? "6 months" : "24 months",
  );
  const columns =
    type === "TRANSACTIONS"
      ? readColumns(r, TX_COLUMNS, TX_DEFAULT_COLUMNS, "Columns")
      : readColumns(r, WALLET_COLUMNS, WALLET_COLUMNS, "Columns");
  r.done();
  const report: LegacyReport = {
    Id: newReportId(),
    Tag: tag,
    CreationDate: ctx.now,
    ReportDate: null,
    Status: "PENDING",
    DownloadFormat: "CSV",
    DownloadURL: null,
    CallbackURL: callback,
    ReportType: type,
    Sort: sort,
    Preview: preview,
    Filters: filters,
    Columns: columns,
    ResultCode: null,
    ResultMessage: null,
  };
  scheduleReport(ctx.emu, ctx.store, report, ctx.origin);
  return ok(report);
}

function createV2(ctx: ApiContext) {
  const r = new BodyReader(ctx.body);
  const tag = r.tag();
  r.enumOf("DownloadFormat", ["CSV"] as const);
  const type = r.enumOf("ReportType", ["COLLECTED_FEES", "USER_WALLET_TRANSACTIONS"] as const, { required: true });
  const sort = readSort(r, "CreationDate:DESC");
  const after = r.int("AfterDate", { required: true });
  const before = r.int("BeforeDate", { required: true });
  if (after !== null && before !== null && before - after > 12 * MONTH)
    r.fail("Report", "Max 12 months between AfterDate and BeforeDate.");
  if (after !== null && after < ctx.now - 24 * MONTH)
    r.fail("Report", "AfterDate cannot be more than 24 months in the past.");
  const rawFilters = objectField(r, "Filters");
  const filters: Record<string, string> = {};
  for (const key of ["Currency", "UserId", "WalletId"])
    if (typeof rawFilters[key] === "string") filters[key] = rawFilters[key] as string;
  if (filters.WalletId && filters.Currency)
    r.fail("WalletId & Currency", "WalletId and Currency filters can't be combined");
  const [allowed, defaults] =
    type === "COLLECTED_FEES" ? [FEES_COLUMNS, FEES_DEFAULT_COLUMNS] : [UWT_COLUMNS, UWT_DEFAULT_COLUMNS];
  const columns = readColumns(r, allowed, defaults, "Report");
  r.done();
  const report: ReportV2 = {
    Id: newReportId(),
    Tag: tag,
    CreationDate: ctx.now,
    ReportDate: null,
    Status: "PENDING",
    ResultCode: null,
    ResultMessage: null,
    DownloadFormat: "CSV",
    DownloadURL: null,
    ReportType: type as ReportV2Type,
    Sort: sort,
    AfterDate: after ?? 0,
    BeforeDate: before ?? 0,
    Filters: filters,
    Columns: columns.map((Name) => ({ Name, IsDefault: (defaults as readonly string[]).includes(Name) })),
  };
  scheduleReport(ctx.emu, ctx.store, report, ctx.origin);
  return ok(report);
}

/** DownloadURLs are minted with the origin known at generation (seeding may not know the port). */
function withOrigin<T extends { DownloadURL: string | null }>(ctx: ApiContext, report: T): T {
  return report.DownloadURL
    ? { ...report, DownloadURL: report.DownloadURL.replace(/^https?:\/\/[^/]+/, ctx.origin) }
    : report;
}

/** Reporting Service lists answer with key data only (docs' example); LastUpdated = last status change. */
export function reportListView(report: ReportV2) {
  return {
    Id: report.Id,
    ReportType: report.ReportType,
    Status: report.Status,
    LastUpdated: report.ReportDate ?? report.CreationDate,
    CreationDate: report.CreationDate,
    Tag: report.Tag,
    ResultCode: report.ResultCode,
    ResultMessage: report.ResultMessage,
  };
}

export function registerReportRoutes(r: ApiRouter): void {
  r.post("/reports/transactions", (ctx) => createLegacy(ctx, "TRANSACTIONS"));
  r.post("/reports/wallets", (ctx) => createLegacy(ctx, "WALLETS"));
  r.get("/reports", (ctx) => listResult(ctx, ctx.store.reports.values(), { project: (x) => withOrigin(ctx, x) }));
  r.get("/reports/:reportId", (ctx) => ok(withOrigin(ctx, getLegacyReport(ctx.store, ctx.params.reportId))));
  r.post("/reporting/reports", createV2);
  r.get("/reporting/reports", (ctx) =>
    listResult(ctx, ctx.store.reportsV2.values(), { filters: ["Status"], project: reportListView }),
  );
  r.get("/reporting/reports/:reportId", (ctx) => ok(withOrigin(ctx, getReportV2(ctx.store, ctx.params.reportId))));
}
