// Control API under /_emulator (no auth, never subject to faults): the Dashboard-only "sandbox
// operations" of MANGOPAY plus emulator housekeeping. Each concern registers its own routes.
import { Hono } from "hono";
import type { Emulator } from "../core/emulator";
import { registerClientControls } from "./clients";
import { registerFaultControls } from "./faults";
import { registerComplianceControls } from "./compliance";
import { registerDownloadControls } from "./downloads";
import { registerLifecycleControls } from "./lifecycle";
import { registerReportControls } from "./reports";
import { registerScaControls } from "./sca";
import { registerScaleControls } from "./scale";
import { registerSettleControls } from "./settle";
import { registerSsoControls } from "./ssos";
import { registerVirtualAccountControls } from "./virtual-accounts";
import { registerTimeHookControls } from "./time-hooks";

export function buildControlApp(emu: Emulator): Hono {
  const app = new Hono();
  app.get("/health", (c) => c.json({ ok: true }));
  registerClientControls(app, emu);
  registerSettleControls(app, emu);
  registerFaultControls(app, emu);
  registerComplianceControls(app, emu);
  registerTimeHookControls(app, emu);
  registerDownloadControls(app, emu);
  registerSsoControls(app, emu);
  registerReportControls(app, emu);
  registerScaleControls(app, emu);
  registerLifecycleControls(app, emu);
  registerScaControls(app, emu);
  registerVirtualAccountControls(app, emu);
  app.get("/deliveries", (c) => c.json(emu.hooks.list(c.req.query("clientId"))));
  app.notFound((c) =>
    c.json({ error: "not_found", message: `No control endpoint ${c.req.method} ${c.req.path}` }, 404),
  );
  return app;
}
