import "server-only";
import type { MirrorDispute, Prisma } from "@/generated/prisma/client";
import { disputes, iterateAll, MAX_PER_PAGE, type Page } from "@/lib/mangopay";
import type { Dispute } from "@/lib/mangopay/schemas/disputes";
import { minorToDecimal } from "@/lib/money";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { disputeListQuery } from "@/lib/services/disputes/list";
import { PENDING_CLIENT_STATUSES } from "@/lib/services/disputes/schemas";
import { accountClient } from "@/lib/services/mangopay/request";
import { disputeRow } from "@/lib/services/mirror/rows";
import { utcDayRange } from "@/lib/services/mirror-reads/day-range";
import { callMangopay } from "@/lib/services/upstream";
import { csvRecord, rawMoney, rawText } from "./csv";
import { after, auditExport, keysetBatches } from "./internal";
import { ExportDisputesInput } from "./schemas";

/**
 * Every mirrored dispute matching the disputes page's filters as CSV records, newest first; audited
 * first. "Pending client" means both waiting statuses, as on the page. "To settle" is MANGOPAY's own
 * list (lost disputes whose repudiation is not repaid yet), which the mirror cannot tell apart: those
 * rows are read from MANGOPAY, page by page as the client pulls, in the same columns.
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
  if (filters.quick === "to-settle") {
    // The first page is read before anything is sent, so that MANGOPAY's refusal or failure is
    // the download's answer (with its reason) rather than a cut-off file.
    const client = await callMangopay(() => accountClient(ctx.hub.id, ctx.account.id));
    const readPage = (page: number) =>
      callMangopay(() =>
        disputes.listPendingSettlement(client, {
          page,
          perPage: PENDING_SETTLEMENT_PAGE,
          ...disputeListQuery(filters),
        }),
      );
    const first = await readPage(1);
    await auditExport(ctx, "disputes", { ...filters });
    return readPendingSettlement(ctx, first, readPage);
  }
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
  for await (const rows of batches) yield* disputeRecords(ctx, rows);
}

/** The most MANGOPAY sends per page: a queue of 1,000 lost disputes is 10 calls. */
const PENDING_SETTLEMENT_PAGE = MAX_PER_PAGE;

/** Every page of the pending-settlement list from `first` on, as the mirror's rows would hold them. */
async function* readPendingSettlement(
  ctx: AccountContext,
  first: Page<Dispute>,
  readPage: (page: number) => Promise<Page<Dispute>>,
): AsyncGenerator<string[]> {
  const scope = { hubId: ctx.hub.id, apiAccountId: ctx.account.id };
  const pages = (page: number) => (page === 1 ? Promise.resolve(first) : readPage(page));
  let batch: DisputeFields[] = [];
  for await (const d of iterateAll(pages)) {
    batch.push(disputeRow(scope, d, new Date()));
    if (batch.length === PENDING_SETTLEMENT_PAGE) {
      yield* disputeRecords(ctx, batch);
      batch = [];
    }
  }
  if (batch.length > 0) yield* disputeRecords(ctx, batch);
}

/** What a CSV record needs of a dispute: a mirror row's columns, or MANGOPAY's answer mapped to them. */
type DisputeFields = Omit<MirrorDispute, "id" | "hubId" | "apiAccountId" | "raw"> & { raw: unknown };

/** One batch of disputes as CSV records, with their pay-ins' authors read in one query. */
async function* disputeRecords(ctx: AccountContext, rows: DisputeFields[]): AsyncGenerator<string[]> {
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

/** The disputed pay-ins' authors (the page's "User" column), from the mirror: one query per batch. */
async function payInAuthors(ctx: AccountContext, payInIds: string[]): Promise<Map<string, string>> {
  const rows = await db.mirrorTransaction.findMany({
    where: { hubId: ctx.hub.id, apiAccountId: ctx.account.id, mangopayId: { in: [...new Set(payInIds)] } },
    select: { mangopayId: true, authorId: true },
  });
  return new Map(rows.flatMap((t) => (t.authorId ? [[t.mangopayId, t.authorId] as const] : [])));
}
