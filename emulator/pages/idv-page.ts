// The hosted identity verification page behind an identity verification's HostedUrl: the user's document
// and selfie are accepted, refused or left for review, then the browser goes to ReturnUrl?identityVerificationId=.
import type { Hono } from "hono";
import type { Emulator } from "../core/emulator";
import { completeIdentityVerification, type IdvOutcome } from "../domain/identity-verification";
import { escapeHtml, page } from "./html";

const OUTCOMES: readonly IdvOutcome[] = ["validated", "refused", "review"];

export function registerIdentityVerificationPages(app: Hono, emu: Emulator): void {
  app.get("/idv/:clientId/:id", (c) => {
    const session = emu.client(c.req.param("clientId"))?.identityVerifications.get(c.req.param("id"));
    if (!session || session.Status !== "PENDING")
      return c.html(page("Identity verification", "<p>This session is unknown or already completed.</p>"), 404);
    const action = escapeHtml(c.req.path);
    const button = (outcome: IdvOutcome, label: string): string =>
      `<form method="post" action="${action}"><input type="hidden" name="outcome" value="${outcome}"><button type="submit">${label}</button></form>`;
    return c.html(
      page(
        "Verify your identity",
        `<p>Session <code>${escapeHtml(session.Id)}</code>: show an identity document and take a selfie.</p>
${button("validated", "Submit a valid document")}${button("refused", "Submit an altered document")}${button("review", "Submit a blurred document")}`,
      ),
    );
  });
  app.post("/idv/:clientId/:id", async (c) => {
    const store = emu.client(c.req.param("clientId"));
    const form = new URLSearchParams(await c.req.text());
    const raw = form.get("outcome") ?? c.req.query("outcome") ?? "validated";
    const outcome = OUTCOMES.find((o) => o === raw) ?? "validated";
    const target = store ? completeIdentityVerification(emu, store, c.req.param("id"), outcome, emu.clock.now()) : null;
    if (!target)
      return c.html(page("Identity verification", "<p>This session is unknown or already completed.</p>"), 404);
    return c.redirect(target, 302);
  });
}
