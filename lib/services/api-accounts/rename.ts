import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { HubContext } from "@/lib/server/context";
import { db } from "@/lib/server/db";
import { assertCan } from "@/lib/server/permissions";
import { parseInput } from "@/lib/server/errors";
import type { ApiAccountDTO } from "./dto";
import { API_ACCOUNT_SELECT, getAccountInHub } from "./internal";
import { RenameApiAccountInput } from "./schemas";

export async function renameApiAccount({ ctx, input }: { ctx: HubContext; input: RenameApiAccountInput }): Promise<ApiAccountDTO> {
  assertCan(ctx, "hub.accounts.manage");
  const data = parseInput(RenameApiAccountInput, input);
  return db.$transaction(async (tx) => {
    const before = await getAccountInHub(tx, ctx.hub.id, data.accountId);
    const account = await tx.apiAccount.update({
      where: { id: before.id, hubId: ctx.hub.id },
      data: { name: data.name },
      select: API_ACCOUNT_SELECT,
    });
    await writeAudit(tx, {
      hubId: ctx.hub.id,
      apiAccountId: account.id,
      actor: { userId: ctx.actor.id, email: ctx.actor.email },
      action: "api_account.rename",
      target: { type: "api_account", id: account.id },
      request: ctx.request,
      before: { name: before.name },
      after: { name: account.name },
    });
    return account;
  });
}
