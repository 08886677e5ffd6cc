import "server-only";
import type { HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";

/**
 * Why this member may not add a production account, or null when they may: Owners with two-factor
 * authentication only. The form shows the reason; createApiAccount refuses with it.
 */
export async function productionBlockedReason(ctx: HubContext): Promise<string | null> {
  if (ctx.membership.role !== "OWNER") return "Only an Owner can add a production account.";
  const me = await (ctx.db ?? db).user.findUnique({ where: { id: ctx.actor.id }, select: { totpEnabledAt: true } });
  return me?.totpEnabledAt ? null : "Enable two-factor authentication on your profile to add a production account.";
}
