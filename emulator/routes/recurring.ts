// Recurring pay-in registrations and recurring card pay-ins (CIT / MIT), domain/recurring.ts.
import { BodyReader } from "../core/body";
import { ok } from "../core/context";
import { ApiError } from "../core/errors";
import type { ApiRouter } from "../core/router";
import {
  createRecurringPayIn,
  createRecurringPayPalPayIn,
  createRegistration,
  endRegistration,
  getRegistration,
  registrationView,
} from "../domain/recurring";
import { getCard } from "../domain/lookups";
import type { Money } from "../store/types";

const FREQUENCIES = [
  "Daily",
  "Weekly",
  "TwiceAMonth",
  "Monthly",
  "Bimonthly",
  "Quarterly",
  "Semiannual",
  "Annual",
  "Biannual",
] as const;

export function registerRecurringRoutes(r: ApiRouter): void {
  r.post("/recurringpayinregistrations", (ctx) => {
    const b = new BodyReader(ctx.body);
    const AuthorId = b.string("AuthorId", { required: true }) as string;
    const PaymentType = ctx.body.PaymentType === "PAYPAL" ? "PAYPAL" : "CARD_DIRECT";
    if (b.has("PaymentType") && ctx.body.PaymentType !== "CARD_DIRECT" && ctx.body.PaymentType !== "PAYPAL")
      b.fail("PaymentType", "PaymentType must be CARD_DIRECT or PAYPAL.");
    const CardId = b.string("CardId", { required: PaymentType === "CARD_DIRECT" });
    if (PaymentType === "PAYPAL" && CardId !== null)
      b.fail("CardId", "A PAYPAL recurring registration takes no CardId.");
    const CreditedUserId = b.string("CreditedUserId");
    const CreditedWalletId = b.string("CreditedWalletId", { required: true }) as string;
    const FirstTransactionDebitedFunds = b.money("FirstTransactionDebitedFunds", { required: true }) as Money;
    const FirstTransactionFees = b.money("FirstTransactionFees", { required: true }) as Money;
    const NextTransactionDebitedFunds = b.money("NextTransactionDebitedFunds");
    const NextTransactionFees = b.money("NextTransactionFees");
    const EndDate = b.int("EndDate", { min: 0 });
    const rawFrequency = ctx.body.Frequency;
    const Frequency =
      rawFrequency === undefined || rawFrequency === null
        ? null
        : (FREQUENCIES.find((f) => f.toLowerCase() === String(rawFrequency).toLowerCase()) ?? null);
    if (rawFrequency !== undefined && rawFrequency !== null && Frequency === null)
      b.fail("Frequency", `Frequency must be one of ${FREQUENCIES.join(", ")}.`);
    const FixedNextAmount = b.bool("FixedNextAmount");
    const FractionedPayment = b.bool("FractionedPayment");
    const FreeCycles = b.int("FreeCycles", { min: 0 });
    const Migration = b.bool("Migration");
    const Tag = b.tag();
    b.done();
    const reg = createRegistration(
      ctx.store,
      {
        AuthorId,
        CardId,
        PaymentType,
        CreditedUserId,
        CreditedWalletId,
        FirstTransactionDebitedFunds,
        FirstTransactionFees,
        NextTransactionDebitedFunds,
        NextTransactionFees,
        EndDate,
        Frequency,
        FixedNextAmount,
        FractionedPayment,
        FreeCycles,
        Migration,
        Billing: ctx.body.Billing ?? null,
        Shipping: ctx.body.Shipping ?? null,
        Tag,
      },
      ctx.now,
    );
    return ok(registrationView(ctx.store, reg));
  });
  r.get("/recurringpayinregistrations/:id", (ctx) =>
    ok(registrationView(ctx.store, getRegistration(ctx.store, ctx.params.id))),
  );
  r.put("/recurringpayinregistrations/:id", (ctx) => {
    const reg = getRegistration(ctx.store, ctx.params.id);
    const b = new BodyReader(ctx.body);
    const status = b.string("Status");
    const cardId = b.string("CardId");
    b.done();
    if (status !== null && status !== "ENDED")
      throw new ApiError(400, "param_error", "Only Status ENDED can be requested", {
        Status: "Only Status ENDED can be requested",
      });
    if (reg.Status === "ENDED" && (cardId !== null || b.has("Billing") || b.has("Shipping")))
      throw new ApiError(400, "invalid_action", "An ENDED recurring registration cannot be changed");
    if (cardId !== null && reg.PaymentType === "PAYPAL")
      throw new ApiError(400, "param_error", "A PAYPAL recurring registration takes no CardId", {
        CardId: "A PAYPAL recurring registration takes no CardId",
      });
    if (cardId !== null) {
      const card = getCard(ctx.store, cardId);
      if (card.UserId !== reg.AuthorId)
        throw new ApiError(400, "param_error", "The card does not belong to the author", {
          CardId: "The card does not belong to the author",
        });
      reg.CardId = card.Id;
    }
    if (b.has("Billing")) reg.Billing = ctx.body.Billing;
    if (b.has("Shipping")) reg.Shipping = ctx.body.Shipping;
    if (status === "ENDED") endRegistration(reg);
    return ok(registrationView(ctx.store, reg));
  });
  r.post("/payins/payment-methods/paypal/recurring", (ctx) => {
    const b = new BodyReader(ctx.body);
    const RecurringPayinRegistrationId = b.string("RecurringPayinRegistrationId", { required: true }) as string;
    const DebitedFunds = b.money("DebitedFunds");
    const Fees = b.money("Fees");
    for (const field of ["ReturnURL", "CancelURL"]) if (b.has(field)) b.string(field, { max: 2048 });
    b.string("StatementDescriptor", { max: 10 });
    if (b.has("LineItems") && !Array.isArray(ctx.body.LineItems)) b.fail("LineItems", "LineItems must be a list.");
    const Tag = b.tag();
    if ((DebitedFunds === null) !== (Fees === null) && (b.has("DebitedFunds") || b.has("Fees")))
      b.fail(DebitedFunds === null ? "DebitedFunds" : "Fees", "DebitedFunds and Fees are sent together.");
    b.done();
    return ok(
      createRecurringPayPalPayIn(
        ctx.emu,
        ctx.store,
        { RecurringPayinRegistrationId, DebitedFunds, Fees, Tag, body: ctx.body },
        ctx.now,
        ctx.origin,
      ),
    );
  });
  r.post("/payins/recurring/card/direct", (ctx) => {
    const b = new BodyReader(ctx.body);
    const RecurringPayinRegistrationId = b.string("RecurringPayinRegistrationId", { required: true }) as string;
    const DebitedFunds = b.money("DebitedFunds");
    const Fees = b.money("Fees");
    const StatementDescriptor = b.string("StatementDescriptor", { max: 10 });
    const Tag = b.tag();
    // A CIT carries the payer's browser: BrowserInfo, IpAddress and SecureModeReturnURL come together.
    const cit = b.has("BrowserInfo") || b.has("IpAddress") || b.has("SecureModeReturnURL");
    let citData: { SecureModeReturnURL: string; IpAddress: string; BrowserInfo: unknown } | null = null;
    if (cit) {
      const SecureModeReturnURL = b.string("SecureModeReturnURL", { required: true, max: 2048 }) as string;
      const IpAddress = b.string("IpAddress", { required: true }) as string;
      if (!b.has("BrowserInfo")) b.fail("BrowserInfo", "The BrowserInfo field is required.");
      citData = { SecureModeReturnURL, IpAddress, BrowserInfo: ctx.body.BrowserInfo };
    }
    if ((DebitedFunds === null) !== (Fees === null) && (b.has("DebitedFunds") || b.has("Fees")))
      b.fail(DebitedFunds === null ? "DebitedFunds" : "Fees", "DebitedFunds and Fees are sent together.");
    b.done();
    return ok(
      createRecurringPayIn(
        ctx.emu,
        ctx.store,
        { RecurringPayinRegistrationId, DebitedFunds, Fees, StatementDescriptor, Tag, cit: citData },
        ctx.now,
        ctx.origin,
      ),
    );
  });
}
