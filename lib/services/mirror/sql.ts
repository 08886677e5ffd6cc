import "server-only";
import type pg from "pg";
import type { Prisma } from "@/generated/prisma/client";

/**
 * A transaction the mirror writes in: Prisma's interactive one (webhook processing, reconciliation),
 * or a client of the pool under it that has begun one (the backfill's pages, lib/services/mirror/backfill.ts).
 */
export type MirrorTx = Prisma.TransactionClient | pg.ClientBase;

/** Runs one statement with positional parameters ($1…) in `tx`; the rows it changed. */
export async function execute(tx: MirrorTx, text: string, values: unknown[]): Promise<number> {
  if ("$executeRawUnsafe" in tx) return tx.$executeRawUnsafe(text, ...values);
  return (await tx.query(text, values)).rowCount ?? 0;
}
