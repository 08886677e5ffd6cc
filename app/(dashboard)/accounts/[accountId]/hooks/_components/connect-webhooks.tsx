"use client";

import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFormActions, DialogTrigger } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-message";
import { useDialogAction } from "@/components/use-dialog-action";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { connectWebhooksAction } from "../actions";

/**
 * "Connect webhooks": confirms what changes, offers to take over hooks that point elsewhere; the
 * outcome is announced in the shared toast.
 */
export function ConnectWebhooksButton({
  accountId,
  toChange,
  elsewhere,
}: {
  accountId: string;
  toChange: number;
  elsewhere: number;
}) {
  const { open, setOpen, state, action, pending } = useDialogAction(connectWebhooksAction, (r) => ({
    title: `${r.changed} hook(s) written · ${r.counts.connected} event types connected.${r.backfillStarted ? " The mirror's backfill has started." : ""}`,
    href: dashboardPaths(accountId).hooks,
    linkLabel: "Open the hooks",
  }));
  return (
    <div className="space-y-1">
      {toChange + elsewhere === 0 ? null : (
        <Dialog open={open} onOpenChange={setOpen}>
          <DialogTrigger asChild>
            <Button size="sm">Connect webhooks</Button>
          </DialogTrigger>
          <DialogContent
            title="Connect webhooks to this dashboard"
            description={`${toChange} event type(s) get a hook to this dashboard's receiver (created, re-enabled or repointed). Hooks pointing elsewhere are left alone unless you take them over.`}
          >
            <form action={action} className="space-y-4">
              <input type="hidden" name="accountId" value={accountId} />
              {elsewhere > 0 ? (
                <label className="flex items-start gap-2 text-sm">
                  <input type="checkbox" name="takeOver" className="mt-1" />
                  <span>
                    Also take over the {elsewhere} hook(s) that point to another URL (that URL stops receiving those
                    events).
                  </span>
                </label>
              ) : null}
              {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
              <DialogFormActions pending={pending} label="Connect" pendingLabel="Writing hooks at MANGOPAY…" />
            </form>
          </DialogContent>
        </Dialog>
      )}
    </div>
  );
}
