// Pay-in intents and their settlements (V3.0: `/V3.0/{ClientId}/payins/intents…` on the same host and token as
// v2.01): reads only. Creating, capturing, refunding or splitting an intent is the platform's back end's job.
import type { CallOptions, MangopayClient } from "./client";
import { listPage, type ListOptions, type Page } from "./pagination";
import { getOne } from "./resource";
import { IntentSettlement, IntentSplit, PayInIntent, SettlementValidations } from "./schemas/pay-in-intents";

const V3 = { version: "V3.0" } as const;

/** The intent with its line items, captures, refunds, disputes and splits (each split as a step). */
export function get(client: MangopayClient, intentId: string, options: CallOptions = {}): Promise<PayInIntent> {
  return getOne(client, "/payins/intents/{intentId}", { intentId }, PayInIntent, "pay-in intent", {
    ...options,
    ...V3,
  });
}

/** One split of an intent (MANGOPAY reads a split only through its intent). */
export function getSplit(
  client: MangopayClient,
  intentId: string,
  splitId: string,
  options: CallOptions = {},
): Promise<IntentSplit> {
  return getOne(
    client,
    "/payins/intents/{intentId}/splits/{splitId}",
    { intentId, splitId },
    IntentSplit,
    "pay-in intent split",
    { ...options, ...V3 },
  );
}

export function getSettlement(
  client: MangopayClient,
  settlementId: string,
  options: CallOptions = {},
): Promise<IntentSettlement> {
  return getOne(
    client,
    "/payins/intents/settlements/{settlementId}",
    { settlementId },
    IntentSettlement,
    "settlement",
    {
      ...options,
      ...V3,
    },
  );
}

/** The errors MANGOPAY found in the settlement's last file: footer rows and lines. */
export function getSettlementValidations(
  client: MangopayClient,
  settlementId: string,
  options: CallOptions = {},
): Promise<SettlementValidations> {
  return getOne(
    client,
    "/payins/intents/settlements/{settlementId}/validations",
    { settlementId },
    SettlementValidations,
    "settlement validations",
    { ...options, ...V3 },
  );
}

/** The settlements, newest first (documented by MANGOPAY; the Node SDK has no such call). */
export function listSettlements(
  client: MangopayClient,
  options: ListOptions<"Status"> = {},
): Promise<Page<IntentSettlement>> {
  return listPage(
    client,
    { path: "/payins/intents/settlements", item: IntentSettlement, itemName: "settlement", ...V3 },
    options,
  );
}
