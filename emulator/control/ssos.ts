// Dashboard access: the invitee of an SSO accepts the invitation (MANGOPAY does it by e-mail).
import type { Hono } from "hono";
import type { Emulator } from "../core/emulator";
import { acceptInvitation, getSso } from "../domain/dashboard-access";

export function registerSsoControls(app: Hono, emu: Emulator): void {
  app.post("/clients/:clientId/ssos/:id/accept", (c) => {
    const store = emu.client(c.req.param("clientId"));
    if (!store || !store.ssos.has(c.req.param("id"))) return c.json({ error: "not_found" }, 404);
    const sso = getSso(store, c.req.param("id"), emu.clock.now());
    if (sso.InvitationStatus !== "SENT")
      return c.json({ error: "invalid_action", message: `invitation is ${sso.InvitationStatus}` }, 400);
    return c.json(acceptInvitation(sso, emu.clock.now()));
  });
}
