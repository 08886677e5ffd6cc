import type { Metadata } from "next";
import Link from "@/components/intent-link";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/data-table";
import { DetailList, Section } from "@/components/detail-list";
import { EmptyState } from "@/components/empty-state";
import { LocalTime } from "@/components/local-time";
import { formatMoney } from "@/lib/money";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { StatusBadge } from "@/components/status-badge";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { REPORT_TYPE_LABELS, SCHEDULE_LABELS, type ReportSchedule } from "@/lib/report-catalog";
import { requireAccountPermission } from "@/lib/server/account-context";
import { can } from "@/lib/server/permissions";
import type { DefinitionFilters, MoneyRange } from "@/lib/services/reports/schemas";
import { getReportDefinition } from "@/lib/services/reports/get";
import { settle } from "@/lib/services/upstream";
import { PendingPoller } from "../_components/pending-poller";
import { RerunButton, RunForm, ScheduleForm } from "../_components/run-actions";

export const metadata: Metadata = { title: "Report" };

type Props = { params: Promise<{ accountId: string; definitionId: string }> };

function range(r: MoneyRange | undefined): string | null {
  if (!r) return null;
  const min = r.min !== null ? formatMoney(r.min, r.currency) : "…";
  const max = r.max !== null ? formatMoney(r.max, r.currency) : "…";
  return `${min} – ${max}`;
}

function filterItems(f: DefinitionFilters) {
  return [
    { label: "Status", value: f.status?.join(", ") ?? null },
    { label: "Type", value: f.type?.join(", ") ?? null },
    { label: "Nature", value: f.nature?.join(", ") ?? null },
    { label: "Result codes", value: f.resultCode?.join(", ") ?? null },
    { label: "Wallet", value: f.walletId ?? null },
    { label: "Author", value: f.authorId ?? null },
    { label: "User", value: f.userId ?? null },
    { label: "Owner", value: f.ownerId ?? null },
    { label: "Currency", value: f.currency ?? null },
    { label: "Debited amount", value: range(f.debitedFunds) },
    { label: "Fees", value: range(f.fees) },
    { label: "Balance", value: range(f.balance) },
  ].filter((i) => i.value !== null);
}

const TRIGGER = { MANUAL: "By a member", SCHEDULE: "Scheduled" } as const;

/** One definition: what it asks MANGOPAY for, its schedule, and every run with its status history. */
export default async function ReportDefinitionPage({ params }: Props) {
  const { accountId, definitionId } = await params;
  const ctx = await requireAccountPermission(accountId, "reporting.read");
  const result = await settle(getReportDefinition({ ctx, input: { accountId: ctx.account.id, definitionId } }));
  if (!result.ok) {
    if (result.notFound) notFound();
    return <ServiceErrorMessage view={result.error} />;
  }
  const { definition, runs } = result.data;
  const paths = dashboardPaths(ctx.account.id);
  const mayRun = can(ctx, "reporting.create");
  const pending = runs.filter((r) => r.status === "PENDING" || r.status === "REQUESTING").map((r) => r.id);
  const filters = filterItems(definition.filters);
  const latest = runs[0];
  return (
    <div className="space-y-6">
      <Link href={paths.reports} className="text-sm text-slate-500 hover:text-slate-900">
        ← Reports
      </Link>
      <div>
        <h1 className="text-2xl font-semibold">{definition.name}</h1>
        <p className="text-sm text-slate-600">
          {REPORT_TYPE_LABELS[definition.reportType]} · saved <LocalTime iso={definition.createdAt} />
        </p>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Section title="Definition" testId="report-definition">
          <DetailList
            items={[
              { label: "Type", value: REPORT_TYPE_LABELS[definition.reportType] },
              { label: "Order", value: definition.sort === "CreationDate:ASC" ? "Oldest first" : "Newest first" },
              {
                label: "Schedule",
                value: definition.schedule ? SCHEDULE_LABELS[definition.schedule as ReportSchedule] : "Not scheduled",
              },
              ...(filters.length > 0 ? filters : [{ label: "Filters", value: "None" }]),
            ]}
          />
        </Section>
        <Section title="Columns" testId="report-columns">
          <ol className="list-decimal space-y-0.5 pl-6 font-mono text-xs">
            {definition.columns.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ol>
        </Section>
      </div>
      {mayRun || can(ctx, "reporting.edit") ? (
        <Section title="Run and schedule">
          <div className="space-y-4">
            {mayRun ? (
              <RunForm
                accountId={ctx.account.id}
                definitionId={definition.id}
                from={latest?.from ?? new Date().toISOString().slice(0, 10)}
                to={latest?.to ?? new Date().toISOString().slice(0, 10)}
              />
            ) : null}
            {can(ctx, "reporting.edit") ? (
              <ScheduleForm accountId={ctx.account.id} definitionId={definition.id} schedule={definition.schedule} />
            ) : null}
          </div>
        </Section>
      ) : null}
      <section aria-label="Runs" className="space-y-2">
        <h2 className="text-lg font-semibold">Runs</h2>
        <PendingPoller accountId={ctx.account.id} runIds={pending} />
        {runs.length === 0 ? (
          <EmptyState title="Not run yet">Run it for a period, or give it a schedule.</EmptyState>
        ) : (
          <DataTable
            testId="report-runs"
            caption="Runs"
            rows={runs}
            rowKey={(r) => r.id}
            columns={[
              { header: "Requested", cell: (r) => <LocalTime iso={r.createdAt} /> },
              { header: "Period", cell: (r) => `${r.from} → ${r.to}` },
              {
                header: "Status",
                cell: (r) => (
                  <span className="flex flex-col items-start gap-0.5" data-testid="run-status">
                    <StatusBadge status={r.status} />
                    {r.resultMessage ? <span className="text-xs text-red-700">{r.resultMessage}</span> : null}
                    {r.readyAt ? (
                      <span className="text-xs text-slate-500">
                        ready <LocalTime iso={r.readyAt} />
                      </span>
                    ) : null}
                  </span>
                ),
              },
              {
                header: "Origin",
                cell: (r) => (
                  <span className="flex flex-col text-xs">
                    {TRIGGER[r.trigger]}
                    {r.attempts > 1 ? <span>{r.attempts} attempts</span> : null}
                    {r.rerunOfId ? <span data-testid="rerun-of">Re-run of {r.rerunOfId.slice(-8)}</span> : null}
                  </span>
                ),
              },
              {
                header: "Actions",
                cell: (r) => (
                  <span className="flex flex-wrap items-center gap-2">
                    {r.status === "READY" ? (
                      <>
                        <Link className="underline" href={paths.reportRun(definition.id, r.id)}>
                          Preview
                        </Link>
                        <a className="underline" href={paths.reportDownload(r.id)} download>
                          Download
                        </a>
                      </>
                    ) : null}
                    {mayRun ? <RerunButton accountId={ctx.account.id} runId={r.id} /> : null}
                  </span>
                ),
              },
            ]}
          />
        )}
      </section>
    </div>
  );
}
