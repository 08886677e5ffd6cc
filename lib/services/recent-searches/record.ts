import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { writeAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { assertMemberAccount } from "./internal";
import { RECENT_SEARCHES_KEPT, RecordRecentSearchInput, type RecentSearchDTO } from "./schemas";

/**
 * Remembers one search of the member on this API account (the same query moves to the top) and
 * keeps only the newest ones. A write by the member, so it is audited like every other.
 */
export async function recordRecentSearch({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: unknown;
}): Promise<RecentSearchDTO[]> {
  assertCan(ctx, "users.read");
  const { query } = parseInput(RecordRecentSearchInput, input);
  const scope = { membershipId: ctx.membership.id, apiAccountId: ctx.account.id };
  return (ctx.db ?? db).$transaction(async (tx) => {
    await assertMemberAccount(tx, ctx);
    await tx.recentSearch.upsert({
      where: { membershipId_apiAccountId_query: { ...scope, query } },
      create: { ...scope, query },
      update: { searchedAt: new Date() },
      select: { id: true },
    });
    const kept = await tx.recentSearch.findMany({
      where: scope,
      orderBy: { searchedAt: "desc" },
      take: RECENT_SEARCHES_KEPT,
      select: { id: true, query: true, searchedAt: true },
    });
    await tx.recentSearch.deleteMany({ where: { ...scope, id: { notIn: kept.map((k) => k.id) } } });
    await writeAudit(tx, ctx, { action: "search.recent.record", target: { type: "recent_search", id: query } });
    return kept.map((k) => ({ query: k.query, searchedAt: k.searchedAt.toISOString() }));
  });
}
