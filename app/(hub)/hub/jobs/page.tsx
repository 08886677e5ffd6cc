import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { LocalTime } from "@/components/local-time";
import { Badge } from "@/components/ui/badge";
import { requireHubPermission } from "@/lib/server/account-context";
import { getJobsOverview, type FailedJobDTO, type PingRowDTO } from "@/lib/services/jobs/overview";
import { REPORT_RUN_JOB } from "@/lib/services/reports/scheduled";
import { JobActions } from "./_components/job-actions";
import { RetryPingButton } from "./_components/retry-ping-button";

export const metadata: Metadata = { title: "Jobs" };

/** The job queue (every Hub's counts), this Hub's failed jobs and its webhook pings awaiting processing. */
export default async function JobsPage() {
  const ctx = await requireHubPermission("hub.jobs.manage");
  const overview = await getJobsOverview({ ctx });
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Jobs</h1>
        <p className="text-sm text-slate-600">
          Background work runs on a queue in the app&apos;s database, shared by every instance: webhook pings feeding
          the mirror, scheduled reports. Failed jobs are retried with a growing delay.
        </p>
      </div>

      <section className="space-y-2" aria-labelledby="queues-heading">
        <h2 id="queues-heading" className="text-lg font-semibold">
          Queues
        </h2>
        <p className="text-sm text-slate-600">Counts cover the whole installation (every Hub&apos;s jobs).</p>
        {overview.queueReady ? null : (
          <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
            The job queue has not started on this database yet (no instance runs it, or JOBS_ENABLED=false).
          </p>
        )}
        <DataTable
          testId="queues"
          caption="Queues"
          rows={overview.queues}
          rowKey={(q) => q.name}
          columns={[
            { header: "Queue", cell: (q) => <span className="font-mono">{q.name}</span> },
            { header: "Queued", numeric: true, cell: (q) => q.queued },
            { header: "Running", numeric: true, cell: (q) => q.active },
            { header: "Retrying", numeric: true, cell: (q) => q.retrying },
            { header: "Failed", numeric: true, cell: (q) => q.failed },
            { header: "Completed (24 h)", numeric: true, cell: (q) => q.completedRecently },
          ]}
        />
      </section>

      <section className="space-y-2" aria-labelledby="failed-heading">
        <h2 id="failed-heading" className="text-lg font-semibold">
          Latest failed jobs of this Hub
        </h2>
        {overview.failedJobs.length === 0 ? (
          <EmptyState title="No failed jobs">
            Jobs of this Hub&apos;s API accounts that fail are listed here.
          </EmptyState>
        ) : (
          <DataTable<FailedJobDTO>
            testId="failed-jobs"
            caption="Latest failed jobs"
            rows={overview.failedJobs}
            rowKey={(j) => j.id}
            columns={[
              { header: "When", cell: (j) => <LocalTime iso={j.at} /> },
              { header: "Queue", cell: (j) => <span className="font-mono">{j.queue}</span> },
              { header: "API account", cell: (j) => j.accountName },
              { header: "About", cell: (j) => j.subject },
              {
                header: "State",
                cell: (j) => (
                  <Badge variant={j.state === "failed" ? "danger" : "warning"}>
                    {j.state === "failed" ? "Failed" : "Retrying"}
                  </Badge>
                ),
              },
              { header: "Retries", numeric: true, cell: (j) => `${j.retryCount} of ${j.retryLimit}` },
              { header: "Error", className: "max-w-md break-words", cell: (j) => j.error },
              {
                header: "Action",
                cell: (j) => (
                  <JobActions
                    queue={j.queue}
                    jobId={j.id}
                    subject={j.subject}
                    state={j.state}
                    cancellable={j.queue === REPORT_RUN_JOB.name}
                  />
                ),
              },
            ]}
          />
        )}
      </section>

      <section className="space-y-2" aria-labelledby="pings-heading">
        <h2 id="pings-heading" className="text-lg font-semibold">
          Webhook pings awaiting processing
        </h2>
        <p className="text-sm text-slate-600" data-testid="ping-counts">
          {overview.pings.failed} failed, {overview.pings.pending} pending. Pending or failed pings are also sent again
          automatically each minute (up to 20 attempts).
        </p>
        {overview.pings.rows.length === 0 ? (
          <EmptyState title="Every ping is processed">
            Pings MANGOPAY sent to this Hub&apos;s accounts are up to date.
          </EmptyState>
        ) : (
          <DataTable<PingRowDTO>
            testId="pings"
            caption="Webhook pings awaiting processing"
            rows={overview.pings.rows}
            rowKey={(p) => p.id}
            columns={[
              { header: "Received", cell: (p) => <LocalTime iso={p.receivedAt} /> },
              { header: "API account", cell: (p) => p.accountName },
              { header: "Event", cell: (p) => <span className="font-mono">{p.eventType}</span> },
              { header: "Resource", cell: (p) => <span className="font-mono">{p.resourceId}</span> },
              {
                header: "Status",
                cell: (p) => (
                  <Badge variant={p.status === "FAILED" ? "danger" : "neutral"}>
                    {p.status === "FAILED" ? "Failed" : "Pending"}
                  </Badge>
                ),
              },
              { header: "Attempts", numeric: true, cell: (p) => p.attempts },
              { header: "Error", className: "max-w-md break-words", cell: (p) => p.lastError ?? "" },
              {
                header: "Action",
                cell: (p) => <RetryPingButton pingId={p.id} label={`${p.eventType} ${p.resourceId}`} />,
              },
            ]}
          />
        )}
      </section>
    </div>
  );
}
