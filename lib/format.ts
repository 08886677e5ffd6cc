// Isomorphic date helpers. MANGOPAY timestamps are unix seconds; the UI shows them in the viewer's
// time zone (components/local-time.tsx renders on the client for that reason).

export function fromUnixSeconds(seconds: number): Date {
  return new Date(seconds * 1000);
}

export function toUnixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

// Building an Intl formatter costs far more than formatting with one (a table of 100 rows formats 200
// dates): they are kept per locale, zone and style. An unknown zone still throws, and is not kept.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, timeZone: string | undefined, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ""}|${withTime ? "dt" : "d"}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      dateStyle: "medium",
      ...(withTime ? { timeStyle: "short" } : {}),
      timeZone,
    });
    if (dateFormats.size > 200) dateFormats.clear();
    dateFormats.set(key, format);
  }
  return format;
}

export function formatDateTime(date: Date, timeZone?: string, locale = "en-GB"): string {
  return dateFormat(locale, timeZone, true).format(date);
}

export function formatDate(date: Date, timeZone?: string, locale = "en-GB"): string {
  return dateFormat(locale, timeZone, false).format(date);
}
