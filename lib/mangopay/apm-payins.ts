// Pay-ins by alternative payment methods. Every create moves money: it takes the caller's idempotency key.
// Redirect methods answer CREATED with a RedirectURL (send the payer there; MANGOPAY brings them back to
// ReturnURL?transactionId=); MB WAY and BLIK with a code wait for the payer's app; Apple Pay and Google
// Pay answer SUCCEEDED or FAILED at once. A refusal is Status FAILED with a ResultCode, never a throw.
import type { CallOptions, MangopayClient } from "./client";
import type { BrowserInfo } from "./payins";
import { getOne, send, type MoneyActionOptions } from "./resource";
import { ApmPayIn, PayPalDataCollection } from "./schemas/apm-payins";
import type { Money } from "./schemas/common";

/** The current path of each method (after /v2.01/{ClientId}). */
export const APM_PATHS = {
  PAYPAL: "/payins/payment-methods/paypal",
  APPLEPAY: "/payins/applepay/direct",
  GOOGLE_PAY: "/payins/payment-methods/googlepay",
  IDEAL: "/payins/payment-methods/ideal",
  BCMC: "/payins/payment-methods/bancontact",
  GIROPAY: "/payins/payment-methods/giropay",
  KLARNA: "/payins/payment-methods/klarna",
  MBWAY: "/payins/payment-methods/mbway",
  MULTIBANCO: "/payins/payment-methods/multibanco",
  SATISPAY: "/payins/payment-methods/satispay",
  BLIK: "/payins/payment-methods/blik",
  PAYCONIQ: "/payins/payment-methods/payconiq",
  SWISH: "/payins/payment-methods/swish",
  TWINT: "/payins/payment-methods/twint",
  PAY_BY_BANK: "/payins/payment-methods/openbanking",
  BIZUM: "/payins/payment-methods/bizum",
} as const;

export type ApmMethod = keyof typeof APM_PATHS;

export const APM_LABELS: Record<ApmMethod, string> = {
  PAYPAL: "PayPal",
  APPLEPAY: "Apple Pay",
  GOOGLE_PAY: "Google Pay",
  IDEAL: "iDEAL",
  BCMC: "Bancontact",
  GIROPAY: "Giropay",
  KLARNA: "Klarna",
  MBWAY: "MB WAY",
  MULTIBANCO: "Multibanco",
  SATISPAY: "Satispay",
  BLIK: "BLIK",
  PAYCONIQ: "Payconiq",
  SWISH: "Swish",
  TWINT: "TWINT",
  PAY_BY_BANK: "Pay by Bank",
  BIZUM: "Bizum",
};

export interface ApmPayInInput {
  AuthorId: string;
  CreditedWalletId: string;
  CreditedUserId?: string;
  DebitedFunds: Money;
  Fees: Money;
  Tag?: string;
  StatementDescriptor?: string;
  /** Required by every redirect method (not MB WAY, not Apple Pay). */
  ReturnURL?: string;
  /** MB WAY: `351#` + 9 digits; Bizum: E.164 (`+34…`), then confirmed in the banking app (no redirect). */
  Phone?: string;
  /** PayPal: the id of a data collection submitted beforehand (createPayPalDataCollection). */
  DataCollectionId?: string;
  /** Satispay, Payconiq, Klarna, Pay by Bank. */
  Country?: string;
  Culture?: string;
  /** iDEAL. */
  Bic?: string;
  /** BLIK: a 6-digit code confirmed in the banking app (then IpAddress and BrowserInfo are required). */
  Code?: string;
  IpAddress?: string;
  BrowserInfo?: BrowserInfo;
  /** Swish, Pay by Bank: WEB or APP. */
  PaymentFlow?: "WEB" | "APP";
  /** Apple Pay: the wallet token object; Google Pay: the token string. */
  PaymentData?: unknown;
  SecureModeReturnURL?: string;
  /** Klarna, PayPal. */
  LineItems?: Array<{ Name: string; Quantity: number; UnitAmount: number; TaxAmount?: number }>;
  Reference?: string;
  Email?: string;
  Billing?: unknown;
  Shipping?: unknown;
  [field: string]: unknown;
}

export function create(
  client: MangopayClient,
  method: ApmMethod,
  input: ApmPayInInput,
  options: MoneyActionOptions,
): Promise<ApmPayIn> {
  return send(client, "POST", APM_PATHS[method], {}, input, ApmPayIn, `${APM_LABELS[method]} pay-in`, options);
}

export function get(client: MangopayClient, payInId: string, options: CallOptions = {}): Promise<ApmPayIn> {
  return getOne(client, "/payins/{payInId}", { payInId }, ApmPayIn, "pay-in", options);
}

/** What PayPal is told about one shipment of a paid order. */
export interface PayPalTrackingInput {
  /** Up to 64 characters; a number can be sent once per pay-in and never edited. */
  TrackingNumber: string;
  /** PayPal's carrier code: upper-case letters, digits and `_` (`DHL`, `UPS`, `FR_COLISSIMO`…). */
  Carrier: string;
  /** PayPal e-mails the buyer the tracking details; false by default. */
  NotifyBuyer?: boolean;
}

/**
 * Sends a shipment's tracking information to PayPal, only for a SUCCEEDED PayPal pay-in; answers the pay-in with
 * every tracking sent so far in `Trackings`. A PUT that moves no money: it carries no idempotency key and is not
 * repeated once it may have been applied (a second identical call is refused: a number is sent once).
 */
export function addPayPalTracking(
  client: MangopayClient,
  payInId: string,
  input: PayPalTrackingInput,
  options: CallOptions = {},
): Promise<ApmPayIn> {
  return send(client, "PUT", "/payins/{payInId}/trackings", { payInId }, input, ApmPayIn, "PayPal pay-in", options);
}

/** The payer's risk data PayPal asks for before a pay-in (snake_case strings: sender_email, txn_count_total…). */
export type PayPalDataCollectionInput = Record<string, string>;

export function createPayPalDataCollection(
  client: MangopayClient,
  input: PayPalDataCollectionInput,
  options: CallOptions = {},
): Promise<PayPalDataCollection> {
  return send(
    client,
    "POST",
    "/payins/payment-methods/paypal/data-collection",
    {},
    input,
    PayPalDataCollection,
    "PayPal data collection",
    options,
  );
}

export function getPayPalDataCollection(
  client: MangopayClient,
  dataCollectionId: string,
  options: CallOptions = {},
): Promise<PayPalDataCollection> {
  return getOne(
    client,
    "/payins/payment-methods/paypal/data-collection/{dataCollectionId}",
    { dataCollectionId },
    PayPalDataCollection,
    "PayPal data collection",
    options,
  );
}
