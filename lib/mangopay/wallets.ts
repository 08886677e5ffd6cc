import type { CallOptions, MangopayClient } from "./client";
import { listPage, type ListOptions, type Page } from "./pagination";
import { getOne, scaQuery, send, type ScaReadOptions, type WriteOptions } from "./resource";
import { Wallet } from "./schemas/wallets";

/** SCA-scoped read: sends ScaContext (USER_NOT_PRESENT by default). */
export function get(client: MangopayClient, walletId: string, options: ScaReadOptions = {}): Promise<Wallet> {
  return getOne(client, "/wallets/{walletId}", { walletId }, Wallet, "wallet", {
    ...options,
    query: scaQuery(options),
  });
}

/** SCA-scoped read: sends ScaContext (USER_NOT_PRESENT by default). */
export function listByUser(
  client: MangopayClient,
  userId: string,
  options: ListOptions & ScaReadOptions = {},
): Promise<Page<Wallet>> {
  return listPage(
    client,
    { path: "/users/{userId}/wallets", params: { userId }, query: scaQuery(options), item: Wallet, itemName: "wallet" },
    options,
  );
}

export interface CreateWalletInput {
  /** Exactly one owner. */
  Owners: [string];
  Currency: string;
  Description: string;
  Tag?: string;
}

export function create(client: MangopayClient, input: CreateWalletInput, options: WriteOptions = {}): Promise<Wallet> {
  return send(client, "POST", "/wallets", {}, input, Wallet, "wallet", options);
}

export function update(
  client: MangopayClient,
  walletId: string,
  input: { Description?: string; Tag?: string },
  options: CallOptions = {},
): Promise<Wallet> {
  return send(client, "PUT", "/wallets/{walletId}", { walletId }, input, Wallet, "wallet", options);
}
