// Pure: the columns and records of the CSV exports from the mirror (users, transactions, events,
// KYC documents, disputes).
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

export const KYC_DOCUMENT_CSV_COLUMNS = [
  "id",
  "user_id",
  "type",
  "status",
  "refused_reason_type",
  "refused_reason_message",
  "tag",
  "created_utc",
  "processed_utc",
  "synced_utc",
] as const;

export const UBO_DECLARATION_CSV_COLUMNS = [
  "id",
  "user_id",
  "status",
  "reason",
  "message",
  "ubo_count",
  "tag",
  "created_utc",
  "processed_utc",
  "synced_utc",
] as const;

/** Amounts twice: as a decimal in the currency's digits (to read) and in minor units (to reconcile). */
export const DISPUTE_CSV_COLUMNS = [
  "id",
  "type",
  "status",
  "result_code",
  "reason_type",
  "currency",
  "disputed_amount",
  "disputed_minor",
  "contested_amount",
  "contested_minor",
  "contest_deadline_utc",
  "initial_transaction_id",
  "user_id",
  "tag",
  "created_utc",
  "closed_utc",
  "synced_utc",
] as const;

type Cell = string | number | bigint | Date | null;

/** One record: dates as ISO (UTC), minor units as integers, empty for null. */
export function csvRecord(values: readonly Cell[]): string[] {
  return values.map((v) =>
    v === null ? "" : v instanceof Date ? v.toISOString() : typeof v === "string" ? neutralizeFormula(v) : String(v),
  );
}

/** A text field of a mirror row's `raw` object (MANGOPAY's own JSON), null where absent or not text. */
export function rawText(raw: unknown, ...path: string[]): string | null {
  let v: unknown = raw;
  for (const key of path) v = v !== null && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined;
  return typeof v === "string" && v !== "" ? v : null;
}

/** A `{ Amount, Currency }` of a mirror row's `raw` object in minor units, null where absent or malformed. */
export function rawMoney(raw: unknown, field: string): { amountMinor: bigint; currency: string } | null {
  const m = raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>)[field] : undefined;
  if (m === null || typeof m !== "object") return null;
  const { Amount, Currency } = m as Record<string, unknown>;
  if (typeof Amount !== "number" || !Number.isSafeInteger(Amount) || typeof Currency !== "string") return null;
  return { amountMinor: BigInt(Amount), currency: Currency };
}
