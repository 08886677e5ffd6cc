import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { findMirrorObjects, type MirrorObjectHit } from "./find-mirror-objects";

// Search in the account's local mirror (docs/mirror.md), which MANGOPAY's API cannot answer: users by
// email and names — each term a case-insensitive prefix of the stored lower-case column: a btree
// range (served by the index in any collation) narrowed by LIKE 'term%' (exact prefix semantics) —
// and other objects by IBAN last digits, card alias, wire reference, Tag and amount.

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

function prefix(term: string): Prisma.StringNullableFilter {
  return { gte: term, lt: `${term}\uffff`, startsWith: term };
}

function whereFor(query: string): Prisma.MirrorUserWhereInput[] {
  const q = query.toLowerCase();
  const any: Prisma.MirrorUserWhereInput[] = [
    { emailLower: prefix(q) },
    { firstNameLower: prefix(q) },
    { lastNameLower: prefix(q) },
    { companyNameLower: prefix(q) },
  ];
  // "Ada Lov" → first name Ada… and last name Lov…, either way round.
  const [a, b, ...rest] = q.split(/\s+/);
  if (a && b && rest.length === 0)
    any.push(
      { firstNameLower: prefix(a), lastNameLower: prefix(b) },
      { firstNameLower: prefix(b), lastNameLower: prefix(a) },
    );
  return any;
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
    db.mirrorUser.findMany({
      where: { ...scope, OR: whereFor(query) },
      select: {
        mangopayId: true,
        personType: true,
        firstName: true,
        lastName: true,
        companyName: true,
        email: true,
        status: true,
        syncedAt: true,
      },
      orderBy: [{ lastNameLower: "asc" }, { mangopayId: "asc" }],
      take: MAX_HITS,
    }),
    findMirrorObjects(scope, query),
  ]);
  const nowMs = Date.now();
  return {
    connected: endpoint !== null,
    hits: rows.map((r) => ({
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
