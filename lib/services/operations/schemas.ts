// The operations log's filters as they appear in the URL (`?member=&kind=&status=&from=&to=&page=`).
// Pure: the page, the CSV export and the services parse the same way; bad values are dropped.
import { z } from "zod";
import { isCalendarDate } from "@/lib/calendar-date";

export const OPERATION_KINDS = [
  "WALLET",
  "PAYIN_BANK_WIRE",
  "PAYIN_DIRECT_DEBIT",
  "PAYIN_CARD",
  "PAYOUT",
  "TRANSFER",
  "REFUND_PAYIN",
  "REFUND_TRANSFER",
  "SETTLEMENT_TRANSFER",
  "SETTLEMENT_BANK_WIRE",
] as const;
export const OPERATION_STATUSES = ["AWAITING_APPROVAL", "PENDING", "SUCCEEDED", "FAILED", "NOT_SENT"] as const;

const Day = z.string().refine(isCalendarDate).optional().catch(undefined);

export const OperationsFilter = z.object({
  member: z
    .string()
    .trim()
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional()
    .catch(undefined),
  kind: z.enum(OPERATION_KINDS).optional().catch(undefined),
  status: z.enum(OPERATION_STATUSES).optional().catch(undefined),
  from: Day,
  to: Day,
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type OperationsFilter = z.output<typeof OperationsFilter>;

export function parseOperationsFilter(params: Record<string, string | string[] | undefined>): OperationsFilter {
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value) flat[k] = value;
  }
  return OperationsFilter.parse(flat);
}

export const OperationIdInput = z.object({
  operationId: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
});
export type OperationIdInput = z.input<typeof OperationIdInput>;

export const OPERATIONS_PAGE_SIZE = 25;
