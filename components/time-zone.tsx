"use client";

import { createContext, useContext, useSyncExternalStore } from "react";

/** The member's chosen time zone (profile setting); null = the browser's own. */
const PreferredZone = createContext<string | null>(null);

export function TimeZoneProvider({ zone, children }: { zone: string | null; children: React.ReactNode }) {
  return <PreferredZone.Provider value={zone}>{children}</PreferredZone.Provider>;
}

const subscribe = () => () => undefined;

/**
 * The zone dates are shown in: the member's setting, else the browser's zone after hydration.
 * The server renders UTC when it cannot know the browser's zone.
 */
export function useDisplayTimeZone(): string {
  const preferred = useContext(PreferredZone);
  const browser = useSyncExternalStore(
    subscribe,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => "UTC",
  );
  return preferred ?? browser;
}
