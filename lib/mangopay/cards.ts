import type { CallOptions, MangopayClient } from "./client";
import { listPage, type ListOptions, type Page } from "./pagination";
import { getOne, send } from "./resource";
import { Card } from "./schemas/cards";

export function get(client: MangopayClient, cardId: string, options: CallOptions = {}): Promise<Card> {
  return getOne(client, "/cards/{cardId}", { cardId }, Card, "card", options);
}

export function listByUser(
  client: MangopayClient,
  userId: string,
  options: ListOptions<"Active"> = {},
): Promise<Page<Card>> {
  return listPage(client, { path: "/users/{userId}/cards", params: { userId }, item: Card, itemName: "card" }, options);
}

export function listByFingerprint(
  client: MangopayClient,
  fingerprint: string,
  options: ListOptions = {},
): Promise<Page<Card>> {
  return listPage(
    client,
    { path: "/cards/fingerprints/{fingerprint}", params: { fingerprint }, item: Card, itemName: "card" },
    options,
  );
}

/** Irreversible: a deactivated card cannot be reactivated. */
export function deactivate(client: MangopayClient, cardId: string, options: CallOptions = {}): Promise<Card> {
  return send(client, "PUT", "/cards/{cardId}", { cardId }, { Active: false }, Card, "card", options);
}
