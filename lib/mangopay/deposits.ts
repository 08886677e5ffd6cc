// Deposit preauthorizations, the pay-ins that capture them, and card validations. Creating a deposit, a
// capture or a validation touches the payer's card: each takes the caller's idempotency key.
import type { CallOptions, MangopayClient } from "./client";
import { listPage, type ListOptions, type Page } from "./pagination";
import type { BrowserInfo } from "./payins";
import { getOne, send, type MoneyActionOptions } from "./resource";
import type { Money } from "./schemas/common";
import { CardValidation, Deposit } from "./schemas/deposits";
import { PayIn, Transaction } from "./schemas/transactions";

export interface CreateDepositInput {
  AuthorId: string;
  DebitedFunds: Money;
  CardId: string;
  SecureModeReturnURL: string;
  IpAddress: string;
  BrowserInfo: BrowserInfo;
  StatementDescriptor?: string;
  Culture?: string;
  Tag?: string;
}

export function create(
  client: MangopayClient,
  input: CreateDepositInput,
  options: MoneyActionOptions,
): Promise<Deposit> {
  return send(client, "POST", "/deposit-preauthorizations/card/direct", {}, input, Deposit, "deposit", options);
}

export function get(client: MangopayClient, depositId: string, options: CallOptions = {}): Promise<Deposit> {
  return getOne(client, "/deposit-preauthorizations/{depositId}", { depositId }, Deposit, "deposit", options);
}

/** Releases a WAITING hold. */
export function cancel(client: MangopayClient, depositId: string, options: CallOptions = {}): Promise<Deposit> {
  return send(
    client,
    "PUT",
    "/deposit-preauthorizations/{depositId}",
    { depositId },
    { PaymentStatus: "CANCELED" },
    Deposit,
    "deposit",
    options,
  );
}

/**
 * The payer did not show up: the WAITING hold becomes NO_SHOW_REQUESTED, and a `complement` capture then charges
 * the penalty (the deposit ends NO_SHOW). MANGOPAY withdrew this for new integrations in 2025; the SDK keeps it.
 */
export function requestNoShow(client: MangopayClient, depositId: string, options: CallOptions = {}): Promise<Deposit> {
  return send(
    client,
    "PUT",
    "/deposit-preauthorizations/{depositId}",
    { depositId },
    { PaymentStatus: "NO_SHOW_REQUESTED" },
    Deposit,
    "deposit",
    options,
  );
}

type DepositFilter = "Status" | "PaymentStatus" | "ResultCode";

export function listByUser(
  client: MangopayClient,
  userId: string,
  options: ListOptions<DepositFilter> = {},
): Promise<Page<Deposit>> {
  return listPage(
    client,
    { path: "/users/{userId}/deposit-preauthorizations", params: { userId }, item: Deposit, itemName: "deposit" },
    options,
  );
}

export function listByCard(
  client: MangopayClient,
  cardId: string,
  options: ListOptions<DepositFilter> = {},
): Promise<Page<Deposit>> {
  return listPage(
    client,
    { path: "/cards/{cardId}/deposit-preauthorizations", params: { cardId }, item: Deposit, itemName: "deposit" },
    options,
  );
}

export function listTransactions(
  client: MangopayClient,
  depositId: string,
  options: ListOptions = {},
): Promise<Page<Transaction>> {
  return listPage(
    client,
    {
      path: "/deposit-preauthorizations/{depositId}/transactions",
      params: { depositId },
      item: Transaction,
      itemName: "transaction",
    },
    options,
  );
}

export interface DepositPayInInput {
  AuthorId: string;
  CreditedWalletId: string;
  DepositId: string;
  /** Optional on a full capture (the held amount); required on the complement. */
  DebitedFunds?: Money;
  Fees: Money;
  Tag?: string;
}

const CAPTURE_PATHS = {
  full: "/payins/deposit-preauthorized/direct/full-capture",
  priorToComplement: "/payins/deposit-preauthorized/direct/capture-with-complement",
  complement: "/payins/deposit-preauthorized/direct/complement",
} as const;

/** `full` ends the hold; `priorToComplement` leaves it TO_BE_COMPLETED until the `complement`. */
export function capture(
  client: MangopayClient,
  kind: keyof typeof CAPTURE_PATHS,
  input: DepositPayInInput,
  options: MoneyActionOptions,
): Promise<PayIn> {
  return send(client, "POST", CAPTURE_PATHS[kind], {}, input, PayIn, "deposit pay-in", options);
}

export interface ValidateCardInput {
  AuthorId: string;
  SecureModeReturnURL: string;
  IpAddress: string;
  BrowserInfo: BrowserInfo;
  SecureMode?: "DEFAULT" | "FORCE" | "NO_CHOICE";
  Tag?: string;
}

export function validateCard(
  client: MangopayClient,
  cardId: string,
  input: ValidateCardInput,
  options: MoneyActionOptions,
): Promise<CardValidation> {
  return send(
    client,
    "POST",
    "/cards/{cardId}/validation",
    { cardId },
    input,
    CardValidation,
    "card validation",
    options,
  );
}

export function getCardValidation(
  client: MangopayClient,
  cardId: string,
  validationId: string,
  options: CallOptions = {},
): Promise<CardValidation> {
  return getOne(
    client,
    "/cards/{cardId}/validation/{validationId}",
    { cardId, validationId },
    CardValidation,
    "card validation",
    options,
  );
}
