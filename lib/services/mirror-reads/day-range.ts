// Inclusive `YYYY-MM-DD` days (UTC) as a half-open timestamp range for mirror queries. Pure.
const DAY_MS = 86_400_000;

export function utcDayRange(range: { from?: string; to?: string }): { gte?: Date; lt?: Date } {
  return {
    ...(range.from ? { gte: new Date(`${range.from}T00:00:00Z`) } : {}),
    ...(range.to ? { lt: new Date(Date.parse(`${range.to}T00:00:00Z`) + DAY_MS) } : {}),
  };
}
