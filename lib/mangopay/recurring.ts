// Recurring card pay-ins: a registration, a first customer-initiated pay-in (CIT, the payer's browser and
// 3DS) and later merchant-initiated ones (MIT). Registrations and pay-ins take the caller's idempotency key.
import type { CallOptions, MangopayClient } from "./client";
import type { BrowserInfo } from "./payins";
import { getOne, send, type MoneyActionOptions } from "./resource";
import type { Money } from "./schemas/common";
import { RecurringRegistration } from "./schemas/recurring";
import { PayIn } from "./schemas/transactions";

export interface CreateRegistrationInput {
  AuthorId: string;
  CardId: string;
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
