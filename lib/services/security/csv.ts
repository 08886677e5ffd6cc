// Pure: one audit event → one CSV record. Shared by the export route and its unit test.
import type { AuditEventDTO } from "./list-events";

export const CSV_COLUMNS = [
  "time_utc",
  "actor",
  "action",
  "api_account",
  "api_account_id",
  "target_type",
  "target_id",
  "ip",
  "user_agent",
  "before",
  "after",
  "metadata",
] as const;

export type CsvSource = Omit<AuditEventDTO, "id">;

const json = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v));

/** Leading = + - @ (and tab/CR) would run as formulas in spreadsheet apps: prefix them with '. */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsvRecord(e: CsvSource): string[] {
  return [
    e.createdAt.toISOString(),
    e.actorEmail ?? "",
    e.action,
    e.apiAccountName ?? "",
    e.apiAccountId ?? "",
    e.targetType ?? "",
    e.targetId ?? "",
    e.ip ?? "",
    e.userAgent ?? "",
    json(e.before),
    json(e.after),
    json(e.metadata),
  ].map(neutralizeFormula);
}
