"use client";

import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFormActions, DialogTrigger } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-message";
import { useAnnouncedAction, useDialogForm, type NoticeFor } from "@/components/use-dialog-action";
import { dashboardPaths } from "@/lib/dashboard-paths";
import type { HookDTO } from "@/lib/services/hooks/dto";
import { TextField } from "../../_components/form-fields";
import { createHookAction, updateHookAction } from "../actions";

type Props = {
  accountId: string;
  eventType: string;
  hook: { id: string; url: string; status: string; receiver: boolean } | null;
  canCreate: boolean;
  canEdit: boolean;
  production: boolean;
};

/** One event type's hook controls: create it, change its URL, enable or disable it. */
export function HookControls({ accountId, eventType, hook, canCreate, canEdit, production }: Props) {
  const notice =
    (done: string): NoticeFor<HookDTO> =>
    (h) => ({
      title: `The ${h.eventType} hook ${done}: ${h.status.toLowerCase()}, ${h.url}.`,
      href: dashboardPaths(accountId).hooks,
      linkLabel: "Open the hooks",
    });
  const create = useDialogForm(createHookAction, notice("was created"));
  const edit = useDialogForm(updateHookAction, notice("was saved"));
  const [toggled, toggle, toggling] = useAnnouncedAction(updateHookAction, notice("was saved"));
  const urlHint = production ? "URL (https, production account)" : "URL";
  if (!hook) {
    if (!canCreate) return null;
    return (
      <Dialog open={create.open} onOpenChange={create.setOpen}>
        <DialogTrigger asChild>
          <Button size="sm" variant="secondary" aria-label={`Create the ${eventType} hook`}>
            Create
          </Button>
        </DialogTrigger>
        <DialogContent title={`Create the ${eventType} hook`} description="MANGOPAY keeps one hook per event type.">
          <form onSubmit={create.onSubmit} className="space-y-4" noValidate>
            <input type="hidden" name="accountId" value={accountId} />
            <input type="hidden" name="eventType" value={eventType} />
            <TextField name="url" label={urlHint} type="url" errors={create.fieldErrors} maxLength={255} />
            {create.state && !create.state.ok ? <FormAlert>{create.state.error}</FormAlert> : null}
            <DialogFormActions pending={create.pending} label="Create hook" pendingLabel="Sending to MANGOPAY…" />
          </form>
        </DialogContent>
      </Dialog>
    );
  }
  if (!canEdit) return null;
  const enabled = hook.status === "ENABLED";
  return (
    <div className="flex flex-wrap items-center gap-1">
      {hook.receiver ? (
        <span className="px-2 text-xs text-slate-500" title="This dashboard's receiver: managed by Connect webhooks">
          Managed by Connect webhooks
        </span>
      ) : (
        <Dialog open={edit.open} onOpenChange={edit.setOpen}>
          <DialogTrigger asChild>
            <Button size="sm" variant="ghost" aria-label={`Change the ${eventType} hook's URL`}>
              Change URL
            </Button>
          </DialogTrigger>
          <DialogContent title={`Change the ${eventType} hook's URL`}>
            <form onSubmit={edit.onSubmit} className="space-y-4" noValidate>
              <input type="hidden" name="accountId" value={accountId} />
              <input type="hidden" name="hookId" value={hook.id} />
              <TextField
                name="url"
                label={urlHint}
                type="url"
                errors={edit.fieldErrors}
                defaultValue={hook.url}
                maxLength={255}
              />
              {edit.state && !edit.state.ok ? <FormAlert>{edit.state.error}</FormAlert> : null}
              <DialogFormActions pending={edit.pending} label="Save" pendingLabel="Sending to MANGOPAY…" />
            </form>
          </DialogContent>
        </Dialog>
      )}
      <form action={toggle}>
        <input type="hidden" name="accountId" value={accountId} />
        <input type="hidden" name="hookId" value={hook.id} />
        <input type="hidden" name="status" value={enabled ? "DISABLED" : "ENABLED"} />
        <Button
          size="sm"
          variant="ghost"
          disabled={toggling}
          aria-label={`${enabled ? "Disable" : "Enable"} the ${eventType} hook`}
        >
          {enabled ? "Disable" : "Enable"}
        </Button>
      </form>
      {toggled && !toggled.ok ? <FormAlert>{toggled.error}</FormAlert> : null}
    </div>
  );
}
