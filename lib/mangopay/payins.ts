// Pay-ins move money: every create takes the caller's idempotency key. A refused payment comes
// back as a PayIn with Status FAILED and a ResultCode — check `isFailed`, do not expect a throw.
import type { CallOptions, MangopayClient } from "./client";
import { getOne, send, type MoneyActionOptions } from "./resource";
import type { Address, Money } from "./schemas/common";
import { PayIn } from "./schemas/transactions";

export function get(client: MangopayClient, payInId: string, options: CallOptions = {}): Promise<PayIn> {
  return getOne(client, "/payins/{payInId}", { payInId }, PayIn, "pay-in", options);
}

interface PayInBase {
  AuthorId: string;
  CreditedWalletId: string;
  CreditedUserId?: string;
  DebitedFunds: Money;
  Fees: Money;
  Tag?: string;
  StatementDescriptor?: string;
}

export interface BrowserInfo {
  AcceptHeader: string;
  JavaEnabled: boolean;
  Language: string;
  ColorDepth: number;
  ScreenHeight: number;
  ScreenWidth: number;
  TimeZoneOffset: number;
  UserAgent: string;
  JavascriptEnabled: boolean;
}

export interface CreateCardDirectPayInInput extends PayInBase {
  CardId: string;
  SecureModeReturnURL: string;
  SecureMode?: "DEFAULT" | "FORCE" | "NO_CHOICE";
  BrowserInfo?: BrowserInfo;
  IpAddress?: string;
  Billing?: { FirstName: string; LastName: string; Address: Address };
  Culture?: string;
}

export function createCardDirect(
  client: MangopayClient,
  input: CreateCardDirectPayInInput,
  options: MoneyActionOptions,
): Promise<PayIn> {
  return send(client, "POST", "/payins/card/direct", {}, input, PayIn, "card pay-in", options);
}

export interface CreateCardWebPayInInput extends PayInBase {
  ReturnURL: string;
  CardType: "CB_VISA_MASTERCARD" | "AMEX" | "MAESTRO" | "BCMC" | (string & {});
  Culture: string;
  SecureMode?: "DEFAULT" | "FORCE" | "NO_CHOICE";
}

export function createCardWeb(
  client: MangopayClient,
  input: CreateCardWebPayInInput,
  options: MoneyActionOptions,
): Promise<PayIn> {
  return send(client, "POST", "/payins/card/web", {}, input, PayIn, "card web pay-in", options);
}

export interface CreateBankWirePayInInput {
  AuthorId: string;
  CreditedWalletId: string;
  CreditedUserId?: string;
  DeclaredDebitedFunds: Money;
  DeclaredFees: Money;
  Tag?: string;
}

/** Stays CREATED until the wire arrives; the answer carries the bank details and WireReference. */
export function createBankWireDirect(
  client: MangopayClient,
  input: CreateBankWirePayInInput,
  options: MoneyActionOptions,
): Promise<PayIn> {
  return send(client, "POST", "/payins/bankwire/direct", {}, input, PayIn, "bank wire pay-in", options);
}

export interface CreateDirectDebitPayInInput extends PayInBase {
  MandateId: string;
}

export function createDirectDebitDirect(
  client: MangopayClient,
  input: CreateDirectDebitPayInInput,
  options: MoneyActionOptions,
): Promise<PayIn> {
  return send(client, "POST", "/payins/directdebit/direct", {}, input, PayIn, "direct debit pay-in", options);
}

export interface CreatePreauthorizedPayInInput extends PayInBase {
  PreauthorizationId: string;
}

/** Captures a preauthorization. */
export function createPreauthorized(
  client: MangopayClient,
  input: CreatePreauthorizedPayInInput,
  options: MoneyActionOptions,
): Promise<PayIn> {
  return send(client, "POST", "/payins/preauthorized/direct", {}, input, PayIn, "preauthorized pay-in", options);
}
