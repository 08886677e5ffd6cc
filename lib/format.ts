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

/** "42 seconds ago", "5 minutes ago", "3 hours ago", "2 days ago": how long since the mirror synced. */
export function syncedAgo(seconds: number): string {
  if (seconds < 120) return `${seconds} seconds ago`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} minutes ago`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} hours ago`;
  return `${Math.round(seconds / 86_400)} days ago`;
}
