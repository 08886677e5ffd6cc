import "server-only";
// Per-request plumbing shared by every service that reads MANGOPAY for an account page:
// one client per account and request, and one memo so a layout and its page never fetch the same
// object twice (React `cache` is scoped to one server request; outside a request it is a no-op).
import { cache } from "react";
import type { MangopayClient, Page } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { callMangopay } from "@/lib/services/upstream";
import { ConcurrencyGate } from "./concurrency-gate";
import { toPageDTO, type PageDTO } from "./inputs";

/** The account's client, built once per request (the OAuth token itself is shared process-wide per account). */
export const accountClient = cache((hubId: string, accountId: string): Promise<MangopayClient> =>
  mangopayClientFor(hubId, accountId),
);

const requestMemo = cache(() => new Map<string, Promise<unknown>>());

const requestGates = cache(() => new Map<string, ConcurrencyGate>());

/**
 * The request's gate named `name` (created with `max` on first use): a page's per-row reads share it,
 * so at most `max` of them are in flight at once. Outside a request every call gets its own gate.
 */
export function requestGate(name: string, max: number): ConcurrencyGate {
  const gates = requestGates();
  let gate = gates.get(name);
  if (!gate) {
    gate = new ConcurrencyGate(max);
    gates.set(name, gate);
  }
  return gate;
}

/**
 * Runs `fn` with the account's client at most once per request for `key` (e.g. `user:123`), with
 * MANGOPAY failures mapped by the upstream bridge. Call it after `assertCan` and input parsing.
 */
export function readMangopay<T>(
  ctx: AccountContext,
  key: string,
  fn: (client: MangopayClient) => Promise<T>,
): Promise<T> {
  const memo = requestMemo();
  const fullKey = `${ctx.hub.id}|${ctx.account.id}|${key}`;
  const existing = memo.get(fullKey);
  if (existing) return existing as Promise<T>;
  const pending = callMangopay(async () => fn(await accountClient(ctx.hub.id, ctx.account.id)));
  memo.set(fullKey, pending);
  return pending;
}

/** One page of a user's sub-resource list (`/users/{id}/cards`, …), mapped to DTOs and memoized. */
export function readUserPage<S, T>(
  ctx: AccountContext,
  resource: string,
  userId: string,
  query: { page: number; perPage: number; sort: "asc" | "desc" },
  fetchPage: (client: MangopayClient, options: ListOptionsLite) => Promise<Page<S>>,
  map: (item: S) => T,
): Promise<PageDTO<T>> {
  const options: ListOptionsLite = {
    page: query.page,
    perPage: query.perPage,
    sort: { field: "CreationDate", direction: query.sort === "asc" ? "ASC" : "DESC" },
  };
  return readMangopay(ctx, `${resource}:${userId}:${query.page}:${query.perPage}:${query.sort}`, async (client) =>
    toPageDTO(await fetchPage(client, options), map),
  );
}

type ListOptionsLite = { page: number; perPage: number; sort: { field: string; direction: "ASC" | "DESC" } };
