// Virtual accounts (`/wallets/{id}/virtual-accounts`) and legacy banking aliases.
import type { CallOptions, MangopayClient } from "./client";
import { listPage, type ListOptions, type Page } from "./pagination";
import { getOne, send, type WriteOptions } from "./resource";
import { BankingAlias, VirtualAccount } from "./schemas/virtual-accounts";

export function listByWallet(
  client: MangopayClient,
  walletId: string,
  options: ListOptions = {},
): Promise<Page<VirtualAccount>> {
  return listPage(
    client,
    {
      path: "/wallets/{walletId}/virtual-accounts",
      params: { walletId },
      item: VirtualAccount,
      itemName: "virtual account",
    },
    options,
  );
}

export function get(
  client: MangopayClient,
  walletId: string,
  virtualAccountId: string,
  options: CallOptions = {},
): Promise<VirtualAccount> {
  return getOne(
    client,
    "/wallets/{walletId}/virtual-accounts/{virtualAccountId}",
    { walletId, virtualAccountId },
    VirtualAccount,
    "virtual account",
    options,
  );
}

export function create(
  client: MangopayClient,
  walletId: string,
  input: { Country: string; VirtualAccountPurpose: "COLLECTION" | "USER_OWNED"; Tag?: string },
  options: WriteOptions = {},
): Promise<VirtualAccount> {
  return send(
    client,
    "POST",
    "/wallets/{walletId}/virtual-accounts",
    { walletId },
    input,
    VirtualAccount,
    "virtual account",
    options,
  );
}

/** Final: a deactivated account is CLOSED. */
export function deactivate(
  client: MangopayClient,
  walletId: string,
  virtualAccountId: string,
  options: CallOptions = {},
): Promise<VirtualAccount> {
  return send(
    client,
    "PUT",
    "/wallets/{walletId}/virtual-accounts/{virtualAccountId}",
    { walletId, virtualAccountId },
    { Active: false },
    VirtualAccount,
    "virtual account",
    options,
  );
}

export function listBankingAliases(
  client: MangopayClient,
  walletId: string,
  options: ListOptions = {},
): Promise<Page<BankingAlias>> {
  return listPage(
    client,
    { path: "/wallets/{walletId}/bankingaliases", params: { walletId }, item: BankingAlias, itemName: "banking alias" },
    options,
  );
}
