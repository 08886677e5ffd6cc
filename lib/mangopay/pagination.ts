// MANGOPAY lists are bare JSON arrays; totals come in `x-number-of-items` / `x-number-of-pages`.
// `per_page` is capped at 100 by the API.
import { z } from "zod";
import type { CallOptions, MangopayClient } from "./client";
import type { ApiVersion, QueryInput, QueryValue } from "./http";
import { parseOrThrow } from "./schemas/common";

export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 10;

export interface Page<T> {
  items: T[];
  page: number;
  perPage: number;
  /** From `x-number-of-items`; null when the header is absent. */
  totalItems: number | null;
  totalPages: number | null;
}

export type SortDirection = "ASC" | "DESC";

export interface ListOptions<F extends string = string> extends CallOptions {
  page?: number;
  perPage?: number;
  /** e.g. `{ field: "CreationDate", direction: "DESC" }` → `Sort=CreationDate:DESC`. */
  sort?: { field: string; direction: SortDirection };
  /** Per-endpoint filters (docs/mangopay-api.md §2.3); Dates become unix seconds, arrays comma lists. */
  filters?: Partial<Record<F, QueryValue>>;
}

function headerInt(headers: Headers, name: string): number | null {
  const value = headers.get(name);
  if (value === null) return null;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

function clampPage(value: number | undefined, fallback: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(1, Math.floor(value)));
}

export interface ListRequest<S extends z.ZodType> {
  path: string;
  params?: Record<string, string>;
  query?: QueryInput;
  item: S;
  itemName: string;
  /** `v2.01` when absent. */
  version?: ApiVersion;
}

export async function listPage<S extends z.ZodType>(
  client: MangopayClient,
  req: ListRequest<S>,
  options: ListOptions = {},
): Promise<Page<z.output<S>>> {
  const page = clampPage(options.page, 1, Number.MAX_SAFE_INTEGER);
  const perPage = clampPage(options.perPage, DEFAULT_PER_PAGE, MAX_PER_PAGE);
  const query: QueryInput = { ...options.filters, ...req.query, page, per_page: perPage };
  if (options.sort) query.Sort = `${options.sort.field}:${options.sort.direction}`;
  const response = await client.request({
    method: "GET",
    path: req.path,
    params: req.params,
    version: req.version,
    query,
    priority: options.priority,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    deadlineMs: options.deadlineMs,
  });
  const items: z.output<S>[] = parseOrThrow(z.array(req.item), response.body, `${req.itemName} list`);
  return {
    items,
    page,
    perPage,
    totalItems: headerInt(response.headers, "x-number-of-items"),
    totalPages: headerInt(response.headers, "x-number-of-pages"),
  };
}

export interface IterateOptions {
  /** Safety stop for runaway listings; 10,000 pages of 100 is a million objects. */
  maxPages?: number;
}

/**
 * Every item of a listing, page by page (for exports and backfills). Stops at the last page by
 * the headers, on a short page, or at maxPages. Pass `priority: "background"` so a long export
 * yields to interactive use when the quota runs low.
 */
export async function* iterateAll<T>(
  fetchPage: (page: number) => Promise<Page<T>>,
  options: IterateOptions = {},
): AsyncGenerator<T, void, undefined> {
  const maxPages = options.maxPages ?? 10_000;
  for (let page = 1; page <= maxPages; page += 1) {
    const current = await fetchPage(page);
    yield* current.items;
    const lastByHeader = current.totalPages !== null && page >= current.totalPages;
    if (lastByHeader || current.items.length < current.perPage || current.items.length === 0) return;
  }
}

export interface ReadAllOptions {
  /**
   * Pages asked for at once from the start, when the listing's size is known to be about that many
   * pages (e.g. hooks: at most one per event type): a long listing then costs one round, not a chain.
   */
  expectedPages?: number;
  /** Safety stop, as for iterateAll. */
  maxPages?: number;
}

/**
 * Every item of a short listing, in page order, in as few rounds as its headers allow: the first
 * `expectedPages` pages together, then every page the headers still announce, together. A page
 * past the end answers an empty list and costs nothing else.
 */
export async function readAllPages<T>(
  fetchPage: (page: number) => Promise<Page<T>>,
  options: ReadAllOptions = {},
): Promise<T[]> {
  const maxPages = Math.max(1, options.maxPages ?? 100);
  const first = Math.min(maxPages, Math.max(1, options.expectedPages ?? 1));
  const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  const pages = await Promise.all(range(1, first).map(fetchPage));
  const last = pages[pages.length - 1];
  const announced = pages.reduce((n, p) => Math.max(n, p.totalPages ?? 0), 0);
  // More pages: announced by the headers, or (no headers) the last page read was full.
  const more =
    announced > first
      ? range(first + 1, Math.min(announced, maxPages))
      : announced === 0 && last && last.items.length >= last.perPage && last.items.length > 0 && first < maxPages
        ? null
        : [];
  if (more === null) {
    // No totals in the headers: go on page by page, as iterateAll does.
    const rest: T[] = [];
    for await (const item of iterateAll((p) => fetchPage(p + first), { maxPages: maxPages - first })) rest.push(item);
    return [...pages.flatMap((p) => p.items), ...rest];
  }
  const rest = await Promise.all(more.map(fetchPage));
  return [...pages, ...rest].flatMap((p) => p.items);
}
