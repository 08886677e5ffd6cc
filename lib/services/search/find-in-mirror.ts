import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { findMirrorObjects, type MirrorObjectHit } from "./find-mirror-objects";

// Search in the account's local mirror (docs/mirror.md), which MANGOPAY's API cannot answer: users by
// email and names — each term a case-insensitive prefix of the stored lower-case column, at most 20
// per column read in index order — and other objects by IBAN last digits, card alias, wire
// reference, Tag and amount.

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
};
type PrefixColumn = "emailLower" | "firstNameLower" | "lastNameLower" | "companyNameLower";

/** `col` starts with `term`: the btree range (any collation) narrowed by LIKE (exact prefix semantics). */
function startsWith(column: PrefixColumn, term: string): Prisma.Sql {
  const col = Prisma.raw(`"${column}"`);
  const like = `${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return Prisma.sql`${col} >= ${term} AND ${col} < ${`${term}\uffff`} AND ${col} LIKE ${like}`;
}

/**
 * One index-ordered `LIMIT 20` per way of matching, in one statement: each branch walks its
 * (account, column, MANGOPAY id) index from the prefix and stops at 20 rows, however many users
 * share the prefix. "Ada Lov" → first name Ada… and last name Lov…, either way round.
 */
function matchingUsers(scope: { hubId: string; apiAccountId: string }, query: string): Promise<UserRow[]> {
  const q = query.toLowerCase();
  const ways: Array<{ order: PrefixColumn; where: Prisma.Sql }> = (
    ["emailLower", "firstNameLower", "lastNameLower", "companyNameLower"] as const
  ).map((column) => ({ order: column, where: startsWith(column, q) }));
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
    ({ order, where }) => Prisma.sql`(SELECT "mangopayId", "personType", "firstName", "lastName", "lastNameLower",
        "companyName", "email", "status", "syncedAt"
      FROM "MirrorUser"
      WHERE "apiAccountId" = ${scope.apiAccountId} AND "hubId" = ${scope.hubId} AND ${where}
      ORDER BY ${Prisma.raw(`"${order}"`)}, "mangopayId" LIMIT ${MAX_HITS})`,
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

/** Users of this account whose email, first, last or company name starts with the query, and objects matching it otherwise. */
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
    hits: rows
      .sort(byLastName)
      .slice(0, MAX_HITS)
      .map((r) => ({
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
