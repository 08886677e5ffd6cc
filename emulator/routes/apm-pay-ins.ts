// Alternative payment methods as pay-ins (domain/apms.ts): one handler per table row and path.
import { BodyReader } from "../core/body";
import type { ApiContext } from "../core/context";
import { ok } from "../core/context";
import type { ApiRouter } from "../core/router";
import { APMS, createApmPayIn, flowOf, type ApmSpec } from "../domain/apms";
import type { Money } from "../store/types";

function createFor(spec: ApmSpec, ctx: ApiContext) {
  const b = new BodyReader(ctx.body);
  const AuthorId = b.string("AuthorId", { required: true }) as string;
  const CreditedWalletId = b.string("CreditedWalletId", { required: true }) as string;
  const CreditedUserId = b.string("CreditedUserId");
  const DebitedFunds = b.money("DebitedFunds", { required: true }) as Money;
  const Fees = b.money("Fees", { required: true }) as Money;
  const Tag = b.tag();
  for (const field of spec.required) {
    const v = b.body[field];
    if (v === undefined || v === null || v === "") b.fail(field, `The ${field} field is required.`);
  }
  for (const field of ["ReturnURL", "SecureModeReturnURL", "CancelURL"]) {
    if (b.has(field)) b.string(field, { max: 2048 });
  }
  b.string("StatementDescriptor", { max: 10 });
  if (b.has("Country")) b.country("Country");
  if (spec.PaymentType === "MBWAY") {
    const phone = b.string("Phone");
    if (phone !== null && !/^351#?\d{9}$/.test(phone.replace(/\s/g, "")))
      b.fail("Phone", "The Phone field must be a Portuguese mobile number (351#9XXXXXXXX).");
  }
  if (spec.PaymentType === "PAYPAL" && b.has("DataCollectionId")) {
    const id = b.string("DataCollectionId");
    if (id !== null && !ctx.store.paypalDataCollections.has(id))
      b.fail("DataCollectionId", "The DataCollectionId does not match any data collection.");
  }
  if (spec.PaymentType === "BIZUM") {
    const phone = b.string("Phone");
    if (phone !== null && !/^\+[1-9]\d{4,14}$/.test(phone))
      b.fail("Phone", "The Phone field must be an E.164 number (+34…).");
    if (phone === null && !b.has("ReturnURL")) b.fail("ReturnURL", "The ReturnURL field is required without a Phone.");
  }
  if (spec.PaymentType === "BLIK" && b.has("Code")) {
    const code = b.string("Code");
    if (code !== null && !/^\d{6}$/.test(code)) b.fail("Code", "The Code field must be 6 digits.");
    if (flowOf(spec, b.body) === "app") {
      b.string("IpAddress", { required: true });
      if (!b.has("BrowserInfo")) b.fail("BrowserInfo", "The BrowserInfo field is required.");
    }
  }
  b.done();
  return createApmPayIn(
    ctx.emu,
    ctx.store,
    spec,
    { AuthorId, CreditedWalletId, CreditedUserId, DebitedFunds, Fees, Tag, body: ctx.body },
    ctx.now,
    ctx.origin,
  );
}

export function registerApmPayInRoutes(r: ApiRouter): void {
  for (const spec of Object.values(APMS)) {
    for (const path of spec.paths) r.post(path, (ctx) => ok(createFor(spec, ctx)));
  }
}
