import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { getAccountInHub } from "./internal";
import { SetEventRetentionInput } from "./schemas";

/**
 * How many days the local mirror keeps this account's events; the daily retention job deletes older
 * ones. An account setting, so it takes the permission that renames the account and rotates its key.
 */
export async function setEventRetention({
  ctx,
  input,
}: {
  ctx: HubContext;
  input: SetEventRetentionInput;
}): Promise<{ id: string; eventRetentionDays: number }> {
  assertCan(ctx, "hub.accounts.manage");
  const data = parseInput(SetEventRetentionInput, input);
  return db.$transaction(async (tx) => {
    const account = await getAccountInHub(tx, ctx.hub.id, data.accountId);
    const before = await tx.apiAccount.findFirstOrThrow({
      where: { id: account.id, hubId: ctx.hub.id },
      select: { eventRetentionDays: true },
    });
    const after = await tx.apiAccount.update({
      where: { id: account.id, hubId: ctx.hub.id },
      data: { eventRetentionDays: data.days },
      select: { id: true, eventRetentionDays: true },
    });
    await writeAudit(tx, ctx, {
      apiAccountId: account.id,
      action: "api_account.event_retention.update",
      target: { type: "api_account", id: account.id },
      before: { eventRetentionDays: before.eventRetentionDays },
      after: { eventRetentionDays: after.eventRetentionDays },
    });
    return after;
  });
}
