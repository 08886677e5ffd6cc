import type { CallOptions, MangopayClient } from "./client";
import { arrayOf, getOne } from "./resource";
import { ClientWallet } from "./schemas/wallets";

export type ClientFundsType = "FEES" | "CREDIT";

/** Every platform wallet (FEES and CREDIT per currency); not paginated in practice. */
export function list(client: MangopayClient, options: CallOptions = {}): Promise<ClientWallet[]> {
  return getOne(client, "/clients/wallets", {}, arrayOf(ClientWallet), "client wallet list", options);
}

export function listByFundsType(
  client: MangopayClient,
  fundsType: ClientFundsType,
  options: CallOptions = {},
): Promise<ClientWallet[]> {
  return getOne(
    client,
    "/clients/wallets/{fundsType}",
    { fundsType },
    arrayOf(ClientWallet),
    "client wallet list",
    options,
  );
}

export function get(
  client: MangopayClient,
  fundsType: ClientFundsType,
  currency: string,
  options: CallOptions = {},
): Promise<ClientWallet> {
  return getOne(
    client,
    "/clients/wallets/{fundsType}/{currency}",
    { fundsType, currency },
    ClientWallet,
    "client wallet",
    options,
  );
}
