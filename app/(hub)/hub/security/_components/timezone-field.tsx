"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/** Submits the viewer's UTC offset so date filters mean their local days (server renders "0"). */
export function TimezoneField() {
  const offset = useSyncExternalStore(
    subscribe,
    () => String(new Date().getTimezoneOffset()),
    () => "0",
  );
  return <input type="hidden" name="tz" value={offset} />;
}
