// Control API under /_emulator (no auth, never subject to faults): the Dashboard-only "sandbox
// operations" of MANGOPAY plus emulator housekeeping. Each concern registers its own routes.
import { Hono } from "hono";
import type { Emulator } from "../core/emulator";
import { registerClientControls } from "./clients";
import { registerFaultControls } from "./faults";
import { registerPart2Controls } from "./part2";
import { registerSettleControls } from "./settle";

export function buildControlApp(emu: Emulator): Hono {
  const app = new Hono();
  app.get("/health", (c) => c.json({ ok: true }));
  registerClientControls(app, emu);
  registerSettleControls(app, emu);
  registerFaultControls(app, emu);
  // Issue 5: KYC/UBO/dispute sandbox operations, clock, hook replays, report downloads (control/part2.ts).
  registerPart2Controls(app, emu);
  app.get("/deliveries", (c) => c.json(emu.hooks.list(c.req.query("clientId"))));
  app.notFound((c) => c.json({ error: "not_found", message: `No control endpoint ${c.req.method} ${c.req.path}` }, 404));
  return app;
}
