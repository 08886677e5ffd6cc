// The filters each CSV export takes: exactly the ones its list page has. Pure (route handlers parse
// the query string with them, services parse again).
import { z } from "zod";
import { EventHistoryFilters } from "@/lib/services/events/schemas";
import { DateInput } from "@/lib/services/mangopay/inputs";
import { TRANSACTION_NATURES, TRANSACTION_STATUSES, TRANSACTION_TYPES } from "@/lib/services/transactions/schemas";

/** The users list's only filter: its order by creation date. */
export const ExportUsersInput = z.object({ sort: z.enum(["asc", "desc"]).default("desc") });
export type ExportUsersInput = z.input<typeof ExportUsersInput>;

/** The transactions list's filters (status, type, nature, inclusive UTC days). */
export const ExportTransactionsInput = z.object({
  status: z.enum(TRANSACTION_STATUSES).optional(),
  type: z.enum(TRANSACTION_TYPES).optional(),
  nature: z.enum(TRANSACTION_NATURES).optional(),
  from: DateInput,
  to: DateInput,
});
export type ExportTransactionsInput = z.input<typeof ExportTransactionsInput>;

/** The events list's filters (types, inclusive UTC days), without MANGOPAY's 45-day limit. */
export const ExportEventsInput = EventHistoryFilters;
export type ExportEventsInput = z.input<typeof ExportEventsInput>;

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
