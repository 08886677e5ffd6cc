"use client";

import { createContext, startTransition, useContext, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFormActions, preloadDialogPanel } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-message";
import { useAnnouncedAction, useDialogForm, type NoticeFor } from "@/components/use-dialog-action";
import { dashboardPaths } from "@/lib/dashboard-paths";
import type { HookDTO } from "@/lib/services/hooks/dto";
import { TextField } from "../../_components/form-fields";
import { createHookAction, updateHookAction } from "../actions";

type RowHook = { id: string; url: string; status: string; receiver: boolean };
type Target = { eventType: string; hook: RowHook | null };

type HookActionsState = {
  canCreate: boolean;
  canEdit: boolean;
  /** Opens the create (no hook yet) or change-URL dialog for one event type; focus returns to `opener`. */
  openFor: (target: Target, opener: HTMLElement) => void;
  toggle: (eventType: string, hook: RowHook) => void;
  togglingId: string | null;
};

const HookActionsContext = createContext<HookActionsState | null>(null);

/**
 * The hooks table's actions: one create dialog, one change-URL dialog and one enable/disable action
 * for the whole table (a row only holds its buttons), so a page of 120+ event types does not render
 * and hydrate 120 sets of dialogs and action states.
 */
export function HookActions({
  accountId,
  canCreate,
  canEdit,
  production,
  children,
}: {
  accountId: string;
  canCreate: boolean;
  canEdit: boolean;
  production: boolean;
  children: React.ReactNode;
}) {
  const notice =
    (done: string): NoticeFor<HookDTO> =>
    (h) => ({
      title: `The ${h.eventType} hook ${done}: ${h.status.toLowerCase()}, ${h.url}.`,
      href: dashboardPaths(accountId).hooks,
      linkLabel: "Open the hooks",
    });
  const create = useDialogForm(createHookAction, notice("was created"));
  const edit = useDialogForm(updateHookAction, notice("was saved"));
  const [toggled, dispatchToggle, toggling] = useAnnouncedAction(updateHookAction, notice("was saved"));
  const [target, setTarget] = useState<Target | null>(null);
  const [togglingHook, setTogglingHook] = useState<{ eventType: string; id: string } | null>(null);
  const createOpener = useRef<HTMLElement | null>(null);
  const editOpener = useRef<HTMLElement | null>(null);
  const urlHint = production ? "URL (https, production account)" : "URL";

  const state: HookActionsState = {
    canCreate,
    canEdit,
    togglingId: toggling ? (togglingHook?.id ?? null) : null,
    openFor: (next, opener) => {
      setTarget(next);
      if (next.hook) {
        editOpener.current = opener;
        edit.setOpen(true);
      } else {
        createOpener.current = opener;
        create.setOpen(true);
      }
    },
    toggle: (eventType, hook) => {
      const data = new FormData();
      data.set("accountId", accountId);
      data.set("hookId", hook.id);
      data.set("status", hook.status === "ENABLED" ? "DISABLED" : "ENABLED");
      setTogglingHook({ eventType, id: hook.id });
      startTransition(() => dispatchToggle(data));
    },
  };

  return (
    <HookActionsContext.Provider value={state}>
      {toggled && !toggled.ok ? (
        <FormAlert>
          {togglingHook ? `The ${togglingHook.eventType} hook was not changed: ` : null}
          {toggled.error}
        </FormAlert>
      ) : null}
      {children}
      <Dialog open={create.open} onOpenChange={create.setOpen} openerRef={createOpener}>
        <DialogContent
          title={`Create the ${target?.eventType ?? ""} hook`}
          description="MANGOPAY keeps one hook per event type."
        >
          <form onSubmit={create.onSubmit} className="space-y-4" noValidate>
            <input type="hidden" name="accountId" value={accountId} />
            <input type="hidden" name="eventType" value={target?.eventType ?? ""} />
            <TextField name="url" label={urlHint} type="url" errors={create.fieldErrors} maxLength={255} />
            {create.state && !create.state.ok ? <FormAlert>{create.state.error}</FormAlert> : null}
            <DialogFormActions pending={create.pending} label="Create hook" pendingLabel="Sending to MANGOPAY…" />
          </form>
        </DialogContent>
      </Dialog>
      <Dialog open={edit.open} onOpenChange={edit.setOpen} openerRef={editOpener}>
        <DialogContent title={`Change the ${target?.eventType ?? ""} hook's URL`}>
          {/* Keyed by hook: the field starts from that hook's URL each time. */}
          <form key={target?.hook?.id ?? "none"} onSubmit={edit.onSubmit} className="space-y-4" noValidate>
            <input type="hidden" name="accountId" value={accountId} />
            <input type="hidden" name="hookId" value={target?.hook?.id ?? ""} />
            <TextField
              name="url"
              label={urlHint}
              type="url"
              errors={edit.fieldErrors}
              defaultValue={target?.hook?.url ?? ""}
              maxLength={255}
            />
            {edit.state && !edit.state.ok ? <FormAlert>{edit.state.error}</FormAlert> : null}
            <DialogFormActions pending={edit.pending} label="Save" pendingLabel="Sending to MANGOPAY…" />
          </form>
        </DialogContent>
      </Dialog>
    </HookActionsContext.Provider>
  );
}

/** One event type's buttons: create its hook, change its URL, enable or disable it. */
export function HookControls({ eventType, hook }: { eventType: string; hook: RowHook | null }) {
  const actions = useContext(HookActionsContext);
  if (!actions) throw new Error("HookControls must be inside <HookActions>");
  if (!hook) {
    if (!actions.canCreate) return null;
    return (
      <Button
        size="sm"
        variant="secondary"
        aria-haspopup="dialog"
        aria-label={`Create the ${eventType} hook`}
        onPointerEnter={preloadDialogPanel}
        onFocus={preloadDialogPanel}
        onClick={(e) => actions.openFor({ eventType, hook }, e.currentTarget)}
      >
        Create
      </Button>
    );
  }
  if (!actions.canEdit) return null;
  const enabled = hook.status === "ENABLED";
  return (
    <div className="flex flex-wrap items-center gap-1">
      {hook.receiver ? (
        <span className="px-2 text-xs text-slate-500" title="This dashboard's receiver: managed by Connect webhooks">
          Managed by Connect webhooks
        </span>
      ) : (
        <Button
          size="sm"
          variant="ghost"
          aria-haspopup="dialog"
          aria-label={`Change the ${eventType} hook's URL`}
          onPointerEnter={preloadDialogPanel}
          onFocus={preloadDialogPanel}
          onClick={(e) => actions.openFor({ eventType, hook }, e.currentTarget)}
        >
          Change URL
        </Button>
      )}
      <Button
        size="sm"
        variant="ghost"
        disabled={actions.togglingId === hook.id}
        aria-label={`${enabled ? "Disable" : "Enable"} the ${eventType} hook`}
        onClick={() => actions.toggle(eventType, hook)}
      >
        {enabled ? "Disable" : "Enable"}
      </Button>
    </div>
  );
}
