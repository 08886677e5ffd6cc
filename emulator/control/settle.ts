// Sandbox operations: bank wires arrive or expire, payouts and direct debits settle, payouts fail or
// bounce back, mandates activate. Per resource, or everything pending at once (POST /settle).
import type { Context, Hono } from "hono";
import type { Emulator } from "../core/emulator";
import { ApiError } from "../core/errors";
import { settleMandate } from "../domain/mandates";
import { expireBankWire, settleBankWire, settleDirectDebit } from "../domain/pay-ins";
import { returnPayout, settlePayout } from "../domain/payouts";
import type { ClientStore } from "../store/client-store";
import type { PayIn, PayOut } from "../store/types";
import { readJson } from "./read-json";

function storeOr404(emu: Emulator, c: Context): ClientStore | Response {
  const store = emu.client(c.req.param("clientId") ?? "");
  return store ?? c.json({ error: "not_found", message: "unknown ClientId" }, 404);
}

function txOr404(store: ClientStore, c: Context, type: "PAYIN" | "PAYOUT"): PayIn | PayOut | Response {
  const tx = store.transactions.get(c.req.param("id") ?? "");
  if (!tx || tx.Type !== type || tx.Nature !== "REGULAR")
    return c.json({ error: "not_found", message: `unknown ${type}` }, 404);
  return tx as PayIn | PayOut;
}

async function run(c: Context, fn: () => unknown): Promise<Response> {
  try {
    return c.json((await fn()) ?? { ok: true });
  } catch (err) {
    if (err instanceof ApiError) return c.json(err.toBody(Math.floor(Date.now() / 1000)), 400);
    throw err;
  }
}

export function settleAllPending(emu: Emulator, store: ClientStore, kinds: string[]): Record<string, number> {
  const now = emu.clock.now();
  const counts = { bankwires: 0, payouts: 0, directdebits: 0, mandates: 0 };
  for (const tx of [...store.transactions.values()]) {
    if (tx.Status !== "CREATED" || tx.Nature !== "REGULAR") continue;
    if (tx.Type === "PAYOUT" && kinds.includes("payouts")) {
      if (settlePayout(emu, store, tx.Id, now)) counts.payouts++;
    } else if (tx.Type === "PAYIN" && tx.PaymentType === "BANK_WIRE" && kinds.includes("bankwires")) {
      settleBankWire(emu, store, tx, now);
      counts.bankwires++;
    } else if (tx.Type === "PAYIN" && tx.PaymentType === "DIRECT_DEBIT" && kinds.includes("directdebits")) {
      if (settleDirectDebit(emu, store, tx.Id, now)) counts.directdebits++;
    }
  }
  if (kinds.includes("mandates")) {
    for (const m of store.mandates.values())
      if (m.Status === "SUBMITTED" && settleMandate(emu, store, m, now)) counts.mandates++;
  }
  return counts;
}

export function registerSettleControls(app: Hono, emu: Emulator): void {
  app.post("/settle", async (c) => {
    const body = (await readJson(c.req.raw)) ?? {};
    const all = ["bankwires", "payouts", "directdebits", "mandates"];
    const kinds = Array.isArray(body.kinds)
      ? body.kinds.map(String)
      : typeof body.kind === "string" && body.kind !== "all"
        ? [body.kind]
        : all;
    const stores =
      typeof body.clientId === "string"
        ? [emu.client(body.clientId)].filter((s) => s !== undefined)
        : [...emu.clients.values()];
    const result: Record<string, Record<string, number>> = {};
    for (const store of stores) result[store.info.ClientId] = settleAllPending(emu, store, kinds);
    return c.json(result);
  });

  app.post("/clients/:clientId/payins/:id/settle", async (c) => {
    const store = storeOr404(emu, c);
    if (store instanceof Response) return store;
    const tx = txOr404(store, c, "PAYIN");
    if (tx instanceof Response) return tx;
    const body = (await readJson(c.req.raw)) ?? {};
    const amount = typeof body.Amount === "number" ? body.Amount : undefined;
    return run(c, () => {
      if (tx.Type === "PAYIN" && tx.PaymentType === "DIRECT_DEBIT")
        return settleDirectDebit(emu, store, tx.Id, emu.clock.now());
      return settleBankWire(emu, store, tx as PayIn, emu.clock.now(), amount);
    });
  });

  app.post("/clients/:clientId/payins/:id/expire", (c) => {
    const store = storeOr404(emu, c);
    if (store instanceof Response) return store;
    const tx = txOr404(store, c, "PAYIN");
    if (tx instanceof Response) return tx;
    return run(c, () => {
      expireBankWire(emu, store, tx as PayIn, emu.clock.now());
      return tx;
    });
  });

  for (const action of ["succeed", "fail", "return"] as const) {
    app.post(`/clients/:clientId/payouts/:id/${action}`, async (c) => {
      const store = storeOr404(emu, c);
      if (store instanceof Response) return store;
      const tx = txOr404(store, c, "PAYOUT");
      if (tx instanceof Response) return tx;
      const body = (await readJson(c.req.raw)) ?? {};
      return run(c, () => {
        const now = emu.clock.now();
        if (action === "return") {
          const reason = typeof body.RefundReasonType === "string" ? body.RefundReasonType : undefined;
          return returnPayout(emu, store, tx as PayOut, now, reason, body.Fail === true);
        }
        const settled = settlePayout(emu, store, tx.Id, now, action === "fail");
        if (!settled) throw new ApiError(400, "invalid_action", `The payout is ${tx.Status}, not CREATED`);
        return settled;
      });
    });
  }

  for (const action of ["activate", "fail"] as const) {
    app.post(`/clients/:clientId/mandates/:id/${action}`, (c) => {
      const store = storeOr404(emu, c);
      if (store instanceof Response) return store;
      const mandate = store.mandates.get(c.req.param("id"));
      if (!mandate) return c.json({ error: "not_found", message: "unknown mandate" }, 404);
      return run(c, () => settleMandate(emu, store, mandate, emu.clock.now(), action === "fail") ?? mandate);
    });
  }
}
