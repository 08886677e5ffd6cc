// The platform's own MANGOPAY client record (`/clients`). Named platform.ts because client.ts is
// the HTTP client.
import type { CallOptions, MangopayClient } from "./client";
import type { PayoutModeRequested } from "./payouts";
import { getOne, send, type MoneyActionOptions, type WriteOptions } from "./resource";
import { BankAccount } from "./schemas/bank-accounts";
import type { Address, Money } from "./schemas/common";
import { Client } from "./schemas/client";
import { PayOut } from "./schemas/transactions";

export function get(client: MangopayClient, options: CallOptions = {}): Promise<Client> {
  return getOne(client, "/clients", {}, Client, "client", options);
}

export interface UpdateClientInput {
  TechEmails?: string[];
  AdminEmails?: string[];
  BillingEmails?: string[];
  FraudEmails?: string[];
  HeadquartersAddress?: Address;
  HeadquartersPhoneNumber?: string;
  TaxNumber?: string;
  PlatformURL?: string;
  PlatformDescription?: string;
  PrimaryThemeColour?: string;
  PrimaryButtonColour?: string;
}

export function update(client: MangopayClient, input: UpdateClientInput, options: CallOptions = {}): Promise<Client> {
  return send(client, "PUT", "/clients", {}, input, Client, "client", options);
}

/**
 * The platform's own IBAN account (its `UserId` is the ClientId). MANGOPAY documents no read of it
 * afterwards (no GET, no list): its Id is known from this answer and from the payouts that name it.
 */
export function createBankAccount(
  client: MangopayClient,
  input: { OwnerName: string; OwnerAddress: Address; IBAN: string; BIC?: string; Tag?: string },
  options: WriteOptions = {},
): Promise<BankAccount> {
  return send(client, "POST", "/clients/bankaccounts/iban", {}, input, BankAccount, "client bank account", options);
}

/** A payout from a client wallet (FEES_EUR, CREDIT_EUR) to the platform's account; read back with `payouts.get`. */
export function createPayout(
  client: MangopayClient,
  input: {
    DebitedWalletId: string;
    DebitedFunds: Money;
    Fees?: Money;
    BankAccountId: string;
    BankWireRef?: string;
    PayoutModeRequested?: PayoutModeRequested;
    Tag?: string;
  },
  options: MoneyActionOptions,
): Promise<PayOut> {
  return send(client, "POST", "/clients/payouts", {}, input, PayOut, "client payout", options);
}
