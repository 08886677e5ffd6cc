// Legacy v2.01 reports (`/reports/...`): asynchronous CSV exports that MANGOPAY generates.
import type { CallOptions, MangopayClient } from "./client";
import { listPage, type ListOptions, type Page } from "./pagination";
import { getOne, send, type WriteOptions } from "./resource";
import { Report, ReportListItem } from "./schemas/reports";

export interface CreateReportInput {
  Tag?: string;
  DownloadFormat?: "CSV";
  CallbackURL?: string;
  Sort?: "CreationDate:ASC" | "CreationDate:DESC";
  Preview?: boolean;
  /** Transactions: BeforeDate/AfterDate (unix seconds, ≤ 6 months apart), Type[], Status[]… */
  Filters?: Record<string, unknown>;
  Columns?: string[];
}

export function createTransactions(
  client: MangopayClient,
  input: CreateReportInput,
  options: WriteOptions = {},
): Promise<Report> {
  return send(client, "POST", "/reports/transactions", {}, input, Report, "report", options);
}

export function createWallets(
  client: MangopayClient,
  input: CreateReportInput,
  options: WriteOptions = {},
): Promise<Report> {
  return send(client, "POST", "/reports/wallets", {}, input, Report, "report", options);
}

export function get(client: MangopayClient, reportId: string, options: CallOptions = {}): Promise<Report> {
  return getOne(client, "/reports/{reportId}", { reportId }, Report, "report", options);
}

export function list(
  client: MangopayClient,
  options: ListOptions<"BeforeDate" | "AfterDate"> = {},
): Promise<Page<Report>> {
  return listPage(client, { path: "/reports", item: Report, itemName: "report" }, options);
}

// The newer Reporting Service (`/reporting/reports`), SDK `ReportsV2`.
export interface CreateReportV2Input {
  ReportType: "COLLECTED_FEES" | "USER_WALLET_TRANSACTIONS" | (string & {});
  Tag?: string;
  DownloadFormat?: "CSV";
  Sort?: "CreationDate:ASC" | "CreationDate:DESC";
  /** Unix seconds, ≤ 12 months apart, ≤ 24 months back. */
  AfterDate: number;
  BeforeDate: number;
  Filters?: { Currency?: string; UserId?: string; WalletId?: string } & Record<string, unknown>;
  Columns?: string[];
}

export function createV2(
  client: MangopayClient,
  input: CreateReportV2Input,
  options: WriteOptions = {},
): Promise<Report> {
  return send(client, "POST", "/reporting/reports", {}, input, Report, "report", options);
}

export function getV2(client: MangopayClient, reportId: string, options: CallOptions = {}): Promise<Report> {
  return getOne(client, "/reporting/reports/{reportId}", { reportId }, Report, "report", options);
}

/** Reporting Service reports: the list answers with key data only (`ReportListItem`); get one for the rest. */
export function listV2(
  client: MangopayClient,
  options: ListOptions<"Status" | "BeforeDate" | "AfterDate"> = {},
): Promise<Page<ReportListItem>> {
  return listPage(client, { path: "/reporting/reports", item: ReportListItem, itemName: "report" }, options);
}
