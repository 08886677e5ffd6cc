// The platform's own MANGOPAY client record (`/clients`). Named platform.ts because client.ts is
// the HTTP client.
import type { CallOptions, MangopayClient } from "./client";
import { getOne, send } from "./resource";
import type { Address } from "./schemas/common";
import { Client } from "./schemas/client";

export function get(client: MangopayClient, options: CallOptions = {}): Promise<Client> {
  return getOne(client, "/clients", {}, Client, "client", options);
}

export interface UpdateClientInput {
  TechEmails?: string[];
  AdminEmails?: string[];
  BillingEmails?: string[];
  FraudEmails?: string[];
  HeadquartersAddress?: Address;
  HeadquartersPhoneNumber?: string;
  TaxNumber?: string;
  PlatformURL?: string;
  PlatformDescription?: string;
  PrimaryThemeColour?: string;
  PrimaryButtonColour?: string;
}

export function update(client: MangopayClient, input: UpdateClientInput, options: CallOptions = {}): Promise<Client> {
  return send(client, "PUT", "/clients", {}, input, Client, "client", options);
}
