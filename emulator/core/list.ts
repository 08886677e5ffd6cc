// Shared list behaviour (docs/mangopay-api.md §2.2–2.3): filters, BeforeDate/AfterDate, Sort, page/per_page,
// x-number-of-pages, x-number-of-items and link headers. The body is a bare JSON array.
import type { ApiContext, ApiResult } from "./context";
import { paramError } from "./errors";

export interface ListSpec<T> {
  /** Enum-like fields filtered by equality, case-insensitive (e.g. ["Status", "Type", "Nature"]). */
  filters?: readonly string[];
  /** Boolean fields filtered by "true"/"false" (e.g. ["Active"]). */
  boolFilters?: readonly string[];
  /** Field compared with BeforeDate/AfterDate; null disables them. Default CreationDate. */
  dateField?: string | null;
  /** Projection applied to each item of the page (e.g. the reduced GET /users view). */
  project?: (item: T) => unknown;
  /** Fields `Sort` may name; MANGOPAY documents CreationDate (Date for events). Others are ignored. */
  sortFields?: readonly string[];
}

const MAX_PER_PAGE = 100;

export interface PageParams {
  page: number;
  perPage: number;
}

export function pageParams(ctx: ApiContext): PageParams {
  const page = parsePositive(ctx.query.get("page"), 1, "page");
  const perPage = parsePositive(ctx.query.get("per_page"), 10, "per_page");
  if (perPage > MAX_PER_PAGE) throw paramError({ per_page: `per_page must be lower or equal to ${MAX_PER_PAGE}` });
  return { page, perPage };
}

function parsePositive(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw paramError({ [name]: `The value '${raw}' is not valid for ${name}.` });
  return n;
}

export function dateParam(ctx: ApiContext, name: "BeforeDate" | "AfterDate"): number | null {
  const raw = ctx.query.get(name);
  if (raw === undefined || raw === "") return null;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw paramError({ [name]: `The value '${raw}' is not valid for ${name}.` });
  return n;
}

/** Parses `Sort=Field:ASC|DESC` (field and direction case-insensitive). */
export function sortParam(ctx: ApiContext): { field: string; desc: boolean } | null {
  const raw = ctx.query.get("Sort");
  if (!raw) return null;
  const [field, dir = "ASC"] = raw.split(":");
  const d = dir.trim().toUpperCase();
  if (!field.trim() || (d !== "ASC" && d !== "DESC"))
    throw paramError({ Sort: `The value '${raw}' is not valid for Sort.` });
  return { field: field.trim(), desc: d === "DESC" };
}

export function applyFilters<T>(ctx: ApiContext, items: Iterable<T>, spec: ListSpec<T>): T[] {
  const checks: Array<(item: Record<string, unknown>) => boolean> = [];
  for (const field of spec.filters ?? []) {
    const wanted = ctx.query.all(field).map((v) => v.toUpperCase());
    if (wanted.length > 0) checks.push((it) => wanted.includes(String(it[field]).toUpperCase()));
  }
  for (const field of spec.boolFilters ?? []) {
    const raw = ctx.query.get(field);
    if (raw !== undefined && raw !== "") {
      const want = raw.toLowerCase() === "true";
      checks.push((it) => it[field] === want);
    }
  }
  const dateField = spec.dateField === undefined ? "CreationDate" : spec.dateField;
  if (dateField) {
    const before = dateParam(ctx, "BeforeDate");
    const after = dateParam(ctx, "AfterDate");
    if (before !== null) checks.push((it) => (it[dateField] as number) < before);
    if (after !== null) checks.push((it) => (it[dateField] as number) > after);
  }
  const out: T[] = [];
  for (const item of items) {
    const rec = item as unknown as Record<string, unknown>;
    if (checks.every((check) => check(rec))) out.push(item);
  }
  return out;
}

export function applySort<T>(ctx: ApiContext, items: T[], sortFields: readonly string[] = ["CreationDate"]): T[] {
  const sort = sortParam(ctx);
  if (!sort) return items;
  const key = sortFields.find((k) => k.toLowerCase() === sort.field.toLowerCase());
  if (!key) return items;
  const dir = sort.desc ? -1 : 1;
  // Ties keep creation order, reversed for DESC (newest first), like ordering by (date, id).
  const base = sort.desc ? [...items].reverse() : [...items];
  return base.sort((a, b) => {
    const va = (a as Record<string, unknown>)[key] as number | string;
    const vb = (b as Record<string, unknown>)[key] as number | string;
    return va < vb ? -dir : va > vb ? dir : 0;
  });
}

/** Filters, sorts and pages `items`, returning the page with MANGOPAY's pagination headers. */
export function listResult<T>(ctx: ApiContext, items: Iterable<T>, spec: ListSpec<T> = {}): ApiResult {
  const { page, perPage } = pageParams(ctx);
  const filtered = applySort(ctx, applyFilters(ctx, items, spec), spec.sortFields);
  return pageResult(ctx, filtered, page, perPage, spec.project);
}

export function pageResult<T>(
  ctx: ApiContext,
  all: readonly T[],
  page: number,
  perPage: number,
  project?: (item: T) => unknown,
): ApiResult {
  const total = all.length;
  const pages = Math.ceil(total / perPage);
  const slice = all.slice((page - 1) * perPage, page * perPage);
  return {
    status: 200,
    body: project ? slice.map(project) : slice,
    headers: {
      "x-number-of-pages": String(pages),
      "x-number-of-items": String(total),
      link: linkHeader(ctx, page, perPage, pages),
    },
  };
}

function linkHeader(ctx: ApiContext, page: number, perPage: number, pages: number): string {
  // V3.0 routes are registered under `/v3.0` (core/pipeline.ts): their links keep the V3.0 prefix.
  const v3 = /^\/v3\.0(?=\/)/i.exec(ctx.path);
  const base = v3
    ? `${ctx.origin}/V3.0/${ctx.store.info.ClientId}${ctx.path.slice(v3[0].length)}`
    : `${ctx.origin}/v2.01/${ctx.store.info.ClientId}${ctx.path}`;
  const url = (p: number): string => {
    const params = new URLSearchParams(ctx.rawQuery);
    for (const k of [...params.keys()]) if (/^(page|per_page)$/i.test(k)) params.delete(k);
    params.set("page", String(p));
    params.set("per_page", String(perPage));
    return `<${base}?${params.toString()}>`;
  };
  const last = Math.max(1, pages);
  const links = [`${url(1)}; rel="first"`];
  if (page > 1) links.push(`${url(Math.min(page - 1, last))}; rel="prev"`);
  if (page < pages) links.push(`${url(page + 1)}; rel="next"`);
  links.push(`${url(last)}; rel="last"`);
  return links.join(", ");
}

/** Looks ids up in a Map, skipping ids that vanished. */
export function resolveIds<T>(ids: readonly string[], map: ReadonlyMap<string, T>): T[] {
  const out: T[] = [];
  for (const id of ids) {
    const item = map.get(id);
    if (item !== undefined) out.push(item);
  }
  return out;
}
