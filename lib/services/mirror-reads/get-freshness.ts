import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { mirrorFreshness, type MirrorFreshness } from "./internal";

/**
 * Whether this account's webhooks feed the mirror and when it last synced: shown beside every list,
 * chart and export link built from the mirror. Any member of the account may see it (a timestamp only).
 */
export async function getMirrorFreshness({ ctx }: { ctx: AccountContext }): Promise<MirrorFreshness> {
  return mirrorFreshness(ctx.hub.id, ctx.account.id);
}
