import type { Metadata } from "next";
import Link from "@/components/intent-link";
import { Suspense } from "react";
import { CopyableId } from "@/components/copyable-id";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { FilterBar } from "@/components/filter-bar";
import { MirrorExportLink, MirrorFreshnessLine } from "@/components/mirror-freshness";
import { LocalTime } from "@/components/local-time";
import { SectionSkeleton } from "@/components/page-skeleton";
import { hrefWith, Pagination } from "@/components/pagination";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { EVENT_RESOURCE_LABELS, EVENT_RETENTION_DAYS, EVENT_TYPE_GROUPS } from "@/lib/mangopay/event-types";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { requestNow } from "@/lib/server/clock";
import { requireAccountPermission } from "@/lib/server/account-context";
import type { AccountContext } from "@/lib/server/context-types";
import { can } from "@/lib/server/permissions";
import { listEvents, type EventDTO, type EventPageDTO } from "@/lib/services/events/list";
import { listEventHistory } from "@/lib/services/events/list-history";
import {
  earliestEventDay,
  EventHistoryFilters,
  eventFiltersFor,
  EventsQuery,
  readsEventHistory,
  todayUtc,
  type EventFilters,
} from "@/lib/services/events/schemas";
import { getMirrorFreshness } from "@/lib/services/mirror-reads/get-freshness";
import { settle } from "@/lib/services/upstream";

export const metadata: Metadata = { title: "Events" };

type Query = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ accountId: string }>; searchParams: Promise<Query> };

function EventsTable({
  ctx,
  page,
  query,
  pathname,
}: {
  ctx: AccountContext;
  page: EventPageDTO;
  query: Query;
  pathname: string;
}) {
  return (
    <>
      <DataTable<EventDTO>
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

type SectionProps = { ctx: AccountContext; filters: EventFilters; q: EventsQuery; query: Query; pathname: string };

async function EventsSection({ ctx, filters, q, query, pathname }: SectionProps) {
  const result = await settle(listEvents({ ctx, input: { filters, page: q.page, perPage: q.perPage } }));
  if (!result.ok) return <ServiceErrorMessage view={result.error} />;
  if (result.data.items.length === 0)
    return (
      <EmptyState title="No events">
        No event matches these types and dates in the last {EVENT_RETENTION_DAYS} days.
      </EmptyState>
    );
  return <EventsTable ctx={ctx} page={result.data} query={query} pathname={pathname} />;
}

/** The same list from the local mirror: any date it still holds, with its freshness. */
async function EventHistorySection({ ctx, filters, q, query, pathname }: SectionProps) {
  const result = await settle(listEventHistory({ ctx, input: { filters, page: q.page, perPage: q.perPage } }));
  if (!result.ok) return <ServiceErrorMessage view={result.error} />;
  const hooksHref = dashboardPaths(ctx.account.id).hooks;
  return (
    <div className="space-y-2" data-testid="event-history">
      <MirrorFreshnessLine freshness={result.data.freshness} hooksHref={hooksHref} />
      {result.data.items.length === 0 ? (
        <EmptyState title="No events in the mirror">
          No event the mirror recorded matches these types and dates. It records events from the day the account&apos;s
          webhooks were connected, and keeps them for the account&apos;s retention period.
        </EmptyState>
      ) : (
        <EventsTable ctx={ctx} page={result.data} query={query} pathname={pathname} />
      )}
    </div>
  );
}

/**
 * Events by type(s) and dates, newest first: from MANGOPAY over its 45 days, from the local mirror
 * when the range starts earlier or the history is asked for (`history=1`).
 */
export default async function EventsPage({ params, searchParams }: Props) {
  const [{ accountId }, query] = await Promise.all([params, searchParams]);
  const ctx = await requireAccountPermission(accountId, "events.read");
  const q = EventsQuery.parse(query);
  const now = requestNow();
  const earliest = earliestEventDay(now);
  const today = todayUtc(now);
  const history = readsEventHistory({ history: q.history, from: q.from || undefined, to: q.to || undefined }, now);
  const raw = { types: q.types, from: q.from || undefined, to: q.to || undefined };
  const parsed = (history ? EventHistoryFilters : eventFiltersFor(now)).safeParse(raw);
  // MANGOPAY's page starts before the mirror's freshness is read, not after it (the section below gets
  // the same read from the request's memo).
  if (parsed.success && !history)
    void settle(listEvents({ ctx, input: { filters: parsed.data, page: q.page, perPage: q.perPage } }));
  const freshness = await getMirrorFreshness({ ctx, input: { view: "events" } });
  const paths = dashboardPaths(ctx.account.id);
  const filterQuery = new URLSearchParams([
    ...q.types.map((t) => ["types", t]),
    ...(q.from ? [["from", q.from]] : []),
    ...(q.to ? [["to", q.to]] : []),
  ]).toString();
  const errors: Record<string, string> = {};
  if (!parsed.success)
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "types")] ??= issue.message;
  const pathname = `${dashboardPaths(ctx.account.id).home}/events`;
  return (
    <div className="space-y-4">
      <div>
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h1 className="text-2xl font-semibold">Events</h1>
          <div className="flex flex-wrap gap-2">
            <Link
              href={
                history
                  ? hrefWith(pathname, query, { history: undefined, page: undefined, from: undefined, to: undefined })
                  : hrefWith(pathname, query, { history: "1", page: undefined })
              }
              className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100"
              data-testid="history-toggle"
            >
              {history ? `Last ${EVENT_RETENTION_DAYS} days (MANGOPAY)` : "History (mirror)"}
            </Link>
            <MirrorExportLink
              freshness={freshness}
              href={paths.eventsExport(filterQuery)}
              reportsHref={paths.reports}
            />
          </div>
        </div>
        {history ? (
          <p className="text-sm text-slate-600" data-testid="events-retention">
            History from the local mirror: every event recorded since the account&apos;s webhooks were connected, kept
            for the account&apos;s retention period. Each event still opens its resource as MANGOPAY holds it today.
          </p>
        ) : (
          <p className="text-sm text-slate-600" data-testid="events-retention">
            MANGOPAY keeps events for {EVENT_RETENTION_DAYS} days: you can look from <strong>{earliest}</strong> to
            today ({today}, UTC). For older events pick an earlier start day or open the history from the mirror.
          </p>
        )}
      </div>
      <FilterBar
        action={pathname}
        keep={{ perPage: q.perPage === 20 ? undefined : String(q.perPage), history: q.history ? "1" : undefined }}
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
            // Live, the form keeps to MANGOPAY's window; older days are the history's (toggle or URL).
            min: history ? undefined : earliest,
            max: today,
            error: errors.from,
          },
          {
            kind: "date",
            name: "to",
            label: "To (UTC)",
            value: q.to,
            min: history ? undefined : earliest,
            max: today,
            error: errors.to,
          },
        ]}
      />
      {errors.types ? (
        <p role="alert" className="text-sm text-red-700">
          {errors.types}
        </p>
      ) : null}
      {parsed.success ? (
        <Suspense key={JSON.stringify(q)} fallback={<SectionSkeleton label="Loading events" height="h-96" />}>
          {history ? (
            <EventHistorySection ctx={ctx} filters={parsed.data} q={q} query={query} pathname={pathname} />
          ) : (
            <EventsSection ctx={ctx} filters={parsed.data} q={q} query={query} pathname={pathname} />
          )}
        </Suspense>
      ) : (
        <EmptyState title="Fix the dates to see events">
          {history
            ? "The end date must be on or after the start date, so nothing was read."
            : `MANGOPAY refuses ranges that end more than ${EVENT_RETENTION_DAYS} days ago, so nothing was asked.`}
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
