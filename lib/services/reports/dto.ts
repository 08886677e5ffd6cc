import { isReportKind, type ReportKind } from "@/lib/report-catalog";
import type { DefinitionRow, RunRow } from "./internal";
import type { DefinitionFilters } from "./schemas";

export type ReportRunDTO = {
  id: string;
  definitionId: string;
  trigger: "MANUAL" | "SCHEDULE";
  rerunOfId: string | null;
  /** First and last day of the period (UTC calendar days, YYYY-MM-DD). */
  from: string;
  to: string;
  mangopayReportId: string | null;
  status: string;
  resultMessage: string | null;
  attempts: number;
  createdAt: string;
  readyAt: string | null;
};

export type ReportDefinitionDTO = {
  id: string;
  name: string;
  reportType: ReportKind;
  filters: DefinitionFilters;
  columns: string[];
  sort: string;
  schedule: string | null;
  createdAt: string;
};

const day = (d: Date) => d.toISOString().slice(0, 10);

export function toRunDTO(row: RunRow): ReportRunDTO {
  return {
    id: row.id,
    definitionId: row.definitionId,
    trigger: row.trigger === "SCHEDULE" ? "SCHEDULE" : "MANUAL",
    rerunOfId: row.rerunOfId,
    from: day(row.periodStart),
    to: day(new Date(row.periodEnd.getTime() - 86_400_000)),
    mangopayReportId: row.mangopayReportId,
    status: row.status,
    resultMessage: row.resultMessage,
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    readyAt: row.readyAt?.toISOString() ?? null,
  };
}

export function toDefinitionDTO(row: DefinitionRow): ReportDefinitionDTO {
  return {
    id: row.id,
    name: row.name,
    reportType: isReportKind(row.reportType) ? row.reportType : "TRANSACTIONS",
    filters: (row.filters ?? {}) as DefinitionFilters,
    columns: row.columns,
    sort: row.sort,
    schedule: row.schedule,
    createdAt: row.createdAt.toISOString(),
  };
}
