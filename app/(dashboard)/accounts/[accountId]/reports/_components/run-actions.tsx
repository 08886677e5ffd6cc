"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError, FormAlert } from "@/components/ui/form-message";
import { Input, Label } from "@/components/ui/input";
import { announceOutcome } from "@/components/use-dialog-action";
import { useFormAction } from "@/components/use-form-action";
import { dashboardPaths } from "@/lib/dashboard-paths";
import type { ReportRunDTO } from "@/lib/services/reports/dto";
import { rerunReportAction, runReportAction, setReportScheduleAction } from "../actions";
import { ScheduleSelect } from "./schedule-select";

/** The toast of a run that started: its period, linked to the run's page (its status updates there). */
function announceRun(accountId: string, run: ReportRunDTO): void {
  announceOutcome({
    title: `Report run for ${run.from} to ${run.to} started: ${run.status.toLowerCase()}.`,
    href: dashboardPaths(accountId).reportRun(run.definitionId, run.id),
    linkLabel: "Open the run",
  });
}

/** "Re-run": the same definition and period, or a new period, linked to this run. */
export function RerunButton({
  accountId,
  runId,
  label = "Re-run",
  afterHref,
}: {
  accountId: string;
  runId: string;
  label?: string;
  /** Where to go once the re-run started (default: refresh this page). */
  afterHref?: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { state, onSubmit, pending, fieldErrors } = useFormAction(rerunReportAction, (run) => {
    announceRun(accountId, run);
    if (afterHref) router.push(afterHref);
    else router.refresh();
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" aria-label={`${label} ${runId}`}>
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="runId" value={runId} />
      {open ? (
        <>
          <div>
            <Label htmlFor={`rerun-from-${runId}`}>First day</Label>
            <Input id={`rerun-from-${runId}`} type="date" name="from" className="h-8" />
          </div>
          <div>
            <Label htmlFor={`rerun-to-${runId}`}>Last day</Label>
            <Input id={`rerun-to-${runId}`} type="date" name="to" className="h-8" />
          </div>
        </>
      ) : (
        <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(true)}>
          New period…
        </Button>
      )}
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {pending ? "Starting…" : label}
      </Button>
      {state && !state.ok ? (
        <FormAlert className="w-full">
          {state.error} {fieldErrors?.to?.[0] ?? fieldErrors?.from?.[0] ?? ""}
        </FormAlert>
      ) : null}
    </form>
  );
}

/** Runs a saved definition for a chosen period. */
export function RunForm({
  accountId,
  definitionId,
  from,
  to,
}: {
  accountId: string;
  definitionId: string;
  from: string;
  to: string;
}) {
  const router = useRouter();
  const { state, onSubmit, pending, fieldErrors } = useFormAction(runReportAction, (run) => {
    announceRun(accountId, run);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" aria-label="Run for a period">
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="definitionId" value={definitionId} />
      <div>
        <Label htmlFor="run-from">First day</Label>
        <Input id="run-from" type="date" name="from" defaultValue={from} />
        <FieldError errors={fieldErrors} name="from" />
      </div>
      <div>
        <Label htmlFor="run-to">Last day</Label>
        <Input id="run-to" type="date" name="to" defaultValue={to} />
        <FieldError errors={fieldErrors} name="to" />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Starting…" : "Run"}
      </Button>
      {state && !state.ok ? <FormAlert className="w-full">{state.error}</FormAlert> : null}
    </form>
  );
}

/** Turns the definition's schedule on, changes or stops it. */
export function ScheduleForm({
  accountId,
  definitionId,
  schedule,
}: {
  accountId: string;
  definitionId: string;
  schedule: string | null;
}) {
  const router = useRouter();
  const { state, onSubmit, pending } = useFormAction(setReportScheduleAction, () => {
    announceOutcome({
      title: "Schedule saved.",
      href: dashboardPaths(accountId).report(definitionId),
      linkLabel: "Open the report",
    });
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" aria-label="Schedule">
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="definitionId" value={definitionId} />
      <div>
        <Label htmlFor="schedule">Schedule</Label>
        <ScheduleSelect id="schedule" defaultValue={schedule ?? ""} />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save schedule"}
      </Button>
      {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
    </form>
  );
}
