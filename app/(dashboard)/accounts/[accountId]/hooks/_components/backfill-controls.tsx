"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-message";
import { cancelMirrorBackfillAction, startMirrorBackfillAction } from "../actions";

/** "Backfill" (or "Cancel backfill" while one runs); the panel refreshes every 5 s while running. */
export function BackfillControls({ accountId, running }: { accountId: string; running: boolean }) {
  const router = useRouter();
  const [started, start, starting] = useActionState(startMirrorBackfillAction, null);
  const [cancelled, cancel, cancelling] = useActionState(cancelMirrorBackfillAction, null);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), 5000);
    return () => clearInterval(timer);
  }, [running, router]);
  const failed = [started, cancelled].find((s) => s && !s.ok);
  return (
    <div className="space-y-1">
      {running ? (
        <form action={cancel}>
          <input type="hidden" name="accountId" value={accountId} />
          <Button size="sm" variant="secondary" disabled={cancelling}>
            {cancelling ? "Cancelling…" : "Cancel backfill"}
          </Button>
        </form>
      ) : (
        <form action={start}>
          <input type="hidden" name="accountId" value={accountId} />
          <Button size="sm" disabled={starting}>
            {starting ? "Starting…" : "Backfill"}
          </Button>
        </form>
      )}
      {failed && !failed.ok ? <FormAlert>{failed.error}</FormAlert> : null}
    </div>
  );
}
