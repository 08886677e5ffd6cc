"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-message";
import { syncSsoGrantsAction } from "../../sso/actions";

export function SyncFromSsoButton({ accountId }: { accountId: string }) {
  const [state, action, pending] = useActionState(syncSsoGrantsAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="accountId" value={accountId} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {pending ? "Reading SSOs from MANGOPAY…" : "Sync from SSO"}
      </Button>
      {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
      {state?.ok ? (
        <FormAlert tone="success">
          {state.data.granted} member(s) updated from their SSO, {state.data.revoked} lost SSO access.
        </FormAlert>
      ) : null}
    </form>
  );
}
