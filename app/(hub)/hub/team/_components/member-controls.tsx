"use client";

import { useActionState } from "react";
import { EnvironmentBadge } from "@/components/environment-badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFormActions, DialogTrigger } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-message";
import { NativeSelect } from "@/components/ui/select";
import { useDialogAction } from "@/components/use-dialog-action";
import { changeMemberAccessAction, changeMemberRoleAction, removeMemberAction } from "../actions";
import type { AccountOption, RoleOption } from "./invite-form";

type Member = { membershipId: string; email: string; role: string; accountIds: string[] };

export function RoleForm({ member, roles, disabled }: { member: Member; roles: RoleOption[]; disabled: boolean }) {
  const [state, action, pending] = useActionState(changeMemberRoleAction, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="membershipId" value={member.membershipId} />
      <label className="sr-only" htmlFor={`role-${member.membershipId}`}>
        Role of {member.email}
      </label>
      <NativeSelect
        id={`role-${member.membershipId}`}
        name="role"
        defaultValue={member.role}
        disabled={disabled}
        className="h-8 w-36"
      >
        {roles.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </NativeSelect>
      {!disabled ? (
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>
          {pending ? "…" : "Save"}
        </Button>
      ) : null}
      {state && !state.ok ? (
        <span role="alert" className="max-w-48 text-xs text-red-700">
          {state.error}
        </span>
      ) : null}
      {state?.ok ? <span className="text-xs text-emerald-700">Saved</span> : null}
    </form>
  );
}

export function AccessDialog({ member, accounts }: { member: Member; accounts: AccountOption[] }) {
  const { open, setOpen, state, action, pending } = useDialogAction(changeMemberAccessAction);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="ghost">
          Accounts
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`API accounts of ${member.email}`}
        description="New accounts start with the role's default permissions; fine-tune them in each dashboard."
      >
        <form action={action} className="space-y-4">
          <input type="hidden" name="membershipId" value={member.membershipId} />
          <div className="space-y-2">
            {accounts.map((a) => (
              <label key={a.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="accountIds"
                  value={a.id}
                  defaultChecked={member.accountIds.includes(a.id)}
                />
                {a.name}
                <EnvironmentBadge environment={a.environment} />
              </label>
            ))}
          </div>
          {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
          <DialogFormActions pending={pending} label="Save access" pendingLabel="Saving…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function RemoveDialog({ member }: { member: Member }) {
  const { open, setOpen, state, action, pending } = useDialogAction(removeMemberAction);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="ghost" className="text-red-700 hover:bg-red-50">
          Remove
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Remove ${member.email}?`}
        description="They lose access to the Hub and to every dashboard at their next request. Their user account is kept."
      >
        <form action={action} className="space-y-4">
          <input type="hidden" name="membershipId" value={member.membershipId} />
          {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
          <DialogFormActions pending={pending} label="Remove member" pendingLabel="Removing…" danger />
        </form>
      </DialogContent>
    </Dialog>
  );
}
