"use client";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-message";
import { useAnnouncedAction } from "@/components/use-dialog-action";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { syncSsoGrantsAction } from "../../sso/actions";

export function SyncFromSsoButton({ accountId }: { accountId: string }) {
  const [state, action, pending] = useAnnouncedAction(syncSsoGrantsAction, (r) => ({
    title: `${r.granted} member(s) updated from their SSO, ${r.revoked} lost SSO access.`,
    href: dashboardPaths(accountId).permissionSettings,
    linkLabel: "Open the permissions",
  }));
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="accountId" value={accountId} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {pending ? "Reading SSOs from MANGOPAY…" : "Sync from SSO"}
      </Button>
      {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
    </form>
  );
}
