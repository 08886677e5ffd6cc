// Pay-ins by alternative payment methods (docs/mangopay-api.md §3.5): the common pay-in fields plus each
// method's own (links to the payer's app, bank, buyer, processing status). All optional: a method answers
// only its own fields.
import { z } from "zod";
import { OptionalString, openEnum } from "./common";
import { PayIn } from "./transactions";

export const ApmPaymentType = openEnum([
  "PAYPAL",
  "APPLEPAY",
  "GOOGLE_PAY",
  "IDEAL",
  "BCMC",
  "GIROPAY",
  "KLARNA",
  "MBWAY",
  "MULTIBANCO",
  "SATISPAY",
  "BLIK",
  "PAYCONIQ",
  "SWISH",
  "TWINT",
  "PAY_BY_BANK",
]);
export type ApmPaymentType = z.output<typeof ApmPaymentType>;

export const ApmPayIn = PayIn.extend({
  PaymentType: ApmPaymentType,
  DeepLinkURL: OptionalString,
  QRCodeURL: OptionalString,
  PaymentFlow: OptionalString,
  Phone: OptionalString,
  Country: OptionalString,
  Culture: OptionalString,
  Bic: OptionalString,
  BIC: OptionalString,
  IBAN: OptionalString,
  BankName: OptionalString,
  Scheme: OptionalString,
  ProcessingStatus: OptionalString,
  Code: OptionalString,
  Reference: OptionalString,
  Email: OptionalString,
  PaypalOrderID: OptionalString,
  PaypalPayerID: OptionalString,
  PaypalBuyerAccountEmail: OptionalString,
  CancelURL: OptionalString,
  Recurring: z.boolean().nullish(),
});
export type ApmPayIn = z.output<typeof ApmPayIn>;
