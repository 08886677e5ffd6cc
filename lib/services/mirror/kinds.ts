import "server-only";
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
  UpstreamError,
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
import type { AnyTransaction, Scope } from "./rows";

// The registry of mirror kinds, shared by webhook processing, the backfill and reconciliation: how
// each kind is read from MANGOPAY (by id, by page, per user); write.ts turns the items into upserted
// rows. Every read is at background priority, so the client's quota shedding applies.

export const READ: CallOptions = { priority: "background", timeoutMs: 10_000, deadlineMs: 30_000 };

export type MirrorItems = {
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
export type MirrorKindName = keyof MirrorItems;
export type MirrorItem = { [K in MirrorKindName]: { kind: K; item: MirrorItems[K] } }[MirrorKindName];

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
  // In one round: the wallets it moved and the card or bank account it used.
  const [touched, instrument] = await Promise.all([
    Promise.all(walletIds.map((id) => wallets.get(client, id, READ))),
    readInstrument(client, kind, transaction),
  ]);
  return [
    { kind: "transaction", item: transaction },
    ...touched.map((item) => ({ kind: "wallet" as const, item })),
    ...(instrument ? [instrument] : []),
  ];
}

/**
 * The card a card pay-in used, or the bank account a payout went to. Neither has events of its own:
 * besides its user's events, this is when the mirror sees one change (a card deactivated or expired, a
 * bank account closed). One that cannot be read as the author's (a client payout's account) is skipped.
 */
async function readInstrument(
  client: MangopayClient,
  kind: string | null,
  transaction: AnyTransaction,
): Promise<MirrorItem | null> {
  const t = transaction as { CardId?: string | null; BankAccountId?: string | null; AuthorId?: string | null };
  try {
    if (kind === "payIn" && t.CardId) return { kind: "card", item: await cards.get(client, t.CardId, READ) };
    if (kind === "payOut" && t.BankAccountId && t.AuthorId)
      return { kind: "bankAccount", item: await bankAccounts.get(client, t.AuthorId, t.BankAccountId, READ) };
  } catch (err) {
    if (err instanceof UpstreamError && err.isNotFound) return null;
    throw err;
  }
  return null;
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
