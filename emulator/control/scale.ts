// Scale data set in one client: {clientId?, users, transactions, seed?} (synchronous; may take a while).
import type { Hono } from "hono";
import type { Emulator } from "../core/emulator";
import { parseScale, scaleClient } from "../seed/scale-seed";
import { readJson } from "./read-json";

export function registerScaleControls(app: Hono, emu: Emulator): void {
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
