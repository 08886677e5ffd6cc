// SCA sessions without a browser: complete, fail or expire a hosted session; a user gives or revokes
// one proxy consent (what they would do in MANGOPAY's hosted pages).
import type { Hono } from "hono";
import type { Emulator } from "../core/emulator";
import { completeSession, setConsent } from "../domain/sca";
import { pick, withStore } from "./with-store";

const SCOPES = ["ContactInformationUpdate", "RecipientRegistration", "Transfer", "ViewAccountInformation"] as const;

export function registerScaControls(app: Hono, emu: Emulator): void {
  /** {Outcome?: SUCCEEDED (default) | FAILED | EXPIRED} → the session. */
  app.post("/clients/:clientId/sca/sessions/:id/complete", (c) =>
    withStore(c, emu, (store, body, now) =>
      completeSession(
        emu,
        store,
        c.req.param("id"),
        pick(["SUCCEEDED", "FAILED", "EXPIRED"] as const, body.Outcome, "Outcome") ?? "SUCCEEDED",
        now,
      ),
    ),
  );
  /** {Scope, Value: GIVEN|REVOKED} → the user's SCA profile. */
  app.post("/clients/:clientId/users/:id/sca-consent", (c) =>
    withStore(c, emu, (store, body, now) => {
      const scope = SCOPES.find((s) => s === body.Scope);
      const value = pick(["GIVEN", "REVOKED"] as const, body.Value, "Value") ?? "GIVEN";
      if (!scope) return { error: "param_error", errors: { Scope: `one of ${SCOPES.join(", ")}` } };
      return setConsent(emu, store, c.req.param("id"), scope, value, now);
    }),
  );
}
