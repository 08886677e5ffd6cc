import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import type { Prisma } from "@/generated/prisma/client";
import { getAccountInHub } from "@/lib/services/api-accounts/internal";

/** Rows read per query: the export never holds more than one batch in memory. */
export const EXPORT_BATCH = 1000;

export type ExportList = "users" | "transactions" | "events" | "compliance" | "disputes";

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
 * last row of the previous one, so the export reads any number of rows in fixed-size batches.
 */
export async function* keysetBatches<R extends Keyed>(read: (after: R | null) => Promise<R[]>): AsyncGenerator<R[]> {
  let last: R | null = null;
  for (;;) {
    const rows = await read(last);
    if (rows.length > 0) yield rows;
    if (rows.length < EXPORT_BATCH) return;
    last = rows[rows.length - 1] ?? null;
  }
}

/** The `where` continuing after `(at, id)` for a descending or ascending order on `field`, then id. */
export function after<F extends string>(
  field: F,
  last: { id: string; at: Date } | null,
  direction: "asc" | "desc",
): Record<string, unknown> {
  if (!last) return {};
  const op = direction === "desc" ? "lt" : "gt";
  return { OR: [{ [field]: { [op]: last.at } }, { [field]: last.at, id: { [op]: last.id } }] };
}
