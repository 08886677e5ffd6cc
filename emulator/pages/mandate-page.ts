// The mandate confirmation page behind a mandate's RedirectURL: confirming submits the mandate
// and sends the payer to ReturnURL (which already carries ?MandateId=).
import type { Hono } from "hono";
import type { Emulator } from "../core/emulator";
import { submitMandate } from "../domain/mandates";
import { escapeHtml, page } from "./html";

export function registerMandatePages(app: Hono, emu: Emulator): void {
  app.get("/mandates/:clientId/:id/confirm", (c) => {
    const mandate = emu.client(c.req.param("clientId"))?.mandates.get(c.req.param("id"));
    if (!mandate) return c.html(page("Mandate", "<p>Unknown mandate.</p>"), 404);
    return c.html(
      page(
        "Direct debit mandate",
        `<p>Mandate <code>${escapeHtml(mandate.Id)}</code> (${mandate.Scheme}), reference ${escapeHtml(mandate.BankReference)}.</p>
<form method="post" action="${escapeHtml(c.req.path)}"><button type="submit">Confirm the mandate</button></form>`,
      ),
    );
  });

  app.post("/mandates/:clientId/:id/confirm", (c) => {
    const store = emu.client(c.req.param("clientId"));
    const mandate = store?.mandates.get(c.req.param("id"));
    if (!store || !mandate) return c.html(page("Mandate", "<p>Unknown mandate.</p>"), 404);
    submitMandate(emu, store, mandate, emu.clock.now());
    return c.redirect(mandate.ReturnURL, 302);
  });

  app.get("/mandates/:clientId/:id/document", (c) => {
    const mandate = emu.client(c.req.param("clientId"))?.mandates.get(c.req.param("id"));
    if (!mandate) return c.text("Unknown mandate", 404);
    return c.text(`SEPA/Bacs mandate ${mandate.Id}\nReference: ${mandate.BankReference}\nStatus: ${mandate.Status}\n`);
  });
}
