// A definition and a period → the body MANGOPAY's report endpoints take (docs/reports.md). Pure.
import type { CreateReportInput as LegacyBody, CreateReportV2Input as V2Body } from "@/lib/mangopay/reports";
import { isLegacyReport, type ReportKind } from "@/lib/report-catalog";
import type { DefinitionFilters } from "./schemas";

export type DefinitionShape = {
  name: string;
  reportType: ReportKind;
  filters: DefinitionFilters;
  columns: string[];
  sort: string;
};

export type ReportRequest =
  { endpoint: "transactions" | "wallets"; body: LegacyBody } | { endpoint: "reporting"; body: V2Body };

const unix = (d: Date) => Math.floor(d.getTime() / 1000);
type Sort = "CreationDate:ASC" | "CreationDate:DESC";

function range(prefix: string, r: DefinitionFilters["fees"]): Record<string, unknown> {
  if (!r) return {};
  return {
    ...(r.min !== null ? { [`Min${prefix}Amount`]: r.min, [`Min${prefix}Currency`]: r.currency } : {}),
    ...(r.max !== null ? { [`Max${prefix}Amount`]: r.max, [`Max${prefix}Currency`]: r.currency } : {}),
  };
}

/** The Tag carries the definition's name, so MANGOPAY's own dashboard shows which report it was. */
export function reportRequest(def: DefinitionShape, period: { start: Date; end: Date }): ReportRequest {
  const f = def.filters;
  const common = {
    Tag: def.name.slice(0, 255),
    DownloadFormat: "CSV" as const,
    Sort: def.sort as Sort,
    Columns: def.columns,
  };
  if (isLegacyReport(def.reportType)) {
    const dates = { AfterDate: unix(period.start), BeforeDate: unix(period.end) };
    if (def.reportType === "WALLETS")
      return {
        endpoint: "wallets",
        body: {
          ...common,
          Filters: {
            ...dates,
            ...(f.ownerId ? { OwnerId: f.ownerId } : {}),
            ...(f.currency ? { Currency: f.currency } : {}),
            ...range("Balance", f.balance),
          },
        },
      };
    return {
      endpoint: "transactions",
      body: {
        ...common,
        Filters: {
          ...dates,
          ...(f.status?.length ? { Status: f.status } : {}),
          ...(f.type?.length ? { Type: f.type } : {}),
          ...(f.nature?.length ? { Nature: f.nature } : {}),
          ...(f.resultCode?.length ? { ResultCode: f.resultCode } : {}),
          ...(f.walletId ? { WalletId: f.walletId } : {}),
          ...(f.authorId ? { AuthorId: f.authorId } : {}),
          ...range("DebitedFunds", f.debitedFunds),
          ...range("Fees", f.fees),
        },
      },
    };
  }
  return {
    endpoint: "reporting",
    body: {
      ...common,
      ReportType: def.reportType,
      AfterDate: unix(period.start),
      BeforeDate: unix(period.end),
      Filters: {
        ...(f.currency ? { Currency: f.currency } : {}),
        ...(f.userId ? { UserId: f.userId } : {}),
        ...(f.walletId ? { WalletId: f.walletId } : {}),
      },
    },
  };
}

/** MANGOPAY's status vocabulary (both services) → ours. */
export function runStatusOf(mangopayStatus: string): "PENDING" | "READY" | "FAILED" | "EXPIRED" {
  if (mangopayStatus === "READY_FOR_DOWNLOAD" || mangopayStatus === "GENERATED") return "READY";
  if (mangopayStatus === "FAILED") return "FAILED";
  if (mangopayStatus === "EXPIRED") return "EXPIRED";
  return "PENDING";
}
