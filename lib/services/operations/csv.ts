// Pure: one operation → one CSV record (the export route and its test share it).
import { neutralizeFormula } from "@/lib/services/security/csv";
import type { OperationDTO } from "./dto";

export const OPERATION_CSV_COLUMNS = [
  "time_utc",
  "member",
  "kind",
  "action",
  "status",
  "amount_minor",
  "fees_minor",
  "currency",
  "source_id",
  "destination_id",
  "mangopay_id",
  "mangopay_status",
  "result_code",
  "result_message",
  "reason",
  "operation_id",
] as const;

const text = (v: string | number | null) => (v === null ? "" : String(v));

export function toOperationCsvRecord(o: OperationDTO): string[] {
  return [
    o.createdAt,
    o.actorEmail,
    o.kind,
    o.action,
    o.status,
    o.amountMinor,
    o.feesMinor,
    o.currency,
    o.sourceId,
    o.destinationId,
    o.upstreamId,
    o.upstreamStatus,
    o.resultCode,
    o.resultMessage,
    o.reason,
    o.id,
  ].map((v) => neutralizeFormula(text(v)));
}
