"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { setHubRequire2faAction } from "../actions";

export function Require2faForm({ require2fa, membersWithout2fa }: { require2fa: boolean; membersWithout2fa: number }) {
  const [state, action, pending] = useActionState(setHubRequire2faAction, null);
  return (
    <form action={action} className="space-y-4">
      <label className="flex items-start gap-3 text-sm">
        <input type="checkbox" name="require2fa" defaultChecked={require2fa} className="mt-0.5 size-4" />
        <span>
          <span className="font-medium">Require two-factor authentication for every member</span>
          <span className="block text-slate-600">
            Members without it are sent to set it up at their next request and cannot use anything else until they do.
          </span>
        </span>
      </label>
      <p className="text-sm text-slate-600" data-testid="members-without-2fa">
        {membersWithout2fa === 0
          ? "Every member has two-factor authentication."
          : `${membersWithout2fa} member${membersWithout2fa === 1 ? " does" : "s do"} not have two-factor authentication yet.`}
      </p>
      {state ? (
        <p
          role="status"
          className={
            state.ok
              ? "rounded-md bg-green-50 px-3 py-2 text-sm text-green-800"
              : "rounded-md bg-red-50 px-3 py-2 text-sm text-red-700"
          }
        >
          {state.ok
            ? state.data.require2fa
              ? "Saved: two-factor authentication is now required."
              : "Saved: two-factor authentication is optional."
            : state.error}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
