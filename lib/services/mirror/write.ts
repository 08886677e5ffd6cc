import "server-only";
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
import { execute, type MirrorTx } from "./sql";

// Writing mirror kinds' rows inside the caller's transaction (which writes the audit row): shared by
// webhook processing, the backfill and reconciliation. Each kind's rows are one statement, whether the
// transaction is Prisma's (`tx`) or a client of the pool under it (the backfill's pages).

type SqlType = "text" | "bigint" | "boolean" | "timestamp(3)" | "jsonb";
type Columns<R> = Record<Exclude<keyof R, "hubId" | "apiAccountId" | "mangopayId" | "syncedAt">, SqlType>;
type Kind<R> = {
  table: string;
  columns: Columns<R>;
  /** What an update sets where it is not simply the new row's value (SQL over `m`, the row held, and `excluded`). */
  onUpdate?: Partial<Record<keyof Columns<R>, string>>;
};
const kind = <I, R>(row: (scope: Scope, item: I, syncedAt: Date) => R, k: Kind<R>) => ({ row, ...k });

// The mandate's bank account, scheme and reference come with a full read only: a list row keeps those
// of an earlier full read.
const fromFullMandate = (column: string) =>
  `CASE WHEN coalesce(excluded."bankAccountId", '') <> '' THEN excluded."${column}" ELSE m."${column}" END`;

const KINDS = {
  user: kind(userRow, {
    table: "MirrorUser",
    columns: {
      personType: "text",
      email: "text",
      emailLower: "text",
      firstName: "text",
      firstNameLower: "text",
      lastName: "text",
      lastNameLower: "text",
      companyName: "text",
      companyNameLower: "text",
      status: "text",
      tag: "text",
      createdAt: "timestamp(3)",
      raw: "jsonb",
    },
  }),
  wallet: kind(walletRow, {
    table: "MirrorWallet",
    columns: {
      ownerId: "text",
      currency: "text",
      balanceMinor: "bigint",
      description: "text",
      tag: "text",
      createdAt: "timestamp(3)",
      raw: "jsonb",
    },
  }),
  transaction: kind(transactionRow, {
    table: "MirrorTransaction",
    columns: {
      type: "text",
      nature: "text",
      status: "text",
      paymentType: "text",
      authorId: "text",
      creditedUserId: "text",
      debitedWalletId: "text",
      creditedWalletId: "text",
      currency: "text",
      debitedMinor: "bigint",
      creditedMinor: "bigint",
      feesMinor: "bigint",
      resultCode: "text",
      tag: "text",
      wireReference: "text",
      createdAt: "timestamp(3)",
      executedAt: "timestamp(3)",
      raw: "jsonb",
    },
    // A list row lacks PaymentType and WireReference: it does not erase what a full read stored.
    onUpdate: {
      paymentType: `coalesce(excluded."paymentType", m."paymentType")`,
      wireReference: `coalesce(excluded."wireReference", m."wireReference")`,
    },
  }),
  kycDocument: kind(kycDocumentRow, {
    table: "MirrorKycDocument",
    columns: {
      userId: "text",
      type: "text",
      status: "text",
      refusedReasonType: "text",
      tag: "text",
      createdAt: "timestamp(3)",
      processedAt: "timestamp(3)",
      raw: "jsonb",
    },
  }),
  uboDeclaration: kind(uboDeclarationRow, {
    table: "MirrorUboDeclaration",
    columns: {
      userId: "text",
      status: "text",
      reason: "text",
      tag: "text",
      createdAt: "timestamp(3)",
      processedAt: "timestamp(3)",
      raw: "jsonb",
    },
  }),
  dispute: kind(disputeRow, {
    table: "MirrorDispute",
    columns: {
      initialTransactionId: "text",
      disputeType: "text",
      status: "text",
      resultCode: "text",
      currency: "text",
      disputedMinor: "bigint",
      contestDeadline: "timestamp(3)",
      tag: "text",
      createdAt: "timestamp(3)",
      closedAt: "timestamp(3)",
      raw: "jsonb",
    },
  }),
  bankAccount: kind(bankAccountRow, {
    table: "MirrorBankAccount",
    columns: {
      userId: "text",
      type: "text",
      ownerName: "text",
      accountTail: "text",
      country: "text",
      active: "boolean",
      tag: "text",
      createdAt: "timestamp(3)",
      raw: "jsonb",
    },
  }),
  card: kind(cardRow, {
    table: "MirrorCard",
    columns: {
      userId: "text",
      alias: "text",
      aliasTail: "text",
      cardType: "text",
      currency: "text",
      expirationDate: "text",
      fingerprint: "text",
      active: "boolean",
      validity: "text",
      tag: "text",
      createdAt: "timestamp(3)",
      raw: "jsonb",
    },
  }),
  mandate: kind(mandateRow, {
    table: "MirrorMandate",
    columns: {
      userId: "text",
      bankAccountId: "text",
      status: "text",
      scheme: "text",
      bankReference: "text",
      tag: "text",
      createdAt: "timestamp(3)",
      raw: "jsonb",
    },
    onUpdate: {
      bankAccountId: fromFullMandate("bankAccountId"),
      scheme: fromFullMandate("scheme"),
      bankReference: fromFullMandate("bankReference"),
    },
  }),
} satisfies { [K in MirrorKindName]: { row: (scope: Scope, item: MirrorItems[K], syncedAt: Date) => unknown } };

/**
 * The statement of a kind: its rows come as one JSON array ($1; keys that are not columns, such as
 * the scope, are ignored), the scope and read time as $2–$4; a new row's id is a random UUID.
 */
function upsertSql(k: { table: string; columns: Record<string, SqlType>; onUpdate?: Record<string, string> }): string {
  const names = Object.keys(k.columns);
  const q = (c: string) => `"${c}"`;
  const record = [`"mangopayId" text`, ...names.map((c) => `${q(c)} ${k.columns[c]}`)].join(", ");
  const set = [...names, "hubId", "syncedAt"]
    .map((c) => `${q(c)} = ${k.onUpdate?.[c] ?? `excluded.${q(c)}`}`)
    .join(", ");
  return `INSERT INTO "${k.table}" AS m ("id", "hubId", "apiAccountId", "mangopayId", ${names.map(q).join(", ")}, "syncedAt")
    SELECT gen_random_uuid()::text, $2, $3, r."mangopayId", ${names.map((c) => `r.${q(c)}`).join(", ")}, $4::timestamp(3)
    FROM jsonb_to_recordset($1::jsonb) AS r(${record})
    ON CONFLICT ("apiAccountId", "mangopayId") DO UPDATE SET ${set}
    WHERE m."syncedAt" <= excluded."syncedAt"`;
}
const STATEMENTS = new Map(Object.entries(KINDS).map(([name, k]) => [name, upsertSql(k)]));

/** A row as JSON: BigInt as a string (jsonb_to_recordset reads it into a bigint column), dates as ISO UTC. */
const rowJson = (row: unknown) => JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));

/**
 * Upserts each object into its kind's table, one statement per kind (unique on account and MANGOPAY
 * id: a repeat changes nothing). A row already holding a later read (syncedAt) is left as it is; the
 * same object twice in one batch (a transfer listed for both its users): the last one wins.
 * Timestamps are written as UTC (`timestamp(3)`, as Prisma writes them), whatever the session's zone.
 * Each row is turned into its JSON at once and not kept: a backfill page's rows held across the
 * statements were promoted to V8's old generation, page after page.
 */
export async function writeMirrorItems(tx: MirrorTx, scope: Scope, items: MirrorItem[], syncedAt: Date): Promise<void> {
  for (const [name, k] of Object.entries(KINDS) as [MirrorKindName, (typeof KINDS)[MirrorKindName]][]) {
    const byId = new Map<string, string>();
    const row = k.row as (scope: Scope, item: unknown, syncedAt: Date) => unknown;
    for (const it of items) if (it.kind === name) byId.set(it.item.Id, rowJson(row(scope, it.item, syncedAt)));
    if (byId.size === 0) continue;
    const rows = `[${[...byId.values()].join(",")}]`;
    byId.clear();
    await execute(tx, STATEMENTS.get(name) ?? "", [rows, scope.hubId, scope.apiAccountId, syncedAt.toISOString()]);
  }
}
