"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-message";
import { NativeSelect } from "@/components/ui/select";
import { switchHubAction } from "../hub/actions";

/**
 * Shown only to members of several Hubs. A plain form posting to the server action: works without
 * JavaScript (progressive enhancement) and by keyboard; the action redirects to /hub.
 */
export function HubSwitcher({ hubs, currentHubId }: { hubs: { id: string; name: string }[]; currentHubId: string }) {
  const [state, action, pending] = useActionState(switchHubAction, null);
  if (hubs.length < 2) return null;
  return (
    <form action={action} className="flex items-center gap-2">
      <label htmlFor="hub-switcher" className="sr-only">
        Current Hub
      </label>
      <NativeSelect id="hub-switcher" name="hubId" defaultValue={currentHubId} className="h-8 w-44">
        {hubs.map((h) => (
          <option key={h.id} value={h.id}>
            {h.name}
          </option>
        ))}
      </NativeSelect>
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        Switch
      </Button>
      {state && !state.ok ? <FormAlert className="py-1 text-xs">{state.error}</FormAlert> : null}
    </form>
  );
}
