"use client";

import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFormActions, DialogTrigger } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-message";
import { useAnnouncedAction, useDialogForm } from "@/components/use-dialog-action";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { AddressFields, TextField } from "../../../_components/form-fields";
import type { EditableUboDeclarationDTO, UboFormDTO } from "@/lib/services/ubo-declarations/get-editable";
import { addUboAction, createUboDeclarationAction, submitUboDeclarationAction, updateUboAction } from "../actions";

type Ids = { accountId: string; userId: string };

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
export function UboControls({ ids, declaration }: { ids: Ids; declaration: EditableUboDeclarationDTO | null }) {
  const uboTab = dashboardPaths(ids.accountId).userTab(ids.userId, "ubo-declarations");
  const [started, start, starting] = useAnnouncedAction(createUboDeclarationAction, (d) => ({
    title: `UBO declaration ${d.id} started.`,
    href: uboTab,
    linkLabel: "Open the UBO declarations",
  }));
  const [submitted, submit, submitting] = useAnnouncedAction(submitUboDeclarationAction, (d) => ({
    title: `Declaration ${d.id} submitted: ${d.status}.`,
    href: uboTab,
    linkLabel: "Open the UBO declarations",
  }));
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
  const activeUbos = declaration.ubos.filter((u) => u.active).length;
  return (
    <>
      <AddUboDialog ids={ids} declarationId={declaration.id} />
      {declaration.ubos.map((u) => (
        <EditUboDialog key={u.id} ids={ids} declarationId={declaration.id} ubo={u} />
      ))}
      <form action={submit} className="inline-flex flex-col gap-1">
        <Hidden {...ids} declarationId={declaration.id} />
        <Button size="sm" variant="secondary" disabled={submitting || activeUbos === 0}>
          {submitting ? "Sending to MANGOPAY…" : `Submit UBO declaration (${activeUbos} UBO)`}
        </Button>
        {submitted && !submitted.ok ? <FormAlert>{submitted.error}</FormAlert> : null}
      </form>
    </>
  );
}

function UboFields({ errors, ubo }: { errors: Record<string, string[]> | undefined; ubo?: UboFormDTO }) {
  const v = (s: string | null | undefined) => s ?? undefined;
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          name="firstName"
          label="First name"
          errors={errors}
          maxLength={100}
          defaultValue={v(ubo?.firstName)}
        />
        <TextField name="lastName" label="Last name" errors={errors} maxLength={100} defaultValue={v(ubo?.lastName)} />
        <TextField name="birthday" label="Birthday" type="date" errors={errors} defaultValue={v(ubo?.birthday)} />
        <TextField
          name="nationality"
          label="Nationality (ISO code)"
          errors={errors}
          maxLength={2}
          defaultValue={v(ubo?.nationality)}
        />
        <TextField
          name="birthplaceCity"
          label="City of birth"
          errors={errors}
          maxLength={255}
          defaultValue={v(ubo?.birthplaceCity)}
        />
        <TextField
          name="birthplaceCountry"
          label="Country of birth (ISO code)"
          errors={errors}
          maxLength={2}
          defaultValue={v(ubo?.birthplaceCountry)}
        />
      </div>
      <AddressFields legend="Address" errors={errors} required defaults={ubo} />
    </>
  );
}

function EditUboDialog({ ids, declarationId, ubo }: { ids: Ids; declarationId: string; ubo: UboFormDTO }) {
  const { open, setOpen, state, onSubmit, pending, fieldErrors } = useDialogForm(updateUboAction, (u) => ({
    title: `UBO ${u.id} saved.`,
    href: dashboardPaths(ids.accountId).userTab(ids.userId, "ubo-declarations"),
    linkLabel: "Open the UBO declarations",
  }));
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="ghost">
          Edit UBO {ubo.firstName} {ubo.lastName}
        </Button>
      </DialogTrigger>
      <DialogContent title={`Edit ${ubo.firstName} ${ubo.lastName}`} className="max-h-[90vh] max-w-2xl overflow-y-auto">
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          <Hidden {...ids} declarationId={declarationId} />
          <input type="hidden" name="uboId" value={ubo.id} />
          <UboFields errors={fieldErrors} ubo={ubo} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="isActive" defaultChecked={ubo.active} className="size-4" />
            Still a beneficial owner (untick to deactivate)
          </label>
          {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
          <DialogFormActions pending={pending} label="Save UBO" pendingLabel="Sending to MANGOPAY…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}

function AddUboDialog({ ids, declarationId }: { ids: Ids; declarationId: string }) {
  const {
    open,
    setOpen,
    state,
    onSubmit,
    pending,
    fieldErrors: e,
  } = useDialogForm(addUboAction, (u) => ({
    title: `UBO ${u.id} added.`,
    href: dashboardPaths(ids.accountId).userTab(ids.userId, "ubo-declarations"),
    linkLabel: "Open the UBO declarations",
  }));
  return (
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
          <UboFields errors={e} />
          {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
          <DialogFormActions pending={pending} label="Add UBO" pendingLabel="Sending to MANGOPAY…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
