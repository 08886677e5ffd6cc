import type { Metadata } from "next";
import Link from "@/components/intent-link";
import { Suspense } from "react";
import { CopyableId } from "@/components/copyable-id";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { FilterBar, humanize, optionsOf } from "@/components/filter-bar";
import { LocalTime, MaybeTime } from "@/components/local-time";
import { MirrorExportLink, MirrorFreshnessLine } from "@/components/mirror-freshness";
import { MaybeMoney, Money } from "@/components/money";
import { SectionSkeleton } from "@/components/page-skeleton";
import { hrefWith, Pagination } from "@/components/pagination";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { StatusBadge } from "@/components/status-badge";
import { cn } from "@/lib/cn";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { requireAccountPermission } from "@/lib/server/account-context";
import type { AccountContext } from "@/lib/server/context-types";
import { listDisputes } from "@/lib/services/disputes/list";
import { DISPUTE_STATUSES, DISPUTE_TYPES, DisputesQuery } from "@/lib/services/disputes/schemas";
import { getMirrorFreshness } from "@/lib/services/mirror-reads/get-freshness";
import { settle } from "@/lib/services/upstream";
import { DisputedUser } from "./_components/disputed-user";

export const metadata: Metadata = { title: "Disputes" };

type Query = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ accountId: string }>; searchParams: Promise<Query> };

const QUICK = [
  { value: undefined, label: "All" },
  { value: "pending-client", label: "Pending client" },
  { value: "to-settle", label: "To settle" },
] as const;

const disputesInput = (q: DisputesQuery) => ({
  filters: { quick: q.quick, status: q.status, type: q.type, from: q.from, to: q.to },
  page: q.page,
  perPage: q.perPage,
});

async function DisputesSection({
  ctx,
  q,
  query,
  pathname,
}: {
  ctx: AccountContext;
  q: DisputesQuery;
  query: Query;
  pathname: string;
}) {
  const result = await settle(listDisputes({ ctx, input: disputesInput(q) }));
  if (!result.ok) return <ServiceErrorMessage view={result.error} />;
  const page = result.data;
  if (page.items.length === 0) {
    return (
      <EmptyState
        title={
          q.quick === "pending-client"
            ? "Nothing waits for you"
            : q.quick === "to-settle"
              ? "Nothing to settle"
              : "No disputes"
        }
      >
        {q.quick ? "No dispute is in this state." : "No dispute matches these filters."}
      </EmptyState>
    );
  }
  return (
    <>
      <DataTable
        testId="disputes"
        caption="Disputes"
        rows={page.items}
        rowKey={(d) => d.id}
        rowHref={(d) => dashboardPaths(ctx.account.id).dispute(d.id)}
        rowLabel={(d) => `Dispute ${d.id}`}
        columns={[
          { header: "Opened", cell: (d) => <LocalTime iso={d.createdAt} /> },
          {
            header: "Status",
            cell: (d) => (
              <span className="flex flex-col items-start gap-0.5">
                <StatusBadge status={d.status} />
                {d.resultCode ? <StatusBadge status={d.resultCode} /> : null}
              </span>
            ),
          },
          { header: "Type", cell: (d) => humanize(d.type) },
          {
            header: "Reason",
            cell: (d) => (d.reasonType ? humanize(d.reasonType) : <span className="text-slate-400">—</span>),
          },
          {
            header: "Disputed",
            numeric: true,
            cell: (d) => <Money amountMinor={d.disputedFunds.amountMinor} currency={d.disputedFunds.currency} />,
          },
          { header: "Contested", numeric: true, cell: (d) => <MaybeMoney value={d.contestedFunds} /> },
          { header: "Contest deadline", cell: (d) => <MaybeTime iso={d.contestDeadline} /> },
          {
            header: "User",
            cell: (d) => (
              <Suspense fallback={<span className="text-xs text-slate-400">…</span>}>
                <DisputedUser ctx={ctx} payInId={d.initialTransactionId} />
              </Suspense>
            ),
          },
          { header: "Id", cell: (d) => <CopyableId id={d.id} /> },
        ]}
      />
      <Pagination pathname={pathname} query={query} result={page} />
    </>
  );
}

/** Ongoing and past disputes, with the two queues operators work from as quick filters. */
export default async function DisputesPage({ params, searchParams }: Props) {
  const [{ accountId }, query] = await Promise.all([params, searchParams]);
  const ctx = await requireAccountPermission(accountId, "disputes.read");
  const q = DisputesQuery.parse(query);
  const paths = dashboardPaths(ctx.account.id);
  const pathname = paths.disputes;
  // The disputes' page starts before the mirror's freshness is read (the section gets it from the memo).
  void settle(listDisputes({ ctx, input: disputesInput(q) }));
  const freshness = await getMirrorFreshness({ ctx, input: { view: "disputes" } });
  // "Pending client" stands for both waiting statuses, so the page ignores `status` with it: so does the link.
  const filterQuery = new URLSearchParams(
    Object.entries({
      quick: q.quick,
      status: q.quick === "pending-client" ? undefined : q.status,
      type: q.type,
      from: q.from,
      to: q.to,
    }).filter((e): e is [string, string] => e[1] !== undefined),
  ).toString();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Disputes</h1>
          <p className="text-sm text-slate-600">Chargebacks opened by cardholders&apos; banks, newest first.</p>
        </div>
        {q.quick === "to-settle" ? (
          // MANGOPAY's own list: its export reads MANGOPAY, whether or not the mirror is connected.
          <a
            href={paths.disputesExport(filterQuery)}
            className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100"
            data-testid="export-csv"
            download
          >
            Export CSV
          </a>
        ) : (
          <MirrorExportLink
            freshness={freshness}
            href={paths.disputesExport(filterQuery)}
            reportsHref={paths.reports}
          />
        )}
      </div>
      <div className="text-xs text-slate-500">
        {q.quick === "to-settle"
          ? "The CSV export holds MANGOPAY's whole list of lost disputes still to settle, read from MANGOPAY as it downloads."
          : "The CSV export holds every dispute the mirror has that matches these filters."}
        <MirrorFreshnessLine freshness={freshness} hooksHref={paths.hooks} />
      </div>
      <nav aria-label="Quick filters" className="flex gap-2" data-testid="quick-filters">
        {QUICK.map((f) => {
          const active = q.quick === f.value;
          return (
            <Link
              key={f.label}
              href={hrefWith(pathname, query, {
                quick: f.value,
                page: undefined,
                status: f.value === "pending-client" ? undefined : q.status,
              })}
              aria-current={active ? "page" : undefined}
              className={cn(
                "rounded-full border px-3 py-1 text-sm",
                active ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white hover:bg-slate-100",
              )}
            >
              {f.label}
            </Link>
          );
        })}
      </nav>
      <FilterBar
        action={pathname}
        keep={{ quick: q.quick, perPage: q.perPage === 20 ? undefined : String(q.perPage) }}
        fields={[
          ...(q.quick === "pending-client"
            ? []
            : [
                {
                  kind: "select" as const,
                  name: "status",
                  label: "Status",
                  options: optionsOf(DISPUTE_STATUSES),
                  value: q.status,
                },
              ]),
          { kind: "select", name: "type", label: "Type", options: optionsOf(DISPUTE_TYPES), value: q.type },
          { kind: "date", name: "from", label: "Opened from (UTC)", value: q.from },
          { kind: "date", name: "to", label: "Opened to (UTC)", value: q.to },
        ]}
      />
      <Suspense key={JSON.stringify(q)} fallback={<SectionSkeleton label="Loading disputes" height="h-96" />}>
        <DisputesSection ctx={ctx} q={q} query={query} pathname={pathname} />
      </Suspense>
    </div>
  );
}
