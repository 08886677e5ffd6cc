import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { eventResource } from "@/lib/mangopay/event-types";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { getAccountInHub } from "@/lib/services/api-accounts/internal";
import { utcDayRange } from "@/lib/services/mirror-reads/day-range";
import { mirrorFreshness, type MirrorFreshness } from "@/lib/services/mirror-reads/internal";
import type { EventPageDTO } from "./list";
import { ListEventHistoryInput, type EventFilters } from "./schemas";

export type EventHistoryPageDTO = EventPageDTO & { freshness: MirrorFreshness };

/** The mirror's rows for the events page's filters (types, inclusive UTC days). Shared with the CSV export. */
export function eventHistoryWhere(
  scope: { hubId: string; apiAccountId: string },
  filters: EventFilters,
): Prisma.MirrorEventWhereInput {
  return {
    ...scope,
    ...(filters.types.length > 0 ? { eventType: { in: filters.types } } : {}),
    ...(filters.from || filters.to ? { eventDate: utcDayRange(filters) } : {}),
  };
}

/**
 * Events newest first from the local mirror, which keeps them beyond MANGOPAY's 45 days (up to the
 * account's retention setting), with the same filters as the live list and the mirror's freshness.
 */
export async function listEventHistory({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: ListEventHistoryInput;
}): Promise<EventHistoryPageDTO> {
  assertCan(ctx, "events.read");
  const { filters, page, perPage } = parseInput(ListEventHistoryInput, input);
  const where = eventHistoryWhere({ hubId: ctx.hub.id, apiAccountId: ctx.account.id }, filters);
  // A context forged with another Hub's account finds nothing: NotFound, as for a missing account.
  // The check runs beside the reads (scoped to the Hub themselves), not before them: one round.
  const [, rows, total, freshness] = await Promise.all([
    getAccountInHub(db, ctx.hub.id, ctx.account.id),
    db.mirrorEvent.findMany({
      where,
      orderBy: [{ eventDate: "desc" }, { id: "desc" }],
      skip: (page - 1) * perPage,
      take: perPage,
      select: { eventType: true, resourceId: true, eventDate: true },
    }),
    db.mirrorEvent.count({ where }),
    mirrorFreshness(ctx.hub.id, ctx.account.id),
  ]);
  return {
    items: rows.map((r) => ({
      resourceId: r.resourceId,
      eventType: r.eventType,
      date: r.eventDate.toISOString(),
      resource: eventResource(r.eventType),
    })),
    page,
    perPage,
    totalItems: total,
    totalPages: Math.ceil(total / perPage),
    freshness,
  };
}
