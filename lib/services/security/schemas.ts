import { z } from "zod";
import { CALENDAR_DATE_MESSAGE, isCalendarDate } from "@/lib/calendar-date";

const Opt = z
  .string()
  .trim()
  .max(120)
  .optional()
  .transform((v) => (v ? v : undefined));
// Only real calendar days reach a query (2020-13-45 used to become an Invalid Date).
const Day = z.string().refine(isCalendarDate).optional().catch(undefined);

/** Security-history filters, as they appear in the URL (`?member=&action=&account=&from=&to=&page=`). */
export const SecurityFilter = z.object({
  member: Opt.catch(undefined),
  action: Opt.catch(undefined),
  account: Opt.catch(undefined),
  from: Day,
  to: Day,
  // The viewer's UTC offset in minutes (Date#getTimezoneOffset), so "from/to" are their local days.
  tz: z.coerce.number().int().min(-840).max(840).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type SecurityFilter = z.output<typeof SecurityFilter>;

/** Next's searchParams (string | string[]) → the filter; bad values are dropped, never thrown. */
export function parseSecurityFilter(params: Record<string, string | string[] | undefined>): SecurityFilter {
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value !== undefined) flat[k] = value;
  }
  return SecurityFilter.parse(flat);
}

export type SecurityFilterRead = { filter: SecurityFilter; errors: { from?: string; to?: string } };

/**
 * For the page and the CSV export: the filter plus a clear message for each date that is not a real
 * day (those are dropped from the filter), and for a range that ends before it starts.
 */
export function readSecurityFilter(params: Record<string, string | string[] | undefined>): SecurityFilterRead {
  const filter = parseSecurityFilter(params);
  const errors: SecurityFilterRead["errors"] = {};
  for (const key of ["from", "to"] as const) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value && !filter[key]) errors[key] = CALENDAR_DATE_MESSAGE;
  }
  if (filter.from && filter.to && filter.from > filter.to) errors.to = "The end date is before the start date.";
  return { filter, errors };
}

/** [from, to) in UTC for local calendar days `from`..`to` (inclusive) at offset `tz` minutes. */
export function dateRange(filter: Pick<SecurityFilter, "from" | "to" | "tz">): { gte?: Date; lt?: Date } {
  const offsetMs = (filter.tz ?? 0) * 60_000;
  const out: { gte?: Date; lt?: Date } = {};
  if (filter.from) out.gte = new Date(Date.parse(`${filter.from}T00:00:00Z`) + offsetMs);
  if (filter.to) out.lt = new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000 + offsetMs);
  return out;
}

export const SECURITY_PAGE_SIZE = 50;
