// Pay-ins (docs/mangopay-api.md §3.5): card direct, bank wire, direct debit, preauthorized; generic GET.
import { BodyReader } from "../core/body";
import type { ApiContext } from "../core/context";
import { ok } from "../core/context";
import type { ApiRouter } from "../core/router";
import { createCardPayIn } from "../domain/card-payments";
import { createCardWebPayIn } from "../domain/card-web";
import { getTransaction } from "../domain/lookups";
import { addPayPalTracking } from "../domain/paypal-tracking";
import { createBankWirePayIn, createDirectDebitPayIn, createPreauthorizedPayIn } from "../domain/pay-ins";
import type { Money } from "../store/types";

const SECURE_MODES = ["DEFAULT", "FORCE", "NO_CHOICE"] as const;

/** Fields every wallet pay-in shares; Fees must be sent (0 allowed), as MANGOPAY requires. */
function readWalletPayIn(b: BodyReader, fundsField = "DebitedFunds", feesField = "Fees") {
  return {
    AuthorId: b.string("AuthorId", { required: true }) as string,
    CreditedWalletId: b.string("CreditedWalletId", { required: true }) as string,
    CreditedUserId: b.string("CreditedUserId"),
    funds: b.money(fundsField, { required: true }) as Money,
    fees: b.money(feesField, { required: true }) as Money,
    Tag: b.tag(),
  };
}

/** Card-only extras MANGOPAY echoes back (3DS2 data). */
export function readCardExtras(b: BodyReader): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const key of ["BrowserInfo", "IpAddress", "Billing", "Shipping", "PreferredCardNetwork", "PaymentCategory"]) {
    extra[key] = b.body[key] ?? null;
  }
  return extra;
}

function cardDirect(ctx: ApiContext) {
  const b = new BodyReader(ctx.body);
  const base = readWalletPayIn(b);
  const cardId = b.string("CardId", { required: true }) as string;
  const returnUrl = b.string("SecureModeReturnURL", { required: true, max: 2048 }) as string;
  const secureMode = b.enumOf("SecureMode", SECURE_MODES);
  if (!b.has("BrowserInfo")) b.fail("BrowserInfo", "The BrowserInfo field is required.");
  const ip = b.string("IpAddress", { required: true });
  if (ip !== null && !/^[0-9a-fA-F:.]+$/.test(ip))
    b.fail("IpAddress", "The field IpAddress must be a valid IPv4 or IPv6 address.");
  const descriptor = b.string("StatementDescriptor", { max: 10 });
  const culture = b.string("Culture");
  b.done();
  return createCardPayIn(
    ctx.emu,
    ctx.store,
    {
      AuthorId: base.AuthorId,
      CreditedWalletId: base.CreditedWalletId,
      CreditedUserId: base.CreditedUserId,
      DebitedFunds: base.funds,
      Fees: base.fees,
      CardId: cardId,
      SecureMode: secureMode,
      SecureModeReturnURL: returnUrl,
      StatementDescriptor: descriptor,
      Culture: culture,
      Tag: base.Tag,
      extra: readCardExtras(b),
    },
    ctx.now,
    ctx.origin,
  );
}

export function registerPayInRoutes(r: ApiRouter): void {
  r.post("/payins/card/direct", (ctx) => ok(cardDirect(ctx)));
  r.post("/payins/card/web", (ctx) => {
    const b = new BodyReader(ctx.body);
    const base = readWalletPayIn(b);
    const returnUrl = b.string("ReturnURL", { required: true, max: 2048 }) as string;
    const cardType = b.enumOf(
      "CardType",
      ["CB_VISA_MASTERCARD", "AMEX", "MAESTRO", "BCMC", "DINERS", "MASTERPASS", "P24", "IDEAL"] as const,
      { required: true },
    ) as string;
    const culture = b.enumOf(
      "Culture",
      ["DE", "EN", "ES", "FR", "IT", "NL", "PL", "PT", "DA", "FI", "SV", "NO"] as const,
      { required: true },
    ) as string;
    const secureMode = b.enumOf("SecureMode", SECURE_MODES);
    const descriptor = b.string("StatementDescriptor", { max: 10 });
    b.done();
    return ok(
      createCardWebPayIn(
        ctx.emu,
        ctx.store,
        {
          AuthorId: base.AuthorId,
          CreditedWalletId: base.CreditedWalletId,
          CreditedUserId: base.CreditedUserId,
          DebitedFunds: base.funds,
          Fees: base.fees,
          ReturnURL: returnUrl,
          CardType: cardType,
          Culture: culture,
          SecureMode: secureMode,
          StatementDescriptor: descriptor,
          Tag: base.Tag,
        },
        ctx.now,
        ctx.origin,
      ),
    );
  });
  r.post("/payins/bankwire/direct", (ctx) => {
    const b = new BodyReader(ctx.body);
    const base = readWalletPayIn(b, "DeclaredDebitedFunds", "DeclaredFees");
    b.done();
    return ok(
      createBankWirePayIn(
        ctx.emu,
        ctx.store,
        {
          AuthorId: base.AuthorId,
          CreditedWalletId: base.CreditedWalletId,
          CreditedUserId: base.CreditedUserId,
          DeclaredDebitedFunds: base.funds,
          DeclaredFees: base.fees,
          Tag: base.Tag,
        },
        ctx.now,
      ),
    );
  });
  r.post("/payins/directdebit/direct", (ctx) => {
    const b = new BodyReader(ctx.body);
    const base = readWalletPayIn(b);
    const mandateId = b.string("MandateId", { required: true }) as string;
    const descriptor = b.string("StatementDescriptor", { max: 10 });
    b.done();
    return ok(
      createDirectDebitPayIn(
        ctx.emu,
        ctx.store,
        {
          AuthorId: base.AuthorId,
          CreditedWalletId: base.CreditedWalletId,
          CreditedUserId: base.CreditedUserId,
          DebitedFunds: base.funds,
          Fees: base.fees,
          MandateId: mandateId,
          StatementDescriptor: descriptor,
          Tag: base.Tag,
        },
        ctx.now,
      ),
    );
  });
  r.post("/payins/preauthorized/direct", (ctx) => {
    const b = new BodyReader(ctx.body);
    const base = readWalletPayIn(b);
    const preauthId = b.string("PreauthorizationId", { required: true }) as string;
    b.done();
    return ok(
      createPreauthorizedPayIn(
        ctx.emu,
        ctx.store,
        {
          AuthorId: base.AuthorId,
          CreditedWalletId: base.CreditedWalletId,
          CreditedUserId: base.CreditedUserId,
          DebitedFunds: base.funds,
          Fees: base.fees,
          PreauthorizationId: preauthId,
          Tag: base.Tag,
        },
        ctx.now,
      ),
    );
  });
  r.put("/payins/:payInId/trackings", (ctx) => ok(addPayPalTracking(ctx.store, ctx.params.payInId, ctx.body)));
  // Acquiring-only pay-ins have no read route of their own: the pay-in read serves them too (emulator choice).
  r.get("/payins/:payInId", (ctx) =>
    ok(ctx.store.acquiringPayIns.get(ctx.params.payInId) ?? getTransaction(ctx.store, ctx.params.payInId, "PAYIN")),
  );
}
