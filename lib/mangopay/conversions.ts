// FX (SDK `Conversions`): indicative rate, quotes, instant and quoted conversions between a user's
// wallets or between the platform's client wallets (FEES/CREDIT). Conversions move money: the caller
// owns the idempotency key, as for every money action.
import type { CallOptions, MangopayClient } from "./client";
import { getOne, send, type MoneyActionOptions, type WriteOptions } from "./resource";
import type { Money } from "./schemas/common";
import { Conversion, ConversionRate, Quote } from "./schemas/conversions";

/** FIXED: Value in minor units of the debited currency; PERCENTAGE: share of DebitedFunds. */
export interface FxFees {
  Type: "FIXED" | "PERCENTAGE";
  Value: number;
  Currency?: string;
}

export interface UserMargin {
  Type: "PERCENTAGE" | "PIPS";
  Value: number;
}

export interface CreateQuoteInput {
  DebitedFunds: { Currency: string; Amount?: number };
  CreditedFunds: { Currency: string; Amount?: number };
  /** Seconds the rate stays frozen. */
  Duration: number;
  Fees?: FxFees;
  UserMargin?: UserMargin;
  Tag?: string;
}

export interface CreateInstantConversionInput {
  AuthorId: string;
  DebitedWalletId: string;
  CreditedWalletId: string;
  DebitedFunds: Money;
  CreditedFunds: { Currency: string };
  Fees?: FxFees;
  UserMargin?: UserMargin;
  Tag?: string;
}

export interface CreateQuotedConversionInput {
  QuoteId: string;
  AuthorId: string;
  DebitedWalletId: string;
  CreditedWalletId: string;
  Tag?: string;
}

export type ClientWalletType = "FEES" | "CREDIT";

export function getRate(
  client: MangopayClient,
  debitedCurrency: string,
  creditedCurrency: string,
  options: CallOptions = {},
): Promise<ConversionRate> {
  return getOne(
    client,
    "/conversions/rate/{debitedCurrency}/{creditedCurrency}",
    { debitedCurrency, creditedCurrency },
    ConversionRate,
    "conversion rate",
    options,
  );
}

export function createQuote(
  client: MangopayClient,
  input: CreateQuoteInput,
  options: WriteOptions = {},
): Promise<Quote> {
  return send(client, "POST", "/conversions/quote", {}, input, Quote, "quote", options);
}

export function getQuote(client: MangopayClient, quoteId: string, options: CallOptions = {}): Promise<Quote> {
  return getOne(client, "/conversions/quote/{quoteId}", { quoteId }, Quote, "quote", options);
}

export function get(client: MangopayClient, conversionId: string, options: CallOptions = {}): Promise<Conversion> {
  return getOne(client, "/conversions/{conversionId}", { conversionId }, Conversion, "conversion", options);
}

/** A short balance is a FAILED conversion (ResultCode 001001), not an exception. */
export function createInstant(
  client: MangopayClient,
  input: CreateInstantConversionInput,
  options: MoneyActionOptions,
): Promise<Conversion> {
  return send(client, "POST", "/conversions/instant-conversion", {}, input, Conversion, "conversion", options);
}

export function createQuoted(
  client: MangopayClient,
  input: CreateQuotedConversionInput,
  options: MoneyActionOptions,
): Promise<Conversion> {
  return send(client, "POST", "/conversions/quoted-conversion", {}, input, Conversion, "conversion", options);
}

export function createClientInstant(
  client: MangopayClient,
  input: {
    DebitedFunds: Money;
    CreditedFunds: { Currency: string };
    DebitedWalletType: ClientWalletType;
    CreditedWalletType: ClientWalletType;
    Tag?: string;
  },
  options: MoneyActionOptions,
): Promise<Conversion> {
  return send(client, "POST", "/clients/conversions/instant-conversion", {}, input, Conversion, "conversion", options);
}

export function createClientQuoted(
  client: MangopayClient,
  input: { QuoteId: string; DebitedWalletType: ClientWalletType; CreditedWalletType: ClientWalletType; Tag?: string },
  options: MoneyActionOptions,
): Promise<Conversion> {
  return send(client, "POST", "/clients/conversions/quoted-conversion", {}, input, Conversion, "conversion", options);
}
