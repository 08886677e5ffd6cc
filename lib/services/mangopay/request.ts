import "server-only";
// Per-request plumbing shared by every service that reads MANGOPAY for an account page:
// one client per account and request, and one memo so a layout and its page never fetch the same
// object twice (React `cache` is scoped to one server request; outside a request it is a no-op).
import { cache } from "react";
import type { MangopayClient } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { callMangopay } from "@/lib/services/upstream";

/** The account's client, built once per request (the OAuth token itself is shared process-wide per account). */
export const accountClient = cache((hubId: string, accountId: string): Promise<MangopayClient> => mangopayClientFor(hubId, accountId));

const requestMemo = cache(() => new Map<string, Promise<unknown>>());

/**
 * Runs `fn` with the account's client at most once per request for `key` (e.g. `user:123`), with
 * MANGOPAY failures mapped by the upstream bridge. Call it after `assertCan` and input parsing.
 */
export function readMangopay<T>(ctx: AccountContext, key: string, fn: (client: MangopayClient) => Promise<T>): Promise<T> {
  const memo = requestMemo();
  const fullKey = `${ctx.hub.id}|${ctx.account.id}|${key}`;
  const existing = memo.get(fullKey);
  if (existing) return existing as Promise<T>;
  const pending = callMangopay(async () => fn(await accountClient(ctx.hub.id, ctx.account.id)));
  memo.set(fullKey, pending);
  return pending;
}
