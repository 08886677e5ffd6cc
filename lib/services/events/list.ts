import "server-only";
import { events } from "@/lib/mangopay";
import { EVENT_RETENTION_DAYS, eventResource, type EventResource } from "@/lib/mangopay/event-types";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseInput } from "@/lib/server/errors";
import { readMangopay } from "@/lib/services/mangopay/request";
import { dayRangeToQuery } from "@/lib/services/mangopay/date-range";
import { eventFiltersFor, ListEventsInput } from "./schemas";

export type EventDTO = { resourceId: string; eventType: string; date: string; resource: EventResource };

export type EventPageDTO = {
  items: EventDTO[];
  page: number;
  perPage: number;
  totalItems: number | null;
  totalPages: number | null;
};

/**
 * Events newest first, by type(s) and day range. The 45-day retention is checked here before any
 * call (a ValidationError naming the field); without a start day the window is the last 45 days.
 */
export async function listEvents({
  ctx,
  input,
  nowMs = Date.now(),
}: {
  ctx: AccountContext;
  input: ListEventsInput;
  nowMs?: number;
}): Promise<EventPageDTO> {
  assertCan(ctx, "events.read");
  const { page, perPage } = parseInput(ListEventsInput, input);
  const filters = parseInput(eventFiltersFor(nowMs), input.filters);
  const range = dayRangeToQuery(filters);
  const oldest = Math.ceil(nowMs / 1000) - EVENT_RETENTION_DAYS * 86_400 + 60;
  const result = await readMangopay(ctx, `events:${JSON.stringify({ filters, page, perPage })}`, (client) =>
    events.list(client, {
      page,
      perPage,
      sort: { field: "Date", direction: "DESC" },
      filters: {
        EventType: filters.types.length > 0 ? filters.types : undefined,
        AfterDate: Math.max(range.AfterDate ?? oldest, oldest),
        BeforeDate: range.BeforeDate,
      },
    }),
  );
  return {
    ...result,
    items: result.items.map((e) => ({
      resourceId: e.ResourceId,
      eventType: e.EventType,
      date: e.Date.toISOString(),
      resource: eventResource(e.EventType),
    })),
  };
}
