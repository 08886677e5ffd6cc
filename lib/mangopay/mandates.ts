import type { CallOptions, MangopayClient } from "./client";
import { listPage, type ListOptions, type Page } from "./pagination";
import { getOne, send, type WriteOptions } from "./resource";
import { Mandate, MandateListItem } from "./schemas/mandates";

export interface CreateMandateInput {
  BankAccountId: string;
  Culture: string;
  ReturnURL: string;
  Tag?: string;
}

/** The answer's RedirectURL is where the user confirms the mandate. */
export function create(
  client: MangopayClient,
  input: CreateMandateInput,
  options: WriteOptions = {},
): Promise<Mandate> {
  return send(client, "POST", "/mandates/directdebit/web", {}, input, Mandate, "mandate", options);
}

export function get(client: MangopayClient, mandateId: string, options: CallOptions = {}): Promise<Mandate> {
  return getOne(client, "/mandates/{mandateId}", { mandateId }, Mandate, "mandate", options);
}

export function cancel(client: MangopayClient, mandateId: string, options: CallOptions = {}): Promise<Mandate> {
  return send(client, "PUT", "/mandates/{mandateId}/cancel", { mandateId }, {}, Mandate, "mandate", options);
}

/** MANGOPAY documents only the date filters on mandate lists (docs/mangopay-api.md §2.3). */
export type MandateFilter = "BeforeDate" | "AfterDate";

export function list(client: MangopayClient, options: ListOptions<MandateFilter> = {}): Promise<Page<MandateListItem>> {
  return listPage(client, { path: "/mandates", item: MandateListItem, itemName: "mandate" }, options);
}

export function listByUser(
  client: MangopayClient,
  userId: string,
  options: ListOptions<MandateFilter> = {},
): Promise<Page<MandateListItem>> {
  return listPage(
    client,
    { path: "/users/{userId}/mandates", params: { userId }, item: MandateListItem, itemName: "mandate" },
    options,
  );
}

export function listByBankAccount(
  client: MangopayClient,
  userId: string,
  bankAccountId: string,
  options: ListOptions<MandateFilter> = {},
): Promise<Page<MandateListItem>> {
  return listPage(
    client,
    {
      path: "/users/{userId}/bankaccounts/{bankAccountId}/mandates",
      params: { userId, bankAccountId },
      item: MandateListItem,
      itemName: "mandate",
    },
    options,
  );
}
