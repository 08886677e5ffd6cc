"use client";

import { useSyncExternalStore } from "react";
import { formatDate, formatDateTime } from "@/lib/format";

const subscribe = () => () => undefined;

/**
 * A timestamp in the viewer's own time zone. The server renders UTC (it cannot know the zone);
 * the browser re-renders with its zone after hydration. The ISO value stays in `dateTime`.
 */
export function LocalTime({ iso, dateOnly = false }: { iso: string; dateOnly?: boolean }) {
  const zone = useSyncExternalStore(
    subscribe,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => "UTC",
  );
  const date = new Date(iso);
  const text = dateOnly ? formatDate(date, zone) : formatDateTime(date, zone);
  return (
    <time dateTime={iso} title={`${iso} (UTC)`}>
      {text}
      {zone === "UTC" ? " UTC" : ""}
    </time>
  );
}
