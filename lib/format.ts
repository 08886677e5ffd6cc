// Isomorphic date helpers. MANGOPAY timestamps are unix seconds; the UI shows them in the viewer's
// time zone (components/local-time.tsx renders on the client for that reason).

export function fromUnixSeconds(seconds: number): Date {
  return new Date(seconds * 1000);
}

export function toUnixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

export function formatDateTime(date: Date, timeZone?: string, locale = "en-GB"): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(date);
}

export function formatDate(date: Date, timeZone?: string, locale = "en-GB"): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(date);
}
