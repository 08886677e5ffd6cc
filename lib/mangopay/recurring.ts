// Recurring pay-ins by card or PayPal: a registration, a first customer-initiated pay-in (CIT: the payer's
// browser and 3DS, or PayPal's page) and later merchant-initiated ones (MIT). Registrations and pay-ins take the
// caller's idempotency key.
import type { CallOptions, MangopayClient } from "./client";
import type { BrowserInfo } from "./payins";
import { getOne, send, type MoneyActionOptions } from "./resource";
import type { Money } from "./schemas/common";
import { ApmPayIn } from "./schemas/apm-payins";
import { RecurringRegistration } from "./schemas/recurring";
import { PayIn } from "./schemas/transactions";

export interface CreateRegistrationInput {
  AuthorId: string;
  /** Required for CARD_DIRECT (the default); absent for PAYPAL. */
  CardId?: string;
  PaymentType?: "CARD_DIRECT" | "PAYPAL";
  CreditedWalletId: string;
  FirstTransactionDebitedFunds: Money;
  FirstTransactionFees: Money;
  NextTransactionDebitedFunds?: Money;
  NextTransactionFees?: Money;
  Frequency?: "Daily" | "Weekly" | "TwiceAMonth" | "Monthly" | "Bimonthly" | "Quarterly" | "Semiannual" | "Annual";
  EndDate?: number;
  FixedNextAmount?: boolean;
  FractionedPayment?: boolean;
  Tag?: string;
}

export function createRegistration(
  client: MangopayClient,
  input: CreateRegistrationInput,
  options: MoneyActionOptions,
): Promise<RecurringRegistration> {
  return send(
    client,
    "POST",
    "/recurringpayinregistrations",
    {},
    input,
    RecurringRegistration,
    "recurring registration",
    options,
  );
}

export function getRegistration(
  client: MangopayClient,
  registrationId: string,
  options: CallOptions = {},
): Promise<RecurringRegistration> {
  return getOne(
    client,
    "/recurringpayinregistrations/{registrationId}",
    { registrationId },
    RecurringRegistration,
    "recurring registration",
    options,
  );
}

/** Final: no pay-in is accepted afterwards. */
export function endRegistration(
  client: MangopayClient,
  registrationId: string,
  options: CallOptions = {},
): Promise<RecurringRegistration> {
  return send(
    client,
    "PUT",
    "/recurringpayinregistrations/{registrationId}",
    { registrationId },
    { Status: "ENDED" },
    RecurringRegistration,
    "recurring registration",
    options,
  );
}

interface RecurringPayInBase {
  RecurringPayinRegistrationId: string;
  DebitedFunds?: Money;
  Fees?: Money;
  StatementDescriptor?: string;
  Tag?: string;
}

export interface CitInput extends RecurringPayInBase {
  BrowserInfo: BrowserInfo;
  IpAddress: string;
  SecureModeReturnURL: string;
}

/** Customer-initiated: the first pay-in of a registration (and any later one with the payer present). */
export function payCit(client: MangopayClient, input: CitInput, options: MoneyActionOptions): Promise<PayIn> {
  return send(client, "POST", "/payins/recurring/card/direct", {}, input, PayIn, "recurring pay-in", options);
}

/** Merchant-initiated: a later pay-in without the payer. */
export function payMit(client: MangopayClient, input: RecurringPayInBase, options: MoneyActionOptions): Promise<PayIn> {
  return send(client, "POST", "/payins/recurring/card/direct", {}, input, PayIn, "recurring pay-in", options);
}

export interface PayPalRecurringInput {
  RecurringPayinRegistrationId: string;
  DebitedFunds?: Money;
  Fees?: Money;
  /** Required on the CIT: where PayPal sends the payer back (with ?transactionId=). */
  ReturnURL?: string;
  CancelURL?: string;
  LineItems?: Array<{ Name: string; Quantity: number; UnitAmount: number; TaxAmount?: number; Description?: string }>;
  Shipping?: unknown;
  ShippingPreference?: "SET_PROVIDED_ADDRESS" | "GET_FROM_FILE" | "NO_SHIPPING";
  Reference?: string;
  Culture?: string;
  StatementDescriptor?: string;
  DataCollectionId?: string;
  Tag?: string;
}

/**
 * A PayPal pay-in on a PAYPAL registration: the first one (CIT) answers CREATED with PayPal's RedirectURL; once
 * one succeeded, later ones (MIT) are charged without the payer.
 */
export function payPayPal(
  client: MangopayClient,
  input: PayPalRecurringInput,
  options: MoneyActionOptions,
): Promise<ApmPayIn> {
  return send(
    client,
    "POST",
    "/payins/payment-methods/paypal/recurring",
    {},
    input,
    ApmPayIn,
    "recurring PayPal pay-in",
    options,
  );
}
