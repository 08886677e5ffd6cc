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
type SearchedColumn = "emailLower" | "firstNameLower" | "lastNameLower" | "companyNameLower";

/** `term` with LIKE's wildcards and escape character read as themselves. */
function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `col` starts with `term`: the btree range (any collation) narrowed by LIKE (exact prefix semantics). */
function startsWith(column: SearchedColumn, term: string): Prisma.Sql {
  const col = Prisma.raw(`"${column}"`);
  const like = `${escapeLike(term)}%`;
  return Prisma.sql`${col} >= ${term} AND ${col} < ${`${term}\uffff`} AND ${col} LIKE ${like}`;
}

/**
 * `term` is inside `col` but not at its start (those rows are the prefix branch's): `LIKE '%term%'`,
 * served by the column's trigram index (pg_trgm, `gin_trgm_ops`).
 */
function containsNotAtStart(column: SearchedColumn, term: string): Prisma.Sql {
  const col = Prisma.raw(`"${column}"`);
  const escaped = escapeLike(term);
  return Prisma.sql`${col} LIKE ${`%${escaped}%`} AND ${col} NOT LIKE ${`${escaped}%`}`;
}

const COLUMNS = ["emailLower", "firstNameLower", "lastNameLower", "companyNameLower"] as const;

type Scope = { hubId: string; apiAccountId: string };

/** One branch: this account's users matching `where`, the first 20 by `order` (then MANGOPAY id). */
function branch(scope: Scope, where: Prisma.Sql, order: Prisma.Sql, bySubstring: boolean): Prisma.Sql {
  return Prisma.sql`(SELECT "mangopayId", "personType", "firstName", "lastName", "lastNameLower", "companyName",
      "email", "status", "syncedAt", ${Prisma.raw(bySubstring ? "true" : "false")} AS "bySubstring"
    FROM "MirrorUser"
    WHERE "apiAccountId" = ${scope.apiAccountId} AND "hubId" = ${scope.hubId} AND ${where}
    ORDER BY ${order}, "mangopayId" LIMIT ${MAX_HITS})`;
}

/**
 * One `ORDER BY column, id LIMIT 20` per way of matching, in one statement. Each prefix branch walks
 * its (account, column, MANGOPAY id) index from the prefix and stops at 20 rows, however many users
 * share the prefix. "Ada Lov" → first name Ada… and last name Lov…, either way round.
 *
 * A query of 3 characters or more adds one substring branch per column, run only when the prefix
 * branches found fewer than 20 users (prefix hits are listed first, so more would not be shown): the
 * column's trigram index finds the rows, which are sorted. The sort is `COLLATE "C"` so that no btree
 * can give that order: otherwise the planner may walk the (account, column) index in order, testing
 * LIKE on every row until 20 match — the whole account for a rare term.
 */
function matchingUsers(scope: Scope, query: string): Promise<UserRow[]> {
  const q = query.toLowerCase();
  const column = (c: SearchedColumn) => Prisma.raw(`"${c}"`);
  const prefix = COLUMNS.map((c) => branch(scope, startsWith(c, q), column(c), false));
  const [a, b, ...rest] = q.split(/\s+/);
  if (a && b && rest.length === 0)
    for (const [first, last] of [
      [a, b],
      [b, a],
    ] as const)
      prefix.push(
        branch(
          scope,
          Prisma.sql`${startsWith("lastNameLower", last)} AND ${startsWith("firstNameLower", first)}`,
          column("lastNameLower"),
          false,
        ),
      );
  if (q.length < SUBSTRING_MIN_LENGTH) return db.$queryRaw<UserRow[]>`${Prisma.join(prefix, " UNION ")}`;
  const inside = COLUMNS.map((c) =>
    branch(scope, containsNotAtStart(c, q), Prisma.sql`${column(c)} COLLATE "C"`, true),
  );
  return db.$queryRaw<UserRow[]>`WITH prefix AS (${Prisma.join(prefix, " UNION ")})
    SELECT * FROM prefix
    UNION ALL
    SELECT * FROM (${Prisma.join(inside, " UNION ")}) AS inside WHERE (SELECT count(*) FROM prefix) < ${MAX_HITS}`;
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
