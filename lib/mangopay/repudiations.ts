// Repudiations (money taken when a dispute opens) and settlement transfers (the platform repays
// a lost dispute into the repudiation wallet).
import type { CallOptions, MangopayClient } from "./client";
import { getOne, send, type MoneyActionOptions } from "./resource";
import type { Money } from "./schemas/common";
import { Repudiation, Settlement } from "./schemas/transactions";

export function get(client: MangopayClient, repudiationId: string, options: CallOptions = {}): Promise<Repudiation> {
  return getOne(client, "/repudiations/{repudiationId}", { repudiationId }, Repudiation, "repudiation", options);
}

export interface CreateSettlementTransferInput {
  AuthorId: string;
  DebitedFunds: Money;
  Fees: Money;
  Tag?: string;
}

export function createSettlementTransfer(
  client: MangopayClient,
  repudiationId: string,
  input: CreateSettlementTransferInput,
  options: MoneyActionOptions,
): Promise<Settlement> {
  return send(
    client,
    "POST",
    "/repudiations/{repudiationId}/settlementtransfer",
    { repudiationId },
    input,
    Settlement,
    "settlement transfer",
    options,
  );
}

export function getSettlement(
  client: MangopayClient,
  settlementId: string,
  options: CallOptions = {},
): Promise<Settlement> {
  return getOne(client, "/settlements/{settlementId}", { settlementId }, Settlement, "settlement transfer", options);
}
