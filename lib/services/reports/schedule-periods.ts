// Which period a schedule covers when it fires: the previous complete UTC day, ISO week (Monday to
// Sunday), calendar month or calendar quarter before `now`. Pure.
import type { ReportSchedule } from "@/lib/report-catalog";

const DAY_MS = 86_400_000;

export function previousPeriod(schedule: ReportSchedule, now: Date): { start: Date; end: Date } {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const today = Date.UTC(y, m, now.getUTCDate());
  switch (schedule) {
    case "DAILY":
      return { start: new Date(today - DAY_MS), end: new Date(today) };
    case "WEEKLY": {
      const sinceMonday = (now.getUTCDay() + 6) % 7;
      const thisMonday = today - sinceMonday * DAY_MS;
      return { start: new Date(thisMonday - 7 * DAY_MS), end: new Date(thisMonday) };
    }
    case "MONTHLY":
      return { start: new Date(Date.UTC(y, m - 1, 1)), end: new Date(Date.UTC(y, m, 1)) };
    case "QUARTERLY": {
      const quarterStart = m - (m % 3);
      return { start: new Date(Date.UTC(y, quarterStart - 3, 1)), end: new Date(Date.UTC(y, quarterStart, 1)) };
    }
  }
}

/** One key per definition, schedule and period: the unit that must run exactly once. */
export function scheduleKeyOf(definitionId: string, schedule: ReportSchedule, start: Date): string {
  return `${definitionId}:${schedule}:${start.toISOString().slice(0, 10)}`;
}
