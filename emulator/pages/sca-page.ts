// MANGOPAY's hosted SCA session behind PendingUserAction.RedirectUrl: the platform appends `ReturnUrl`
// (percent-encoded); the user authenticates or fails, then goes back to it (or sees the outcome).
import type { Hono } from "hono";
import type { Emulator } from "../core/emulator";
import { ApiError } from "../core/errors";
import { completeSession } from "../domain/sca";
import { escapeHtml, page } from "./html";

const TITLES = {
  ENROLLMENT: "Set up strong customer authentication",
  TRANSFER: "Confirm the transfer",
  WALLET_ACCESS: "Confirm access to your account",
  CONSENT: "Allow the platform to act for you",
  CONTACT_UPDATE: "Confirm your new contact details",
  RECIPIENT: "Confirm the new recipient",
} as const;

/** The documented parameter is `ReturnUrl`; `returnUrl` is accepted too. Only http(s) targets. */
function returnUrlOf(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}

export function registerScaPages(app: Hono, emu: Emulator): void {
  app.get("/sca/:clientId/:id", (c) => {
    const store = emu.client(c.req.param("clientId"));
    const session = store?.scaSessions.get(c.req.param("id"));
    if (!store || !session) return c.html(page("Authentication", "<p>This SCA session is unknown.</p>"), 404);
    const user = store.users.get(session.UserId);
    const back = returnUrlOf(c.req.query("ReturnUrl") ?? c.req.query("returnUrl"));
    const action = escapeHtml(c.req.path);
    const hidden = back ? `<input type="hidden" name="ReturnUrl" value="${escapeHtml(back)}">` : "";
    const tx = session.TransactionId ? store.transactions.get(session.TransactionId) : undefined;
    const what = tx
      ? `<p>Transfer <code>${escapeHtml(tx.Id)}</code> of <strong>${(tx.DebitedFunds.Amount / 100).toFixed(2)} ${escapeHtml(tx.DebitedFunds.Currency)}</strong>.</p>`
      : "";
    const button = (outcome: string, label: string): string =>
      `<form method="post" action="${action}">${hidden}<input type="hidden" name="outcome" value="${outcome}"><button type="submit">${label}</button></form>`;
    const pending = session.Status === "PENDING" && emu.clock.now() < session.ExpirationDate;
    return c.html(
      page(
        TITLES[session.Kind],
        `<p>${escapeHtml(user?.Email ?? session.UserId)}</p>${what}${
          pending
            ? `${button("SUCCEEDED", "Authenticate")}${button("FAILED", "Fail authentication")}`
            : `<p>This session is ${session.Status === "PENDING" ? "EXPIRED" : escapeHtml(session.Status)}.</p>`
        }`,
      ),
    );
  });

  app.post("/sca/:clientId/:id", async (c) => {
    const store = emu.client(c.req.param("clientId"));
    if (!store) return c.html(page("Authentication", "<p>This SCA session is unknown.</p>"), 404);
    const form = new URLSearchParams(await c.req.text());
    const outcome = (form.get("outcome") ?? c.req.query("outcome")) === "FAILED" ? "FAILED" : "SUCCEEDED";
    const back = returnUrlOf(form.get("ReturnUrl") ?? c.req.query("ReturnUrl") ?? c.req.query("returnUrl"));
    try {
      const session = completeSession(emu, store, c.req.param("id"), outcome, emu.clock.now());
      if (back) return c.redirect(back, 302);
      return c.html(page("Authentication", `<p>Authentication ${escapeHtml(session.Status)}.</p>`));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      return c.html(page("Authentication", `<p>${escapeHtml(err.message)}</p>`), err.status === 404 ? 404 : 409);
    }
  });
}
