"use client";

import { ScopeMatrix } from "@/components/scope-matrix";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFormActions, DialogTrigger } from "@/components/ui/dialog";
import { FieldError, FormAlert } from "@/components/ui/form-message";
import { Input, Label } from "@/components/ui/input";
import { useDialogAction, type NoticeFor } from "@/components/use-dialog-action";
import { dashboardPaths } from "@/lib/dashboard-paths";
import type { PermissionGroupDTO } from "@/lib/services/sso/dto";
import { createPermissionGroupAction, updatePermissionGroupAction } from "../actions";

type Group = { id: string; name: string; tag: string | null; grants: string[] };

function GroupForm({
  accountId,
  group,
  action,
  pending,
  error,
  fieldErrors,
}: {
  accountId: string;
  group?: Group;
  action: (form: FormData) => void;
  pending: boolean;
  error: string | null;
  fieldErrors?: Record<string, string[]>;
}) {
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="accountId" value={accountId} />
      {group ? <input type="hidden" name="permissionGroupId" value={group.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1.5">
          <Label htmlFor={`gn-${group?.id ?? "new"}`}>Name</Label>
          <Input id={`gn-${group?.id ?? "new"}`} name="name" defaultValue={group?.name} required maxLength={100} />
          <FieldError name="name" errors={fieldErrors} />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor={`gt-${group?.id ?? "new"}`}>Tag (optional)</Label>
          <Input id={`gt-${group?.id ?? "new"}`} name="tag" defaultValue={group?.tag ?? ""} maxLength={255} />
        </div>
      </div>
      <div className="max-h-80 overflow-y-auto rounded border border-slate-200 p-2">
        <ScopeMatrix checked={group?.grants ?? []} />
      </div>
      {error ? <FormAlert>{error}</FormAlert> : null}
      <DialogFormActions pending={pending} label="Save group" pendingLabel="Sending to MANGOPAY…" />
    </form>
  );
}

const groupNotice =
  (accountId: string, done: string): NoticeFor<PermissionGroupDTO> =>
  (group) => ({
    title: `Permission group “${group.name}” ${done}.`,
    href: dashboardPaths(accountId).ssoSettings,
    linkLabel: "Open the permission groups",
  });

export function CreateGroupDialog({ accountId }: { accountId: string }) {
  const { open, setOpen, state, action, pending, fieldErrors } = useDialogAction(
    createPermissionGroupAction,
    groupNotice(accountId, "created"),
  );
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm">New permission group</Button>
      </DialogTrigger>
      <DialogContent title="Create a permission group" className="max-w-2xl">
        <GroupForm
          accountId={accountId}
          action={action}
          pending={pending}
          error={state && !state.ok ? state.error : null}
          fieldErrors={fieldErrors}
        />
      </DialogContent>
    </Dialog>
  );
}

export function EditGroupDialog({ accountId, group }: { accountId: string; group: Group }) {
  const { open, setOpen, state, action, pending, fieldErrors } = useDialogAction(
    updatePermissionGroupAction,
    groupNotice(accountId, "saved"),
  );
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="ghost">
          Edit
        </Button>
      </DialogTrigger>
      <DialogContent title={`Edit “${group.name}”`} className="max-w-2xl">
        <GroupForm
          accountId={accountId}
          group={group}
          action={action}
          pending={pending}
          error={state && !state.ok ? state.error : null}
          fieldErrors={fieldErrors}
        />
      </DialogContent>
    </Dialog>
  );
}
