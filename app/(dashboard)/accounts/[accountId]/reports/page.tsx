import type { Metadata } from "next";
import Link from "@/components/intent-link";
import { Suspense } from "react";
import { CopyableId } from "@/components/copyable-id";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { LocalTime, MaybeTime } from "@/components/local-time";
import { SectionSkeleton } from "@/components/page-skeleton";
import { Pagination } from "@/components/pagination";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { StatusBadge } from "@/components/status-badge";
import { buttonVariants } from "@/components/ui/button";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { isReportKind, REPORT_TYPE_LABELS, SCHEDULE_LABELS, type ReportSchedule } from "@/lib/report-catalog";
import { requireAccountPermission } from "@/lib/server/account-context";
import type { AccountContext } from "@/lib/server/context-types";
import { can } from "@/lib/server/permissions";
import { listReports } from "@/lib/services/reports/list";
import { listReportDefinitions } from "@/lib/services/reports/list-definitions";
import { settle } from "@/lib/services/upstream";
import { PendingPoller } from "./_components/pending-poller";
import { RerunButton } from "./_components/run-actions";

export const metadata: Metadata = { title: "Reports" };

type Query = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ accountId: string }>; searchParams: Promise<Query> };

const typeLabel = (t: string) => (isReportKind(t) ? REPORT_TYPE_LABELS[t] : t);

async function DefinitionsSection({ ctx }: { ctx: AccountContext }) {
  const result = await settle(listReportDefinitions({ ctx, input: { accountId: ctx.account.id } }));
  if (!result.ok) return <ServiceErrorMessage view={result.error} />;
  const paths = dashboardPaths(ctx.account.id);
  if (result.data.length === 0)
    return <EmptyState title="No saved reports">Create a report to save its definition here.</EmptyState>;
  return (
    <DataTable
      testId="report-definitions"
      caption="Saved reports"
      rows={result.data}
      rowKey={(d) => d.id}
      rowHref={(d) => paths.report(d.id)}
      rowLabel={(d) => `Report ${d.name}`}
      columns={[
        { header: "Name", cell: (d) => <span className="font-medium">{d.name}</span> },
        { header: "Type", cell: (d) => typeLabel(d.reportType) },
        {
          header: "Schedule",
          cell: (d) => (d.schedule ? SCHEDULE_LABELS[d.schedule as ReportSchedule] : "—"),
        },
        { header: "Last run", cell: (d) => <MaybeTime iso={d.lastRunAt} /> },
        { header: "Status", cell: (d) => <StatusBadge status={d.lastRunStatus} /> },
      ]}
    />
  );
}

async function GeneratedSection({ ctx, page, query }: { ctx: AccountContext; page: number; query: Query }) {
  const result = await settle(listReports({ ctx, input: { accountId: ctx.account.id, page } }));
  if (!result.ok) return <ServiceErrorMessage view={result.error} />;
  const paths = dashboardPaths(ctx.account.id);
  const mayRun = can(ctx, "reporting.create");
  const items = result.data.items;
  const pending = items.filter((i) => i.status === "PENDING" && i.runId).map((i) => i.runId as string);
  if (items.length === 0)
    return <EmptyState title="No reports yet">MANGOPAY has generated no report for this account.</EmptyState>;
  return (
    <>
      <PendingPoller accountId={ctx.account.id} runIds={pending} />
      <DataTable
        testId="reports"
        caption="Generated reports"
        rows={items}
        rowKey={(r) => r.mangopayReportId}
        columns={[
          { header: "Created", cell: (r) => <LocalTime iso={r.createdAt} /> },
          {
            header: "Name",
            cell: (r) =>
              r.definitionId ? (
                <Link className="underline" href={paths.report(r.definitionId)}>
                  {r.name}
                </Link>
              ) : (
                (r.name ?? <span className="text-slate-400">Made outside the dashboard</span>)
              ),
          },
          { header: "Status", cell: (r) => <StatusBadge status={r.status} /> },
          { header: "Type", cell: (r) => typeLabel(r.reportType) },
          {
            header: "Actions",
            cell: (r) =>
              r.runId && r.definitionId ? (
                <span className="flex flex-wrap items-center gap-2">
                  <Link className="underline" href={paths.reportRun(r.definitionId, r.runId)}>
                    View
                  </Link>
                  {r.status === "READY" ? (
                    <a className="underline" href={paths.reportDownload(r.runId)} download>
                      Download
                    </a>
                  ) : null}
                  {mayRun ? <RerunButton accountId={ctx.account.id} runId={r.runId} /> : null}
                </span>
              ) : (
                <span className="text-slate-400">—</span>
              ),
          },
          { header: "Id", cell: (r) => <CopyableId id={r.mangopayReportId} /> },
        ]}
      />
      <Pagination pathname={paths.reports} query={query} result={result.data} />
    </>
  );
}

/** Every report MANGOPAY generated for the account, joined with the definitions saved here. */
export default async function ReportsPage({ params, searchParams }: Props) {
  const [{ accountId }, query] = await Promise.all([params, searchParams]);
  const ctx = await requireAccountPermission(accountId, "reporting.read");
  const rawPage = Number(Array.isArray(query.page) ? query.page[0] : query.page);
  const page = Number.isInteger(rawPage) && rawPage > 0 && rawPage <= 10_000 ? rawPage : 1;
  const paths = dashboardPaths(ctx.account.id);
  return (
    <div className="space-y-6">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Reports</h1>
          <p className="text-sm text-slate-600">
            MANGOPAY generates the files; definitions saved here can be re-run, scheduled and shared with the team.
          </p>
        </div>
        {can(ctx, "reporting.create") ? (
          <Link href={paths.newReport} className={buttonVariants()}>
            + New report
          </Link>
        ) : null}
      </div>
      <section aria-label="Saved reports" className="space-y-2">
        <h2 className="text-lg font-semibold">Saved reports</h2>
        <Suspense fallback={<SectionSkeleton label="Loading saved reports" />}>
          <DefinitionsSection ctx={ctx} />
        </Suspense>
      </section>
      <section aria-label="Generated reports" className="space-y-2">
        <h2 className="text-lg font-semibold">Generated reports</h2>
        <Suspense key={page} fallback={<SectionSkeleton label="Loading reports" height="h-96" />}>
          <GeneratedSection ctx={ctx} page={page} query={query} />
        </Suspense>
      </section>
    </div>
  );
}
