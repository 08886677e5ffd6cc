// Events (§3.16) and hooks (§3.17). Events are kept sorted by Date, so date bounds use binary search.
import { BodyReader } from "../core/body";
import type { ApiContext } from "../core/context";
import { ok } from "../core/context";
import { notFound, paramError } from "../core/errors";
import { dateParam, listResult, pageParams, pageResult, sortParam } from "../core/list";
import type { ApiRouter } from "../core/router";
import { isEventType } from "../events/event-types";
import type { EmuEvent, Hook } from "../store/types";

/** First index whose Date is > `date` (strictly after). */
function upperBound(events: readonly EmuEvent[], date: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid].Date <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lowerBound(events: readonly EmuEvent[], date: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid].Date < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function listEvents(ctx: ApiContext) {
  const { page, perPage } = pageParams(ctx);
  const events = ctx.store.events;
  const after = dateParam(ctx, "AfterDate");
  const before = dateParam(ctx, "BeforeDate");
  const start = after === null ? 0 : upperBound(events, after);
  const end = before === null ? events.length : lowerBound(events, before);
  const types = new Set(ctx.query.all("EventType").map((t) => t.toUpperCase()));
  let selected = events.slice(start, Math.max(start, end));
  if (types.size > 0) selected = selected.filter((e) => types.has(e.EventType));
  const sort = sortParam(ctx);
  if (sort?.desc) selected.reverse();
  return pageResult(ctx, selected, page, perPage);
}

function hookOf(ctx: ApiContext): Hook {
  const hook = ctx.store.hooks.get(ctx.params.hookId);
  if (!hook) throw notFound("Hook", ctx.params.hookId);
  return hook;
}

function readUrl(b: BodyReader, required: boolean): string | null {
  const url = b.string("Url", { required, max: 2048 });
  if (url !== null && !/^https?:\/\/[^\s]+$/i.test(url)) b.fail("Url", "The field Url must be a valid http(s) URL.");
  return url;
}

export function registerEventHookRoutes(r: ApiRouter): void {
  r.get("/events", listEvents);

  r.post("/hooks", (ctx) => {
    const b = new BodyReader(ctx.body);
    const eventType = b.string("EventType", { required: true });
    if (eventType !== null && !isEventType(eventType))
      b.fail("EventType", `Error converting value "${eventType}" to type 'EventType'.`);
    const url = readUrl(b, true);
    const tag = b.tag();
    b.done();
    if (ctx.store.idx.hookByEventType.has(eventType as string)) {
      throw paramError({ EventType: `A hook already exists for the EventType ${eventType}` });
    }
    const hook: Hook = {
      Id: ctx.store.nextId(),
      Tag: tag,
      CreationDate: ctx.now,
      EventType: eventType as string,
      Url: url as string,
      Status: "ENABLED",
      Validity: "VALID",
    };
    ctx.store.addHook(hook);
    return ok(hook);
  });
  r.get("/hooks", (ctx) => listResult(ctx, ctx.store.hooks.values()));
  r.get("/hooks/:hookId", (ctx) => ok(hookOf(ctx)));
  r.put("/hooks/:hookId", (ctx) => {
    const hook = hookOf(ctx);
    const b = new BodyReader(ctx.body);
    const url = readUrl(b, false);
    const status = b.enumOf("Status", ["ENABLED", "DISABLED"] as const);
    const tag = b.tag();
    b.done();
    // A new URL or a re-enable is a fresh start: MANGOPAY re-validates, so the hook is VALID again.
    if (url !== null && url !== hook.Url) {
      hook.Url = url;
      hook.Validity = "VALID";
    }
    if (status !== null) {
      if (status === "ENABLED" && hook.Status === "DISABLED") hook.Validity = "VALID";
      hook.Status = status;
    }
    if (b.has("Tag")) hook.Tag = tag;
    return ok(hook);
  });
}
