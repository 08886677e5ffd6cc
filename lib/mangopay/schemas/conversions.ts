// FX answers: indicative rates, quotes (a rate frozen until ExpirationDate) and conversions, which are
// transactions of Type CONVERSION. Rates are floats with up to 7 decimals (the SDK types them as strings,
// so both are accepted and read as numbers).
import { z } from "zod";
import { EntityBase, Money, OptionalString, UnixDate, openEnum } from "./common";
import { TransactionFields } from "./transactions";

const Rate = z.union([z.number(), z.string().transform(Number)]);

export const ConversionRate = z.looseObject({
  DebitedCurrency: z.string(),
  CreditedCurrency: z.string(),
  ClientRate: Rate,
  MarketRate: Rate,
  MarketRateDate: UnixDate.nullish(),
});
export type ConversionRate = z.output<typeof ConversionRate>;

const Margin = z.looseObject({ Type: OptionalString, Value: z.number().nullish(), Amount: z.number().nullish() });
const Margins = z.looseObject({ Mangopay: Margin.nullish(), User: Margin.nullish() }).nullish();
const RequestedFees = z
  .looseObject({ Currency: OptionalString, Type: OptionalString, Value: z.number().nullish() })
  .nullish();

export const QuoteStatus = openEnum(["ACTIVE", "EXPIRED"]);

export const Quote = z.looseObject({
  ...EntityBase,
  ExpirationDate: UnixDate,
  Status: QuoteStatus,
  DebitedFunds: Money,
  CreditedFunds: Money,
  Fees: Money.nullish(),
  RequestedFees,
  ConversionRateResponse: ConversionRate,
  MarginsResponse: Margins,
});
export type Quote = z.output<typeof Quote>;

export const Conversion = z.looseObject({
  ...TransactionFields,
  QuoteId: OptionalString,
  RequestedFees,
  ConversionRateResponse: ConversionRate,
  MarginsResponse: Margins,
});
export type Conversion = z.output<typeof Conversion>;
