import "server-only";
import { z } from "zod";
import { transactions, type MangopayClient } from "@/lib/mangopay";
import type { Transaction } from "@/lib/mangopay/schemas/transactions";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { readMangopay } from "@/lib/services/mangopay/request";
import { listFeesWallets } from "./list-fees";

export type FeesSeries = {
  currency: string;
  days: { date: string; amountMinor: number }[];
  totalMinor: number;
  complete: boolean;
};

const Input = z.object({ days: z.number().int().min(1).max(90).default(30) });
const PER_PAGE = 100;
/** At most this many pages per currency (10,000 transactions): beyond that the chart says it is partial. */
const MAX_PAGES = 100;
const DAY_MS = 86_400_000;
const FIRST_WAVE = 3;

/**
 * Fees credited to the platform per UTC day over the last `days` days, per currency, from the FEES
 * client wallets' transactions (newest first; that list has no documented date filter, so pages are
 * read until they pass the window: the first pages of every currency in parallel, then the remaining
 * pages estimated from their time span, in parallel). A nice-to-have read: `optional` priority, so
 * it is shed first when the account's quota runs low (lib/mangopay/README.md, "Quota policy").
 */
export async function getFeesPerDay({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input?: { days?: number };
}): Promise<FeesSeries[]> {
  assertCan(ctx, "clientWallets.read");
  const { days } = Input.parse(input ?? {});
  const nowMs = Date.now();
  const sinceMs = Math.floor(nowMs / DAY_MS) * DAY_MS - (days - 1) * DAY_MS;
  const series = (currency: string) =>
    readMangopay(ctx, `fees-per-day:${days}:${currency}`, (client) => seriesFor(client, currency, sinceMs, days));
  // The currencies of the FEES wallets this process last saw for the account are read at once, beside
  // the wallets' own listing, instead of after it (the request's memo joins them to the reads below).
  // A FEES wallet is never deleted, so a guess is at worst one wasted read, never a missing series.
  const accountKey = `${ctx.hub.id}|${ctx.account.id}`;
  for (const currency of knownFeeCurrencies.get(accountKey) ?? []) series(currency).catch(() => undefined);
  // The FEES wallets come from the same per-request memo as the balances shown next to the chart.
  const wallets = await listFeesWallets({ ctx });
  rememberFeeCurrencies(
    accountKey,
    wallets.map((w) => w.currency),
  );
  return Promise.all(wallets.map((w) => series(w.currency)));
}

/** Per API account: the currencies of its FEES wallets at the last read (bounded; one process's memory). */
const g = globalThis as unknown as { __mpdFeeCurrencies?: Map<string, string[]> };
const knownFeeCurrencies = (g.__mpdFeeCurrencies ??= new Map<string, string[]>());

function rememberFeeCurrencies(accountKey: string, currencies: string[]): void {
  knownFeeCurrencies.delete(accountKey); // re-inserted last: the oldest account is dropped first
  knownFeeCurrencies.set(accountKey, currencies);
  if (knownFeeCurrencies.size > 1_000) knownFeeCurrencies.delete(knownFeeCurrencies.keys().next().value ?? "");
}

async function seriesFor(client: MangopayClient, currency: string, sinceMs: number, days: number): Promise<FeesSeries> {
  const page = (n: number) =>
    transactions.listByClientWallet(client, "FEES", currency, {
      page: n,
      perPage: PER_PAGE,
      sort: { field: "CreationDate", direction: "DESC" },
      priority: "optional",
    });
  // The first FIRST_WAVE pages at once (one round; a page past the end is just empty), so a
  // platform with up to FIRST_WAVE × 100 fee transactions in the window never waits for a second one.
  const wave = await Promise.all(Array.from({ length: FIRST_WAVE }, (_, i) => page(i + 1)));
  const items: Transaction[] = wave.flatMap((p) => p.items);
  const first = wave[0] ?? { items: [], totalPages: null };
  const oldest = (list: Transaction[]) => list[list.length - 1]?.CreationDate.getTime() ?? 0;
  let complete = true;
  const lastOfWave = wave[wave.length - 1]?.items ?? [];
  if (lastOfWave.length === PER_PAGE && oldest(items) >= sinceMs) {
    const newest = items[0]?.CreationDate.getTime() ?? Date.now();
    const spanMs = Math.max(1, newest - oldest(items));
    const needed = Math.ceil(((Date.now() - sinceMs) / spanMs) * FIRST_WAVE) + 1;
    const last = Math.min(first.totalPages ?? MAX_PAGES, needed, MAX_PAGES);
    const rest = await Promise.all(
      Array.from({ length: Math.max(0, last - FIRST_WAVE) }, (_, i) => page(i + FIRST_WAVE + 1)),
    );
    for (const p of rest) items.push(...p.items);
    // The estimate fell short (a busier past than the first pages suggest): say the chart is partial.
    complete = oldest(items) < sinceMs || items.length < last * PER_PAGE;
  }
  const buckets = new Map<string, number>();
  for (let d = 0; d < days; d++) buckets.set(new Date(sinceMs + d * DAY_MS).toISOString().slice(0, 10), 0);
  for (const t of items) {
    if (t.Status !== "SUCCEEDED" || !t.Fees || t.Fees.Currency !== currency) continue;
    const key = (t.ExecutionDate ?? t.CreationDate).toISOString().slice(0, 10);
    if (buckets.has(key)) buckets.set(key, (buckets.get(key) ?? 0) + t.Fees.Amount);
  }
  const series = [...buckets].map(([date, amountMinor]) => ({ date, amountMinor }));
  return { currency, days: series, totalMinor: series.reduce((s, d) => s + d.amountMinor, 0), complete };
}
