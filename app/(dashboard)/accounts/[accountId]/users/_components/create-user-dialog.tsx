"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFormActions, DialogTrigger } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-message";
import { useDialogForm } from "@/components/use-dialog-action";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { createUserAction } from "../actions";
import { UserFields } from "./user-fields";

/** The users page's "+": shown only to members holding users.create (the page decides). */
export function CreateUserDialog({ accountId }: { accountId: string }) {
  const { open, setOpen, state, onSubmit, pending, fieldErrors } = useDialogForm(createUserAction, (user) => ({
    title: `User ${user.name} created.`,
    href: dashboardPaths(accountId).user(user.id),
    linkLabel: `Open ${user.id}`,
  }));
  const [formKey, setFormKey] = useState(0);
  return (
    <div className="flex flex-col items-end gap-2">
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (next) setFormKey((k) => k + 1);
        }}
      >
        <DialogTrigger asChild>
          <Button size="sm">+ Add user</Button>
        </DialogTrigger>
        <DialogContent
          title="Add a user"
          description="Creates the user at MANGOPAY. Fields MANGOPAY refuses are shown beside them."
          className="max-h-[90vh] max-w-2xl overflow-y-auto"
        >
          <form key={formKey} onSubmit={onSubmit} className="space-y-4" noValidate>
            <input type="hidden" name="accountId" value={accountId} />
            <UserFields errors={fieldErrors} />
            {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
            <DialogFormActions pending={pending} label="Create user" pendingLabel="Sending to MANGOPAY…" />
          </form>
        </DialogContent>
      </Dialog>
    </div>
  );
}
