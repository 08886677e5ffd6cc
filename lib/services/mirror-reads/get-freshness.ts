import "server-only";
import { z } from "zod";
import type { AccountContext } from "@/lib/server/context-types";
import { parseInput } from "@/lib/server/errors";
import { assertCan, type AccountPermission } from "@/lib/server/permissions";
import { mirrorFreshness, type MirrorFreshness } from "./internal";

/** The mirror's views and what reading each takes (the same as the list it mirrors). */
const VIEW_PERMISSION = {
  users: "users.read",
  transactions: "transactions.read",
  events: "events.read",
  compliance: "kycDocuments.read",
  disputes: "disputes.read",
} as const satisfies Record<string, AccountPermission>;

export const GetMirrorFreshnessInput = z.object({
  view: z.enum(["users", "transactions", "events", "compliance", "disputes"]),
});
export type GetMirrorFreshnessInput = z.input<typeof GetMirrorFreshnessInput>;

/**
 * Whether this account's webhooks feed the mirror and when it last synced, for a list page that
 * offers a mirror export: shown beside it, with the permission of reading that list.
 */
export async function getMirrorFreshness({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: GetMirrorFreshnessInput;
}): Promise<MirrorFreshness> {
  const { view } = parseInput(GetMirrorFreshnessInput, input);
  assertCan(ctx, VIEW_PERMISSION[view]);
  return mirrorFreshness(ctx.hub.id, ctx.account.id);
}
