import "server-only";
import { cache } from "react";
import { createMangopayClient, mangopayFetch, type MangopayClient } from "@/lib/mangopay/client";
import {
  AddressRefusedError,
  AuthenticationError,
  MangopayError,
  NetworkError,
  RedirectRefusedError,
  TimeoutError,
  UpstreamError,
} from "@/lib/mangopay/errors";
import { fetchAccessToken } from "@/lib/mangopay/oauth";
import { decryptSecret } from "@/lib/server/crypto";
import { db, type Tx } from "@/lib/server/db";
import { mangopayAddressPolicy } from "@/lib/server/env";
import { NotFoundError, PreconditionError, ValidationError } from "@/lib/server/errors";
import { databaseQuotaStore } from "@/lib/server/quota-store";
import { PRODUCTION_BASE_URL, SANDBOX_BASE_URL } from "./schemas";

export function isMangopayBaseUrl(baseUrl: string): boolean {
  return baseUrl === SANDBOX_BASE_URL || baseUrl === PRODUCTION_BASE_URL;
}

const VERIFY_TIMEOUT_MS = 10_000;

export const API_ACCOUNT_SELECT = {
  id: true,
  name: true,
  environment: true,
  clientId: true,
  baseUrl: true,
  apiKeyLast4: true,
  keyRotatedAt: true,
  createdAt: true,
} as const;

/** Fetch-or-throw inside the caller's Hub: a foreign id is indistinguishable from a missing one. */
export async function getAccountInHub(client: Tx | typeof db, hubId: string, accountId: string) {
  const account = await client.apiAccount.findFirst({ where: { id: accountId, hubId }, select: API_ACCOUNT_SELECT });
  if (!account) throw new NotFoundError("API account not found");
  return account;
}

/**
 * Proves a ClientId + API key pair with one OAuth token call before anything is stored. The
 * messages name the ClientId and URL but never the key; the upstream cause is kept for logs only.
 */
export async function verifyApiCredentials(input: {
  clientId: string;
  apiKey: string;
  baseUrl: string;
}): Promise<void> {
  try {
    await fetchAccessToken({
      baseUrl: input.baseUrl,
      clientId: input.clientId,
      apiKey: input.apiKey,
      fetch: mangopayFetch({ addressPolicy: mangopayAddressPolicy() }),
      now: Date.now,
      timeoutMs: VERIFY_TIMEOUT_MS,
      record: () => {},
    });
  } catch (err) {
    if (err instanceof AuthenticationError) {
      throw new ValidationError("MANGOPAY refused this ClientId and API key. Check both and try again.", {
        apiKey: ["MANGOPAY refused this API key for this ClientId"],
      });
    }
    if (err instanceof AddressRefusedError) {
      throw new ValidationError(
        "This base URL points to a private or reserved network address, which the dashboard never calls.",
        {
          customBaseUrl: ["Private, loopback and link-local addresses are refused"],
        },
      );
    }
    if (err instanceof RedirectRefusedError) {
      throw new PreconditionError(
        `${input.baseUrl} answered with a redirect. MANGOPAY never redirects API calls; check the base URL.`,
      );
    }
    if (err instanceof TimeoutError || err instanceof NetworkError) {
      throw new PreconditionError(`Could not reach MANGOPAY at ${input.baseUrl}. Check the base URL and your network.`);
    }
    if (err instanceof UpstreamError) {
      throw new PreconditionError(`MANGOPAY answered ${err.status} to the token call. Please try again later.`);
    }
    if (err instanceof MangopayError) {
      throw new PreconditionError("MANGOPAY's token answer could not be read. Check the base URL.");
    }
    throw new PreconditionError("The API key could not be verified.");
  }
}

/** What a MANGOPAY client for a stored account is built from (the sealed key never leaves the server). */
export const ACCOUNT_CREDENTIALS_SELECT = {
  id: true,
  clientId: true,
  baseUrl: true,
  apiKeyEnc: true,
  hub: { select: { allowCustomBaseUrls: true } },
} as const;
type CredentialsRow = {
  id: string;
  clientId: string;
  baseUrl: string;
  apiKeyEnc: string;
  hub: { allowCustomBaseUrls: boolean };
};

// Per request (React cache; outside a request every call gets a fresh, empty map): the account row
// the access check already read, so the first MANGOPAY call of a page does not wait for a second query.
const requestCredentials = cache(() => new Map<string, CredentialsRow>());

/** Called by the account context once it has checked the member's access to this account of the Hub. */
export function rememberAccountCredentials(hubId: string, row: CredentialsRow): void {
  requestCredentials().set(`${hubId}|${row.id}`, row);
}

/** A MANGOPAY client for one stored account of the Hub; the key is decrypted here and stays here. */
export async function mangopayClientFor(hubId: string, accountId: string): Promise<MangopayClient> {
  const row =
    requestCredentials().get(`${hubId}|${accountId}`) ??
    (await db.apiAccount.findFirst({ where: { id: accountId, hubId }, select: ACCOUNT_CREDENTIALS_SELECT }));
  if (!row) throw new NotFoundError("API account not found");
  // Checked at each use, so an Owner turning custom base URLs off stops every such account at once.
  if (!isMangopayBaseUrl(row.baseUrl) && !row.hub.allowCustomBaseUrls) {
    throw new PreconditionError(
      "This account uses a custom base URL, which this Hub no longer allows. An Owner can allow it in Hub settings.",
    );
  }
  return createMangopayClient(
    { clientId: row.clientId, apiKey: decryptSecret(row.apiKeyEnc), baseUrl: row.baseUrl, accountId: row.id },
    // One quota ledger for all app instances (lib/server/quota-store.ts).
    { addressPolicy: mangopayAddressPolicy(), quotaStore: databaseQuotaStore() },
  );
}
