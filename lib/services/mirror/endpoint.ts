import "server-only";
import { randomToken, sha256 } from "@/lib/server/crypto";
import { env } from "@/lib/server/env";

// The webhook receiver's address per API account: `<APP_URL>/api/webhooks/mangopay/<token>`. MANGOPAY
// signs nothing, so the random token in the path is the only thing that tells a ping is meant for
// us and for which account; only its SHA-256 is stored (WebhookEndpoint.tokenHash).

export const RECEIVER_PATH = "/api/webhooks/mangopay/";

/** A token: 32 random bytes, base64url (43 characters). Anything else is refused before any lookup. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newEndpointToken(): { token: string; tokenHash: string } {
  const token = randomToken(32);
  return { token, tokenHash: sha256(token) };
}

export function tokenHashOf(token: string): string | null {
  return TOKEN_SHAPE.test(token) ? sha256(token) : null;
}

/** The public base URL MANGOPAY calls (APP_URL), without a trailing slash. */
export function receiverBase(): string {
  return env().APP_URL.replace(/\/+$/, "") + RECEIVER_PATH;
}

export function receiverUrl(token: string): string {
  return receiverBase() + token;
}

/**
 * A hook URL as it may be shown or audited: this app's receiver with its secret cut (whoever reads a
 * hooks list or an audit row must not be able to post pings as MANGOPAY), any other URL unchanged.
 */
export function redactReceiverUrl(url: string): string {
  return tokenOfUrl(url) ? `${receiverBase()}…` : url;
}

/** The token of a hook URL that points at this app's receiver, else null. */
export function tokenOfUrl(url: string): string | null {
  const base = receiverBase();
  if (!url.startsWith(base)) return null;
  const token = url.slice(base.length);
  return TOKEN_SHAPE.test(token) ? token : null;
}
