"use client";

import { useActionState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { setTimeZoneAction } from "../actions";
import { FieldError, FormAlert } from "@/components/ui/form-message";

const subscribe = () => () => undefined;

/** Dates in the dashboard use this zone; "Browser default" follows the device. UTC stays on hover. */
export function TimeZoneForm({ current, zones }: { current: string | null; zones: string[] }) {
  const [state, action, pending] = useActionState(setTimeZoneAction, null);
  const browser = useSyncExternalStore(
    subscribe,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => "",
  );
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <div className="space-y-1">
        <label htmlFor="timeZone" className="block text-sm font-medium">
          Time zone
        </label>
        <select
          id="timeZone"
          name="timeZone"
          defaultValue={current ?? ""}
          aria-describedby="timeZone-error"
          className="h-10 rounded-md border border-slate-300 bg-white px-2 text-sm"
        >
          <option value="">Browser default{browser ? ` (${browser})` : ""}</option>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save time zone"}
      </Button>
      {state?.ok ? <FormAlert tone="success">Saved.</FormAlert> : null}
      {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
      <FieldError id="timeZone-error" errors={state && !state.ok ? state.fieldErrors : undefined} name="timeZone" />
    </form>
  );
}
