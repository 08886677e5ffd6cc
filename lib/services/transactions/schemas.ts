// Filters of MANGOPAY's transaction lists (platform, user, wallet): only the documented ones — Status, Type,
// Nature, AfterDate/BeforeDate on the creation date. Pure so pages parse searchParams the same way.
import { z } from "zod";
import { dayRangeToQuery } from "@/lib/services/mangopay/date-range";
import { DateInput, MangopayId, PageQuery } from "@/lib/services/mangopay/inputs";

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
  // AfterDate/BeforeDate are exclusive: the whole of both days is included.
  return { ...filters, ...dayRangeToQuery(q) };
}

/** A stable memo key for one list request. */
export function transactionQueryKey(q: TransactionListQuery): string {
  return [q.page, q.perPage, q.sort, q.status, q.type, q.nature, q.from, q.to].map((v) => v ?? "").join(":");
}

/** Which endpoint holds a transaction: the list row's Type and Nature, when known, save probing. */
export const TransactionKind = z.enum([
  "PAYIN",
  "PAYOUT",
  "TRANSFER",
  "REFUND",
  "REPUDIATION",
  "SETTLEMENT",
  "CONVERSION",
]);
export type TransactionKind = z.infer<typeof TransactionKind>;

export const GetTransactionInput = z.object({
  transactionId: MangopayId,
  kind: TransactionKind.optional().catch(undefined),
});
export type GetTransactionInput = z.input<typeof GetTransactionInput>;

/** Type + Nature of a list row → the endpoint that returns the full object. */
export function kindOf(t: { Type: string; Nature: string }): TransactionKind | undefined {
  if (t.Nature === "REFUND") return "REFUND";
  if (t.Nature === "REPUDIATION") return "REPUDIATION";
  if (t.Nature === "SETTLEMENT") return "SETTLEMENT";
  if (t.Type === "PAYIN" || t.Type === "PAYOUT" || t.Type === "TRANSFER" || t.Type === "CONVERSION") return t.Type;
  return undefined;
}

/** The transactions page: the documented filters, and optionally the user or wallet it is about. */
export const TransactionsPageQuery = TransactionListQuery.extend({
  userId: MangopayId.optional().catch(undefined),
  walletId: MangopayId.optional().catch(undefined),
});
export type TransactionsPageQuery = z.infer<typeof TransactionsPageQuery>;
