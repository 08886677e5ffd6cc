import type { Metadata } from "next";
import Link from "@/components/intent-link";
import { Suspense } from "react";
import { CopyableId } from "@/components/copyable-id";
import { DataTable } from "@/components/data-table";
import { Section } from "@/components/detail-list";
import { EmptyState } from "@/components/empty-state";
import { FilterBar, humanize, optionsOf } from "@/components/filter-bar";
import { LocalTime, MaybeTime } from "@/components/local-time";
import { MirrorExportLink, MirrorFreshnessLine } from "@/components/mirror-freshness";
import { SectionSkeleton } from "@/components/page-skeleton";
import { Pagination } from "@/components/pagination";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { StatusBadge } from "@/components/status-badge";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { requireAccountPermission } from "@/lib/server/account-context";
import type { AccountContext } from "@/lib/server/context-types";
import { can } from "@/lib/server/permissions";
import { listKycDocuments } from "@/lib/services/kyc-documents/list";
import { getMirrorFreshness } from "@/lib/services/mirror-reads/get-freshness";
import {
  ComplianceQuery,
  KYC_DOCUMENT_STATUSES,
  KYC_DOCUMENT_TYPES,
  LEGAL_ONLY_TYPES,
} from "@/lib/services/kyc-documents/schemas";
import { listUboDeclarations } from "@/lib/services/ubo-declarations/list";
import { settle } from "@/lib/services/upstream";

export const metadata: Metadata = { title: "Compliance" };

type Query = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ accountId: string }>; searchParams: Promise<Query> };

function documentsInput(q: ComplianceQuery) {
  return { filters: { type: q.type, status: q.status, from: q.from, to: q.to }, page: q.page, perPage: q.perPage };
}

function UserCell({ ctx, userId }: { ctx: AccountContext; userId: string }) {
  return can(ctx, "users.read") ? (
    <Link href={dashboardPaths(ctx.account.id).user(userId)} className="font-mono text-xs underline">
      {userId}
    </Link>
  ) : (
    <span className="font-mono text-xs">{userId}</span>
  );
}

function Refusal({ type, message }: { type: string | null; message: string | null }) {
  if (!type && !message) return <span className="text-slate-400">—</span>;
  return (
    <span className="flex flex-col text-xs">
      {type ? <span className="font-medium text-red-800">{humanize(type)}</span> : null}
      {message ? <span className="text-slate-600">{message}</span> : null}
    </span>
  );
}

async function DocumentsSection({
  ctx,
  q,
  query,
  pathname,
}: {
  ctx: AccountContext;
  q: ComplianceQuery;
  query: Query;
  pathname: string;
}) {
  const result = await settle(listKycDocuments({ ctx, input: documentsInput(q) }));
  if (!result.ok) return <ServiceErrorMessage view={result.error} />;
  const page = result.data;
  if (page.items.length === 0)
    return <EmptyState title="No KYC documents">No document matches these filters.</EmptyState>;
  return (
    <>
      <DataTable
        testId="kyc-documents"
        caption="KYC documents"
        rows={page.items}
        rowKey={(d) => d.id}
        columns={[
          { header: "Created", cell: (d) => <LocalTime iso={d.createdAt} /> },
          { header: "User", cell: (d) => <UserCell ctx={ctx} userId={d.userId} /> },
          { header: "Type", cell: (d) => <span data-testid="kyc-type">{humanize(d.type)}</span> },
          { header: "Status", cell: (d) => <StatusBadge status={d.status} /> },
          { header: "Refusal", cell: (d) => <Refusal type={d.refusedReasonType} message={d.refusedReasonMessage} /> },
          { header: "Processed", cell: (d) => <MaybeTime iso={d.processedAt} /> },
          { header: "Id", cell: (d) => <CopyableId id={d.id} /> },
        ]}
      />
      <Pagination pathname={pathname} query={query} result={page} />
    </>
  );
}

async function UboSection({
  ctx,
  q,
  exportHref,
}: {
  ctx: AccountContext;
  q: ComplianceQuery;
  exportHref: string | null;
}) {
  const docs = await settle(listKycDocuments({ ctx, input: documentsInput(q) }));
  const userIds = docs.ok
    ? [...new Set(docs.data.items.filter((d) => LEGAL_ONLY_TYPES.includes(d.type)).map((d) => d.userId))].slice(0, 20)
    : [];
  const result = await settle(listUboDeclarations({ ctx, input: { userIds } }));
  return (
    <Section title="UBO declarations" testId="ubo-declarations">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500">
        <p>Of the legal users in the documents above, and every declaration that changed in the last 45 days.</p>
        {exportHref ? (
          <a
            href={exportHref}
            download
            className="rounded-md border border-slate-300 bg-white px-2 py-0.5 text-slate-700 hover:bg-slate-100"
            data-testid="export-ubo-csv"
          >
            Export every UBO declaration in the mirror (CSV{q.from || q.to ? ", these days" : ""})
          </a>
        ) : null}
      </div>
      {!result.ok ? (
        <ServiceErrorMessage view={result.error} />
      ) : result.data.length === 0 ? (
        <EmptyState title="No UBO declarations">None for these users, and none changed in the last 45 days.</EmptyState>
      ) : (
        <DataTable
          testId="ubo-table"
          caption="UBO declarations"
          rows={result.data}
          rowKey={(d) => d.id}
          columns={[
            { header: "Created", cell: (d) => <LocalTime iso={d.createdAt} /> },
            { header: "User", cell: (d) => <UserCell ctx={ctx} userId={d.userId} /> },
            { header: "Status", cell: (d) => <StatusBadge status={d.status} /> },
            { header: "Refusal", cell: (d) => <Refusal type={d.reason} message={d.message} /> },
            { header: "UBOs", numeric: true, cell: (d) => d.ubos.length },
            { header: "Processed", cell: (d) => <MaybeTime iso={d.processedAt} /> },
            { header: "Id", cell: (d) => <CopyableId id={d.id} /> },
          ]}
        />
      )}
    </Section>
  );
}

/** KYC documents with filters, and UBO declarations alongside. */
export default async function CompliancePage({ params, searchParams }: Props) {
  const [{ accountId }, query] = await Promise.all([params, searchParams]);
  const ctx = await requireAccountPermission(accountId, "kycDocuments.read");
  const q = ComplianceQuery.parse(query);
  const paths = dashboardPaths(ctx.account.id);
  const pathname = paths.compliance;
  // The recently changed UBO declarations do not depend on the documents: start them now (memoized).
  if (can(ctx, "uboDeclarations.read")) void settle(listUboDeclarations({ ctx, input: { userIds: [] } }));
  // The documents' page too, before the mirror's freshness is read (the sections get it from the memo).
  void settle(listKycDocuments({ ctx, input: documentsInput(q) }));
  const freshness = await getMirrorFreshness({ ctx, input: { view: "compliance" } });
  const filterQuery = new URLSearchParams(
    Object.entries({ type: q.type, status: q.status, from: q.from, to: q.to }).filter(
      (e): e is [string, string] => e[1] !== undefined,
    ),
  ).toString();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Compliance</h1>
          <p className="text-sm text-slate-600">KYC documents of every user, newest first.</p>
        </div>
        <MirrorExportLink
          freshness={freshness}
          href={paths.complianceExport(filterQuery)}
          reportsHref={paths.reports}
        />
      </div>
      <div className="text-xs text-slate-500">
        The CSV export holds every KYC document the mirror has that matches these filters; UBO declarations have their
        own, below.
        <MirrorFreshnessLine freshness={freshness} hooksHref={paths.hooks} />
      </div>
      <FilterBar
        action={pathname}
        keep={{ perPage: q.perPage === 20 ? undefined : String(q.perPage) }}
        fields={[
          { kind: "select", name: "type", label: "Type", options: optionsOf(KYC_DOCUMENT_TYPES), value: q.type },
          {
            kind: "select",
            name: "status",
            label: "Status",
            options: optionsOf(KYC_DOCUMENT_STATUSES),
            value: q.status,
          },
          { kind: "date", name: "from", label: "Created from (UTC)", value: q.from },
          { kind: "date", name: "to", label: "Created to (UTC)", value: q.to },
        ]}
      />
      <Suspense key={JSON.stringify(q)} fallback={<SectionSkeleton label="Loading KYC documents" height="h-96" />}>
        <DocumentsSection ctx={ctx} q={q} query={query} pathname={pathname} />
      </Suspense>
      {can(ctx, "uboDeclarations.read") ? (
        <Suspense key={`ubo-${JSON.stringify(q)}`} fallback={<SectionSkeleton label="Loading UBO declarations" />}>
          <UboSection
            ctx={ctx}
            q={q}
            exportHref={
              freshness.connected
                ? paths.uboDeclarationsExport(
                    new URLSearchParams(
                      Object.entries({ from: q.from, to: q.to }).filter(
                        (e): e is [string, string] => e[1] !== undefined,
                      ),
                    ).toString(),
                  )
                : null
            }
          />
        </Suspense>
      ) : null}
    </div>
  );
}
