// Strict calendar dates for filters: "YYYY-MM-DD" that names a real day (no 2020-13-45, no
// 2021-02-29), between years 2000 and 2999. Anything else is refused with one clear message.
export const CALENDAR_DATE_MESSAGE = "Enter a real date as YYYY-MM-DD (for example 2026-01-31).";

export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 2000 || year > 2999) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}
