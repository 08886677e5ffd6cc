// Pure: the columns and records of the CSV exports from the mirror (users, transactions, events).
// Text a spreadsheet would run as a formula is neutralised, as in the other exports.
import { neutralizeFormula } from "@/lib/services/security/csv";

export const USER_CSV_COLUMNS = [
  "id",
  "person_type",
  "email",
  "first_name",
  "last_name",
  "company_name",
  "status",
  "tag",
  "created_utc",
  "synced_utc",
] as const;

export const TRANSACTION_CSV_COLUMNS = [
  "id",
  "type",
  "nature",
  "status",
  "payment_type",
  "currency",
  "debited_minor",
  "credited_minor",
  "fees_minor",
  "author_id",
  "credited_user_id",
  "debited_wallet_id",
  "credited_wallet_id",
  "result_code",
  "tag",
  "created_utc",
  "executed_utc",
  "synced_utc",
] as const;

export const EVENT_CSV_COLUMNS = ["date_utc", "event_type", "resource_id", "recorded_utc"] as const;

type Cell = string | number | bigint | Date | null;

/** One record: dates as ISO (UTC), minor units as integers, empty for null. */
export function csvRecord(values: readonly Cell[]): string[] {
  return values.map((v) =>
    v === null ? "" : v instanceof Date ? v.toISOString() : typeof v === "string" ? neutralizeFormula(v) : String(v),
  );
}
