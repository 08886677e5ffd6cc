"use client";

import { formatDate, formatDateTime } from "@/lib/format";
import { useDisplayTimeZone } from "./time-zone";

/**
 * A timestamp in the member's time zone (profile setting, else the browser's), with the UTC value
 * on hover. The ISO value stays in `dateTime`.
 */
export function LocalTime({ iso, dateOnly = false }: { iso: string; dateOnly?: boolean }) {
  const zone = useDisplayTimeZone();
  const date = new Date(iso);
  const text = dateOnly ? formatDate(date, zone) : formatDateTime(date, zone);
  const utc = `${formatDateTime(date, "UTC")} UTC`;
  return (
    <time dateTime={iso} title={utc} className="whitespace-nowrap">
      {text}
      {zone === "UTC" ? " UTC" : ""}
    </time>
  );
}

/** The dashboard's name for it: every date in the dashboard goes through this one component. */
export { LocalTime as DateTime };

/** A nullable ISO date, with a dash when absent. */
export function MaybeTime({ iso, dateOnly }: { iso: string | null | undefined; dateOnly?: boolean }) {
  return iso ? <LocalTime iso={iso} dateOnly={dateOnly} /> : <span className="text-slate-400">—</span>;
}
