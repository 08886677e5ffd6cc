import type { CallOptions, MangopayClient } from "./client";
import { getOne, send, type MoneyActionOptions } from "./resource";
import type { Money } from "./schemas/common";
import { PayOut } from "./schemas/transactions";

export function get(client: MangopayClient, payOutId: string, options: CallOptions = {}): Promise<PayOut> {
  return getOne(client, "/payouts/{payOutId}", { payOutId }, PayOut, "payout", options);
}

/** The bank-wire view adds ModeRequested / ModeApplied / FallbackReason (instant payouts). */
export function getBankWire(client: MangopayClient, payOutId: string, options: CallOptions = {}): Promise<PayOut> {
  return getOne(client, "/payouts/bankwire/{payOutId}", { payOutId }, PayOut, "payout", options);
}

export type PayoutModeRequested = "STANDARD" | "INSTANT_PAYMENT" | "INSTANT_PAYMENT_ONLY" | "RTGS_PAYMENT";

/** The destination is a bank account, or (payouts v2) one of the author's recipients. */
export type CreatePayOutInput = {
  AuthorId: string;
  DebitedWalletId: string;
  DebitedFunds: Money;
  Fees: Money;
  BankWireRef?: string;
  PayoutModeRequested?: PayoutModeRequested;
  Tag?: string;
} & ({ BankAccountId: string; RecipientId?: never } | { RecipientId: string; BankAccountId?: never });

/** Money leaves the platform: the key must be the one stored with the payout intent. */
export function create(client: MangopayClient, input: CreatePayOutInput, options: MoneyActionOptions): Promise<PayOut> {
  return send(client, "POST", "/payouts/bankwire", {}, input, PayOut, "payout", options);
}
