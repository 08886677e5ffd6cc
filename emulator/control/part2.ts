// Control endpoints of issue 5, registered from control/index.ts in one call.
import type { Hono } from "hono";
import type { Emulator } from "../core/emulator";
import { acceptInvitation, getSso } from "../domain/dashboard-access";
import { generateNow, getLegacyReport, getReportV2 } from "../domain/reports";
import { parseScale, scaleClient } from "../seed/scale-seed";
import { compliance } from "../store/compliance-store";
import { readJson } from "./read-json";
import { registerComplianceControls } from "./compliance";
import { registerDownloadControls } from "./downloads";
import { registerTimeHookControls } from "./time-hooks";

export function registerPart2Controls(app: Hono, emu: Emulator): void {
  registerComplianceControls(app, emu);
  registerTimeHookControls(app, emu);
  registerDownloadControls(app, emu);

  app.post("/clients/:clientId/ssos/:id/accept", (c) => {
    const store = emu.client(c.req.param("clientId"));
    if (!store || !compliance(store).ssos.has(c.req.param("id"))) return c.json({ error: "not_found" }, 404);
    const sso = getSso(store, c.req.param("id"), emu.clock.now());
    if (sso.InvitationStatus !== "SENT") return c.json({ error: "invalid_action", message: `invitation is ${sso.InvitationStatus}` }, 400);
    return c.json(acceptInvitation(sso, emu.clock.now()));
  });

  /** Generates a PENDING report at once (useful with delays.reportMs = null). */
  app.post("/clients/:clientId/reports/:id/generate", (c) => {
    const store = emu.client(c.req.param("clientId"));
    if (!store) return c.json({ error: "not_found" }, 404);
    const id = c.req.param("id");
    const state = compliance(store);
    if (!state.reports.has(id) && !state.reportsV2.has(id)) return c.json({ error: "not_found" }, 404);
    const report = state.reports.has(id) ? getLegacyReport(store, id) : getReportV2(store, id);
    return c.json(generateNow(emu, store, report, new URL(c.req.url).origin));
  });

  /** Scale data set in one client: {clientId?, users, transactions, seed?} (synchronous; may take a while). */
  app.post("/scale", async (c) => {
    const body = (await readJson(c.req.raw)) ?? {};
    const store = typeof body.clientId === "string" ? emu.client(body.clientId) : [...emu.clients.values()][0];
    if (!store) return c.json({ error: "not_found", message: "unknown ClientId" }, 404);
    let spec;
    try {
      spec = parseScale(`users=${String(body.users ?? 1000)},transactions=${String(body.transactions ?? 10_000)}`);
    } catch (err) {
      return c.json({ error: "param_error", message: (err as Error).message }, 400);
    }
    const seed = typeof body.seed === "number" && Number.isInteger(body.seed) ? body.seed : 7;
    return c.json(scaleClient(emu, store, spec, seed));
  });
}
