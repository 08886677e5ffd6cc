import type { Metadata } from "next";
import Link from "@/components/intent-link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { DataTable } from "@/components/data-table";
import { Section } from "@/components/detail-list";
import { EmptyState } from "@/components/empty-state";
import { SectionSkeleton } from "@/components/page-skeleton";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { requireAccountPermission } from "@/lib/server/account-context";
import type { AccountContext } from "@/lib/server/context-types";
import { can } from "@/lib/server/permissions";
import { getReportDefinition } from "@/lib/services/reports/get";
import { previewReportRun } from "@/lib/services/reports/preview";
import { settle } from "@/lib/services/upstream";
import { ReportChartLazy } from "../../../_components/report-chart-lazy";
import { RerunButton } from "../../../_components/run-actions";

export const metadata: Metadata = { title: "Report preview" };

type Props = { params: Promise<{ accountId: string; definitionId: string; runId: string }> };

async function PreviewSection({ ctx, runId }: { ctx: AccountContext; runId: string }) {
  const result = await settle(previewReportRun({ ctx, input: { accountId: ctx.account.id, runId } }));
  if (!result.ok) {
    if (result.notFound) return <EmptyState title="Not found">This report does not exist on this account.</EmptyState>;
    return <ServiceErrorMessage view={result.error} />;
  }
  const preview = result.data;
  const rows = preview.rows.map((cells, index) => ({ index, cells }));
  return (
    <div className="space-y-4">
      {preview.chart ? (
        <Section title={preview.chart.kind === "fees" ? "Fees per day" : "Volume per day"} testId="report-chart">
          {preview.chart.points.length === 0 ? (
            <p className="text-sm text-slate-600">No amounts to chart.</p>
          ) : (
            <ReportChartLazy
              title={preview.chart.kind === "fees" ? "Fees" : "Debited amount"}
              currencies={preview.chart.currencies}
              points={preview.chart.points}
            />
          )}
        </Section>
      ) : preview.chartNote ? (
        <p className="text-sm text-slate-600">{preview.chartNote}</p>
      ) : null}
      <p className="text-sm" data-testid="preview-summary">
        {preview.totalRows.toLocaleString("en-GB")} rows · first {rows.length} shown
      </p>
      {rows.length === 0 ? (
        <EmptyState title="Empty report">No row matched the filters for this period.</EmptyState>
      ) : (
        <DataTable
          testId="report-preview"
          caption="First rows"
          rows={rows}
          rowKey={(r) => String(r.index)}
          columns={preview.columns.map((c, i) => ({
            header: c,
            cell: (r: { cells: string[] }) => <span className="font-mono text-xs">{r.cells[i] ?? ""}</span>,
          }))}
        />
      )}
    </div>
  );
}

/** A ready run: chart and first rows computed on the server from the streamed CSV; download; re-run. */
export default async function ReportRunPage({ params }: Props) {
  const { accountId, definitionId, runId } = await params;
  const ctx = await requireAccountPermission(accountId, "reporting.read");
  const paths = dashboardPaths(ctx.account.id);
  // Another Hub's or account's definition: the 404 page (the preview checks the run itself).
  const owner = await settle(getReportDefinition({ ctx, input: { accountId: ctx.account.id, definitionId } }));
  if (!owner.ok && owner.notFound) notFound();
  return (
    <div className="space-y-4">
      <Link href={paths.report(definitionId)} className="text-sm text-slate-500 hover:text-slate-900">
        ← Report
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Report preview</h1>
        <span className="flex items-center gap-3">
          <a className="underline" href={paths.reportDownload(runId)} download>
            Download CSV
          </a>
          {can(ctx, "reporting.create") ? (
            <RerunButton accountId={ctx.account.id} runId={runId} afterHref={paths.report(definitionId)} />
          ) : null}
        </span>
      </div>
      <Suspense fallback={<SectionSkeleton label="Reading the report" height="h-96" />}>
        <PreviewSection ctx={ctx} runId={runId} />
      </Suspense>
    </div>
  );
}
