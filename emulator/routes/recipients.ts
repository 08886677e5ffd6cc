// Recipients (payouts v2, SDK Recipients): schema and payout methods per country/currency, create,
// validate, view, list per user, deactivate (`PUT {Status: "DEACTIVATED"}`).
import { ok, noContent } from "../core/context";
import { paramError } from "../core/errors";
import { listResult } from "../core/list";
import type { ApiRouter } from "../core/router";
import { getUser } from "../domain/lookups";
import {
  createRecipient,
  deactivateRecipient,
  getRecipient,
  payoutMethods,
  recipientSchema,
  validateRecipient,
} from "../domain/recipients";

export function registerRecipientRoutes(r: ApiRouter): void {
  r.get("/recipients/schema", (ctx) =>
    ok(
      recipientSchema(
        ctx.query.get("payoutMethodType") ?? "",
        ctx.query.get("recipientType") ?? "",
        (ctx.query.get("currency") ?? "").toUpperCase(),
      ),
    ),
  );
  r.get("/recipients/payout-methods", (ctx) => {
    const country = (ctx.query.get("country") ?? "").toUpperCase();
    const currency = (ctx.query.get("currency") ?? "").toUpperCase();
    if (!/^[A-Z]{2}$/.test(country) || !/^[A-Z]{3}$/.test(currency))
      throw paramError({ country: "country and currency are required." });
    return ok(payoutMethods(currency));
  });
  r.post("/users/:userId/recipients", (ctx) =>
    ok(createRecipient(ctx.emu, ctx.store, ctx.params.userId, ctx.body, ctx.origin, ctx.now)),
  );
  r.post("/users/:userId/recipients/validate", (ctx) => {
    getUser(ctx.store, ctx.params.userId);
    validateRecipient(ctx.body);
    return noContent();
  });
  r.get("/users/:userId/recipients", (ctx) => {
    getUser(ctx.store, ctx.params.userId);
    const items = [...ctx.store.recipients.values()].filter((x) => x.UserId === ctx.params.userId);
    return listResult(ctx, items, { filters: ["RecipientScope"] });
  });
  r.get("/recipients/:recipientId", (ctx) => ok(getRecipient(ctx.store, ctx.params.recipientId)));
  r.put("/recipients/:recipientId", (ctx) => {
    const recipient = getRecipient(ctx.store, ctx.params.recipientId);
    if (ctx.body.Status !== "DEACTIVATED") throw paramError({ Status: "Only DEACTIVATED can be set." });
    return ok(deactivateRecipient(ctx.emu, ctx.store, recipient, ctx.now));
  });
}
