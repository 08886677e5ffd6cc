import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import {
  bankAccounts,
  cards,
  disputes,
  iterateAll,
  kycDocuments,
  mandates,
  payins,
  payouts,
  refunds,
  transactions,
  transfers,
  ubo,
  users,
  wallets,
  type CallOptions,
  type MangopayClient,
  type Page,
} from "@/lib/mangopay";
import { eventResource } from "@/lib/mangopay/event-types";
import type { BankAccount } from "@/lib/mangopay/schemas/bank-accounts";
import type { Card } from "@/lib/mangopay/schemas/cards";
import type { Dispute } from "@/lib/mangopay/schemas/disputes";
import type { KycDocument, UboDeclaration } from "@/lib/mangopay/schemas/kyc";
import type { Mandate, MandateListItem } from "@/lib/mangopay/schemas/mandates";
import type { User } from "@/lib/mangopay/schemas/users";
import type { Wallet } from "@/lib/mangopay/schemas/wallets";
import { db } from "@/lib/server/db";
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
  type AnyTransaction,
  type Scope,
} from "./rows";

// The registry of mirror kinds, shared by webhook processing, the backfill and reconciliation: how
// each kind is read from MANGOPAY (by id, by page, per user) and how one object becomes one upserted
// row. Every read is at background priority, so the client's quota shedding applies.

export const READ: CallOptions = { priority: "background", timeoutMs: 10_000, deadlineMs: 30_000 };

type Items = {
  user: User;
  wallet: Wallet;
  transaction: AnyTransaction;
  kycDocument: KycDocument;
  uboDeclaration: UboDeclaration;
  dispute: Dispute;
  bankAccount: BankAccount;
  card: Card;
  mandate: Mandate | MandateListItem;
};
export type MirrorKindName = keyof Items;
export type MirrorItem = { [K in MirrorKindName]: { kind: K; item: Items[K] } }[MirrorKindName];

/** How the progress panel names each kind, in display order. */
export const MIRROR_KIND_LABELS: Record<MirrorKindName, string> = {
  user: "Users",
  wallet: "Wallets",
  transaction: "Transactions",
  bankAccount: "Bank accounts",
  card: "Cards",
  mandate: "Mandates",
  kycDocument: "KYC documents",
  uboDeclaration: "UBO declarations",
  dispute: "Disputes",
};

type Tx = Prisma.TransactionClient;
const key = (scope: Scope, mangopayId: string) => ({
  apiAccountId_mangopayId: { apiAccountId: scope.apiAccountId, mangopayId },
});
// Two reads of one object written at once: a read started earlier never overwrites a later one.
const isNewer = (seen: { syncedAt: Date } | null, syncedAt: Date) => !seen || seen.syncedAt <= syncedAt;
const SEEN = { syncedAt: true } as const;

/** Upserts each object into its kind's table (unique on account and MANGOPAY id: a repeat changes nothing). */
export async function writeMirrorItems(tx: Tx, scope: Scope, items: MirrorItem[], syncedAt: Date): Promise<void> {
  for (const it of items) {
    const where = key(scope, it.item.Id);
    switch (it.kind) {
      case "user": {
        const row = userRow(scope, it.item, syncedAt);
        if (isNewer(await tx.mirrorUser.findUnique({ where, select: SEEN }), syncedAt))
          await tx.mirrorUser.upsert({ where, create: row, update: row });
        break;
      }
      case "wallet": {
        const row = walletRow(scope, it.item, syncedAt);
        if (isNewer(await tx.mirrorWallet.findUnique({ where, select: SEEN }), syncedAt))
          await tx.mirrorWallet.upsert({ where, create: row, update: row });
        break;
      }
      case "transaction": {
        const row = transactionRow(scope, it.item, syncedAt);
        const seen = await tx.mirrorTransaction.findUnique({
          where,
          select: { ...SEEN, paymentType: true, wireReference: true },
        });
        // A list row lacks PaymentType and WireReference: it does not erase what a full read stored.
        const update = {
          ...row,
          paymentType: row.paymentType ?? seen?.paymentType ?? null,
          wireReference: row.wireReference ?? seen?.wireReference ?? null,
        };
        if (isNewer(seen, syncedAt)) await tx.mirrorTransaction.upsert({ where, create: row, update });
        break;
      }
      case "kycDocument": {
        const row = kycDocumentRow(scope, it.item, syncedAt);
        if (isNewer(await tx.mirrorKycDocument.findUnique({ where, select: SEEN }), syncedAt))
          await tx.mirrorKycDocument.upsert({ where, create: row, update: row });
        break;
      }
      case "uboDeclaration": {
        const row = uboDeclarationRow(scope, it.item, syncedAt);
        if (isNewer(await tx.mirrorUboDeclaration.findUnique({ where, select: SEEN }), syncedAt))
          await tx.mirrorUboDeclaration.upsert({ where, create: row, update: row });
        break;
      }
      case "dispute": {
        const row = disputeRow(scope, it.item, syncedAt);
        if (isNewer(await tx.mirrorDispute.findUnique({ where, select: SEEN }), syncedAt))
          await tx.mirrorDispute.upsert({ where, create: row, update: row });
        break;
      }
      case "bankAccount": {
        const row = bankAccountRow(scope, it.item, syncedAt);
        if (isNewer(await tx.mirrorBankAccount.findUnique({ where, select: SEEN }), syncedAt))
          await tx.mirrorBankAccount.upsert({ where, create: row, update: row });
        break;
      }
      case "card": {
        const row = cardRow(scope, it.item, syncedAt);
        if (isNewer(await tx.mirrorCard.findUnique({ where, select: SEEN }), syncedAt))
          await tx.mirrorCard.upsert({ where, create: row, update: row });
        break;
      }
      case "mandate": {
        const row = mandateRow(scope, it.item, syncedAt);
        // A list row lacks the bank account, scheme and reference: keep those of an earlier full read.
        const { bankAccountId, scheme, bankReference, ...rest } = row;
        const update = { ...rest, ...(bankAccountId ? { bankAccountId, scheme, bankReference } : {}) };
        if (isNewer(await tx.mirrorMandate.findUnique({ where, select: SEEN }), syncedAt))
          await tx.mirrorMandate.upsert({ where, create: row, update });
        break;
      }
    }
  }
}

/** Rows per kind in this account's mirror (the backfill's progress). */
export async function countMirrorRows(scope: Scope): Promise<Record<MirrorKindName, number>> {
  const where = { hubId: scope.hubId, apiAccountId: scope.apiAccountId };
  const [user, wallet, transaction, bankAccount, card, mandate, kycDocument, uboDeclaration, dispute] =
    await Promise.all([
      db.mirrorUser.count({ where }),
      db.mirrorWallet.count({ where }),
      db.mirrorTransaction.count({ where }),
      db.mirrorBankAccount.count({ where }),
      db.mirrorCard.count({ where }),
      db.mirrorMandate.count({ where }),
      db.mirrorKycDocument.count({ where }),
      db.mirrorUboDeclaration.count({ where }),
      db.mirrorDispute.count({ where }),
    ]);
  return { user, wallet, transaction, bankAccount, card, mandate, kycDocument, uboDeclaration, dispute };
}

async function allPages<T>(fetchPage: (page: number) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterateAll(fetchPage, { maxPages: 200 })) out.push(item);
  return out;
}
const PER_PAGE = 100;

/**
 * A user and what hangs off it with no events of its own (wallets, bank accounts, cards) — read on
 * every user event; with `withHistory` (backfill) also its transactions and UBO declarations.
 */
export async function readUserTree(
  client: MangopayClient,
  userId: string,
  withHistory: boolean,
): Promise<MirrorItem[]> {
  const user = await users.get(client, userId, READ);
  const page = { ...READ, perPage: PER_PAGE };
  const [ws, bas, cs] = await Promise.all([
    allPages((p) => wallets.listByUser(client, userId, { ...page, page: p })),
    allPages((p) => bankAccounts.listByUser(client, userId, { ...page, page: p })),
    allPages((p) => cards.listByUser(client, userId, { ...page, page: p })),
  ]);
  const items: MirrorItem[] = [
    { kind: "user", item: user },
    ...ws.map((item) => ({ kind: "wallet" as const, item })),
    ...bas.map((item) => ({ kind: "bankAccount" as const, item })),
    ...cs.map((item) => ({ kind: "card" as const, item })),
  ];
  if (!withHistory) return items;
  const [txs, ubos] = await Promise.all([
    allPages((p) => transactions.listByUser(client, userId, { ...page, page: p })),
    user.PersonType === "LEGAL"
      ? allPages((p) => ubo.listDeclarationsByUser(client, userId, { ...page, page: p }))
      : Promise.resolve([]),
  ]);
  return [
    ...items,
    ...txs.map((item) => ({ kind: "transaction" as const, item })),
    ...ubos.map((item) => ({ kind: "uboDeclaration" as const, item })),
  ];
}

const TRANSACTION_READERS: Partial<Record<string, (c: MangopayClient, id: string) => Promise<AnyTransaction>>> = {
  payIn: (c, id) => payins.get(c, id, READ),
  payOut: (c, id) => payouts.get(c, id, READ),
  transfer: (c, id) => transfers.get(c, id, READ),
  refund: (c, id) => refunds.get(c, id, READ),
};

const SINGLE_READERS: Partial<Record<string, (c: MangopayClient, id: string) => Promise<MirrorItem>>> = {
  kycDocument: async (c, id) => ({ kind: "kycDocument", item: await kycDocuments.get(c, id, READ) }),
  uboDeclaration: async (c, id) => ({ kind: "uboDeclaration", item: await ubo.getDeclaration(c, id, READ) }),
  dispute: async (c, id) => ({ kind: "dispute", item: await disputes.get(c, id, READ) }),
  mandate: async (c, id) => ({ kind: "mandate", item: await mandates.get(c, id, READ) }),
  card: async (c, id) => ({ kind: "card", item: await cards.get(c, id, READ) }),
};

/** Whether the mirror holds the object an event of this type names. */
export function isMirroredEventType(eventType: string): boolean {
  const kind = eventResource(eventType);
  return kind === "user" || (kind !== null && (kind in TRANSACTION_READERS || kind in SINGLE_READERS));
}

/**
 * Re-reads the object an event names (and, for a transaction, the wallets it moved — wallets have
 * no events of their own). Null when the kind is not mirrored. A 404 (not this account's object) throws.
 */
export async function readForEvent(
  client: MangopayClient,
  eventType: string,
  resourceId: string,
): Promise<MirrorItem[] | null> {
  const kind = eventResource(eventType);
  if (kind === "user") return readUserTree(client, resourceId, false);
  const single = kind ? SINGLE_READERS[kind] : undefined;
  if (single) return [await single(client, resourceId)];
  const read = kind ? TRANSACTION_READERS[kind] : undefined;
  if (!read) return null;
  const transaction = await read(client, resourceId);
  const walletIds = [
    ...new Set([transaction.DebitedWalletId, transaction.CreditedWalletId].filter((w): w is string => !!w)),
  ];
  const touched = await Promise.all(walletIds.map((id) => wallets.get(client, id, READ)));
  return [{ kind: "transaction", item: transaction }, ...touched.map((item) => ({ kind: "wallet" as const, item }))];
}

/** The account-wide listings a backfill pages through after the users, each one page at a time. */
export const ACCOUNT_LISTINGS = {
  kycDocument: async (c: MangopayClient, page: number): Promise<Page<MirrorItem>> => {
    const p = await kycDocuments.list(c, {
      ...READ,
      page,
      perPage: PER_PAGE,
      sort: { field: "CreationDate", direction: "ASC" },
    });
    return { ...p, items: p.items.map((item) => ({ kind: "kycDocument", item })) };
  },
  mandate: async (c: MangopayClient, page: number): Promise<Page<MirrorItem>> => {
    const p = await mandates.list(c, {
      ...READ,
      page,
      perPage: PER_PAGE,
      sort: { field: "CreationDate", direction: "ASC" },
    });
    return { ...p, items: p.items.map((item) => ({ kind: "mandate", item })) };
  },
  dispute: async (c: MangopayClient, page: number): Promise<Page<MirrorItem>> => {
    const p = await disputes.list(c, {
      ...READ,
      page,
      perPage: PER_PAGE,
      sort: { field: "CreationDate", direction: "ASC" },
    });
    return { ...p, items: p.items.map((item) => ({ kind: "dispute", item })) };
  },
} as const;

/** When each of these objects (named by an event of `resource`) was last re-read; absent: no mirror row. */
export async function syncedAtOf(scope: Scope, resource: string, ids: string[]): Promise<Map<string, Date>> {
  const where = { hubId: scope.hubId, apiAccountId: scope.apiAccountId, mangopayId: { in: ids } };
  const select = { mangopayId: true, syncedAt: true } as const;
  const rows =
    resource === "user"
      ? await db.mirrorUser.findMany({ where, select })
      : resource in TRANSACTION_READERS
        ? await db.mirrorTransaction.findMany({ where, select })
        : resource === "kycDocument"
          ? await db.mirrorKycDocument.findMany({ where, select })
          : resource === "uboDeclaration"
            ? await db.mirrorUboDeclaration.findMany({ where, select })
            : resource === "dispute"
              ? await db.mirrorDispute.findMany({ where, select })
              : resource === "mandate"
                ? await db.mirrorMandate.findMany({ where, select })
                : resource === "card"
                  ? await db.mirrorCard.findMany({ where, select })
                  : [];
  return new Map(rows.map((r) => [r.mangopayId, r.syncedAt]));
}
