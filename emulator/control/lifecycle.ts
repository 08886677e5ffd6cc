// Sandbox operations on users, cards and mandates that MANGOPAY performs on its side: regulatory
// blocking, account validation, KYC renewal, a card turning INVALID, a mandate expiring.
import type { Hono } from "hono";
import type { Emulator } from "../core/emulator";
import { ApiError } from "../core/errors";
import { getCard, getMandate } from "../domain/lookups";
import { expireMandate } from "../domain/mandates";
import { regulatoryOf, setAccountValidation, setUserBlocking, signalKycRenewal } from "../domain/user-status";
import { pick, withStore } from "./with-store";

/** Like `pick`, but the field is required. */
function oneOf<T extends string>(values: readonly T[], raw: unknown, field: string): T {
  const match = pick(values, raw, field);
  if (!match)
    throw new ApiError(400, "param_error", `${field} must be one of ${values.join(", ")}`, { [field]: "required" });
  return match;
}

const optionalBool = (raw: unknown): boolean | undefined => (typeof raw === "boolean" ? raw : undefined);

export function registerLifecycleControls(app: Hono, emu: Emulator): void {
  const user = "/clients/:clientId/users/:id";
  /** {Inflows?, Outflows?, ActionCode?} → the regulatory status, as GET /users/{id}/regulatory shows it. */
  app.post(`${user}/regulatory`, (c) =>
    withStore(c, emu, (store, body, now) => {
      const actionCode =
        typeof body.ActionCode === "string" || body.ActionCode === null
          ? (body.ActionCode as string | null)
          : undefined;
      setUserBlocking(
        emu,
        store,
        c.req.param("id"),
        { Inflows: optionalBool(body.Inflows), Outflows: optionalBool(body.Outflows), ActionCode: actionCode },
        now,
      );
      return regulatoryOf(store, store.users.get(c.req.param("id"))!);
    }),
  );
  app.post(`${user}/account-validation`, (c) =>
    withStore(c, emu, (store, body, now) =>
      setAccountValidation(
        emu,
        store,
        c.req.param("id"),
        oneOf(["ASKED", "ACTIVATED"] as const, body.State, "State"),
        now,
      ),
    ),
  );
  app.post(`${user}/kyc-renewal`, (c) =>
    withStore(c, emu, (store, body, now) =>
      signalKycRenewal(
        emu,
        store,
        c.req.param("id"),
        oneOf(["REQUIRED", "RENEWED"] as const, body.State, "State"),
        now,
      ),
    ),
  );
  app.post("/clients/:clientId/cards/:id/invalidate", (c) =>
    withStore(c, emu, (store) => {
      const card = getCard(store, c.req.param("id"));
      card.Validity = "INVALID";
      return card;
    }),
  );
  app.post("/clients/:clientId/mandates/:id/expire", (c) =>
    withStore(c, emu, (store, _b, now) => expireMandate(emu, store, getMandate(store, c.req.param("id")), now)),
  );
}
