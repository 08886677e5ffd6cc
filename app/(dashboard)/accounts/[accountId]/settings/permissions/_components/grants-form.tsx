"use client";

import { useActionState } from "react";
import { ScopeMatrix } from "@/components/scope-matrix";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-message";
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
  const [state, action, pending] = useActionState(updateAccountGrantsAction, null);
  return (
    <form action={action} className="space-y-3" aria-label={`Permissions of ${email}`}>
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <ScopeMatrix checked={grants} allowed={allowed} disabled={readOnly} labelSuffix={`for ${email}`} />
      {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
      {state?.ok ? (
        <FormAlert tone="success">Saved. The change applies at {email}&apos;s next request.</FormAlert>
      ) : null}
      {readOnly ? null : (
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Saving…" : "Save permissions"}
        </Button>
      )}
    </form>
  );
}
