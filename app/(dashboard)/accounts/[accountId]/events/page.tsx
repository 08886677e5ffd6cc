import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { CopyableId } from "@/components/copyable-id";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { FilterBar } from "@/components/filter-bar";
import { LocalTime } from "@/components/local-time";
import { SectionSkeleton } from "@/components/page-skeleton";
import { Pagination } from "@/components/pagination";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { EVENT_RESOURCE_LABELS, EVENT_RETENTION_DAYS, EVENT_TYPE_GROUPS } from "@/lib/mangopay/event-types";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { requestNow } from "@/lib/server/clock";
import { requireAccountPermission } from "@/lib/server/account-context";
import type { AccountContext } from "@/lib/server/context-types";
import { can } from "@/lib/server/permissions";
import { listEvents } from "@/lib/services/events/list";
import {
  earliestEventDay,
  eventFiltersFor,
  EventsQuery,
  todayUtc,
  type EventFilters,
} from "@/lib/services/events/schemas";
import { settle } from "@/lib/services/upstream";

export const metadata: Metadata = { title: "Events" };

type Query = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ accountId: string }>; searchParams: Promise<Query> };

async function EventsSection({
  ctx,
  filters,
  q,
  query,
  pathname,
}: {
  ctx: AccountContext;
  filters: EventFilters;
  q: EventsQuery;
  query: Query;
  pathname: string;
}) {
  const result = await settle(listEvents({ ctx, input: { filters, page: q.page, perPage: q.perPage } }));
  if (!result.ok) return <ServiceErrorMessage view={result.error} />;
  const page = result.data;
  if (page.items.length === 0)
    return (
      <EmptyState title="No events">
        No event matches these types and dates in the last {EVENT_RETENTION_DAYS} days.
      </EmptyState>
    );
  return (
    <>
      <DataTable
        testId="events"
        caption="Events"
        rows={page.items}
        rowKey={(e) => `${e.eventType}|${e.resourceId}|${e.date}`}
        rowHref={(e) => dashboardPaths(ctx.account.id).event(e)}
        rowLabel={(e) => `${e.eventType} on ${e.resourceId}`}
        columns={[
          { header: "Date", cell: (e) => <LocalTime iso={e.date} /> },
          {
            header: "Event type",
            cell: (e) => (
              <span className="font-mono text-xs" data-testid="event-type">
                {e.eventType}
              </span>
            ),
          },
          {
            header: "Resource",
            cell: (e) => (e.resource ? EVENT_RESOURCE_LABELS[e.resource] : <span className="text-slate-400">—</span>),
          },
          { header: "Resource Id", cell: (e) => <CopyableId id={e.resourceId} /> },
        ]}
      />
      <Pagination pathname={pathname} query={query} result={page} />
    </>
  );
}

/** Events by type(s) and dates, newest first; the 45-day retention is stated and enforced here. */
export default async function EventsPage({ params, searchParams }: Props) {
  const [{ accountId }, query] = await Promise.all([params, searchParams]);
  const ctx = await requireAccountPermission(accountId, "events.read");
  const q = EventsQuery.parse(query);
  const now = requestNow();
  const earliest = earliestEventDay(now);
  const today = todayUtc(now);
  const parsed = eventFiltersFor(now).safeParse({ types: q.types, from: q.from || undefined, to: q.to || undefined });
  const errors: Record<string, string> = {};
  if (!parsed.success)
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "types")] ??= issue.message;
  const pathname = `${dashboardPaths(ctx.account.id).home}/events`;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Events</h1>
        <p className="text-sm text-slate-600" data-testid="events-retention">
          MANGOPAY keeps events for {EVENT_RETENTION_DAYS} days: you can look from <strong>{earliest}</strong> to today
          ({today}, UTC). For older activity use the transactions lists or a report.
        </p>
      </div>
      <FilterBar
        action={pathname}
        keep={{ perPage: q.perPage === 20 ? undefined : String(q.perPage) }}
        fields={[
          {
            kind: "multi",
            name: "types",
            label: "Event types",
            values: q.types,
            hint: "None selected = every type. Ctrl/Cmd-click to pick several.",
            groups: EVENT_TYPE_GROUPS.map((g) => ({
              label: g.label,
              options: g.types.map((t) => ({ value: t, label: t })),
            })),
          },
          {
            kind: "date",
            name: "from",
            label: "From (UTC)",
            value: q.from,
            min: earliest,
            max: today,
            error: errors.from,
          },
          { kind: "date", name: "to", label: "To (UTC)", value: q.to, min: earliest, max: today, error: errors.to },
        ]}
      />
      {errors.types ? (
        <p role="alert" className="text-sm text-red-700">
          {errors.types}
        </p>
      ) : null}
      {parsed.success ? (
        <Suspense key={JSON.stringify(q)} fallback={<SectionSkeleton label="Loading events" height="h-96" />}>
          <EventsSection ctx={ctx} filters={parsed.data} q={q} query={query} pathname={pathname} />
        </Suspense>
      ) : (
        <EmptyState title="Fix the dates to see events">
          MANGOPAY refuses ranges that start more than {EVENT_RETENTION_DAYS} days ago, so nothing was asked.
        </EmptyState>
      )}
      {can(ctx, "hooks.read") ? (
        <p className="text-xs text-slate-500">
          Looking for a webhook problem? See{" "}
          <Link href={`${dashboardPaths(ctx.account.id).home}/hooks`} className="underline">
            Hooks
          </Link>
          .
        </p>
      ) : null}
    </div>
  );
}
