import "server-only";
import { createMangopayClient, type MangopayClient } from "@/lib/mangopay/client";
import { AuthenticationError, MangopayError, NetworkError, TimeoutError, UpstreamError } from "@/lib/mangopay/errors";
import { fetchAccessToken } from "@/lib/mangopay/oauth";
import { decryptSecret } from "@/lib/server/crypto";
import { db, type Tx } from "@/lib/server/db";
import { NotFoundError, PreconditionError, ValidationError } from "@/lib/server/errors";

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
export async function verifyApiCredentials(input: { clientId: string; apiKey: string; baseUrl: string }): Promise<void> {
  try {
    await fetchAccessToken({
      baseUrl: input.baseUrl,
      clientId: input.clientId,
      apiKey: input.apiKey,
      fetch: (url, init) => fetch(url, init),
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

/** A MANGOPAY client for one stored account of the Hub; the key is decrypted here and stays here. */
export async function mangopayClientFor(hubId: string, accountId: string): Promise<MangopayClient> {
  const row = await db.apiAccount.findFirst({
    where: { id: accountId, hubId },
    select: { id: true, clientId: true, baseUrl: true, apiKeyEnc: true },
  });
  if (!row) throw new NotFoundError("API account not found");
  return createMangopayClient({ clientId: row.clientId, apiKey: decryptSecret(row.apiKeyEnc), baseUrl: row.baseUrl, accountId: row.id });
}
