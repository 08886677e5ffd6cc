import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { utcDayRange } from "@/lib/services/mirror-reads/day-range";
import { csvRecord } from "./csv";
import { after, auditExport, keysetBatches } from "./internal";
import { ExportTransactionsInput } from "./schemas";

/**
 * Every mirrored transaction matching the list's filters as CSV records, newest first; audited first.
 * CONVERSION is a type MANGOPAY lists but the mirror does not hold: that filter exports a header only.
 */
export async function exportTransactions({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: ExportTransactionsInput;
}): Promise<AsyncGenerator<string[]>> {
  assertCan(ctx, "transactions.read");
  const filters = parseInput(ExportTransactionsInput, input ?? {});
  await auditExport(ctx, "transactions", { ...filters });
  const where: Prisma.MirrorTransactionWhereInput = {
    hubId: ctx.hub.id,
    apiAccountId: ctx.account.id,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.nature ? { nature: filters.nature } : {}),
    ...(filters.from || filters.to ? { createdAt: utcDayRange(filters) } : {}),
  };
  return readTransactions(where);
}

async function* readTransactions(where: Prisma.MirrorTransactionWhereInput): AsyncGenerator<string[]> {
  const batches = keysetBatches((last: { id: string; createdAt: Date } | null, take: number) =>
    db.mirrorTransaction.findMany({
      where: { AND: [where, after("createdAt", last && { id: last.id, at: last.createdAt }, "desc")] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: {
        id: true,
        mangopayId: true,
        type: true,
        nature: true,
        status: true,
        paymentType: true,
        currency: true,
        debitedMinor: true,
        creditedMinor: true,
        feesMinor: true,
        authorId: true,
        creditedUserId: true,
        debitedWalletId: true,
        creditedWalletId: true,
        resultCode: true,
        tag: true,
        createdAt: true,
        executedAt: true,
        syncedAt: true,
      },
    }),
  );
  for await (const rows of batches)
    for (const t of rows)
      yield csvRecord([
        t.mangopayId,
        t.type,
        t.nature,
        t.status,
        t.paymentType,
        t.currency,
        t.debitedMinor,
        t.creditedMinor,
        t.feesMinor,
        t.authorId,
        t.creditedUserId,
        t.debitedWalletId,
        t.creditedWalletId,
        t.resultCode,
        t.tag,
        t.createdAt,
        t.executedAt,
        t.syncedAt,
      ]);
}
