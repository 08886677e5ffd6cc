import "server-only";
import { Prisma } from "@/generated/prisma/client";
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

type TagRow = {
  kind: MirrorObjectKind;
  mangopayId: string;
  tag: string | null;
  syncedAt: Date;
  status: string | null;
  userId: string | null;
  active: boolean | null;
  currency: string | null;
  amountMinor: bigint | null;
  type: string | null;
  nature: string | null;
};

/**
 * Per kind: the table, and its columns as the common row (the branch's NULLs typed so that every
 * branch of the UNION has the same columns). Listed in the order hits are shown.
 */
const TAG_BRANCHES: ReadonlyArray<{ kind: MirrorObjectKind; table: string; columns: string }> = [
  {
    kind: "user",
    table: "MirrorUser",
    columns: `"status", "mangopayId" AS "userId", NULL::boolean AS "active", NULL::text AS "currency",
      NULL::bigint AS "amountMinor", NULL::text AS "type", NULL::text AS "nature"`,
  },
  {
    kind: "wallet",
    table: "MirrorWallet",
    columns: `NULL::text AS "status", "ownerId" AS "userId", NULL::boolean AS "active", "currency",
      "balanceMinor" AS "amountMinor", NULL::text AS "type", NULL::text AS "nature"`,
  },
  {
    kind: "transaction",
    table: "MirrorTransaction",
    columns: `"status", "authorId" AS "userId", NULL::boolean AS "active", "currency",
      "debitedMinor" AS "amountMinor", "type", "nature"`,
  },
  ...(
    [
      ["bankAccount", "MirrorBankAccount", true],
      ["card", "MirrorCard", true],
      ["mandate", "MirrorMandate", false],
      ["kycDocument", "MirrorKycDocument", false],
      ["uboDeclaration", "MirrorUboDeclaration", false],
    ] as const
  ).map(([kind, table, hasActive]) => ({
    kind,
    table,
    columns: `${hasActive ? `NULL::text AS "status"` : `"status"`}, "userId",
      ${hasActive ? `"active"` : `NULL::boolean AS "active"`}, NULL::text AS "currency", NULL::bigint AS "amountMinor",
      NULL::text AS "type", NULL::text AS "nature"`,
  })),
  {
    kind: "dispute",
    table: "MirrorDispute",
    columns: `"status", NULL::text AS "userId", NULL::boolean AS "active", NULL::text AS "currency",
      NULL::bigint AS "amountMinor", NULL::text AS "type", NULL::text AS "nature"`,
  },
];
const KIND_ORDER = new Map(TAG_BRANCHES.map((b, i) => [b.kind, i]));

/**
 * Objects of every kind whose Tag starts with the query, at most 10 per kind, in one statement: one
 * `LIMIT 10` branch per table, each an index range on (account, tag) narrowed by LIKE (exact prefix:
 * % and _ are themselves).
 */
async function findByTag(where: Scope, q: string, nowMs: number, hits: MirrorObjectHit[]): Promise<void> {
  const like = `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const branches = TAG_BRANCHES.map(
    (
      b,
    ) => Prisma.sql`(SELECT ${Prisma.raw(`'${b.kind}'::text`)} AS "kind", "mangopayId", "tag", "syncedAt", ${Prisma.raw(b.columns)}
      FROM ${Prisma.raw(`"${b.table}"`)}
      WHERE "apiAccountId" = ${where.apiAccountId} AND "hubId" = ${where.hubId}
        AND "tag" >= ${q} AND "tag" < ${`${q}\uffff`} AND "tag" LIKE ${like}
      LIMIT ${PER_KIND})`,
  );
  const rows = await db.$queryRaw<TagRow[]>`${Prisma.join(branches, " UNION ALL ")}`;
  rows.sort((x, y) => (KIND_ORDER.get(x.kind) ?? 0) - (KIND_ORDER.get(y.kind) ?? 0));
  for (const r of rows) {
    const matched = `Tag “${r.tag ?? ""}”`;
    const common = { id: r.mangopayId, matched, userId: r.userId, syncedSecondsAgo: ago(r.syncedAt, nowMs) };
    switch (r.kind) {
      case "transaction":
        hits.push(
          txHit(
            {
              mangopayId: r.mangopayId,
              type: r.type ?? "",
              nature: r.nature ?? "",
              status: r.status ?? "",
              authorId: r.userId,
              currency: r.currency ?? "",
              debitedMinor: r.amountMinor ?? 0n,
              syncedAt: r.syncedAt,
            },
            matched,
            nowMs,
          ),
        );
        break;
      case "wallet":
        hits.push({
          ...base("wallet", "Wallet"),
          ...common,
          status: null,
          amount: { amountMinor: Number(r.amountMinor ?? 0n), currency: r.currency ?? "" },
        });
        break;
      default:
        hits.push({
          ...base(r.kind, TAG_LABELS[r.kind]),
          ...common,
          status: r.active === null ? r.status : r.active ? "ACTIVE" : "INACTIVE",
        });
    }
  }
}

const TAG_LABELS: Record<MirrorObjectKind, string> = {
  user: "User",
  wallet: "Wallet",
  transaction: "Transaction",
  bankAccount: "Bank account",
  card: "Card",
  mandate: "Mandate",
  kycDocument: "KYC document",
  uboDeclaration: "UBO declaration",
  dispute: "Dispute",
};
