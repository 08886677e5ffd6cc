import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { findMirrorObjects, type MirrorObjectHit } from "./find-mirror-objects";

// Search in the account's local mirror (docs/mirror.md), which MANGOPAY's API cannot answer: users by
// email and names — first those where the query is a case-insensitive prefix of the stored lower-case
// column (at most 20 per column, read in index order), then, for a query of 3 characters or more,
// those where it appears anywhere in the column (trigram indexes) — and other objects by IBAN last
// digits, card alias, wire reference, Tag and amount.

export const FindInMirrorInput = z.object({ query: z.string().trim().min(2).max(120) });
export type FindInMirrorInput = z.input<typeof FindInMirrorInput>;

export type MirrorUserHit = {
  id: string;
  personType: string;
  name: string;
  email: string | null;
  status: string | null;
  /** When this row was last re-read from MANGOPAY. */
  syncedAt: string;
  /** Seconds between that re-read and this search ("synced N seconds ago"). */
  syncedSecondsAgo: number;
};
export type MirrorSearchResult = { connected: boolean; hits: MirrorUserHit[]; objects: MirrorObjectHit[] };
export type { MirrorObjectHit };

const MAX_HITS = 20;
/** Shorter queries are matched as prefixes only: a trigram index cannot serve one or two characters. */
export const SUBSTRING_MIN_LENGTH = 3;

type UserRow = {
  mangopayId: string;
  personType: string;
  firstName: string | null;
  lastName: string | null;
  lastNameLower: string | null;
  companyName: string | null;
  email: string | null;
  status: string | null;
  syncedAt: Date;
  /** Found by a substring branch (listed after the prefix hits). */
  bySubstring: boolean;
};
type PrefixColumn = "emailLower" | "firstNameLower" | "lastNameLower" | "companyNameLower";

/** `term` with LIKE's wildcards and escape character read as themselves. */
function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `col` starts with `term`: the btree range (any collation) narrowed by LIKE (exact prefix semantics). */
function startsWith(column: PrefixColumn, term: string): Prisma.Sql {
  const col = Prisma.raw(`"${column}"`);
  const like = `${escapeLike(term)}%`;
  return Prisma.sql`${col} >= ${term} AND ${col} < ${`${term}\uffff`} AND ${col} LIKE ${like}`;
}

/**
 * `term` is inside `col` but not at its start (those rows are the prefix branch's): `LIKE '%term%'`,
 * served by the column's trigram index (pg_trgm, `gin_trgm_ops`).
 */
function containsNotAtStart(column: PrefixColumn, term: string): Prisma.Sql {
  const col = Prisma.raw(`"${column}"`);
  const escaped = escapeLike(term);
  return Prisma.sql`${col} LIKE ${`%${escaped}%`} AND ${col} NOT LIKE ${`${escaped}%`}`;
}

const COLUMNS = ["emailLower", "firstNameLower", "lastNameLower", "companyNameLower"] as const;

/**
 * One `ORDER BY column, id LIMIT 20` per way of matching, in one statement: each prefix branch walks
 * its (account, column, MANGOPAY id) index from the prefix and stops at 20 rows, however many users
 * share the prefix. "Ada Lov" → first name Ada… and last name Lov…, either way round. A query of 3
 * characters or more adds one substring branch per column (its trigram index finds the rows, which
 * are sorted). Every branch is scoped to the account.
 */
function matchingUsers(scope: { hubId: string; apiAccountId: string }, query: string): Promise<UserRow[]> {
  const q = query.toLowerCase();
  const ways: Array<{ order: PrefixColumn; where: Prisma.Sql; bySubstring?: true }> = COLUMNS.map((column) => ({
    order: column,
    where: startsWith(column, q),
  }));
  if (q.length >= SUBSTRING_MIN_LENGTH)
    for (const column of COLUMNS) ways.push({ order: column, where: containsNotAtStart(column, q), bySubstring: true });
  const [a, b, ...rest] = q.split(/\s+/);
  if (a && b && rest.length === 0)
    ways.push(
      {
        order: "lastNameLower",
        where: Prisma.sql`${startsWith("lastNameLower", b)} AND ${startsWith("firstNameLower", a)}`,
      },
      {
        order: "lastNameLower",
        where: Prisma.sql`${startsWith("lastNameLower", a)} AND ${startsWith("firstNameLower", b)}`,
      },
    );
  const branches = ways.map(
    (way) => Prisma.sql`(SELECT "mangopayId", "personType", "firstName", "lastName", "lastNameLower",
        "companyName", "email", "status", "syncedAt", ${Prisma.raw(way.bySubstring ? "true" : "false")} AS "bySubstring"
      FROM "MirrorUser"
      WHERE "apiAccountId" = ${scope.apiAccountId} AND "hubId" = ${scope.hubId} AND ${way.where}
      ORDER BY ${Prisma.raw(`"${way.order}"`)}, "mangopayId" LIMIT ${MAX_HITS})`,
  );
  return db.$queryRaw<UserRow[]>`${Prisma.join(branches, " UNION ")}`;
}

/** Last name (none last), then MANGOPAY id: the order hits are listed in. */
function byLastName(x: UserRow, y: UserRow): number {
  if (x.lastNameLower !== y.lastNameLower) {
    if (x.lastNameLower === null) return 1;
    if (y.lastNameLower === null) return -1;
    return x.lastNameLower < y.lastNameLower ? -1 : 1;
  }
  return x.mangopayId < y.mangopayId ? -1 : x.mangopayId > y.mangopayId ? 1 : 0;
}

/**
 * Prefix hits (by last name), then substring hits (by last name), 20 at most. UNION already made
 * each user one row per kind of hit; a user found both ways is a prefix hit.
 */
function listed(rows: UserRow[]): UserRow[] {
  const prefix = rows.filter((r) => !r.bySubstring).sort(byLastName);
  const prefixIds = new Set(prefix.map((r) => r.mangopayId));
  const substring = rows.filter((r) => r.bySubstring && !prefixIds.has(r.mangopayId)).sort(byLastName);
  return [...prefix, ...substring].slice(0, MAX_HITS);
}

/**
 * Users of this account whose email, first, last or company name starts with the query — or, for 3
 * characters or more, contains it — and objects matching it otherwise.
 */
export async function findInMirror({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: FindInMirrorInput;
}): Promise<MirrorSearchResult> {
  assertCan(ctx, "users.read");
  const { query } = parseInput(FindInMirrorInput, input);
  const scope = { hubId: ctx.hub.id, apiAccountId: ctx.account.id };
  const [endpoint, rows, objects] = await Promise.all([
    db.webhookEndpoint.findFirst({ where: scope, select: { id: true } }),
    matchingUsers(scope, query),
    findMirrorObjects(scope, query),
  ]);
  const nowMs = Date.now();
  return {
    connected: endpoint !== null,
    hits: listed(rows).map((r) => ({
      id: r.mangopayId,
      personType: r.personType,
      name: r.personType === "LEGAL" ? (r.companyName ?? "") : [r.firstName, r.lastName].filter(Boolean).join(" "),
      email: r.email,
      status: r.status,
      syncedAt: r.syncedAt.toISOString(),
      syncedSecondsAgo: Math.max(0, Math.round((nowMs - r.syncedAt.getTime()) / 1000)),
    })),
    objects,
  };
}
