"use client";

import { signOut } from "next-auth/react";
import { useActionState, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFormActions, DialogTrigger } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-message";
import { signOutEverywhereAction } from "../actions";

export function SignOutEverywhere() {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(signOutEverywhereAction, null);
  useEffect(() => {
    // Every session, this one included, is now refused by the server; clear this browser's cookie too.
    if (state?.ok) void signOut({ callbackUrl: "/sign-in" });
  }, [state]);

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="danger">Sign out everywhere</Button>
      </DialogTrigger>
      <DialogContent
        title="Sign out of every session?"
        description="All browsers and devices signed in to your account, including this one, will be signed out at their next request."
      >
        <form action={action} className="space-y-4">
          {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
          <DialogFormActions
            pending={pending || Boolean(state?.ok)}
            label="Sign out everywhere"
            pendingLabel="Signing out…"
            danger
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
