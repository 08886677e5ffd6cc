import type { CallOptions, MangopayClient } from "./client";
import { getOne, send, type MoneyActionOptions, type ScaContext } from "./resource";
import type { Money } from "./schemas/common";
import { Transfer } from "./schemas/transactions";

export function get(client: MangopayClient, transferId: string, options: CallOptions = {}): Promise<Transfer> {
  return getOne(client, "/transfers/{transferId}", { transferId }, Transfer, "transfer", options);
}

export interface CreateTransferInput {
  AuthorId: string;
  DebitedWalletId: string;
  CreditedWalletId: string;
  DebitedFunds: Money;
  Fees: Money;
  CreditedUserId?: string;
  Tag?: string;
  /** For transfers debiting an OWNER's wallet (docs/mangopay-api.md §2.8). */
  ScaContext?: ScaContext;
}

/** Insufficient balance is a FAILED transfer (ResultCode 001001), not an exception. */
export function create(
  client: MangopayClient,
  input: CreateTransferInput,
  options: MoneyActionOptions,
): Promise<Transfer> {
  return send(client, "POST", "/transfers", {}, input, Transfer, "transfer", options);
}
