// The Analytics page's period and grouping, and the buckets of a period. Pure: the page, the service
// and the unit tests share it. Days are calendar days in the member's time zone (`YYYY-MM-DD`).
import { z } from "zod";
import { RANGE_ORDER_MESSAGE } from "@/lib/services/mangopay/date-range";

export const PERIOD_PRESETS = {
  "30d": { label: "Last 30 days", days: 30 },
  quarter: { label: "Last quarter (90 days)", days: 90 },
  year: { label: "Last year (365 days)", days: 365 },
} as const;
export type PeriodPreset = keyof typeof PERIOD_PRESETS;

export const GRANULARITIES = ["day", "week", "month"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export const ANALYTICS_TYPES = ["PAYIN", "PAYOUT", "TRANSFER"] as const;

/** At most this many points per series (a day per point over three years). */
export const MAX_BUCKETS = 1100;

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Pick a date")
  .refine((d) => !Number.isNaN(Date.parse(d)), "Pick a date");

export const TransactionSeriesInput = z
  .object({
    from: Day,
    to: Day,
    granularity: z.enum(GRANULARITIES).default("day"),
    type: z.enum(ANALYTICS_TYPES).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: RANGE_ORDER_MESSAGE });
    else if (bucketsBetween(v.from, v.to, v.granularity).length > MAX_BUCKETS)
      ctx.addIssue({
        code: "custom",
        path: ["granularity"],
        message: `That is more than ${MAX_BUCKETS} points: group by week or month, or pick a shorter period.`,
      });
  });
export type TransactionSeriesInput = z.input<typeof TransactionSeriesInput>;

/** The page's searchParams: a preset or a custom range, a grouping and an optional type. */
export const AnalyticsQuery = z.object({
  period: z.enum(["30d", "quarter", "year", "custom"]).catch("30d"),
  from: z.string().optional().catch(undefined),
  to: z.string().optional().catch(undefined),
  granularity: z.enum(GRANULARITIES).optional().catch(undefined),
  type: z.enum(ANALYTICS_TYPES).optional().catch(undefined),
});
export type AnalyticsQuery = z.infer<typeof AnalyticsQuery>;

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** Today's date in a time zone (UTC when none or unknown). */
export function todayIn(timeZone: string | null | undefined, now: Date): string {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone: timeZone || "UTC", dateStyle: "short" }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** The period a query names: a preset ending today, or its custom days; grouping by a sensible default. */
export function periodOf(
  q: AnalyticsQuery,
  today: string,
): { from: string; to: string; granularity: Granularity; type?: (typeof ANALYTICS_TYPES)[number] } {
  if (q.period === "custom")
    return { from: q.from ?? today, to: q.to ?? today, granularity: q.granularity ?? "day", type: q.type };
  const { days } = PERIOD_PRESETS[q.period];
  const granularity = q.granularity ?? (q.period === "year" ? "month" : q.period === "quarter" ? "week" : "day");
  return { from: dayOf(msOf(today) - (days - 1) * DAY_MS), to: today, granularity, type: q.type };
}

/** The start day of the bucket holding `day`: itself, its ISO week's Monday, or its month's first. */
export function bucketOf(day: string, granularity: Granularity): string {
  if (granularity === "day") return day;
  if (granularity === "month") return `${day.slice(0, 7)}-01`;
  const ms = msOf(day);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  return dayOf(ms - weekday * DAY_MS);
}

/** Every bucket start from the one holding `from` to the one holding `to`, in order. */
export function bucketsBetween(from: string, to: string, granularity: Granularity): string[] {
  const out: string[] = [];
  let cur = bucketOf(from, granularity);
  const last = bucketOf(to, granularity);
  while (cur <= last && out.length <= MAX_BUCKETS) {
    out.push(cur);
    if (granularity === "day") cur = dayOf(msOf(cur) + DAY_MS);
    else if (granularity === "week") cur = dayOf(msOf(cur) + 7 * DAY_MS);
    else {
      const d = new Date(msOf(cur));
      cur = dayOf(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
    }
  }
  return out;
}
