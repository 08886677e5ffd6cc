import "server-only";
import { events } from "@/lib/mangopay";
import { EVENT_RETENTION_DAYS, EVENT_TYPE_GROUPS, eventResource, type EventResource } from "@/lib/mangopay/event-types";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { readMangopay } from "@/lib/services/mangopay/request";
import { LONE_ID_TYPES, parseSearchQuery, type SearchableType } from "./id-shapes";

/** Pages of 100 events read at once (all in parallel, one round): the 500 newest events are searched. */
export const EVENT_SCAN_PAGES = 5;
const PER_PAGE = 100;

// What an id prefix says about the events that can name it (a plain id may be any event's resource).
const RESOURCE_OF: Partial<Record<SearchableType, EventResource>> = {
  user: "user",
  payin: "payIn",
  payout: "payOut",
  transfer: "transfer",
  refund: "refund",
  card: "card",
  preauthorization: "preauthorization",
  mandate: "mandate",
  kycDocument: "kycDocument",
  uboDeclaration: "uboDeclaration",
  dispute: "dispute",
  repudiation: "repudiation",
  settlement: "settlement",
  report: "report",
  recipient: "recipient",
  payInIntent: "payInIntent",
};

export type EventHit = { resourceId: string; eventType: string; date: string; resource: EventResource };
export type EventSearchResult = {
  hits: EventHit[];
  /** Events read (newest first, last 45 days) and whether older ones were left unread. */
  scanned: number;
  truncated: boolean;
};

/**
 * The events whose ResourceId is the searched Id. MANGOPAY cannot filter events by ResourceId, so the
 * newest events of the retention window (only the types that can name such an id) are read, all pages
 * at once, and matched here; the answer says how many were read and whether older ones remain.
 */
export async function findEventsByResourceId({
  ctx,
  input,
  nowMs = Date.now(),
}: {
  ctx: AccountContext;
  input: { query: unknown };
  nowMs?: number;
}): Promise<EventSearchResult> {
  assertCan(ctx, "events.read");
  const query = typeof input.query === "string" ? input.query.slice(0, 300) : "";
  const parsed = parseSearchQuery(query);
  if (parsed.kind !== "ids") return { hits: [], scanned: 0, truncated: false };
  const resources = new Set(parsed.candidates.map((t) => RESOURCE_OF[t]).filter((r) => r !== undefined));
  // An id without a telling prefix may be any event's resource (dispute documents too): no type filter.
  const anyType = parsed.candidates.length >= LONE_ID_TYPES.length;
  const types = anyType
    ? undefined
    : EVENT_TYPE_GROUPS.filter((g) => resources.has(g.resource)).flatMap((g) => g.types);
  if (types && types.length === 0) return { hits: [], scanned: 0, truncated: false };
  const afterDate = Math.ceil(nowMs / 1000) - EVENT_RETENTION_DAYS * 86_400 + 60;
  const pages = await Promise.all(
    Array.from({ length: EVENT_SCAN_PAGES }, (_, i) =>
      readMangopay(ctx, `events-scan:${types?.join(",") ?? "*"}:${i + 1}`, (client) =>
        events.list(client, {
          page: i + 1,
          perPage: PER_PAGE,
          sort: { field: "Date", direction: "DESC" },
          filters: { EventType: types, AfterDate: afterDate },
          priority: "interactive",
        }),
      ),
    ),
  );
  const items = pages.flatMap((p) => p.items);
  const total = pages[0]?.totalItems ?? null;
  return {
    hits: items
      .filter((e) => e.ResourceId === parsed.id)
      .map((e) => ({
        resourceId: e.ResourceId,
        eventType: e.EventType,
        date: e.Date.toISOString(),
        resource: eventResource(e.EventType),
      })),
    scanned: items.length,
    truncated: total !== null ? total > items.length : (pages.at(-1)?.items.length ?? 0) === PER_PAGE,
  };
}
