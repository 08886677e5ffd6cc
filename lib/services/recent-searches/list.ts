import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { assertCan } from "@/lib/server/permissions";
import { RECENT_SEARCHES_KEPT, type RecentSearchDTO } from "./schemas";

/** The member's own last searches on this API account, newest first. */
export async function listRecentSearches({
  ctx,
}: {
  ctx: AccountContext;
  input?: unknown;
}): Promise<RecentSearchDTO[]> {
  assertCan(ctx, "users.read");
  const rows = await (ctx.db ?? db).recentSearch.findMany({
    where: { membershipId: ctx.membership.id, apiAccountId: ctx.account.id, apiAccount: { hubId: ctx.hub.id } },
    orderBy: { searchedAt: "desc" },
    take: RECENT_SEARCHES_KEPT,
    select: { query: true, searchedAt: true },
  });
  return rows.map((r) => ({ query: r.query, searchedAt: r.searchedAt.toISOString() }));
}
