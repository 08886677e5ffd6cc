"use client";

import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFormActions, DialogTrigger } from "@/components/ui/dialog";
import { FieldError, FormAlert } from "@/components/ui/form-message";
import { Input, Label } from "@/components/ui/input";
import { useDialogAction } from "@/components/use-dialog-action";
import {
  deleteApiAccountAction,
  renameApiAccountAction,
  rotateApiKeyAction,
  setEventRetentionAction,
} from "../actions";

type Account = {
  id: string;
  name: string;
  environment: "SANDBOX" | "PRODUCTION";
  apiKeyLast4: string;
  eventRetentionDays: number;
};

function RenameDialog({ account }: { account: Account }) {
  const { open, setOpen, state, action, pending, fieldErrors: errors } = useDialogAction(renameApiAccountAction);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="ghost">
          Rename
        </Button>
      </DialogTrigger>
      <DialogContent title={`Rename “${account.name}”`}>
        <form action={action} className="space-y-4">
          <input type="hidden" name="accountId" value={account.id} />
          <div className="space-y-1.5">
            <Label htmlFor={`rename-${account.id}`}>New name</Label>
            <Input id={`rename-${account.id}`} name="name" defaultValue={account.name} maxLength={80} required />
            <FieldError name="name" errors={errors} />
          </div>
          {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
          <DialogFormActions pending={pending} label="Save" pendingLabel="Saving…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}

function RotateDialog({ account }: { account: Account }) {
  const { open, setOpen, state, action, pending, fieldErrors: errors } = useDialogAction(rotateApiKeyAction);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="ghost">
          Rotate key
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Rotate the API key"
        description={`The current key ends in …${account.apiKeyLast4}. The new key is checked with MANGOPAY before it replaces it.`}
      >
        <form action={action} className="space-y-4">
          <input type="hidden" name="accountId" value={account.id} />
          <div className="space-y-1.5">
            <Label htmlFor={`rotate-${account.id}`}>New API key</Label>
            <Input id={`rotate-${account.id}`} name="apiKey" type="password" autoComplete="off" required />
            <FieldError name="apiKey" errors={errors} />
          </div>
          {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
          <DialogFormActions pending={pending} label="Verify and replace" pendingLabel="Checking with MANGOPAY…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}

function RetentionDialog({ account }: { account: Account }) {
  const { open, setOpen, state, action, pending, fieldErrors: errors } = useDialogAction(setEventRetentionAction);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="ghost">
          Event history
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Event history of “${account.name}”`}
        description="The local mirror keeps this account's events beyond MANGOPAY's 45 days. A daily job deletes those older than this."
      >
        <form action={action} className="space-y-4">
          <input type="hidden" name="accountId" value={account.id} />
          <div className="space-y-1.5">
            <Label htmlFor={`retention-${account.id}`}>Keep events for (days)</Label>
            <Input
              id={`retention-${account.id}`}
              name="days"
              type="number"
              min={45}
              max={3650}
              defaultValue={account.eventRetentionDays}
              required
            />
            <FieldError name="days" errors={errors} />
          </div>
          {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
          <DialogFormActions pending={pending} label="Save" pendingLabel="Saving…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}

function DeleteDialog({ account }: { account: Account }) {
  const { open, setOpen, state, action, pending, fieldErrors: errors } = useDialogAction(deleteApiAccountAction);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="ghost" className="text-red-700 hover:bg-red-50">
          Delete
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Delete “${account.name}”?`}
        description="The stored key and every member's access to this dashboard are removed. Nothing changes at MANGOPAY. The security history keeps its records."
      >
        <form action={action} className="space-y-4">
          <input type="hidden" name="accountId" value={account.id} />
          {account.environment === "PRODUCTION" ? <FormAlert>This is a production account.</FormAlert> : null}
          <div className="space-y-1.5">
            <Label htmlFor={`delete-${account.id}`}>
              Type <span className="font-mono">{account.name}</span> to confirm
            </Label>
            <Input id={`delete-${account.id}`} name="confirmName" autoComplete="off" required />
            <FieldError name="confirmName" errors={errors} />
          </div>
          {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
          <DialogFormActions pending={pending} label="Delete account" pendingLabel="Deleting…" danger />
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function AccountActions({ account }: { account: Account }) {
  return (
    <div className="flex items-center gap-1">
      <RenameDialog account={account} />
      <RotateDialog account={account} />
      <RetentionDialog account={account} />
      <DeleteDialog account={account} />
    </div>
  );
}
