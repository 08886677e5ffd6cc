import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { parseAmountToMinor, ZERO_DECIMAL_CURRENCIES } from "@/lib/money";
import { db } from "@/lib/server/db";
import { kindOf } from "@/lib/services/transactions/schemas";

// Objects of the local mirror found by what MANGOPAY's API cannot search: the last digits of an
// IBAN or account number, a card's alias, a bank wire's reference, a Tag (prefix, as typed) and an
// exact amount in the currency's major units ("25.50", "25.50 EUR"). Every lookup is an indexed
// equality or prefix range on (account, column); a query may match several ways.

export type MirrorObjectKind =
  "user" | "wallet" | "transaction" | "bankAccount" | "card" | "mandate" | "kycDocument" | "uboDeclaration" | "dispute";

export type MirrorObjectHit = {
  kind: MirrorObjectKind;
  id: string;
  /** "Bank account", "Card", "PAYIN"… */
  label: string;
  /** Why it matched: "IBAN ending 0143", "Tag order-1…", "Amount 25.00 EUR". */
  matched: string;
  status: string | null;
  userId: string | null;
  /** For a transaction: which endpoint holds it (the detail page's `kind`). */
  transactionKind: string | null;
  amount: { amountMinor: number; currency: string } | null;
  syncedSecondsAgo: number;
};

type Scope = { hubId: string; apiAccountId: string };
const PER_KIND = 10;
const ZERO = [...ZERO_DECIMAL_CURRENCIES];

const ago = (d: Date, nowMs: number) => Math.max(0, Math.round((nowMs - d.getTime()) / 1000));
const tagPrefix = (q: string): Prisma.StringNullableFilter => ({ gte: q, lt: `${q}\uffff`, startsWith: q });

type TxRow = {
  mangopayId: string;
  type: string;
  nature: string;
  status: string;
  authorId: string | null;
  currency: string;
  debitedMinor: bigint;
  syncedAt: Date;
};
const TX_SELECT = {
  mangopayId: true,
  type: true,
  nature: true,
  status: true,
  authorId: true,
  currency: true,
  debitedMinor: true,
  syncedAt: true,
} as const;

function txHit(r: TxRow, matched: string, nowMs: number): MirrorObjectHit {
  return {
    kind: "transaction",
    id: r.mangopayId,
    label: r.nature === "REGULAR" ? r.type : `${r.type} ${r.nature}`,
    matched,
    status: r.status,
    userId: r.authorId,
    transactionKind: kindOf({ Type: r.type, Nature: r.nature }) ?? null,
    amount: { amountMinor: Number(r.debitedMinor), currency: r.currency },
    syncedSecondsAgo: ago(r.syncedAt, nowMs),
  };
}

const base = (kind: MirrorObjectKind, label: string) => ({ kind, label, transactionKind: null, amount: null });

/** An amount as typed, with an optional ISO currency after it: the minor-unit filters to look for. */
export function amountFilters(query: string): { currency?: string; minor: number }[] | null {
  const m = /^(\d[\d.,\s']*?)\s*([A-Za-z]{3})?$/.exec(query.trim());
  if (!m?.[1]) return null;
  const currency = m[2]?.toUpperCase();
  if (currency) {
    const minor = parseAmountToMinor(m[1], currency);
    return minor === null ? null : [{ currency, minor }];
  }
  const twoDigits = parseAmountToMinor(m[1], "EUR");
  const noDigits = parseAmountToMinor(m[1], "JPY");
  const out: { currency?: string; minor: number }[] = [];
  if (twoDigits !== null) out.push({ minor: twoDigits });
  if (noDigits !== null) out.push({ currency: "*ZERO", minor: noDigits });
  return out.length > 0 ? out : null;
}

export async function findMirrorObjects(scope: Scope, query: string): Promise<MirrorObjectHit[]> {
  const q = query.trim();
  const nowMs = Date.now();
  const where = { hubId: scope.hubId, apiAccountId: scope.apiAccountId };
  const hits: MirrorObjectHit[] = [];
  const lookups: Promise<void>[] = [];

  // IBAN / account number: the stored last 4 characters narrow, the full number in `raw` confirms.
  if (/^[0-9A-Za-z]{4,34}$/.test(q) && /\d/.test(q)) {
    const typed = q.toUpperCase();
    lookups.push(
      db.mirrorBankAccount
        .findMany({
          where: { ...where, accountTail: typed.slice(-4) },
          select: {
            mangopayId: true,
            userId: true,
            type: true,
            ownerName: true,
            active: true,
            raw: true,
            syncedAt: true,
          },
          take: 50,
        })
        .then((rows) => {
          for (const r of rows) {
            const raw = r.raw as { IBAN?: unknown; AccountNumber?: unknown };
            const number = String(raw.IBAN ?? raw.AccountNumber ?? "")
              .replace(/\s+/g, "")
              .toUpperCase();
            if (!number.endsWith(typed)) continue;
            hits.push({
              ...base("bankAccount", `Bank account (${r.type})`),
              id: r.mangopayId,
              matched: `${r.type === "IBAN" ? "IBAN" : "Account number"} ending ${number.slice(-4)} · ${r.ownerName}`,
              status: r.active ? "ACTIVE" : "INACTIVE",
              userId: r.userId,
              syncedSecondsAgo: ago(r.syncedAt, nowMs),
            });
          }
        }),
    );
  }
  // A card's alias: whole (497010XXXXXX1119) or its last 4 digits.
  const alias = q.toUpperCase().replace(/\s+/g, "");
  const cardWhere = /^\d{4}$/.test(alias) ? { aliasTail: alias } : /^\d{6}X{6}\d{4}$/.test(alias) ? { alias } : null;
  if (cardWhere)
    lookups.push(
      db.mirrorCard
        .findMany({
          where: { ...where, ...cardWhere },
          select: { mangopayId: true, userId: true, alias: true, active: true, validity: true, syncedAt: true },
          take: PER_KIND,
        })
        .then((rows) => {
          for (const r of rows)
            hits.push({
              ...base("card", "Card"),
              id: r.mangopayId,
              matched: `Card ${r.alias ?? ""}`,
              status: r.active ? (r.validity ?? "ACTIVE") : "INACTIVE",
              userId: r.userId,
              syncedSecondsAgo: ago(r.syncedAt, nowMs),
            });
        }),
    );
  // A bank wire's reference, as MANGOPAY printed it (upper-case) or as typed.
  if (/^[0-9A-Za-z-]{4,64}$/.test(q))
    lookups.push(
      db.mirrorTransaction
        .findMany({
          where: { ...where, wireReference: { in: [...new Set([q, q.toUpperCase()])] } },
          select: TX_SELECT,
          take: PER_KIND,
        })
        .then((rows) => {
          for (const r of rows) hits.push(txHit(r, `Wire reference ${q.toUpperCase()}`, nowMs));
        }),
    );
  // An exact amount: the debited funds of a transaction, the disputed funds of a dispute.
  const amounts = amountFilters(q);
  for (const a of amounts ?? []) {
    const currency = a.currency === "*ZERO" ? { in: ZERO } : a.currency ? { equals: a.currency } : { notIn: ZERO };
    lookups.push(
      db.mirrorTransaction
        .findMany({
          where: { ...where, debitedMinor: BigInt(a.minor), currency },
          select: TX_SELECT,
          orderBy: { createdAt: "desc" },
          take: PER_KIND,
        })
        .then((rows) => {
          for (const r of rows) hits.push(txHit(r, "Amount", nowMs));
        }),
      db.mirrorDispute
        .findMany({
          where: { ...where, disputedMinor: BigInt(a.minor), currency },
          select: { mangopayId: true, status: true, currency: true, disputedMinor: true, syncedAt: true },
          orderBy: { createdAt: "desc" },
          take: PER_KIND,
        })
        .then((rows) => {
          for (const r of rows)
            hits.push({
              ...base("dispute", "Dispute"),
              id: r.mangopayId,
              matched: "Disputed amount",
              status: r.status,
              userId: null,
              amount: { amountMinor: Number(r.disputedMinor), currency: r.currency },
              syncedSecondsAgo: ago(r.syncedAt, nowMs),
            });
        }),
    );
  }
  if (q.length >= 2) lookups.push(findByTag(where, q, nowMs, hits));
  await Promise.all(lookups);
  // One hit per object: the first way it matched.
  const seen = new Set<string>();
  return hits.filter((h) => {
    const k = `${h.kind}:${h.id}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

async function findByTag(where: Scope, q: string, nowMs: number, hits: MirrorObjectHit[]): Promise<void> {
  const tag = { ...where, tag: tagPrefix(q) };
  const common = { mangopayId: true, tag: true, syncedAt: true } as const;
  const [usersT, walletsT, txT, banksT, cardsT, mandatesT, kycT, uboT, disputesT] = await Promise.all([
    db.mirrorUser.findMany({ where: tag, select: { ...common, status: true }, take: PER_KIND }),
    db.mirrorWallet.findMany({
      where: tag,
      select: { ...common, ownerId: true, currency: true, balanceMinor: true },
      take: PER_KIND,
    }),
    db.mirrorTransaction.findMany({ where: tag, select: { ...TX_SELECT, tag: true }, take: PER_KIND }),
    db.mirrorBankAccount.findMany({ where: tag, select: { ...common, userId: true, active: true }, take: PER_KIND }),
    db.mirrorCard.findMany({ where: tag, select: { ...common, userId: true, active: true }, take: PER_KIND }),
    db.mirrorMandate.findMany({ where: tag, select: { ...common, userId: true, status: true }, take: PER_KIND }),
    db.mirrorKycDocument.findMany({ where: tag, select: { ...common, userId: true, status: true }, take: PER_KIND }),
    db.mirrorUboDeclaration.findMany({ where: tag, select: { ...common, userId: true, status: true }, take: PER_KIND }),
    db.mirrorDispute.findMany({ where: tag, select: { ...common, status: true }, take: PER_KIND }),
  ]);
  const matched = (t: string | null) => `Tag “${t ?? ""}”`;
  for (const r of usersT)
    hits.push({
      ...base("user", "User"),
      id: r.mangopayId,
      matched: matched(r.tag),
      status: r.status,
      userId: r.mangopayId,
      syncedSecondsAgo: ago(r.syncedAt, nowMs),
    });
  for (const r of walletsT)
    hits.push({
      ...base("wallet", "Wallet"),
      id: r.mangopayId,
      matched: matched(r.tag),
      status: null,
      userId: r.ownerId,
      amount: { amountMinor: Number(r.balanceMinor), currency: r.currency },
      syncedSecondsAgo: ago(r.syncedAt, nowMs),
    });
  for (const r of txT) hits.push(txHit(r, matched(r.tag), nowMs));
  const owned = (
    kind: MirrorObjectKind,
    label: string,
    r: { mangopayId: string; tag: string | null; syncedAt: Date; userId: string | null },
    status: string | null,
  ) =>
    hits.push({
      ...base(kind, label),
      id: r.mangopayId,
      matched: matched(r.tag),
      status,
      userId: r.userId,
      syncedSecondsAgo: ago(r.syncedAt, nowMs),
    });
  for (const r of banksT) owned("bankAccount", "Bank account", r, r.active ? "ACTIVE" : "INACTIVE");
  for (const r of cardsT) owned("card", "Card", r, r.active ? "ACTIVE" : "INACTIVE");
  for (const r of mandatesT) owned("mandate", "Mandate", r, r.status);
  for (const r of kycT) owned("kycDocument", "KYC document", r, r.status);
  for (const r of uboT) owned("uboDeclaration", "UBO declaration", r, r.status);
  for (const r of disputesT) owned("dispute", "Dispute", { ...r, userId: null }, r.status);
}
