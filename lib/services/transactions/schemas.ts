import { z } from "zod";
import { rangeInOrder, RANGE_ORDER_MESSAGE } from "@/lib/services/mangopay/date-range";
import { DateInput, MangopayId, PageQuery } from "@/lib/services/mangopay/inputs";

export const TRANSACTION_STATUSES = ["CREATED", "SUCCEEDED", "FAILED"] as const;
export const TRANSACTION_TYPES = ["PAYIN", "TRANSFER", "PAYOUT", "CONVERSION"] as const;
export const TRANSACTION_NATURES = ["REGULAR", "REPUDIATION", "REFUND", "SETTLEMENT"] as const;

const Id = MangopayId;

export const TransactionScope = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("client") }),
  z.object({ kind: z.literal("user"), userId: Id }),
  z.object({ kind: z.literal("wallet"), walletId: Id }),
]);
export type TransactionScope = z.infer<typeof TransactionScope>;

export const TransactionFilters = z
  .object({
    status: z.enum(TRANSACTION_STATUSES).optional(),
    type: z.enum(TRANSACTION_TYPES).optional(),
    nature: z.enum(TRANSACTION_NATURES).optional(),
    from: DateInput,
    to: DateInput,
  })
  .refine(rangeInOrder, { message: RANGE_ORDER_MESSAGE, path: ["to"] });
export type TransactionFilters = z.infer<typeof TransactionFilters>;

export const ListTransactionsInput = z.object({
  scope: TransactionScope,
  filters: TransactionFilters,
  page: PageQuery.shape.page,
  perPage: PageQuery.shape.perPage,
});
export type ListTransactionsInput = z.input<typeof ListTransactionsInput>;

/** Which endpoint holds a transaction: the list row's Type and Nature, when known, save probing. */
export const TransactionKind = z.enum(["PAYIN", "PAYOUT", "TRANSFER", "REFUND", "REPUDIATION", "SETTLEMENT"]);
export type TransactionKind = z.infer<typeof TransactionKind>;

export const GetTransactionInput = z.object({
  transactionId: Id,
  kind: TransactionKind.optional().catch(undefined),
});
export type GetTransactionInput = z.input<typeof GetTransactionInput>;

/** Type + Nature of a list row → the endpoint that returns the full object. */
export function kindOf(t: { Type: string; Nature: string }): TransactionKind | undefined {
  if (t.Nature === "REFUND") return "REFUND";
  if (t.Nature === "REPUDIATION") return "REPUDIATION";
  if (t.Nature === "SETTLEMENT") return "SETTLEMENT";
  if (t.Type === "PAYIN" || t.Type === "PAYOUT" || t.Type === "TRANSFER") return t.Type;
  return undefined;
}

const optionalEnum = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined);

/** A transactions page's searchParams: unknown values are dropped, never an error page. */
export const TransactionsQuery = PageQuery.extend({
  status: optionalEnum(TRANSACTION_STATUSES),
  type: optionalEnum(TRANSACTION_TYPES),
  nature: optionalEnum(TRANSACTION_NATURES),
  from: DateInput,
  to: DateInput,
  userId: MangopayId.optional().catch(undefined),
  walletId: MangopayId.optional().catch(undefined),
});
export type TransactionsQuery = z.infer<typeof TransactionsQuery>;

export function scopeOf(q: { userId?: string; walletId?: string }): TransactionScope {
  if (q.walletId) return { kind: "wallet", walletId: q.walletId };
  if (q.userId) return { kind: "user", userId: q.userId };
  return { kind: "client" };
}
