// FX (docs/mangopay-api.md §3.3 "FX"): indicative rates, quotes that freeze a rate for a duration, and
// conversions (Type CONVERSION) between two wallets of one owner — user wallets, or the platform's
// FEES/CREDIT client wallets. CreditedFunds = floor((DebitedFunds − Fees) × MarketRate); the platform's
// Fees stay in the debited currency and go to FEES_{CCY}, like every other transaction's fees.
import type { Emulator } from "../core/emulator";
import { ApiError, invalidAction, notFound, paramError } from "../core/errors";
import type { ClientStore } from "../store/client-store";
import type { Conversion, ConversionRate, Quote, RequestedFees, UserMargin } from "../store/sca-types";
import type { Money, Wallet } from "../store/types";
import { assertOwner } from "./checks";
import { canDebit, clientWallet } from "./ledger";
import { getUser, getWallet } from "./lookups";
import { createResolved } from "./transactions";

/** Units of each currency per EUR (mid-market, rounded); the emulator's FX market. */
const PER_EUR: Record<string, number> = {
  EUR: 1,
  GBP: 0.85,
  USD: 1.08,
  CHF: 0.95,
  PLN: 4.3,
  SEK: 11.2,
  NOK: 11.5,
  DKK: 7.46,
  CZK: 25.1,
  HUF: 395,
  RON: 4.97,
  CAD: 1.47,
  AUD: 1.65,
  JPY: 162,
  AED: 3.97,
  ZAR: 20.1,
};
/** Currencies without minor units (ISO 4217 exponent 0). */
const ZERO_DECIMALS = new Set(["JPY", "HUF"]);
/** MANGOPAY's markup on the market rate (contractual; the emulator's choice). */
export const MANGOPAY_MARKUP_PERCENT = 0.5;
const MIN_QUOTE_SECONDS = 5;
const MAX_QUOTE_SECONDS = 3600;

export function isFxCurrency(ccy: string): boolean {
  return PER_EUR[ccy] !== undefined;
}

function round7(x: number): number {
  return Math.round(x * 1e7) / 1e7;
}

/** The market moves a little every 10 minutes (deterministic), so a quote's frozen rate differs from later ones. */
export function conversionRate(debited: string, credited: string, now: number): ConversionRate {
  const from = PER_EUR[debited];
  const to = PER_EUR[credited];
  if (from === undefined || to === undefined || debited === credited) {
    throw paramError({ Currency: `The currency pair ${debited}/${credited} is not available for conversions.` });
  }
  const slot = Math.floor(now / 600);
  const drift = 1 + 0.002 * Math.sin(slot + debited.charCodeAt(0) - credited.charCodeAt(1));
  const market = round7((to / from) * drift);
  return {
    DebitedCurrency: debited,
    CreditedCurrency: credited,
    ClientRate: round7(market * (1 - MANGOPAY_MARKUP_PERCENT / 100)),
    MarketRate: market,
    MarketRateDate: slot * 600,
  };
}

/** Minor units of `credited` for `netMinor` minor units of `debited` at `rate`. */
function convertMinor(netMinor: number, debited: string, credited: string, rate: number): number {
  const scale = 10 ** ((ZERO_DECIMALS.has(credited) ? 0 : 2) - (ZERO_DECIMALS.has(debited) ? 0 : 2));
  return Math.floor(netMinor * rate * scale + 1e-9);
}

function inverseMinor(creditedMinor: number, debited: string, credited: string, rate: number): number {
  const scale = 10 ** ((ZERO_DECIMALS.has(credited) ? 0 : 2) - (ZERO_DECIMALS.has(debited) ? 0 : 2));
  return Math.ceil(creditedMinor / (rate * scale) - 1e-9);
}

export interface FxAmounts {
  DebitedFunds: Money;
  CreditedFunds: Money;
  Fees: Money;
  RequestedFees: RequestedFees | null;
  ConversionRateResponse: ConversionRate;
  MarginsResponse: { Mangopay: UserMargin; User?: UserMargin };
}

export interface FxRequest {
  debitedCurrency: string;
  creditedCurrency: string;
  debitedAmount: number | null;
  creditedAmount: number | null;
  fees: RequestedFees | null;
  userMargin: { Type: "PERCENTAGE" | "PIPS"; Value: number } | null;
}

function feesFor(grossMinor: number, fees: RequestedFees | null): number {
  if (!fees) return 0;
  return fees.Type === "PERCENTAGE" ? Math.floor((grossMinor * fees.Value) / 100) : Math.round(fees.Value);
}

/** Amounts of a conversion or quote: from the debited amount, or back from the credited amount asked. */
export function computeFx(req: FxRequest, now: number): FxAmounts {
  const rate = conversionRate(req.debitedCurrency, req.creditedCurrency, now);
  if (req.fees && req.fees.Currency !== req.debitedCurrency) {
    throw new ApiError(400, "currency_incompatibility", "The Fees currency must be the DebitedFunds currency");
  }
  let debited: number;
  let fees: number;
  if (req.debitedAmount !== null) {
    debited = req.debitedAmount;
    fees = feesFor(debited, req.fees);
  } else if (req.creditedAmount !== null) {
    const net = inverseMinor(req.creditedAmount, req.debitedCurrency, req.creditedCurrency, rate.MarketRate);
    // PERCENTAGE fees are a share of the gross amount: gross = net / (1 − p).
    debited =
      req.fees?.Type === "PERCENTAGE" ? Math.ceil(net / (1 - req.fees.Value / 100)) : net + feesFor(net, req.fees);
    fees = debited - net;
  } else {
    throw paramError({ "DebitedFunds.Amount": "Either DebitedFunds.Amount or CreditedFunds.Amount is required." });
  }
  if (fees > debited) throw paramError({ Fees: "The Fees amount cannot be higher than the DebitedFunds amount." });
  const net = debited - fees;
  const credited = convertMinor(net, req.debitedCurrency, req.creditedCurrency, rate.MarketRate);
  if (credited <= 0) throw paramError({ "DebitedFunds.Amount": "The amount is too small to be converted." });
  const margins: FxAmounts["MarginsResponse"] = {
    Mangopay: {
      Type: "PERCENTAGE",
      Value: MANGOPAY_MARKUP_PERCENT,
      Amount: Math.floor((net * MANGOPAY_MARKUP_PERCENT) / 100),
    },
  };
  if (req.userMargin) {
    const { Type, Value } = req.userMargin;
    const amount =
      Type === "PERCENTAGE" ? Math.floor((net * Value) / 100) : Math.floor((net * Value * 0.0001) / rate.MarketRate);
    margins.User = { Type, Value, Amount: amount };
  }
  return {
    DebitedFunds: { Currency: req.debitedCurrency, Amount: debited },
    CreditedFunds: { Currency: req.creditedCurrency, Amount: credited },
    Fees: { Currency: req.debitedCurrency, Amount: fees },
    RequestedFees: req.fees,
    ConversionRateResponse: rate,
    MarginsResponse: margins,
  };
}

export function createQuote(
  store: ClientStore,
  req: FxRequest,
  durationSeconds: number,
  tag: string | null,
  now: number,
) {
  if (durationSeconds < MIN_QUOTE_SECONDS || durationSeconds > MAX_QUOTE_SECONDS) {
    throw paramError({
      Duration: `The Duration must be between ${MIN_QUOTE_SECONDS} and ${MAX_QUOTE_SECONDS} seconds.`,
    });
  }
  const fx = computeFx(req, now);
  const quote: Quote = {
    Id: store.nextId("quote_m"),
    Tag: tag,
    CreationDate: now,
    ExpirationDate: now + durationSeconds,
    Status: "ACTIVE",
    DebitedFunds: fx.DebitedFunds,
    CreditedFunds: fx.CreditedFunds,
    Fees: fx.Fees,
    RequestedFees: fx.RequestedFees,
    ConversionRateResponse: fx.ConversionRateResponse,
    MarginsResponse: fx.MarginsResponse,
  };
  store.quotes.set(quote.Id, quote);
  return quote;
}

/** Status follows the clock on every read. */
export function getQuote(store: ClientStore, id: string, now: number): Quote {
  const quote = store.quotes.get(id);
  if (!quote) throw notFound("Quote", id);
  if (quote.Status === "ACTIVE" && now >= quote.ExpirationDate) quote.Status = "EXPIRED";
  return quote;
}

/** The public view of a quote (the link to its conversion is internal). */
export function quoteView(quote: Quote) {
  const view: Partial<Quote> = { ...quote };
  delete view.ConversionId;
  return view;
}

interface Parties {
  authorId: string;
  debited: Wallet;
  credited: Wallet;
  creditedUserId: string | null;
}

function userParties(store: ClientStore, authorId: string, debitedId: string, creditedId: string): Parties {
  getUser(store, authorId);
  const debited = getWallet(store, debitedId);
  const credited = getWallet(store, creditedId);
  assertOwner(
    debited,
    authorId,
    "author_is_not_debited_wallet_owner",
    "The author is not the owner of the debited wallet",
  );
  assertOwner(
    credited,
    authorId,
    "author_is_not_credited_wallet_owner",
    "The author is not the owner of the credited wallet",
  );
  return { authorId, debited, credited, creditedUserId: authorId };
}

const CLIENT_WALLET_TYPES = ["FEES", "CREDIT"] as const;
export type ClientWalletType = (typeof CLIENT_WALLET_TYPES)[number];

export function clientParties(
  store: ClientStore,
  debitedType: ClientWalletType,
  creditedType: ClientWalletType,
  debitedCcy: string,
  creditedCcy: string,
  now: number,
): Parties {
  return {
    authorId: store.info.ClientId,
    debited: clientWallet(store, debitedType, debitedCcy, now),
    credited: clientWallet(store, creditedType, creditedCcy, now),
    creditedUserId: null,
  };
}

function execute(
  emu: Emulator,
  store: ClientStore,
  parties: Parties,
  fx: FxAmounts,
  quoteId: string | null,
  tag: string | null,
  now: number,
): Conversion {
  if (
    parties.debited.Currency !== fx.DebitedFunds.Currency ||
    parties.credited.Currency !== fx.CreditedFunds.Currency
  ) {
    throw new ApiError(
      400,
      "currency_incompatibility",
      "The wallets' currencies do not match the conversion's currencies",
    );
  }
  const tx: Conversion = {
    Id: store.nextId(),
    Tag: tag,
    CreationDate: now,
    Status: "CREATED",
    ResultCode: null,
    ResultMessage: null,
    ExecutionDate: null,
    AuthorId: parties.authorId,
    CreditedUserId: parties.creditedUserId,
    DebitedFunds: fx.DebitedFunds,
    CreditedFunds: fx.CreditedFunds,
    Fees: fx.Fees,
    DebitedWalletId: parties.debited.Id,
    CreditedWalletId: parties.credited.Id,
    Type: "CONVERSION",
    Nature: "REGULAR",
    QuoteId: quoteId,
    RequestedFees: fx.RequestedFees,
    ConversionRateResponse: fx.ConversionRateResponse,
    MarginsResponse: fx.MarginsResponse,
  };
  const outcome = canDebit(store, parties.debited.Id, fx.DebitedFunds.Amount) ? "SUCCESS" : "INSUFFICIENT_BALANCE";
  return createResolved(emu, store, tx, outcome, now) as Conversion;
}

export function instantConversion(
  emu: Emulator,
  store: ClientStore,
  parties: { authorId: string; debitedWalletId: string; creditedWalletId: string } | Parties,
  req: FxRequest,
  tag: string | null,
  now: number,
): Conversion {
  const p =
    "debited" in parties
      ? parties
      : userParties(store, parties.authorId, parties.debitedWalletId, parties.creditedWalletId);
  return execute(emu, store, p, computeFx(req, now), null, tag, now);
}

export function quotedConversion(
  emu: Emulator,
  store: ClientStore,
  quoteId: string,
  parties: { authorId: string; debitedWalletId: string; creditedWalletId: string } | ((q: Quote) => Parties),
  tag: string | null,
  now: number,
): Conversion {
  const quote = getQuote(store, quoteId, now);
  if (quote.Status === "EXPIRED") throw invalidAction("The quote has expired", "quote_expired");
  if (quote.ConversionId) throw invalidAction("The quote has already been used");
  const p =
    typeof parties === "function"
      ? parties(quote)
      : userParties(store, parties.authorId, parties.debitedWalletId, parties.creditedWalletId);
  const conversion = execute(emu, store, p, quote, quote.Id, tag, now);
  if (conversion.Status === "SUCCEEDED") quote.ConversionId = conversion.Id;
  return conversion;
}

export function parseClientWalletType(raw: unknown, field: string): ClientWalletType {
  const value = typeof raw === "string" ? raw.toUpperCase() : "";
  const match = CLIENT_WALLET_TYPES.find((t) => t === value);
  if (!match) throw paramError({ [field]: `The ${field} must be FEES or CREDIT.` });
  return match;
}

export function getConversion(store: ClientStore, id: string): Conversion {
  const tx = store.transactions.get(id);
  if (!tx || tx.Type !== "CONVERSION") throw notFound("Conversion", id);
  return tx as Conversion;
}
