import { z } from "zod";
import { EVENT_RETENTION_DAYS, isEventType } from "@/lib/mangopay/event-types";
import { RANGE_ORDER_MESSAGE } from "@/lib/services/mangopay/date-range";
import { DateInput, MangopayId, PageQuery } from "@/lib/services/mangopay/inputs";

const DAY_MS = 86_400_000;

function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The earliest day the events form accepts: MANGOPAY refuses AfterDate older than 45 days, so the
 * whole of that day must lie inside the window (today − 44 days, UTC).
 */
export function earliestEventDay(nowMs: number): string {
  return dayOf(nowMs - (EVENT_RETENTION_DAYS - 1) * DAY_MS);
}

export function todayUtc(nowMs: number): string {
  return dayOf(nowMs);
}

export const EventFilters = z.object({
  types: z
    .array(z.string().refine(isEventType, "Unknown event type."))
    .max(20, "Pick at most 20 event types.")
    .default([]),
  from: DateInput,
  to: DateInput,
});
export type EventFilters = z.infer<typeof EventFilters>;

/** The 45-day rule as a refinement: the page shows its message next to the dates, no call is made. */
export function eventFiltersFor(nowMs: number) {
  const earliest = earliestEventDay(nowMs);
  return EventFilters.superRefine((f, ctx) => {
    if (f.from && f.from < earliest) {
      ctx.addIssue({
        code: "custom",
        path: ["from"],
        message: `MANGOPAY keeps events for ${EVENT_RETENTION_DAYS} days: pick ${earliest} or later.`,
      });
    }
    if (f.to && f.to < earliest) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `MANGOPAY keeps events for ${EVENT_RETENTION_DAYS} days: pick ${earliest} or later.`,
      });
    }
    if (f.from && f.to && f.from > f.to) ctx.addIssue({ code: "custom", path: ["to"], message: RANGE_ORDER_MESSAGE });
  });
}

/** The mirror's filters: the same fields without MANGOPAY's 45-day limit (the mirror keeps older events). */
export const EventHistoryFilters = EventFilters.refine((f) => !f.from || !f.to || f.from <= f.to, {
  path: ["to"],
  message: RANGE_ORDER_MESSAGE,
});

export const ListEventHistoryInput = z.object({
  filters: EventHistoryFilters,
  page: PageQuery.shape.page,
  perPage: PageQuery.shape.perPage,
});
export type ListEventHistoryInput = z.input<typeof ListEventHistoryInput>;

/**
 * Whether the events page reads the mirror: asked for ("History (mirror)", `history=1` in the URL) or
 * needed (the range starts or ends before MANGOPAY's 45 days).
 */
export function readsEventHistory(q: { history?: boolean; from?: string; to?: string }, nowMs: number): boolean {
  const earliest = earliestEventDay(nowMs);
  return q.history === true || (q.from !== undefined && q.from < earliest) || (q.to !== undefined && q.to < earliest);
}

export const ListEventsInput = z.object({
  filters: EventFilters,
  page: PageQuery.shape.page,
  perPage: PageQuery.shape.perPage,
});
export type ListEventsInput = z.input<typeof ListEventsInput>;

export const GetEventResourceInput = z.object({
  resourceId: MangopayId,
  eventType: z.string().refine(isEventType, "Unknown event type."),
});
export type GetEventResourceInput = z.input<typeof GetEventResourceInput>;

/** The events page's searchParams: `types` may repeat; pages and sizes fall back to defaults. */
export const EventsQuery = PageQuery.extend({
  types: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((t) => t !== ""))
    .catch([]),
  from: z.string().optional().catch(undefined),
  to: z.string().optional().catch(undefined),
  history: z
    .string()
    .optional()
    .transform((v) => v === "1")
    .catch(false),
});
export type EventsQuery = z.infer<typeof EventsQuery>;
