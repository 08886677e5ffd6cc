import { z } from "zod";

// Page sizes the tables offer; MANGOPAY caps per_page at 100.
export const PER_PAGE_CHOICES = [10, 20, 50, 100] as const;

export const TRANSACTION_STATUSES = ["CREATED", "SUCCEEDED", "FAILED"] as const;
export const TRANSACTION_TYPES = ["PAYIN", "TRANSFER", "PAYOUT", "CONVERSION"] as const;
export const TRANSACTION_NATURES = ["REGULAR", "REPUDIATION", "REFUND", "SETTLEMENT"] as const;

/** A calendar day `YYYY-MM-DD` (UTC) from a form or the URL. */
export const DayString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the format YYYY-MM-DD.")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "This is not a valid date.");

/** Page and page size as the URL carries them; out-of-range values fall back to the defaults. */
export const PageInput = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  perPage: z.coerce
    .number()
    .int()
    .refine((n) => (PER_PAGE_CHOICES as readonly number[]).includes(n))
    .catch(20)
    .default(20),
});

const Id = z.string().trim().min(1).max(128);

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
    from: DayString.optional(),
    to: DayString.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "The start date must be on or before the end date.", path: ["to"] });
export type TransactionFilters = z.infer<typeof TransactionFilters>;

export const ListTransactionsInput = z.object({
  scope: TransactionScope,
  filters: TransactionFilters,
  page: PageInput.shape.page,
  perPage: PageInput.shape.perPage,
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

/** `from`/`to` days (inclusive, UTC) → MANGOPAY's exclusive AfterDate/BeforeDate in unix seconds. */
export function dayRangeToQuery(range: { from?: string; to?: string }): { AfterDate?: number; BeforeDate?: number } {
  const out: { AfterDate?: number; BeforeDate?: number } = {};
  if (range.from) out.AfterDate = Date.parse(`${range.from}T00:00:00Z`) / 1000 - 1;
  if (range.to) out.BeforeDate = Date.parse(`${range.to}T00:00:00Z`) / 1000 + 86_400;
  return out;
}

/** Type + Nature of a list row → the endpoint that returns the full object. */
export function kindOf(t: { Type: string; Nature: string }): TransactionKind | undefined {
  if (t.Nature === "REFUND") return "REFUND";
  if (t.Nature === "REPUDIATION") return "REPUDIATION";
  if (t.Nature === "SETTLEMENT") return "SETTLEMENT";
  if (t.Type === "PAYIN" || t.Type === "PAYOUT" || t.Type === "TRANSFER") return t.Type;
  return undefined;
}
