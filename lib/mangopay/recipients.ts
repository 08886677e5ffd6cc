// Recipients (payouts v2, `/users/{id}/recipients`, `/recipients/{id}`): a user's payout beneficiaries.
import type { CallOptions, MangopayClient } from "./client";
import { listPage, type ListOptions, type Page } from "./pagination";
import { getOne, send, type WriteOptions } from "./resource";
import { Recipient, RecipientPayoutMethods, RecipientSchema } from "./schemas/recipients";

export type RecipientInput = {
  DisplayName: string;
  PayoutMethodType: "LocalBankTransfer" | "InternationalBankTransfer";
  RecipientType: "Individual" | "Business";
  Currency: string;
  Country?: string;
  RecipientScope?: "PAYOUT" | "PAYIN";
  Tag?: string;
  IndividualRecipient?: { FirstName: string; LastName: string; Address: Record<string, string | null> };
  BusinessRecipient?: { BusinessName: string; Address: Record<string, string | null> };
  LocalBankTransfer?: Record<string, Record<string, string>>;
  InternationalBankTransfer?: Record<string, string>;
  ScaContext?: "USER_PRESENT" | "USER_NOT_PRESENT";
};

/** `RecipientScope` (PAYOUT, PAYIN) is the list's one documented filter. */
export function listByUser(
  client: MangopayClient,
  userId: string,
  options: ListOptions<"RecipientScope"> = {},
): Promise<Page<Recipient>> {
  return listPage(
    client,
    { path: "/users/{userId}/recipients", params: { userId }, item: Recipient, itemName: "recipient" },
    options,
  );
}

export function get(client: MangopayClient, recipientId: string, options: CallOptions = {}): Promise<Recipient> {
  return getOne(client, "/recipients/{recipientId}", { recipientId }, Recipient, "recipient", options);
}

export function create(
  client: MangopayClient,
  userId: string,
  input: RecipientInput,
  options: WriteOptions = {},
): Promise<Recipient> {
  return send(client, "POST", "/users/{userId}/recipients", { userId }, input, Recipient, "recipient", options);
}

/** The fields a recipient of this kind needs (labels, patterns, allowed values), per MANGOPAY. */
export function getSchema(
  client: MangopayClient,
  query: { payoutMethodType: string; recipientType: string; currency: string; country?: string },
  options: CallOptions = {},
): Promise<RecipientSchema> {
  return getOne(client, "/recipients/schema", {}, RecipientSchema, "recipient schema", { ...options, query });
}

export function getPayoutMethods(
  client: MangopayClient,
  query: { country: string; currency: string },
  options: CallOptions = {},
): Promise<RecipientPayoutMethods> {
  return getOne(client, "/recipients/payout-methods", {}, RecipientPayoutMethods, "payout methods", {
    ...options,
    query,
  });
}
