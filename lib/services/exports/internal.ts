import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { AccountContext } from "@/lib/server/context-types";
import { db, dbPool } from "@/lib/server/db";
import type { Prisma } from "@/generated/prisma/client";
import { getAccountInHub } from "@/lib/services/api-accounts/internal";

/**
 * Rows read per query: the first batch small, so the download starts at once, then a ceiling that
 * bounds memory (larger batches made no export faster and its peak memory higher).
 */
export const EXPORT_FIRST_BATCH = 500;
export const EXPORT_MAX_BATCH = 1000;

export type ExportList = "users" | "transactions" | "events" | "compliance" | "ubo-declarations" | "disputes";

/** The account must be this Hub's before anything is audited (a forged context writes nothing). */
export async function auditExport(
  ctx: AccountContext,
  list: ExportList,
  filters: Prisma.InputJsonValue,
): Promise<void> {
  await getAccountInHub(db, ctx.hub.id, ctx.account.id);
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      action: "mirror.export",
      target: { type: "mirror_list", id: list },
      metadata: { list, filters },
    }),
  );
}

type Keyed = { id: string };

/**
 * Keyset pagination over (time, id), newest or oldest first: each batch continues strictly after the
 * last row of the previous one, so the export reads any number of rows in bounded batches (500, then
 * 1,000 each).
 */
export async function* keysetBatches<R extends Keyed>(
  read: (after: R | null, take: number) => Promise<R[]>,
): AsyncGenerator<R[]> {
  let last: R | null = null;
  for (let take = EXPORT_FIRST_BATCH; ; take = EXPORT_MAX_BATCH) {
    const rows = await read(last, take);
    if (rows.length > 0) yield rows;
    if (rows.length < take) return;
    last = rows[rows.length - 1] ?? null;
  }
}

/**
 * The `where` continuing after `(at, id)` for a descending or ascending order on `field`, then id.
 * The plain bound on `field` repeats what the OR says: it gives PostgreSQL an index range to start
 * from, where the OR alone made it scan from the first row again for every batch.
 */
export function after<F extends string>(
  field: F,
  last: { id: string; at: Date } | null,
  direction: "asc" | "desc",
): Record<string, unknown> {
  if (!last) return {};
  const op = direction === "desc" ? "lt" : "gt";
  const bound = direction === "desc" ? "lte" : "gte";
  return {
    [field]: { [bound]: last.at },
    OR: [{ [field]: { [op]: last.at } }, { [field]: last.at, id: { [op]: last.id } }],
  };
}

/** A keyset read's SQL for the rows after `after` (null: from the first), at most `take` of them. */
export type KeysetQuery = (
  after: { at: string; id: string } | null,
  take: number,
) => { text: string; values: unknown[] };

/** Every column as PostgreSQL's text (no Date, no number): the SQL formats what the CSV shows. */
const AS_TEXT = { getTypeParser: () => (value: string) => value };

/**
 * `keysetBatches` for SQL selecting text columns, read from the client's pool without Prisma: each
 * row an array of text or null, its last two columns the key (the time as ISO text, then the id).
 * Through Prisma's client every row of an export outlived two young-generation collections and went
 * to the old generation (the same keyset loop, rows thrown away: about 1 KB per row promoted through
 * `findMany` or `$queryRaw`, under a tenth of that through the pool), so a long export grew the heap to
 * V8's limit of about four times the live size before a full collection.
 */
export async function* keysetRows(query: KeysetQuery): AsyncGenerator<(string | null)[][]> {
  const pool = dbPool();
  let last: { at: string; id: string } | null = null;
  for (let take = EXPORT_FIRST_BATCH; ; take = EXPORT_MAX_BATCH) {
    const { rows }: { rows: (string | null)[][] } = await pool.query<(string | null)[]>({
      ...query(last, take),
      rowMode: "array",
      types: AS_TEXT,
    });
    if (rows.length > 0) yield rows;
    if (rows.length < take) return;
    const key: (string | null)[] = rows[rows.length - 1] ?? [];
    last = { at: key[key.length - 2] ?? "", id: key[key.length - 1] ?? "" };
  }
}
