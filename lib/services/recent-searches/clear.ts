import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { writeAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { assertCan } from "@/lib/server/permissions";
import { assertMemberAccount } from "./internal";

/** Forgets every search of the member on this API account (nobody else's). */
export async function clearRecentSearches({
  ctx,
}: {
  ctx: AccountContext;
  input?: unknown;
}): Promise<{ cleared: number }> {
  assertCan(ctx, "users.read");
  return (ctx.db ?? db).$transaction(async (tx) => {
    await assertMemberAccount(tx, ctx);
    const { count } = await tx.recentSearch.deleteMany({
      where: { membershipId: ctx.membership.id, apiAccountId: ctx.account.id, apiAccount: { hubId: ctx.hub.id } },
    });
    await writeAudit(tx, ctx, {
      action: "search.recent.clear",
      target: { type: "api_account", id: ctx.account.id },
      metadata: { cleared: count },
    });
    return { cleared: count };
  });
}
