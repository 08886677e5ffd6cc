"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFormActions, DialogTrigger } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-message";
import { useDialogForm } from "@/components/use-dialog-action";
import { AddressFields, TextField } from "../../../_components/form-fields";
import { addUboAction, createUboDeclarationAction, submitUboDeclarationAction } from "../actions";

type Ids = { accountId: string; userId: string };
export type EditableDeclaration = { id: string; status: string; activeUbos: number };

function Hidden({ accountId, userId, declarationId }: Ids & { declarationId?: string }) {
  return (
    <>
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="userId" value={userId} />
      {declarationId ? <input type="hidden" name="declarationId" value={declarationId} /> : null}
    </>
  );
}

/** A legal user's UBO declaration: start one, add its beneficial owners, submit it for review. */
export function UboControls({ ids, declaration }: { ids: Ids; declaration: EditableDeclaration | null }) {
  const [started, start, starting] = useActionState(createUboDeclarationAction, null);
  const [submitted, submit, submitting] = useActionState(submitUboDeclarationAction, null);
  if (!declaration)
    return (
      <form action={start} className="inline-flex flex-col gap-1">
        <Hidden {...ids} />
        <Button size="sm" variant="secondary" disabled={starting}>
          {starting ? "Sending to MANGOPAY…" : "Start UBO declaration"}
        </Button>
        {started && !started.ok ? <FormAlert>{started.error}</FormAlert> : null}
      </form>
    );
  return (
    <>
      <AddUboDialog ids={ids} declarationId={declaration.id} />
      <form action={submit} className="inline-flex flex-col gap-1">
        <Hidden {...ids} declarationId={declaration.id} />
        <Button size="sm" variant="secondary" disabled={submitting || declaration.activeUbos === 0}>
          {submitting ? "Sending to MANGOPAY…" : `Submit UBO declaration (${declaration.activeUbos} UBO)`}
        </Button>
        {submitted && !submitted.ok ? <FormAlert>{submitted.error}</FormAlert> : null}
        {submitted?.ok ? (
          <FormAlert tone="success">
            Declaration {submitted.data.id} submitted: {submitted.data.status}.
          </FormAlert>
        ) : null}
      </form>
    </>
  );
}

function AddUboDialog({ ids, declarationId }: { ids: Ids; declarationId: string }) {
  const { open, setOpen, state, onSubmit, pending, fieldErrors: e } = useDialogForm(addUboAction);
  return (
    <>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogTrigger asChild>
          <Button size="sm" variant="secondary">
            Add UBO
          </Button>
        </DialogTrigger>
        <DialogContent
          title="Add a beneficial owner"
          description="A person who owns more than 25% of the company or controls it."
          className="max-h-[90vh] max-w-2xl overflow-y-auto"
        >
          <form onSubmit={onSubmit} className="space-y-4" noValidate>
            <Hidden {...ids} declarationId={declarationId} />
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField name="firstName" label="First name" errors={e} maxLength={100} />
              <TextField name="lastName" label="Last name" errors={e} maxLength={100} />
              <TextField name="birthday" label="Birthday" type="date" errors={e} />
              <TextField name="nationality" label="Nationality (ISO code)" errors={e} maxLength={2} />
              <TextField name="birthplaceCity" label="City of birth" errors={e} maxLength={255} />
              <TextField name="birthplaceCountry" label="Country of birth (ISO code)" errors={e} maxLength={2} />
            </div>
            <AddressFields legend="Address" errors={e} required />
            {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
            <DialogFormActions pending={pending} label="Add UBO" pendingLabel="Sending to MANGOPAY…" />
          </form>
        </DialogContent>
      </Dialog>
      {state?.ok && !open ? <FormAlert tone="success">UBO {state.data.id} added.</FormAlert> : null}
    </>
  );
}
