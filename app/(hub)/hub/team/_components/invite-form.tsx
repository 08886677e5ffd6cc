"use client";

import { EnvironmentBadge } from "@/components/environment-badge";
import { Button } from "@/components/ui/button";
import { FieldError, FormAlert } from "@/components/ui/form-message";
import { Input, Label } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { useFormAction } from "@/components/use-form-action";
import { createInviteAction } from "../actions";
import { InviteLink } from "./invite-link";

export type AccountOption = { id: string; name: string; environment: "SANDBOX" | "PRODUCTION" };
export type RoleOption = { value: string; label: string };

export function InviteForm({ roles, accounts }: { roles: RoleOption[]; accounts: AccountOption[] }) {
  const { state, onSubmit, pending, fieldErrors: errors } = useFormAction(createInviteAction);
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="grid gap-4 md:grid-cols-[2fr_1fr]" noValidate>
        <div className="space-y-1.5">
          <Label htmlFor="invite-email">Email</Label>
          <Input
            id="invite-email"
            name="email"
            type="email"
            required
            autoComplete="off"
            aria-invalid={Boolean(errors?.email)}
            aria-describedby="email-error"
          />
          <FieldError name="email" errors={errors} />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="invite-role">Role</Label>
          <NativeSelect id="invite-role" name="role" defaultValue="READ_ONLY">
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </NativeSelect>
          <FieldError name="role" errors={errors} />
        </div>
        <fieldset className="space-y-2 md:col-span-2">
          <legend className="text-sm font-medium text-slate-700">API accounts</legend>
          {accounts.length === 0 ? (
            <p className="text-sm text-slate-500">
              No API account yet: the member will see none until you grant access.
            </p>
          ) : null}
          <div className="flex flex-wrap gap-3">
            {accounts.map((a) => (
              <label
                key={a.id}
                className="flex items-center gap-2 rounded-md border border-slate-200 px-3 py-1.5 text-sm"
              >
                <input type="checkbox" name="accountIds" value={a.id} />
                {a.name}
                <EnvironmentBadge environment={a.environment} />
              </label>
            ))}
          </div>
        </fieldset>
        <div className="md:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? "Inviting…" : "Send invitation"}
          </Button>
        </div>
      </form>
      {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
      {state?.ok && state.data.invitePath ? (
        <InviteLink email={state.data.email} path={state.data.invitePath} emailError={state.data.emailError} />
      ) : null}
      {state?.ok && state.data.emailed ? (
        <FormAlert tone="success">Invitation emailed to {state.data.email}.</FormAlert>
      ) : null}
    </div>
  );
}
