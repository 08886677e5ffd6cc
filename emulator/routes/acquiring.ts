// Acquiring-only pay-ins, their refunds and card validations (`/acquiring/…`, domain/acquiring.ts), and PayPal
// data collections on both paths (domain/paypal-data-collection.ts).
import { BodyReader } from "../core/body";
import type { ApiContext } from "../core/context";
import { ok } from "../core/context";
import type { ApiRouter } from "../core/router";
import { ACQUIRING_PATHS, createAcquiringPayIn, refundAcquiringPayIn, type AcquiringMethod } from "../domain/acquiring";
import { createCardValidation } from "../domain/deposits";
import { getCard } from "../domain/lookups";
import { createDataCollection, getDataCollection } from "../domain/paypal-data-collection";
import type { Money } from "../store/types";
import { requireBrowser } from "./deposits";

function createFor(method: AcquiringMethod, ctx: ApiContext) {
  const b = new BodyReader(ctx.body);
  const DebitedFunds = b.money("DebitedFunds", { required: true }) as Money;
  const Tag = b.tag();
  b.string("StatementDescriptor", { max: 10 });
  if (method === "CARD") {
    b.string("CardId", { required: true });
    b.string("SecureModeReturnURL", { required: true, max: 2048 });
    b.enumOf("SecureMode", ["DEFAULT", "FORCE", "NO_CHOICE"] as const);
    requireBrowser(b);
  }
  if (method === "IDEAL" || method === "PAYPAL") b.string("ReturnURL", { required: true, max: 2048 });
  if (method === "IDEAL" && DebitedFunds.Currency !== "EUR")
    b.fail("DebitedFunds.Currency", `iDEAL does not support ${DebitedFunds.Currency} (supported: EUR)`);
  if (method === "PAYPAL" && b.has("LineItems") && !Array.isArray(ctx.body.LineItems))
    b.fail("LineItems", "LineItems must be a list.");
  if (method === "APPLEPAY" || method === "GOOGLE_PAY") {
    if (!b.has("PaymentData")) b.fail("PaymentData", "The PaymentData field is required.");
  }
  if (method === "GOOGLE_PAY") {
    b.string("SecureModeReturnURL", { required: true, max: 2048 });
    requireBrowser(b);
  }
  b.done();
  return createAcquiringPayIn(ctx.emu, ctx.store, { method, DebitedFunds, Tag, body: ctx.body }, ctx.now, ctx.origin);
}

export function registerAcquiringRoutes(r: ApiRouter): void {
  for (const [method, path] of Object.entries(ACQUIRING_PATHS) as Array<[AcquiringMethod, string]>) {
    r.post(path, (ctx) => ok(createFor(method, ctx)));
  }
  r.post("/acquiring/payins/:id/refunds", (ctx) => {
    const b = new BodyReader(ctx.body);
    const DebitedFunds = b.money("DebitedFunds");
    const StatementDescriptor = b.string("StatementDescriptor", { max: 10 });
    const Tag = b.tag();
    b.done();
    return ok(
      refundAcquiringPayIn(ctx.emu, ctx.store, ctx.params.id, { DebitedFunds, Tag, StatementDescriptor }, ctx.now),
    );
  });
  r.post("/acquiring/cards/:cardId/validation", (ctx) => {
    const b = new BodyReader(ctx.body);
    const SecureModeReturnURL = b.string("SecureModeReturnURL", { required: true, max: 2048 }) as string;
    const SecureMode = b.enumOf("SecureMode", ["DEFAULT", "FORCE", "NO_CHOICE"] as const);
    const Tag = b.tag();
    requireBrowser(b);
    b.done();
    // No AuthorId in the acquiring body: the card's owner stands as the author.
    const card = getCard(ctx.store, ctx.params.cardId);
    const extra = {
      IpAddress: ctx.body.IpAddress ?? null,
      BrowserInfo: ctx.body.BrowserInfo ?? null,
      PaymentCategory: ctx.body.PaymentCategory ?? null,
    };
    return ok(
      createCardValidation(
        ctx.emu,
        ctx.store,
        card.Id,
        { AuthorId: card.UserId, SecureModeReturnURL, SecureMode, Tag, extra },
        ctx.now,
        ctx.origin,
      ),
    );
  });
  for (const base of [
    "/payins/payment-methods/paypal/data-collection",
    "/acquiring/payins/payment-methods/paypal/data-collection",
  ]) {
    r.post(base, (ctx) => ok(createDataCollection(ctx.store, ctx.body)));
    r.get(`${base}/:id`, (ctx) => ok(getDataCollection(ctx.store, ctx.params.id)));
  }
}
