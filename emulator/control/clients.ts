// GET /clients (ids, names, API keys), GET /clients/:clientId/counts (objects held), POST /reset
// (empty data), POST /reseed ({ seed }).
import type { Hono } from "hono";
import type { Emulator } from "../core/emulator";
import { seedDemo } from "../seed/seed-demo";
import { readJson } from "./read-json";

export function registerClientControls(app: Hono, emu: Emulator): void {
  app.get("/clients", (c) =>
    c.json(
      [...emu.clients.values()].map((s) => ({ ClientId: s.info.ClientId, Name: s.info.Name, ApiKey: s.info.ApiKey })),
    ),
  );

  // What one client holds, per kind (a bench compares a mirror of the client with it).
  app.get("/clients/:clientId/counts", (c) => {
    const store = emu.client(c.req.param("clientId"));
    if (!store) return c.json({ error: "not_found", message: "unknown ClientId" }, 404);
    return c.json({
      users: store.users.size,
      wallets: store.wallets.size,
      clientWallets: store.clientWallets.size,
      transactions: store.transactions.size,
      bankAccounts: store.bankAccounts.size,
      cards: store.cards.size,
      mandates: store.mandates.size,
      kycDocuments: store.kycDocuments.size,
      uboDeclarations: store.uboDeclarations.size,
      disputes: store.disputes.size,
      events: store.events.length,
    });
  });

  app.post("/reset", (c) => {
    emu.resetData();
    return c.json({ ok: true, seeded: false });
  });

  app.post("/reseed", async (c) => {
    const body = await readJson(c.req.raw);
    const seed = body?.seed ?? emu.options.seed ?? 1;
    if (typeof seed !== "number" || !Number.isInteger(seed) || seed < 0) {
      return c.json({ error: "param_error", message: "seed must be a non-negative integer" }, 400);
    }
    emu.resetData();
    const started = Date.now();
    const counts = seedDemo(emu, seed);
    return c.json({ ok: true, seeded: true, seed, ms: Date.now() - started, counts });
  });
}
