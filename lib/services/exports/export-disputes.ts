import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { minorToDecimal } from "@/lib/money";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { PENDING_CLIENT_STATUSES } from "@/lib/services/disputes/schemas";
import { utcDayRange } from "@/lib/services/mirror-reads/day-range";
import { csvRecord, rawMoney, rawText } from "./csv";
import { after, auditExport, keysetBatches } from "./internal";
import { ExportDisputesInput } from "./schemas";

/**
 * Every mirrored dispute matching the disputes page's filters as CSV records, newest first; audited
 * first. "Pending client" means both waiting statuses, as on the page; "To settle" is refused (400).
 */
export async function exportDisputes({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: ExportDisputesInput;
}): Promise<AsyncGenerator<string[]>> {
  assertCan(ctx, "disputes.read");
  const filters = parseInput(ExportDisputesInput, input ?? {});
  await auditExport(ctx, "disputes", { ...filters });
  const status = filters.quick === "pending-client" ? { in: [...PENDING_CLIENT_STATUSES] } : filters.status;
  const where: Prisma.MirrorDisputeWhereInput = {
    hubId: ctx.hub.id,
    apiAccountId: ctx.account.id,
    ...(status ? { status } : {}),
    ...(filters.type ? { disputeType: filters.type } : {}),
    ...(filters.from || filters.to ? { createdAt: utcDayRange(filters) } : {}),
  };
  return readDisputes(ctx, where);
}

async function* readDisputes(ctx: AccountContext, where: Prisma.MirrorDisputeWhereInput): AsyncGenerator<string[]> {
  const batches = keysetBatches((last: { id: string; createdAt: Date } | null, take: number) =>
    db.mirrorDispute.findMany({
      where: { AND: [where, after("createdAt", last && { id: last.id, at: last.createdAt }, "desc")] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: {
        id: true,
        mangopayId: true,
        disputeType: true,
        status: true,
        resultCode: true,
        currency: true,
        disputedMinor: true,
        contestDeadline: true,
        initialTransactionId: true,
        tag: true,
        createdAt: true,
        closedAt: true,
        syncedAt: true,
        // Reason and contested funds have no column of their own: MANGOPAY's JSON holds them.
        raw: true,
      },
    }),
  );
  for await (const rows of batches) {
    const authors = await payInAuthors(
      ctx,
      rows.map((d) => d.initialTransactionId),
    );
    for (const d of rows) {
      const contested = rawMoney(d.raw, "ContestedFunds");
      yield csvRecord([
        d.mangopayId,
        d.disputeType,
        d.status,
        d.resultCode,
        rawText(d.raw, "DisputeReason", "DisputeReasonType"),
        d.currency,
        minorToDecimal(d.disputedMinor, d.currency),
        d.disputedMinor,
        contested ? minorToDecimal(contested.amountMinor, contested.currency) : null,
        contested?.amountMinor ?? null,
        d.contestDeadline,
        d.initialTransactionId,
        authors.get(d.initialTransactionId) ?? null,
        d.tag,
        d.createdAt,
        d.closedAt,
        d.syncedAt,
      ]);
    }
  }
}

/** The disputed pay-ins' authors (the page's "User" column), from the mirror: one query per batch. */
async function payInAuthors(ctx: AccountContext, payInIds: string[]): Promise<Map<string, string>> {
  const rows = await db.mirrorTransaction.findMany({
    where: { hubId: ctx.hub.id, apiAccountId: ctx.account.id, mangopayId: { in: [...new Set(payInIds)] } },
    select: { mangopayId: true, authorId: true },
  });
  return new Map(rows.flatMap((t) => (t.authorId ? [[t.mangopayId, t.authorId] as const] : [])));
}
