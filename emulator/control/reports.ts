// Reports: generate a PENDING report at once (useful with delays.reportMs = null).
import type { Hono } from "hono";
import type { Emulator } from "../core/emulator";
import { generateNow, getLegacyReport, getReportV2 } from "../domain/reports";

export function registerReportControls(app: Hono, emu: Emulator): void {
  app.post("/clients/:clientId/reports/:id/generate", (c) => {
    const store = emu.client(c.req.param("clientId"));
    if (!store) return c.json({ error: "not_found" }, 404);
    const id = c.req.param("id");
    if (!store.reports.has(id) && !store.reportsV2.has(id)) return c.json({ error: "not_found" }, 404);
    const report = store.reports.has(id) ? getLegacyReport(store, id) : getReportV2(store, id);
    return c.json(generateNow(emu, store, report, new URL(c.req.url).origin));
  });
}
