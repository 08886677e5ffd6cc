// FX routes (SDK Conversions service): rates, quotes, instant and quoted conversions between a user's
// wallets and between the platform's client wallets, and GET /conversions/{id}.
import { BodyReader } from "../core/body";
import type { ApiContext } from "../core/context";
import { ok } from "../core/context";
import { paramError } from "../core/errors";
import type { ApiRouter } from "../core/router";
import {
  clientParties,
  conversionRate,
  createQuote,
  getConversion,
  getQuote,
  instantConversion,
  parseClientWalletType,
  quotedConversion,
  quoteView,
  type FxRequest,
} from "../domain/conversions";
import type { RequestedFees } from "../store/sca-types";

function optionalMoney(b: BodyReader, field: string, required: boolean): { currency: string; amount: number | null } {
  const raw = b.body[field];
  if (raw === undefined || raw === null || typeof raw !== "object") {
    if (required) b.fail(`${field}.Currency`, `The ${field} field is required.`);
    return { currency: "", amount: null };
  }
  const m = raw as Record<string, unknown>;
  const currency = typeof m.Currency === "string" ? m.Currency.toUpperCase() : "";
  if (!/^[A-Z]{3}$/.test(currency)) b.fail(`${field}.Currency`, `The ${field}.Currency field is required.`);
  const amount = m.Amount === undefined || m.Amount === null ? null : m.Amount;
  if (amount !== null && (typeof amount !== "number" || !Number.isInteger(amount) || amount <= 0)) {
    b.fail(`${field}.Amount`, `The ${field}.Amount must be a positive integer.`);
    return { currency, amount: null };
  }
  return { currency, amount: amount as number | null };
}

/** `Fees`: `{Type: FIXED|PERCENTAGE, Value}` (2026), or the deprecated `{Currency, Amount}` (FIXED). */
function readFees(b: BodyReader, debitedCurrency: string): RequestedFees | null {
  const raw = b.body.Fees;
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== "object") {
    b.fail("Fees", "The Fees field must be an object.");
    return null;
  }
  const f = raw as Record<string, unknown>;
  const type = typeof f.Type === "string" ? f.Type.toUpperCase() : "FIXED";
  const value = f.Value ?? f.Amount;
  if (type !== "FIXED" && type !== "PERCENTAGE") b.fail("Fees.Type", "The Fees.Type must be FIXED or PERCENTAGE.");
  if (
    typeof value !== "number" ||
    value < 0 ||
    (type === "FIXED" && !Number.isInteger(value)) ||
    (type === "PERCENTAGE" && value > 100)
  ) {
    b.fail("Fees.Value", "The Fees.Value is not valid.");
    return null;
  }
  const currency = typeof f.Currency === "string" ? f.Currency.toUpperCase() : debitedCurrency;
  return { Currency: currency, Type: type as RequestedFees["Type"], Value: value };
}

function readMargin(b: BodyReader): FxRequest["userMargin"] {
  const raw = b.body.UserMargin;
  if (raw === undefined || raw === null) return null;
  const m = raw as Record<string, unknown>;
  const type = typeof m.Type === "string" ? m.Type.toUpperCase() : "";
  if ((type !== "PERCENTAGE" && type !== "PIPS") || typeof m.Value !== "number" || m.Value < 0) {
    b.fail("UserMargin", "The UserMargin must have a Type (PERCENTAGE or PIPS) and a positive Value.");
    return null;
  }
  return { Type: type, Value: m.Value };
}

function readFx(b: BodyReader, opts: { debitedAmountRequired: boolean }): FxRequest {
  const debited = optionalMoney(b, "DebitedFunds", true);
  const credited = optionalMoney(b, "CreditedFunds", true);
  if (opts.debitedAmountRequired && debited.amount === null)
    b.fail("DebitedFunds.Amount", "The DebitedFunds.Amount field is required.");
  if (debited.amount !== null && credited.amount !== null)
    b.fail("CreditedFunds.Amount", "Send either DebitedFunds.Amount or CreditedFunds.Amount, not both.");
  return {
    debitedCurrency: debited.currency,
    creditedCurrency: credited.currency,
    debitedAmount: debited.amount,
    creditedAmount: credited.amount,
    fees: readFees(b, debited.currency),
    userMargin: readMargin(b),
  };
}

function clientInstant(ctx: ApiContext) {
  const b = new BodyReader(ctx.body);
  const fx = readFx(b, { debitedAmountRequired: true });
  const tag = b.tag();
  b.done();
  const parties = clientParties(
    ctx.store,
    parseClientWalletType(ctx.body.DebitedWalletType, "DebitedWalletType"),
    parseClientWalletType(ctx.body.CreditedWalletType, "CreditedWalletType"),
    fx.debitedCurrency,
    fx.creditedCurrency,
    ctx.now,
  );
  return ok(instantConversion(ctx.emu, ctx.store, parties, fx, tag, ctx.now));
}

export function registerConversionRoutes(r: ApiRouter): void {
  r.get("/conversions/rate/:debited/:credited", (ctx) =>
    ok(conversionRate(ctx.params.debited.toUpperCase(), ctx.params.credited.toUpperCase(), ctx.now)),
  );
  r.post("/conversions/quote", (ctx) => {
    const b = new BodyReader(ctx.body);
    const fx = readFx(b, { debitedAmountRequired: false });
    const duration = b.int("Duration", { required: true });
    const tag = b.tag();
    b.done();
    return ok(quoteView(createQuote(ctx.store, fx, duration as number, tag, ctx.now)));
  });
  r.get("/conversions/quote/:id", (ctx) => ok(quoteView(getQuote(ctx.store, ctx.params.id, ctx.now))));
  r.post("/conversions/instant-conversion", (ctx) => {
    const b = new BodyReader(ctx.body);
    const authorId = b.string("AuthorId", { required: true }) as string;
    const debitedWalletId = b.string("DebitedWalletId", { required: true }) as string;
    const creditedWalletId = b.string("CreditedWalletId", { required: true }) as string;
    const fx = readFx(b, { debitedAmountRequired: true });
    const tag = b.tag();
    b.done();
    return ok(instantConversion(ctx.emu, ctx.store, { authorId, debitedWalletId, creditedWalletId }, fx, tag, ctx.now));
  });
  r.post("/conversions/quoted-conversion", (ctx) => {
    const b = new BodyReader(ctx.body);
    const quoteId = b.string("QuoteId", { required: true }) as string;
    const authorId = b.string("AuthorId", { required: true }) as string;
    const debitedWalletId = b.string("DebitedWalletId", { required: true }) as string;
    const creditedWalletId = b.string("CreditedWalletId", { required: true }) as string;
    const tag = b.tag();
    b.done();
    return ok(
      quotedConversion(ctx.emu, ctx.store, quoteId, { authorId, debitedWalletId, creditedWalletId }, tag, ctx.now),
    );
  });
  r.post("/clients/conversions/instant-conversion", clientInstant);
  r.post("/clients/conversions/quoted-conversion", (ctx) => {
    const b = new BodyReader(ctx.body);
    const quoteId = b.string("QuoteId", { required: true }) as string;
    const tag = b.tag();
    b.done();
    const debitedType = parseClientWalletType(ctx.body.DebitedWalletType, "DebitedWalletType");
    const creditedType = parseClientWalletType(ctx.body.CreditedWalletType, "CreditedWalletType");
    return ok(
      quotedConversion(
        ctx.emu,
        ctx.store,
        quoteId,
        (q) =>
          clientParties(
            ctx.store,
            debitedType,
            creditedType,
            q.DebitedFunds.Currency,
            q.CreditedFunds.Currency,
            ctx.now,
          ),
        tag,
        ctx.now,
      ),
    );
  });
  r.get("/conversions/:id", (ctx) => {
    if (!ctx.params.id) throw paramError({ Id: "required" });
    return ok(getConversion(ctx.store, ctx.params.id));
  });
}
