// The hosted payment page behind a card web pay-in's RedirectURL.
import type { Hono } from "hono";
import type { Emulator } from "../core/emulator";
import { completeCardWeb } from "../domain/card-web";
import { escapeHtml, page } from "./html";

export function registerCardWebPage(app: Hono, emu: Emulator): void {
  app.get("/payment/:clientId/:id", (c) => {
    const tx = emu.client(c.req.param("clientId"))?.transactions.get(c.req.param("id"));
    if (!tx || tx.Type !== "PAYIN") return c.html(page("Payment", "<p>Unknown payment.</p>"), 404);
    const action = escapeHtml(c.req.path);
    const button = (outcome: string, label: string): string =>
      `<form method="post" action="${action}"><input type="hidden" name="outcome" value="${outcome}"><button type="submit">${label}</button></form>`;
    const amount = `${(tx.DebitedFunds.Amount / 100).toFixed(2)} ${escapeHtml(tx.DebitedFunds.Currency)}`;
    return c.html(
      page(
        "Card payment",
        `<p>Pay <strong>${amount}</strong> (payment <code>${escapeHtml(tx.Id)}</code>, ${tx.Status}).</p>
${button("paid", "Pay with card 4970 1071 1111 1119")}${button("refused", "Pay with a refused card")}${button("canceled", "Cancel")}`,
      ),
    );
  });

  app.post("/payment/:clientId/:id", async (c) => {
    const store = emu.client(c.req.param("clientId"));
    const form = new URLSearchParams(await c.req.text());
    const raw = form.get("outcome") ?? c.req.query("outcome") ?? "paid";
    const outcome = raw === "refused" || raw === "canceled" ? raw : "paid";
    const target = store ? completeCardWeb(emu, store, c.req.param("id"), outcome, emu.clock.now()) : null;
    if (!target) return c.html(page("Payment", "<p>This payment is unknown or already completed.</p>"), 404);
    return c.redirect(target, 302);
  });
}
