import Link from "@/components/intent-link";
import { humanize } from "@/components/filter-bar";
import { LocalTime } from "@/components/local-time";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { EVENT_RESOURCE_LABELS, EVENT_RETENTION_DAYS } from "@/lib/mangopay/event-types";
import type { AccountContext } from "@/lib/server/context-types";
import type { EventSearchResult } from "@/lib/services/search/find-events";
import type { Settled } from "@/lib/services/upstream";

/** The events whose ResourceId is the searched Id, each opening the event page with its resource. */
export async function EventsNamingId({
  ctx,
  id,
  events,
}: {
  ctx: AccountContext;
  id: string;
  events: Promise<Settled<EventSearchResult>>;
}) {
  const r = await events;
  if (!r.ok) return <ServiceErrorMessage view={{ ...r.error, title: `Events: ${r.error.title}` }} />;
  const { hits, scanned, truncated } = r.data;
  const scope = `the ${scanned} newest events of the last ${EVENT_RETENTION_DAYS} days`;
  const paths = dashboardPaths(ctx.account.id);
  return (
    <section className="space-y-2" aria-label="Events naming this Id" data-testid="search-events">
      <h2 className="font-semibold">Events</h2>
      {hits.length === 0 ? (
        <p className="text-sm text-slate-600">
          No event names <span className="font-mono">{id}</span> among {scope}.
        </p>
      ) : (
        <ul className="space-y-2">
          {hits.map((e) => (
            <li
              key={`${e.eventType}:${e.date}`}
              className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm"
              data-testid="search-event"
            >
              <span>
                <span className="font-mono text-xs">{e.eventType}</span>
                {e.resource ? <span className="text-slate-600"> · {EVENT_RESOURCE_LABELS[e.resource]}</span> : null}
                {" · "}
                <LocalTime iso={e.date} />
              </span>
              <Link
                href={paths.event(e)}
                className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100"
                aria-label={`Open the event ${humanize(e.eventType)} and its resource`}
              >
                Open event
              </Link>
            </li>
          ))}
        </ul>
      )}
      {truncated ? (
        <p className="text-xs text-slate-500">
          MANGOPAY cannot filter events by Id: only {scope} were searched; older events were not.
        </p>
      ) : null}
    </section>
  );
}
