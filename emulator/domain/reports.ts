// Reports (docs/mangopay-api.md §3.18): legacy TRANSACTIONS/WALLETS (PENDING → READY_FOR_DOWNLOAD) and the
// Reporting Service COLLECTED_FEES/USER_WALLET_TRANSACTIONS (PENDING → GENERATED, as the docs'
// examples say). Generation is asynchronous (delays.reportMs); the DownloadURL is served by the
// emulator. Sandbox trigger (emulator-defined): Tag "fail" → FAILED with REPORT_FAILED.
import { randomBytes } from "node:crypto";
import type { Emulator } from "../core/emulator";
import { notFound } from "../core/errors";
import type { ClientStore } from "../store/client-store";
import type { LegacyReport, ReportV2 } from "../store/compliance-types";

export const REPORT_TTL_SECONDS = 31 * 86_400;

export function getLegacyReport(store: ClientStore, id: string): LegacyReport {
  const report = store.reports.get(id);
  if (!report) throw notFound("Report", id);
  return report;
}

export function getReportV2(store: ClientStore, id: string): ReportV2 {
  const report = store.reportsV2.get(id);
  if (!report) throw notFound("Report", id);
  return report;
}

export function newReportId(): string {
  return `report_m_${randomBytes(12).toString("hex").toUpperCase()}`;
}

/** The URL the emulator serves the CSV at; the random part plays the role of a presigned URL. */
export function downloadUrl(origin: string, store: ClientStore, id: string): string {
  return `${origin}/_emulator/reports/${encodeURIComponent(store.info.ClientId)}/${id}/${randomBytes(8).toString("hex")}.csv`;
}

type AnyReport = LegacyReport | ReportV2;

function finish(emu: Emulator, store: ClientStore, report: AnyReport, origin: string, now: number): void {
  if (report.Status !== "PENDING" && report.Status !== "GENERATING") return;
  report.ReportDate = now;
  if ((report.Tag ?? "").trim().toLowerCase() === "fail") {
    report.Status = "FAILED";
    report.ResultCode = "001999";
    report.ResultMessage = "Generic Operation error";
    emu.events.emit(store, "REPORT_FAILED", report.Id, now);
    return;
  }
  report.Status =
    "ReportType" in report && (report.ReportType === "TRANSACTIONS" || report.ReportType === "WALLETS")
      ? "READY_FOR_DOWNLOAD"
      : "GENERATED";
  report.ResultCode = "000000";
  report.ResultMessage = "Success";
  report.DownloadURL = downloadUrl(origin, store, report.Id);
  emu.events.emit(store, "REPORT_GENERATED", report.Id, now);
}

/** Stores the report and schedules its generation (at once while seeding or when reportMs is 0). */
export function scheduleReport(emu: Emulator, store: ClientStore, report: AnyReport, origin: string): void {
  const state = store;
  if ("Preview" in report) state.reports.set(report.Id, report);
  else state.reportsV2.set(report.Id, report);
  const delay = emu.options.delays.reportMs;
  if (delay === null) return;
  if (delay === 0 || emu.seeding) finish(emu, store, report, origin, report.CreationDate);
  else emu.scheduler.schedule(delay, () => finish(emu, store, report, origin, emu.clock.now()));
}

/** Control call: generate a PENDING report now (when reportMs is null). */
export function generateNow(emu: Emulator, store: ClientStore, report: AnyReport, origin: string): AnyReport {
  finish(emu, store, report, origin, emu.clock.now());
  return report;
}

/** Reports older than 31 days expire: Status EXPIRED, DownloadURL null. */
export function expireReports(store: ClientStore, now: number): number {
  let count = 0;
  const state = store;
  for (const report of [...state.reports.values(), ...state.reportsV2.values()]) {
    if (report.Status !== "EXPIRED" && report.CreationDate + REPORT_TTL_SECONDS < now) {
      report.Status = "EXPIRED";
      report.DownloadURL = null;
      count++;
    }
  }
  return count;
}

/** Legacy report Filters come back with every key of their report type (null when not asked), as in the docs. */
export const TX_FILTER_KEYS = [
  "AfterDate",
  "BeforeDate",
  "Type",
  "ResultCode",
  "Status",
  "Nature",
  "WalletId",
  "AuthorId",
  "MinDebitedFundsAmount",
  "MinDebitedFundsCurrency",
  "MaxDebitedFundsAmount",
  "MaxDebitedFundsCurrency",
  "MinFeesAmount",
  "MinFeesCurrency",
  "MaxFeesAmount",
  "MaxFeesCurrency",
] as const;
export const WALLET_FILTER_KEYS = [
  "AfterDate",
  "BeforeDate",
  "OwnerId",
  "Currency",
  "MinBalanceAmount",
  "MinBalanceCurrency",
  "MaxBalanceAmount",
  "MaxBalanceCurrency",
] as const;

export function withEveryKey(filters: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = filters[key] ?? null;
  return out;
}
