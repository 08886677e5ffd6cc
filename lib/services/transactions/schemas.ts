// Filters of MANGOPAY's transaction lists (user, wallet): only the documented ones — Status, Type,
// Nature, AfterDate/BeforeDate on the creation date. Pure so pages parse searchParams the same way.
import { z } from "zod";
import { DateInput, PageQuery } from "@/lib/services/mangopay/inputs";

export const TRANSACTION_STATUSES = ["CREATED", "SUCCEEDED", "FAILED"] as const;
export const TRANSACTION_TYPES = ["PAYIN", "TRANSFER", "CONVERSION", "PAYOUT"] as const;
export const TRANSACTION_NATURES = ["REGULAR", "REPUDIATION", "REFUND", "SETTLEMENT"] as const;

export const TransactionListQuery = PageQuery.extend({
  status: z.enum(TRANSACTION_STATUSES).optional().catch(undefined),
  type: z.enum(TRANSACTION_TYPES).optional().catch(undefined),
  nature: z.enum(TRANSACTION_NATURES).optional().catch(undefined),
  /** Inclusive UTC days, `YYYY-MM-DD`. */
  from: DateInput,
  to: DateInput,
});
export type TransactionListQuery = z.infer<typeof TransactionListQuery>;

/** The query as MANGOPAY filters (`from`/`to` as whole UTC days, unix seconds). */
export function transactionFilters(q: TransactionListQuery): Record<string, string | number> {
  const filters: Record<string, string | number> = {};
  if (q.status) filters.Status = q.status;
  if (q.type) filters.Type = q.type;
  if (q.nature) filters.Nature = q.nature;
  if (q.from) filters.AfterDate = Math.floor(Date.parse(`${q.from}T00:00:00Z`) / 1000);
  if (q.to) filters.BeforeDate = Math.floor(Date.parse(`${q.to}T23:59:59Z`) / 1000);
  return filters;
}

/** A stable memo key for one list request. */
export function transactionQueryKey(q: TransactionListQuery): string {
  return [q.page, q.perPage, q.sort, q.status, q.type, q.nature, q.from, q.to].map((v) => v ?? "").join(":");
}
