// Card registration is a three-step flow (create → tokenize at CardRegistrationURL → update with
// RegistrationData). The tokenization POST goes to a PCI host, never through this client.
import type { CallOptions, MangopayClient } from "./client";
import { getOne, send, type WriteOptions } from "./resource";
import { CardRegistration } from "./schemas/cards";

export interface CreateCardRegistrationInput {
  UserId: string;
  Currency: string;
  CardType?: string;
  Tag?: string;
}

export function create(
  client: MangopayClient,
  input: CreateCardRegistrationInput,
  options: WriteOptions = {},
): Promise<CardRegistration> {
  return send(client, "POST", "/cardregistrations", {}, input, CardRegistration, "card registration", options);
}

export function get(
  client: MangopayClient,
  cardRegistrationId: string,
  options: CallOptions = {},
): Promise<CardRegistration> {
  return getOne(
    client,
    "/cardregistrations/{cardRegistrationId}",
    { cardRegistrationId },
    CardRegistration,
    "card registration",
    options,
  );
}

/** Completes the registration with the tokenizer's `data=…` answer; VALIDATED carries the CardId. */
export function update(
  client: MangopayClient,
  cardRegistrationId: string,
  input: { RegistrationData: string; CardHolderName?: string },
  options: CallOptions = {},
): Promise<CardRegistration> {
  return send(
    client,
    "PUT",
    "/cardregistrations/{cardRegistrationId}",
    { cardRegistrationId },
    input,
    CardRegistration,
    "card registration",
    options,
  );
}
