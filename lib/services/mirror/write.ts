import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { MirrorItem, MirrorItems, MirrorKindName } from "./kinds";
import {
  bankAccountRow,
  cardRow,
  disputeRow,
  kycDocumentRow,
  mandateRow,
  transactionRow,
  uboDeclarationRow,
  userRow,
  walletRow,
  type Scope,
} from "./rows";

// Writing mirror kinds' rows inside the caller's transaction (which writes the audit row): shared by
// webhook processing, the backfill and reconciliation.

type Tx = Prisma.TransactionClient;
const key = (scope: Scope, mangopayId: string) => ({
  apiAccountId_mangopayId: { apiAccountId: scope.apiAccountId, mangopayId },
});
// Two reads of one object written at once: a read started earlier never overwrites a later one.
const isNewer = (seen: { syncedAt: Date } | null, syncedAt: Date) => !seen || seen.syncedAt <= syncedAt;

type Seen = { mangopayId: string; syncedAt: Date; raw: Prisma.JsonValue };

/** JSON with sorted keys: PostgreSQL's jsonb does not keep the key order MANGOPAY sent. */
function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  if (v && typeof v === "object")
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(v) ?? "null";
}

/**
 * Inserts the rows not mirrored yet in one statement, marks the unchanged ones synced in one more,
 * and updates the changed ones one by one — never a row that holds a later read. A first backfill
 * is mostly new rows, a second one mostly unchanged: a few statements a page, not one per row.
 */
async function upsertRows<R extends { mangopayId: string; raw: Prisma.InputJsonValue }, S extends Seen>(
  rows: R[],
  syncedAt: Date,
  ops: {
    seen: (ids: string[]) => Promise<S[]>;
    createMany: (rows: R[]) => Promise<unknown>;
    touch: (ids: string[]) => Promise<unknown>;
    update: (row: R, seen: S) => Promise<unknown>;
  },
): Promise<void> {
  if (rows.length === 0) return;
  // The same object twice in one batch (a transfer listed for both its users): the last one wins.
  const byId = new Map(rows.map((r) => [r.mangopayId, r]));
  const seen = new Map((await ops.seen([...byId.keys()])).map((r) => [r.mangopayId, r]));
  const fresh = [...byId.values()].filter((r) => !seen.has(r.mangopayId));
  if (fresh.length > 0) await ops.createMany(fresh);
  const unchanged: string[] = [];
  for (const [id, s] of seen) {
    const row = byId.get(id);
    if (!row || !isNewer(s, syncedAt)) continue;
    if (stableJson(row.raw) === stableJson(s.raw)) unchanged.push(id);
    else await ops.update(row, s);
  }
  if (unchanged.length > 0) await ops.touch(unchanged);
}

/** Upserts each object into its kind's table (unique on account and MANGOPAY id: a repeat changes nothing). */
export async function writeMirrorItems(tx: Tx, scope: Scope, items: MirrorItem[], syncedAt: Date): Promise<void> {
  const of = <K extends MirrorKindName>(kind: K) =>
    items
      .filter((it): it is Extract<MirrorItem, { kind: K }> => it.kind === kind)
      .map((it) => it.item as MirrorItems[K]);
  const ids = (list: string[]) => ({ apiAccountId: scope.apiAccountId, mangopayId: { in: list } });
  const skipDuplicates = true;
  await upsertRows(
    of("user").map((u) => userRow(scope, u, syncedAt)),
    syncedAt,
    {
      seen: (list) =>
        tx.mirrorUser.findMany({ where: ids(list), select: { mangopayId: true, syncedAt: true, raw: true } }),
      createMany: (data) => tx.mirrorUser.createMany({ data, skipDuplicates }),
      touch: (list) =>
        tx.mirrorUser.updateMany({ where: { ...ids(list), syncedAt: { lte: syncedAt } }, data: { syncedAt } }),
      update: (row) => tx.mirrorUser.update({ where: key(scope, row.mangopayId), data: row }),
    },
  );
  await upsertRows(
    of("wallet").map((w) => walletRow(scope, w, syncedAt)),
    syncedAt,
    {
      seen: (list) =>
        tx.mirrorWallet.findMany({ where: ids(list), select: { mangopayId: true, syncedAt: true, raw: true } }),
      createMany: (data) => tx.mirrorWallet.createMany({ data, skipDuplicates }),
      touch: (list) =>
        tx.mirrorWallet.updateMany({ where: { ...ids(list), syncedAt: { lte: syncedAt } }, data: { syncedAt } }),
      update: (row) => tx.mirrorWallet.update({ where: key(scope, row.mangopayId), data: row }),
    },
  );
  await upsertRows(
    of("transaction").map((t) => transactionRow(scope, t, syncedAt)),
    syncedAt,
    {
      seen: (list) =>
        tx.mirrorTransaction.findMany({
          where: ids(list),
          select: { mangopayId: true, syncedAt: true, raw: true, paymentType: true, wireReference: true },
        }),
      createMany: (data) => tx.mirrorTransaction.createMany({ data, skipDuplicates }),
      touch: (list) =>
        tx.mirrorTransaction.updateMany({ where: { ...ids(list), syncedAt: { lte: syncedAt } }, data: { syncedAt } }),
      // A list row lacks PaymentType and WireReference: it does not erase what a full read stored.
      update: (row, seen) =>
        tx.mirrorTransaction.update({
          where: key(scope, row.mangopayId),
          data: {
            ...row,
            paymentType: row.paymentType ?? seen.paymentType,
            wireReference: row.wireReference ?? seen.wireReference,
          },
        }),
    },
  );
  await upsertRows(
    of("kycDocument").map((d) => kycDocumentRow(scope, d, syncedAt)),
    syncedAt,
    {
      seen: (list) =>
        tx.mirrorKycDocument.findMany({ where: ids(list), select: { mangopayId: true, syncedAt: true, raw: true } }),
      createMany: (data) => tx.mirrorKycDocument.createMany({ data, skipDuplicates }),
      touch: (list) =>
        tx.mirrorKycDocument.updateMany({ where: { ...ids(list), syncedAt: { lte: syncedAt } }, data: { syncedAt } }),
      update: (row) => tx.mirrorKycDocument.update({ where: key(scope, row.mangopayId), data: row }),
    },
  );
  await upsertRows(
    of("uboDeclaration").map((d) => uboDeclarationRow(scope, d, syncedAt)),
    syncedAt,
    {
      seen: (list) =>
        tx.mirrorUboDeclaration.findMany({ where: ids(list), select: { mangopayId: true, syncedAt: true, raw: true } }),
      createMany: (data) => tx.mirrorUboDeclaration.createMany({ data, skipDuplicates }),
      touch: (list) =>
        tx.mirrorUboDeclaration.updateMany({
          where: { ...ids(list), syncedAt: { lte: syncedAt } },
          data: { syncedAt },
        }),
      update: (row) => tx.mirrorUboDeclaration.update({ where: key(scope, row.mangopayId), data: row }),
    },
  );
  await upsertRows(
    of("dispute").map((d) => disputeRow(scope, d, syncedAt)),
    syncedAt,
    {
      seen: (list) =>
        tx.mirrorDispute.findMany({ where: ids(list), select: { mangopayId: true, syncedAt: true, raw: true } }),
      createMany: (data) => tx.mirrorDispute.createMany({ data, skipDuplicates }),
      touch: (list) =>
        tx.mirrorDispute.updateMany({ where: { ...ids(list), syncedAt: { lte: syncedAt } }, data: { syncedAt } }),
      update: (row) => tx.mirrorDispute.update({ where: key(scope, row.mangopayId), data: row }),
    },
  );
  await upsertRows(
    of("bankAccount").map((b) => bankAccountRow(scope, b, syncedAt)),
    syncedAt,
    {
      seen: (list) =>
        tx.mirrorBankAccount.findMany({ where: ids(list), select: { mangopayId: true, syncedAt: true, raw: true } }),
      createMany: (data) => tx.mirrorBankAccount.createMany({ data, skipDuplicates }),
      touch: (list) =>
        tx.mirrorBankAccount.updateMany({ where: { ...ids(list), syncedAt: { lte: syncedAt } }, data: { syncedAt } }),
      update: (row) => tx.mirrorBankAccount.update({ where: key(scope, row.mangopayId), data: row }),
    },
  );
  await upsertRows(
    of("card").map((c) => cardRow(scope, c, syncedAt)),
    syncedAt,
    {
      seen: (list) =>
        tx.mirrorCard.findMany({ where: ids(list), select: { mangopayId: true, syncedAt: true, raw: true } }),
      createMany: (data) => tx.mirrorCard.createMany({ data, skipDuplicates }),
      touch: (list) =>
        tx.mirrorCard.updateMany({ where: { ...ids(list), syncedAt: { lte: syncedAt } }, data: { syncedAt } }),
      update: (row) => tx.mirrorCard.update({ where: key(scope, row.mangopayId), data: row }),
    },
  );
  await upsertRows(
    of("mandate").map((m) => mandateRow(scope, m, syncedAt)),
    syncedAt,
    {
      seen: (list) =>
        tx.mirrorMandate.findMany({ where: ids(list), select: { mangopayId: true, syncedAt: true, raw: true } }),
      createMany: (data) => tx.mirrorMandate.createMany({ data, skipDuplicates }),
      touch: (list) =>
        tx.mirrorMandate.updateMany({ where: { ...ids(list), syncedAt: { lte: syncedAt } }, data: { syncedAt } }),
      // A list row lacks the bank account, scheme and reference: keep those of an earlier full read.
      update: ({ bankAccountId, scheme, bankReference, ...rest }) =>
        tx.mirrorMandate.update({
          where: key(scope, rest.mangopayId),
          data: { ...rest, ...(bankAccountId ? { bankAccountId, scheme, bankReference } : {}) },
        }),
    },
  );
}
