// Transaction lists by owner object. There is no platform-wide list in the API (docs/mangopay-api.md §3.4).
import type { MangopayClient } from "./client";
import { listPage, type ListOptions, type Page } from "./pagination";
import { scaQuery, type ScaReadOptions } from "./resource";
import { Transaction } from "./schemas/transactions";
import type { ClientFundsType } from "./client-wallets";

export type TransactionFilter = "Status" | "ResultCode" | "BeforeDate" | "AfterDate" | "Type" | "Nature";
export type TransactionListOptions = ListOptions<TransactionFilter> & ScaReadOptions;

function listBy(
  client: MangopayClient,
  path: string,
  params: Record<string, string>,
  options: ListOptions<TransactionFilter>,
  query = {},
): Promise<Page<Transaction>> {
  return listPage(client, { path, params, query, item: Transaction, itemName: "transaction" }, options);
}

/** SCA-scoped read: sends ScaContext (USER_NOT_PRESENT by default). */
export function listByUser(
  client: MangopayClient,
  userId: string,
  options: ListOptions<TransactionFilter> & ScaReadOptions = {},
) {
  return listBy(client, "/users/{userId}/transactions", { userId }, options, scaQuery(options));
}

/** SCA-scoped read: sends ScaContext (USER_NOT_PRESENT by default). */
export function listByWallet(
  client: MangopayClient,
  walletId: string,
  options: ListOptions<TransactionFilter> & ScaReadOptions = {},
) {
  return listBy(client, "/wallets/{walletId}/transactions", { walletId }, options, scaQuery(options));
}

export function listByClientWallet(
  client: MangopayClient,
  fundsType: ClientFundsType,
  currency: string,
  options: ListOptions<TransactionFilter> = {},
) {
  return listBy(client, "/clients/wallets/{fundsType}/{currency}/transactions", { fundsType, currency }, options);
}

/** The platform's own transactions (client wallets, SDK `Clients.getTransactions`). */
export function listByClient(client: MangopayClient, options: ListOptions<TransactionFilter> = {}) {
  return listBy(client, "/clients/transactions", {}, options);
}

export function listByCard(client: MangopayClient, cardId: string, options: ListOptions<TransactionFilter> = {}) {
  return listBy(client, "/cards/{cardId}/transactions", { cardId }, options);
}

export function listByBankAccount(
  client: MangopayClient,
  bankAccountId: string,
  options: ListOptions<TransactionFilter> = {},
) {
  return listBy(client, "/bankaccounts/{bankAccountId}/transactions", { bankAccountId }, options);
}

export function listByMandate(client: MangopayClient, mandateId: string, options: ListOptions<TransactionFilter> = {}) {
  return listBy(client, "/mandates/{mandateId}/transactions", { mandateId }, options);
}

export function listByPreauthorization(
  client: MangopayClient,
  preauthorizationId: string,
  options: ListOptions<TransactionFilter> = {},
) {
  return listBy(client, "/preauthorizations/{preauthorizationId}/transactions", { preauthorizationId }, options);
}

export function listByDispute(client: MangopayClient, disputeId: string, options: ListOptions<TransactionFilter> = {}) {
  return listBy(client, "/disputes/{disputeId}/transactions", { disputeId }, options);
}
