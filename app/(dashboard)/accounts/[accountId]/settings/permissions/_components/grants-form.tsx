"use client";

import { ScopeMatrix } from "@/components/scope-matrix";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-message";
import { useAnnouncedAction } from "@/components/use-dialog-action";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { updateAccountGrantsAction } from "../actions";

type Props = {
  accountId: string;
  membershipId: string;
  email: string;
  allowed: string[];
  grants: string[];
  readOnly: boolean;
};

/** One member's grants on this account; only what the member's role allows can be ticked. */
export function GrantsForm({ accountId, membershipId, email, allowed, grants, readOnly }: Props) {
  const [state, action, pending] = useAnnouncedAction(updateAccountGrantsAction, () => ({
    title: `Saved. The change applies at ${email}'s next request.`,
    href: dashboardPaths(accountId).permissionSettings,
    linkLabel: "Open the permissions",
  }));
  return (
    <form action={action} className="space-y-3" aria-label={`Permissions of ${email}`}>
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <ScopeMatrix checked={grants} allowed={allowed} disabled={readOnly} labelSuffix={`for ${email}`} />
      {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
      {readOnly ? null : (
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Saving…" : "Save permissions"}
        </Button>
      )}
    </form>
  );
}
