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
  "BIZUM",
]);
export type ApmPaymentType = z.output<typeof ApmPaymentType>;

/**
 * One shipment's tracking information sent to PayPal (`PUT /payins/{PayInId}/trackings`). MANGOPAY documents
 * no date for it; a field it adds passes through (loose object).
 */
export const PayPalTracking = z.looseObject({
  TrackingNumber: z.string(),
  Carrier: z.string(),
  NotifyBuyer: z.boolean().nullish(),
});
export type PayPalTracking = z.output<typeof PayPalTracking>;

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
  /** A recurring PayPal pay-in's registration. */
  RecurringPayinRegistrationId: OptionalString,
  /**
   * PayPal: the tracking information sent so far, in order (null before the first). MANGOPAY's reference shows a
   * list; the SDK's typings one object, so a lone object is read as a list of one.
   */
  Trackings: z
    .union([z.array(PayPalTracking), PayPalTracking])
    .nullish()
    .transform((v) => (v == null ? null : Array.isArray(v) ? v : [v])),
});
export type ApmPayIn = z.output<typeof ApmPayIn>;

/** PayPal data collection: the payer's risk data as submitted (snake_case strings), under its id. */
export const PayPalDataCollection = z.looseObject({ dataCollectionId: z.string() });
export type PayPalDataCollection = z.output<typeof PayPalDataCollection>;
