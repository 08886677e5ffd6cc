// Clock aging and webhook replays. Aging moves the emulator's "now" (core/clock.ts offset) forward:
// overdue disputes close as LOST and, with `applyRetention`, events older than 45 days are dropped
// (docs/mangopay-api.md §2.7). A replay sends a stored event to its hook again, like MANGOPAY's dashboard does.
import type { Hono } from "hono";
import type { Emulator } from "../core/emulator";
import { expireOverdueDisputes } from "../domain/disputes";
import { expireReports } from "../domain/reports";
import type { EmuEvent } from "../store/types";
import { readJson } from "./read-json";

export const EVENT_RETENTION_SECONDS = 45 * 86_400;

function clockState(emu: Emulator) {
  return { now: emu.clock.now(), offsetSeconds: emu.clock.offsetSeconds };
}

export function ageClock(emu: Emulator, seconds: number, applyRetention: boolean) {
  emu.clock.advance(seconds);
  const now = emu.clock.now();
  let disputesClosed = 0;
  let reportsExpired = 0;
  let eventsDropped = 0;
  for (const store of emu.clients.values()) {
    disputesClosed += expireOverdueDisputes(emu, store, now);
    reportsExpired += expireReports(store, now);
    if (applyRetention) {
      const keepFrom = store.events.findIndex((e) => e.Date >= now - EVENT_RETENTION_SECONDS);
      const drop = keepFrom < 0 ? store.events.length : keepFrom;
      store.events.splice(0, drop);
      eventsDropped += drop;
    }
  }
  return { ...clockState(emu), disputesClosed, reportsExpired, eventsDropped };
}

export function registerTimeHookControls(app: Hono, emu: Emulator): void {
  app.get("/clock", (c) => c.json(clockState(emu)));
  app.post("/clock", async (c) => {
    const body = await readJson(c.req.raw);
    const seconds = Number(body?.advanceSeconds ?? 0) + Number(body?.advanceDays ?? 0) * 86_400;
    if (!body || !Number.isFinite(seconds) || seconds < 0) {
      return c.json(
        { error: "param_error", errors: { advanceSeconds: "advanceSeconds/advanceDays must be non-negative numbers" } },
        400,
      );
    }
    return c.json(ageClock(emu, Math.floor(seconds), body.applyRetention === true));
  });

  app.post("/clients/:clientId/hooks/refire", async (c) => {
    const store = emu.client(c.req.param("clientId"));
    if (!store) return c.json({ error: "not_found", message: "unknown ClientId" }, 404);
    const body = (await readJson(c.req.raw)) ?? {};
    let event: EmuEvent | undefined;
    if (typeof body.DeliveryId === "string") {
      const d = emu.hooks.list(store.info.ClientId).find((x) => x.Id === body.DeliveryId);
      if (d) event = { EventType: d.EventType, ResourceId: d.RessourceId, Date: d.Date };
    } else if (typeof body.EventType === "string" && typeof body.ResourceId === "string") {
      const date = typeof body.Date === "number" ? body.Date : undefined;
      event = store.events.findLast(
        (e) =>
          e.EventType === body.EventType && e.ResourceId === body.ResourceId && (date === undefined || e.Date === date),
      );
    }
    if (!event)
      return c.json(
        {
          error: "not_found",
          message: "no such delivery or event (give DeliveryId, or EventType + ResourceId [+ Date])",
        },
        404,
      );
    const lastBefore = emu.hooks.list(store.info.ClientId).at(-1);
    emu.hooks.onEvent(store, event);
    const last = emu.hooks.list(store.info.ClientId).at(-1);
    if (!last || last === lastBefore)
      return c.json({ error: "invalid_action", message: `no ENABLED and VALID hook for ${event.EventType}` }, 400);
    return c.json(last);
  });
}
