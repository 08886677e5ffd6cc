import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/select";
import { switchHubAction } from "../hub/actions";

/** Shown only to members of several Hubs. A plain form: works without JavaScript and by keyboard. */
export function HubSwitcher({ hubs, currentHubId }: { hubs: { id: string; name: string }[]; currentHubId: string }) {
  if (hubs.length < 2) return null;
  return (
    <form action={switchHubAction} className="flex items-center gap-2">
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
      <Button type="submit" size="sm" variant="secondary">
        Switch
      </Button>
    </form>
  );
}
