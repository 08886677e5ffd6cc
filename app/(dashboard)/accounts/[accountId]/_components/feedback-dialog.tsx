"use client";

import { usePathname } from "next/navigation";
import { useId } from "react";
import { Dialog, DialogContent, DialogFormActions } from "@/components/ui/dialog";
import { FieldError, FormAlert } from "@/components/ui/form-message";
import { Label } from "@/components/ui/input";
import { useAnnouncedAction } from "@/components/use-dialog-action";
import { FEEDBACK_MAX_CHARS } from "@/lib/services/feedback/limits";
import { sendFeedbackAction } from "../actions";

/** "Share feedback" from the profile menu: stored with this page and account, Owners read it in the Hub. */
export function FeedbackDialog({
  accountId,
  open,
  onOpenChange,
}: {
  accountId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const pathname = usePathname();
  const id = useId();
  // Only Owners can open what was sent (in the Hub), so the toast thanks without a link.
  const [state, action, pending] = useAnnouncedAction(
    async (prev: Parameters<typeof sendFeedbackAction>[0], form: FormData) => {
      const result = await sendFeedbackAction(prev, form);
      if (result.ok) onOpenChange(false);
      return result;
    },
    (sent) => ({ title: `Thank you, your feedback was sent${sent.mailed ? " and mailed to the Owners" : ""}.` }),
  );
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Share feedback"
        description="What works, what does not, what is missing. Your Hub's Owners read it, with the page you are on."
      >
        <form action={action} className="space-y-4">
          <input type="hidden" name="accountId" value={accountId} />
          <input type="hidden" name="page" value={pathname} />
          <div className="space-y-1.5">
            <Label htmlFor={id}>Your feedback</Label>
            <textarea
              id={id}
              name="message"
              rows={5}
              maxLength={FEEDBACK_MAX_CHARS}
              className="w-full rounded-md border border-slate-300 p-2 text-sm"
            />
            <FieldError name="message" errors={errors} />
          </div>
          {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
          <DialogFormActions pending={pending} label="Send feedback" pendingLabel="Sending…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
