// The filters each CSV export takes: exactly the ones its list page has. Pure (route handlers parse
// the query string with them, services parse again).
import { z } from "zod";
import { DISPUTE_QUICK_FILTERS, DISPUTE_STATUSES, DISPUTE_TYPES } from "@/lib/services/disputes/schemas";
import { EventFilters } from "@/lib/services/events/schemas";
import { KYC_DOCUMENT_STATUSES, KYC_DOCUMENT_TYPES } from "@/lib/services/kyc-documents/schemas";
import { rangeInOrder, RANGE_ORDER_MESSAGE } from "@/lib/services/mangopay/date-range";
import { TRANSACTION_NATURES, TRANSACTION_STATUSES, TRANSACTION_TYPES } from "@/lib/services/transactions/schemas";

/** The users list's only filter: its order by creation date. */
export const ExportUsersInput = z.object({ sort: z.enum(["asc", "desc"]).default("desc") });
export type ExportUsersInput = z.input<typeof ExportUsersInput>;

/**
 * An inclusive UTC day of an export's range. Unlike the pages (which drop a day they cannot read and
 * show the field empty), an export refuses it: a mistyped day must not widen the file to every row.
 */
const ExportDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a day as YYYY-MM-DD.")
  .refine((d) => {
    const ms = Date.parse(`${d}T00:00:00Z`);
    return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === d;
  }, "This day does not exist.")
  .optional();

/** The transactions list's filters (status, type, nature, inclusive UTC days). */
export const ExportTransactionsInput = z
  .object({
    status: z.enum(TRANSACTION_STATUSES).optional(),
    type: z.enum(TRANSACTION_TYPES).optional(),
    nature: z.enum(TRANSACTION_NATURES).optional(),
    from: ExportDay,
    to: ExportDay,
  })
  .refine(rangeInOrder, { message: RANGE_ORDER_MESSAGE, path: ["to"] });
export type ExportTransactionsInput = z.input<typeof ExportTransactionsInput>;

/** The events list's filters (types, inclusive UTC days), without MANGOPAY's 45-day limit. */
export const ExportEventsInput = EventFilters.extend({ from: ExportDay, to: ExportDay }).refine(rangeInOrder, {
  message: RANGE_ORDER_MESSAGE,
  path: ["to"],
});
export type ExportEventsInput = z.input<typeof ExportEventsInput>;

/** The compliance page's KYC document filters (type, status, inclusive UTC days of creation). */
export const ExportKycDocumentsInput = z
  .object({
    type: z.enum(KYC_DOCUMENT_TYPES).optional(),
    status: z.enum(KYC_DOCUMENT_STATUSES).optional(),
    from: ExportDay,
    to: ExportDay,
  })
  .refine(rangeInOrder, { message: RANGE_ORDER_MESSAGE, path: ["to"] });
export type ExportKycDocumentsInput = z.input<typeof ExportKycDocumentsInput>;

/** MANGOPAY's UBO declaration statuses. */
export const UBO_DECLARATION_STATUSES = ["CREATED", "VALIDATION_ASKED", "INCOMPLETE", "VALIDATED", "REFUSED"] as const;

/**
 * The compliance page's UBO declarations: the page's days of creation (its type and status filters are
 * KYC documents'), and a declaration status for a direct link.
 */
export const ExportUboDeclarationsInput = z
  .object({
    status: z.enum(UBO_DECLARATION_STATUSES).optional(),
    from: ExportDay,
    to: ExportDay,
  })
  .refine(rangeInOrder, { message: RANGE_ORDER_MESSAGE, path: ["to"] });
export type ExportUboDeclarationsInput = z.input<typeof ExportUboDeclarationsInput>;

/**
 * The disputes page's filters (quick filter, status, type, inclusive UTC days of opening). "Pending
 * client" is both waiting statuses and overrides `status`, as on the page; "To settle" is MANGOPAY's list.
 */
export const ExportDisputesInput = z
  .object({
    quick: z.enum(DISPUTE_QUICK_FILTERS).optional(),
    status: z.enum(DISPUTE_STATUSES).optional(),
    type: z.enum(DISPUTE_TYPES).optional(),
    from: ExportDay,
    to: ExportDay,
  })
  .refine(rangeInOrder, { message: RANGE_ORDER_MESSAGE, path: ["to"] });
export type ExportDisputesInput = z.input<typeof ExportDisputesInput>;

/** A query string as a plain object, repeated keys as arrays (`types=A&types=B`). */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key).filter((v) => v !== "");
    if (all.length === 0) continue;
    out[key] = key === "types" ? all : (all[0] ?? "");
  }
  return out;
}
