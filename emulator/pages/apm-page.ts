// The hosted page of alternative payment methods: the RedirectURL of a redirect-flow pay-in (PayPal, iDEAL,
// Bancontact…), and the stand-in for the payer's app on app flows (MB WAY, BLIK with a code). The payer
// authorizes, is refused or cancels; then the browser goes back to ReturnURL?transactionId= when there is one.
import type { Hono } from "hono";
import type { Emulator } from "../core/emulator";
import { completeAcquiringApm, pendingAcquiringPayIn } from "../domain/acquiring";
import { APMS, completeApm, pendingApmPayIn, type ApmOutcome, type ApmSpec } from "../domain/apms";
import type { ApmPaymentType } from "../store/types";
import { escapeHtml, page } from "./html";

const OUTCOMES: readonly ApmOutcome[] = ["authorized", "refused", "canceled"];

export function registerApmPages(app: Hono, emu: Emulator): void {
  app.get("/apm/:clientId/:id", (c) => {
    const store = emu.client(c.req.param("clientId"));
    const id = c.req.param("id");
    const payin = store ? (pendingApmPayIn(store, id) ?? pendingAcquiringPayIn(store, id)) : null;
    if (!payin) return c.html(page("Payment", "<p>This payment is unknown or already completed.</p>"), 404);
    const spec = APMS[payin.PaymentType as ApmPaymentType] as ApmSpec;
    const action = escapeHtml(c.req.path);
    const button = (outcome: ApmOutcome, label: string): string =>
      `<form method="post" action="${action}"><input type="hidden" name="outcome" value="${outcome}"><button type="submit">${label}</button></form>`;
    const amount = `${(payin.DebitedFunds.Amount / 100).toFixed(2)} ${escapeHtml(payin.DebitedFunds.Currency)}`;
    return c.html(
      page(
        `Pay with ${spec.label}`,
        `<p>Pay <strong>${amount}</strong> with ${escapeHtml(spec.label)} (payment <code>${escapeHtml(payin.Id)}</code>).</p>
${button("authorized", "Authorize payment")}${button("refused", "Refuse payment")}${button("canceled", "Cancel")}`,
      ),
    );
  });

  app.post("/apm/:clientId/:id", async (c) => {
    const store = emu.client(c.req.param("clientId"));
    const form = new URLSearchParams(await c.req.text());
    const raw = form.get("outcome") ?? c.req.query("outcome") ?? "authorized";
    const outcome = OUTCOMES.find((o) => o === raw) ?? "authorized";
    const id = c.req.param("id");
    const now = emu.clock.now();
    // completeApm answers null for a method without ReturnURL: only undefined means "not a wallet pay-in".
    const walletTarget = store ? completeApm(emu, store, id, outcome, now) : undefined;
    const target =
      walletTarget !== undefined || !store ? walletTarget : completeAcquiringApm(emu, store, id, outcome, now);
    if (target === undefined)
      return c.html(page("Payment", "<p>This payment is unknown or already completed.</p>"), 404);
    if (target === null) return c.html(page("Payment", `<p>Payment ${outcome}. You can close this page.</p>`));
    return c.redirect(target, 302);
  });
}
