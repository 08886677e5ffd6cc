"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { retryWebhookPingAction } from "../actions";

/** Sends one failed or pending webhook ping back to processing. */
export function RetryPingButton({ pingId, label }: { pingId: string; label: string }) {
  const [state, action, pending] = useActionState(retryWebhookPingAction, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="pingId" value={pingId} />
      <Button type="submit" size="sm" variant="secondary" disabled={pending} aria-label={`Retry ${label}`}>
        {pending ? "Retrying…" : "Retry"}
      </Button>
      {state ? (
        <span role="status" className={state.ok ? "text-xs text-green-700" : "text-xs text-red-700"}>
          {state.ok ? (state.data.queued ? "Queued" : "Queued for the next sweep") : state.error}
        </span>
      ) : null}
    </form>
  );
}
