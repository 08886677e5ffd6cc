import type { Metadata } from "next";
import Link from "@/components/intent-link";
import { Suspense } from "react";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { FilterBar, humanize } from "@/components/filter-bar";
import { LocalTime } from "@/components/local-time";
import { Money } from "@/components/money";
import { SectionSkeleton } from "@/components/page-skeleton";
import { Pagination } from "@/components/pagination";
import { StatusBadge } from "@/components/status-badge";
import { buttonVariants } from "@/components/ui/button";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { requireAccountPermission } from "@/lib/server/account-context";
import type { AccountContext } from "@/lib/server/context-types";
import { listOperations } from "@/lib/services/operations/list";
import {
  OPERATION_KINDS,
  OPERATION_STATUSES,
  parseOperationsFilter,
  type OperationsFilter,
} from "@/lib/services/operations/schemas";
import { KIND_LABELS, kindLabel } from "./_components/operation-labels";
import { OperationTarget } from "./_components/operation-target";

export const metadata: Metadata = { title: "Operations" };

type Query = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ accountId: string }>; searchParams: Promise<Query> };

const filterQuery = (f: OperationsFilter) =>
  new URLSearchParams(
    Object.entries({ member: f.member, kind: f.kind, status: f.status, from: f.from, to: f.to }).filter(
      (e): e is [string, string] => !!e[1],
    ),
  ).toString();

async function OperationsSection({
  ctx,
  filter,
  query,
}: {
  ctx: AccountContext;
  filter: OperationsFilter;
  query: Query;
}) {
  const paths = dashboardPaths(ctx.account.id);
  const log = await listOperations({ ctx, input: filter });
  return (
    <>
      <FilterBar
        action={paths.operations}
        fields={[
          {
            kind: "select",
            name: "member",
            label: "Member",
            options: log.members.map((m) => ({ value: m.id, label: m.email })),
            value: filter.member,
          },
          {
            kind: "select",
            name: "kind",
            label: "Type",
            options: OPERATION_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] ?? k })),
            value: filter.kind,
          },
          {
            kind: "select",
            name: "status",
            label: "Status",
            options: OPERATION_STATUSES.map((s) => ({ value: s, label: humanize(s) })),
            value: filter.status,
          },
          { kind: "date", name: "from", label: "From (UTC)", value: filter.from },
          { kind: "date", name: "to", label: "To (UTC)", value: filter.to },
        ]}
      />
      <div className="flex justify-end">
        <a
          href={paths.operationsExport(filterQuery(filter))}
          className={buttonVariants({ variant: "secondary", size: "sm" })}
          data-testid="operations-export"
        >
          Export CSV
        </a>
      </div>
      {log.items.length === 0 ? (
        <EmptyState title="No operations">No operation matches these filters.</EmptyState>
      ) : (
        <>
          <DataTable
            testId="operations"
            caption="Operations"
            rows={log.items}
            rowKey={(o) => o.id}
            rowHref={(o) => paths.operation(o.id)}
            rowLabel={(o) => `Operation ${kindLabel(o.kind, o.action)}`}
            columns={[
              { header: "When", cell: (o) => <LocalTime iso={o.createdAt} /> },
              { header: "Member", cell: (o) => o.actorEmail ?? "—" },
              { header: "What", cell: (o) => kindLabel(o.kind, o.action) },
              {
                header: "Amount",
                numeric: true,
                cell: (o) =>
                  o.amountMinor !== null && o.currency ? (
                    <Money amountMinor={o.amountMinor} currency={o.currency} />
                  ) : (
                    (o.currency ?? "—")
                  ),
              },
              {
                header: "Status",
                cell: (o) => (
                  <span className="flex flex-col items-start gap-0.5">
                    <StatusBadge status={o.status} />
                    {o.upstreamStatus && o.upstreamStatus !== o.status ? (
                      <StatusBadge status={o.upstreamStatus} />
                    ) : null}
                  </span>
                ),
              },
              { header: "MANGOPAY id", cell: (o) => <OperationTarget accountId={ctx.account.id} operation={o} /> },
              {
                header: "Result",
                cell: (o) => (o.resultMessage ? <span className="text-xs">{o.resultMessage}</span> : "—"),
              },
            ]}
          />
          <Pagination pathname={paths.operations} query={query} result={log} sizes={[]} />
        </>
      )}
    </>
  );
}

/** Every MANGOPAY operation run from this dashboard on this account: who, what, how much, and what came back. */
export default async function OperationsPage({ params, searchParams }: Props) {
  const [{ accountId }, query] = await Promise.all([params, searchParams]);
  const ctx = await requireAccountPermission(accountId, "transactions.read");
  const filter = parseOperationsFilter(query);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Operations</h1>
        <p className="text-sm text-slate-600">
          Money moved and objects created from this dashboard, newest first. Pending ones are checked with MANGOPAY when
          shown. See also <Link href={dashboardPaths(ctx.account.id).transactions}>all transactions</Link>.
        </p>
      </div>
      <Suspense key={JSON.stringify(filter)} fallback={<SectionSkeleton label="Loading operations" height="h-96" />}>
        <OperationsSection ctx={ctx} filter={filter} query={query} />
      </Suspense>
    </div>
  );
}
