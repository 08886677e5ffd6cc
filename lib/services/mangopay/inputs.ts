// Input schemas shared by the read services of the account dashboard. Pure (no server-only) so
// pages can parse their searchParams with the same rules.
import { z } from "zod";
import { NotFoundError } from "@/lib/server/errors";

/** MANGOPAY ids: up to 128 characters, digits, letters, `_` and `-` (reference: data formats). */
export const MangopayId = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/);

/** A malformed id looks exactly like a missing one: NotFound, never a different error. */
export function parseMangopayId(value: unknown, what = "Not found"): string {
  const parsed = MangopayId.safeParse(value);
  if (!parsed.success) throw new NotFoundError(what);
  return parsed.data;
}

export const PAGE_SIZES = [10, 20, 50, 100] as const;

/** `?page=&perPage=&sort=` as pages receive them; anything odd falls back to the defaults. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  perPage: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(20),
  sort: z.enum(["asc", "desc"]).catch("desc"),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A page of DTOs with MANGOPAY's totals (null when the API did not send them). */
export type PageDTO<T> = {
  items: T[];
  page: number;
  perPage: number;
  totalItems: number | null;
  totalPages: number | null;
};

export function toPageDTO<S, T>(
  page: { items: S[]; page: number; perPage: number; totalItems: number | null; totalPages: number | null },
  map: (item: S) => T,
): PageDTO<T> {
  return {
    items: page.items.map(map),
    page: page.page,
    perPage: page.perPage,
    totalItems: page.totalItems,
    totalPages: page.totalPages,
  };
}

/** `YYYY-MM-DD` from a date input; empty → undefined. */
export const DateInput = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

export type MoneyDTO = { amountMinor: number; currency: string };

export function toMoneyDTO(m: { Amount: number; Currency: string } | null | undefined): MoneyDTO | null {
  return m ? { amountMinor: m.Amount, currency: m.Currency } : null;
}

export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
