"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { cancelJobAction, retryJobAction } from "../actions";

type Props = { queue: string; jobId: string; subject: string; state: "failed" | "retry"; cancellable: boolean };

/** A failed job's hands: run it again now; a scheduled report's job can also be stopped (confirmed first). */
export function JobActions({ queue, jobId, subject, state, cancellable }: Props) {
  const [retried, retry, retrying] = useActionState(retryJobAction, null);
  const [cancelled, cancel, cancelling] = useActionState(cancelJobAction, null);
  const outcome = cancelled ?? retried;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {state === "failed" ? (
        <form action={retry}>
          <input type="hidden" name="queue" value={queue} />
          <input type="hidden" name="jobId" value={jobId} />
          <Button type="submit" size="sm" variant="secondary" disabled={retrying} aria-label={`Retry ${subject} now`}>
            {retrying ? "Retrying…" : "Retry now"}
          </Button>
        </form>
      ) : null}
      {cancellable ? (
        <Dialog>
          <DialogTrigger asChild>
            <Button size="sm" variant="ghost" aria-label={`Cancel ${subject}`}>
              Cancel
            </Button>
          </DialogTrigger>
          <DialogContent
            title={`Cancel ${subject}?`}
            description="No more attempts for this period. Its run stays in the reports list with its error; run the report again from there if needed."
          >
            <form action={cancel} className="flex justify-end gap-2">
              <input type="hidden" name="queue" value={queue} />
              <input type="hidden" name="jobId" value={jobId} />
              <DialogClose asChild>
                <Button type="button" variant="secondary">
                  Keep it
                </Button>
              </DialogClose>
              <Button type="submit" variant="danger" disabled={cancelling}>
                {cancelling ? "Cancelling…" : "Cancel the job"}
              </Button>
            </form>
          </DialogContent>
        </Dialog>
      ) : null}
      {outcome ? (
        <span role="status" className={outcome.ok ? "text-xs text-green-700" : "text-xs text-red-700"}>
          {outcome.ok ? (outcome.data.state === "cancelled" ? "Cancelled" : "Queued again") : outcome.error}
        </span>
      ) : null}
    </div>
  );
}
