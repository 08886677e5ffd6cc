import { z } from "zod";
import { EntityBase, NullableUnixDate, OptionalString, openEnum } from "./common";

// The docs disagree on the vocabulary (READY_FOR_DOWNLOAD vs GENERATED); both are accepted.
export const ReportStatus = openEnum(["PENDING", "GENERATING", "GENERATED", "READY_FOR_DOWNLOAD", "EXPIRED", "FAILED"]);
export const ReportType = openEnum(["TRANSACTIONS", "WALLETS", "COLLECTED_FEES", "USER_WALLET_TRANSACTIONS"]);

export const Report = z.looseObject({
  ...EntityBase,
  ReportDate: NullableUnixDate,
  // Reporting Service reports carry their period at the top level.
  AfterDate: NullableUnixDate,
  BeforeDate: NullableUnixDate,
  Status: ReportStatus,
  ReportType,
  DownloadFormat: OptionalString,
  DownloadURL: OptionalString,
  CallbackURL: OptionalString,
  Sort: OptionalString,
  Preview: z.boolean().nullish(),
  Filters: z.record(z.string(), z.unknown()).nullish(),
  // Legacy reports list column names; the new service returns `{ Name, IsDefault }`.
  Columns: z.array(z.union([z.string(), z.looseObject({ Name: z.string() })])).nullish(),
  ResultCode: OptionalString,
  ResultMessage: OptionalString,
});
export type Report = z.output<typeof Report>;

/** `GET /reporting/reports` items: key data only; `LastUpdated` = last status change (§2.2). */
export const ReportListItem = z.looseObject({
  ...EntityBase,
  ReportType,
  Status: ReportStatus,
  LastUpdated: NullableUnixDate,
  ResultCode: OptionalString,
  ResultMessage: OptionalString,
});
export type ReportListItem = z.output<typeof ReportListItem>;
