// The 3DS challenge page behind SecureModeRedirectURL: the payer authenticates or fails, then is
// redirected to SecureModeReturnURL with ?transactionId= (pay-in) or ?preAuthorizationId=.
import type { Hono } from "hono";
import type { Emulator } from "../core/emulator";
import { completeAcquiringThreeDs } from "../domain/acquiring";
import { completeThreeDs } from "../domain/card-payments";
import { completeDepositThreeDs } from "../domain/deposits";
import { escapeHtml, page } from "./html";

export function registerThreeDsPages(app: Hono, emu: Emulator): void {
  app.get("/3ds/:clientId/:id", (c) => {
    const id = c.req.param("id");
    const action = escapeHtml(c.req.path);
    return c.html(
      page(
        "3-D Secure authentication",
        `<p>Payment <code>${escapeHtml(id)}</code> needs authentication.</p>
<form method="post" action="${action}"><input type="hidden" name="outcome" value="success"><button type="submit">Authenticate</button></form>
<form method="post" action="${action}"><input type="hidden" name="outcome" value="failure"><button type="submit">Fail authentication</button></form>`,
      ),
    );
  });

  app.post("/3ds/:clientId/:id", async (c) => {
    const store = emu.client(c.req.param("clientId"));
    const form = new URLSearchParams(await c.req.text());
    const success = (form.get("outcome") ?? c.req.query("outcome")) !== "failure";
    const id = c.req.param("id");
    const now = emu.clock.now();
    const target = store
      ? (completeThreeDs(emu, store, id, success, now) ??
        completeDepositThreeDs(emu, store, id, success, now) ??
        completeAcquiringThreeDs(emu, store, id, success, now))
      : null;
    if (!target) return c.html(page("3-D Secure", "<p>This authentication is unknown or already completed.</p>"), 404);
    return c.redirect(target, 302);
  });
}
