"use client";

import { signOut } from "next-auth/react";
import { useActionState, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { signOutEverywhereAction } from "../actions";
import { ConfirmDialog, DialogCancel } from "./confirm-dialog";
import { FormStatus } from "./form-bits";

export function SignOutEverywhere() {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(signOutEverywhereAction, null);
  useEffect(() => {
    // Every session, this one included, is now refused by the server; clear this browser's cookie too.
    if (state?.ok) void signOut({ callbackUrl: "/sign-in" });
  }, [state]);

  return (
    <ConfirmDialog
      trigger="Sign out everywhere"
      title="Sign out of every session?"
      description="All browsers and devices signed in to your account, including this one, will be signed out at their next request."
      open={open}
      onOpenChange={setOpen}
    >
      <form action={action} className="space-y-4">
        {state && !state.ok ? <FormStatus state={state} /> : null}
        <div className="flex justify-end gap-2">
          <DialogCancel />
          <Button type="submit" variant="danger" disabled={pending || state?.ok}>
            {pending || state?.ok ? "Signing out…" : "Sign out everywhere"}
          </Button>
        </div>
      </form>
    </ConfirmDialog>
  );
}
