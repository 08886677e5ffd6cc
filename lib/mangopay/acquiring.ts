// The acquiring-only service: MANGOPAY processes a card, iDEAL, Apple Pay, Google Pay or PayPal payment whose
// funds settle to the platform outside the wallets (no author, wallet or fees). Creates move money: they take
// the caller's idempotency key. A refusal is Status FAILED with a ResultCode, never a throw.
import type { MangopayClient } from "./client";
import type { BrowserInfo } from "./payins";
import { send, type MoneyActionOptions } from "./resource";
import { AcquiringPayIn, AcquiringRefund } from "./schemas/acquiring";
import { PayPalDataCollection } from "./schemas/apm-payins";
import type { Money } from "./schemas/common";
import { CardValidation } from "./schemas/deposits";

export const ACQUIRING_PATHS = {
  CARD: "/acquiring/payins/card/direct",
  IDEAL: "/acquiring/payins/payment-methods/ideal",
  APPLEPAY: "/acquiring/payins/payment-methods/applepay",
  GOOGLE_PAY: "/acquiring/payins/payment-methods/googlepay",
  PAYPAL: "/acquiring/payins/payment-methods/paypal",
} as const;

export type AcquiringMethod = keyof typeof ACQUIRING_PATHS;

export interface AcquiringPayInInput {
  DebitedFunds: Money;
  Tag?: string;
  StatementDescriptor?: string;
  /** Card. */
  CardId?: string;
  SecureMode?: "DEFAULT" | "FORCE" | "NO_CHOICE";
  /** Card and Google Pay. */
  SecureModeReturnURL?: string;
  IpAddress?: string;
  BrowserInfo?: BrowserInfo;
  /** iDEAL and PayPal: where the payer comes back (with ?transactionId=). */
  ReturnURL?: string;
  /** iDEAL. */
  Bic?: string;
  /** Apple Pay: the wallet token object; Google Pay: the token string. */
  PaymentData?: unknown;
  /** PayPal. */
  LineItems?: Array<{ Name: string; Quantity: number; UnitAmount: number; TaxAmount?: number }>;
  DataCollectionId?: string;
  [field: string]: unknown;
}

export function createPayIn(
  client: MangopayClient,
  method: AcquiringMethod,
  input: AcquiringPayInInput,
  options: MoneyActionOptions,
): Promise<AcquiringPayIn> {
  return send(client, "POST", ACQUIRING_PATHS[method], {}, input, AcquiringPayIn, "acquiring pay-in", options);
}

/** Refunds `DebitedFunds` of a SUCCEEDED acquiring pay-in, or all that is left when omitted. */
export function refundPayIn(
  client: MangopayClient,
  payInId: string,
  input: { DebitedFunds?: Money; StatementDescriptor?: string; Tag?: string },
  options: MoneyActionOptions,
): Promise<AcquiringRefund> {
  return send(
    client,
    "POST",
    "/acquiring/payins/{payInId}/refunds",
    { payInId },
    input,
    AcquiringRefund,
    "acquiring refund",
    options,
  );
}

export function validateCard(
  client: MangopayClient,
  cardId: string,
  input: {
    SecureModeReturnURL: string;
    IpAddress: string;
    BrowserInfo: BrowserInfo;
    SecureMode?: string;
    Tag?: string;
  },
  options: MoneyActionOptions,
): Promise<CardValidation> {
  return send(
    client,
    "POST",
    "/acquiring/cards/{cardId}/validation",
    { cardId },
    input,
    CardValidation,
    "card validation",
    options,
  );
}

export function createPayPalDataCollection(
  client: MangopayClient,
  input: Record<string, string>,
  options: MoneyActionOptions,
): Promise<PayPalDataCollection> {
  return send(
    client,
    "POST",
    "/acquiring/payins/payment-methods/paypal/data-collection",
    {},
    input,
    PayPalDataCollection,
    "PayPal data collection",
    options,
  );
}
