"use client";

import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFormActions, DialogTrigger } from "@/components/ui/dialog";
import { FieldError, FormAlert } from "@/components/ui/form-message";
import { Input, Label } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { useDialogAction, type NoticeFor } from "@/components/use-dialog-action";
import { dashboardPaths } from "@/lib/dashboard-paths";
import type { SsoDTO } from "@/lib/services/sso/dto";
import { createSsoAction, deactivateSsoAction, extendSsoInvitationAction, updateSsoAction } from "../actions";

export type GroupOption = { id: string; name: string };
export type SsoRow = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  permissionGroupId: string;
  tag: string | null;
};

function SsoFields({
  sso,
  groups,
  errors,
  withEmail,
}: {
  sso?: SsoRow;
  groups: GroupOption[];
  errors?: Record<string, string[]>;
  withEmail: boolean;
}) {
  const id = sso?.id ?? "new";
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div className="space-y-1.5">
        <Label htmlFor={`fn-${id}`}>First name</Label>
        <Input id={`fn-${id}`} name="firstName" defaultValue={sso?.firstName} required maxLength={100} />
        <FieldError name="firstName" errors={errors} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor={`ln-${id}`}>Last name</Label>
        <Input id={`ln-${id}`} name="lastName" defaultValue={sso?.lastName} required maxLength={100} />
        <FieldError name="lastName" errors={errors} />
      </div>
      {withEmail ? (
        <div className="space-y-1.5 sm:col-span-2">
          <Label htmlFor={`em-${id}`}>Email (cannot be changed later)</Label>
          <Input id={`em-${id}`} name="email" type="email" required />
          <FieldError name="email" errors={errors} />
          <FieldError name="Email" errors={errors} />
        </div>
      ) : null}
      <div className="space-y-1.5">
        <Label htmlFor={`pg-${id}`}>Permission group</Label>
        <NativeSelect id={`pg-${id}`} name="permissionGroupId" defaultValue={sso?.permissionGroupId ?? "READ"}>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </NativeSelect>
        <FieldError name="permissionGroupId" errors={errors} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor={`tag-${id}`}>Tag (optional)</Label>
        <Input id={`tag-${id}`} name="tag" defaultValue={sso?.tag ?? ""} maxLength={255} />
      </div>
    </div>
  );
}

const ssoNotice =
  (accountId: string, done: string): NoticeFor<SsoDTO> =>
  (sso) => ({
    title: `SSO ${sso.email} ${done}.`,
    href: dashboardPaths(accountId).ssoSettings,
    linkLabel: "Open the SSOs",
  });

export function CreateSsoDialog({ accountId, groups }: { accountId: string; groups: GroupOption[] }) {
  const { open, setOpen, state, action, pending, fieldErrors } = useDialogAction(
    createSsoAction,
    ssoNotice(accountId, "created: invitation emailed"),
  );
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm">New SSO</Button>
      </DialogTrigger>
      <DialogContent
        title="Create an SSO"
        description="MANGOPAY emails an invitation to this person (valid 30 minutes)."
      >
        <form action={action} className="space-y-4">
          <input type="hidden" name="accountId" value={accountId} />
          <SsoFields groups={groups} errors={fieldErrors} withEmail />
          {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
          <DialogFormActions pending={pending} label="Create SSO" pendingLabel="Sending to MANGOPAY…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function EditSsoDialog({ accountId, sso, groups }: { accountId: string; sso: SsoRow; groups: GroupOption[] }) {
  const { open, setOpen, state, action, pending, fieldErrors } = useDialogAction(
    updateSsoAction,
    ssoNotice(accountId, "saved"),
  );
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="ghost">
          Edit
        </Button>
      </DialogTrigger>
      <DialogContent title={`Edit ${sso.email}`}>
        <form action={action} className="space-y-4">
          <input type="hidden" name="accountId" value={accountId} />
          <input type="hidden" name="ssoId" value={sso.id} />
          <SsoFields sso={sso} groups={groups} errors={fieldErrors} withEmail={false} />
          {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
          <DialogFormActions pending={pending} label="Save" pendingLabel="Sending to MANGOPAY…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function DeactivateSsoDialog({ accountId, sso }: { accountId: string; sso: SsoRow }) {
  const { open, setOpen, state, action, pending } = useDialogAction(
    deactivateSsoAction,
    ssoNotice(accountId, "deactivated"),
  );
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="ghost" className="text-red-700 hover:bg-red-50">
          Deactivate
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Deactivate ${sso.email}?`}
        description="The SSO can no longer sign in to MANGOPAY's dashboard, and a Hub member with this email immediately loses the dashboard access that came from it."
      >
        <form action={action} className="space-y-4">
          <input type="hidden" name="accountId" value={accountId} />
          <input type="hidden" name="ssoId" value={sso.id} />
          {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
          <DialogFormActions pending={pending} label="Deactivate" pendingLabel="Sending to MANGOPAY…" danger />
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function ReinviteSsoButton({ accountId, ssoId }: { accountId: string; ssoId: string }) {
  const { state, action, pending } = useDialogAction(extendSsoInvitationAction, ssoNotice(accountId, "invited again"));
  return (
    <form action={action} className="inline">
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="ssoId" value={ssoId} />
      <Button type="submit" size="sm" variant="ghost" disabled={pending}>
        {pending ? "…" : "Re-invite"}
      </Button>
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
