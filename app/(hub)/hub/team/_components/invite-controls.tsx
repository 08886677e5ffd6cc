"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFormActions, DialogTrigger } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-message";
import { useDialogAction } from "@/components/use-dialog-action";
import { resendInviteAction, revokeInviteAction } from "../actions";
import { InviteLink } from "./invite-link";

export function ResendInvite({ inviteId }: { inviteId: string }) {
  const [state, action, pending] = useActionState(resendInviteAction, null);
  return (
    <div className="space-y-2">
      <form action={action}>
        <input type="hidden" name="inviteId" value={inviteId} />
        <Button type="submit" size="sm" variant="ghost" disabled={pending}>
          {pending ? "Resending…" : "Resend"}
        </Button>
      </form>
      {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
      {state?.ok && state.data.invitePath ? (
        <InviteLink email={state.data.email} path={state.data.invitePath} emailError={state.data.emailError} />
      ) : null}
      {state?.ok && state.data.emailed ? (
        <FormAlert tone="success">Sent again. The previous link no longer works.</FormAlert>
      ) : null}
    </div>
  );
}

export function RevokeInvite({ inviteId, email }: { inviteId: string; email: string }) {
  const { open, setOpen, state, action, pending } = useDialogAction(revokeInviteAction);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="ghost" className="text-red-700 hover:bg-red-50">
          Revoke
        </Button>
      </DialogTrigger>
      <DialogContent title={`Revoke the invitation of ${email}?`} description="The link stops working immediately.">
        <form action={action} className="space-y-4">
          <input type="hidden" name="inviteId" value={inviteId} />
          {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
          <DialogFormActions
            pending={pending}
            label="Revoke invitation"
            pendingLabel="Revoking…"
            cancelLabel="Keep"
            danger
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
