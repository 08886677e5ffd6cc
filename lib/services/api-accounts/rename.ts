import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { assertCan } from "@/lib/server/permissions";
import { parseInput } from "@/lib/server/errors";
import type { ApiAccountDTO } from "./dto";
import { API_ACCOUNT_SELECT, getAccountInHub } from "./internal";
import { RenameApiAccountInput } from "./schemas";

export async function renameApiAccount({
  ctx,
  input,
}: {
  ctx: HubContext;
  input: RenameApiAccountInput;
}): Promise<ApiAccountDTO> {
  assertCan(ctx, "hub.accounts.manage");
  const data = parseInput(RenameApiAccountInput, input);
  return db.$transaction(async (tx) => {
    const before = await getAccountInHub(tx, ctx.hub.id, data.accountId);
    const account = await tx.apiAccount.update({
      where: { id: before.id, hubId: ctx.hub.id },
      data: { name: data.name },
      select: API_ACCOUNT_SELECT,
    });
    await writeAudit(tx, ctx, {
      apiAccountId: account.id,
      action: "api_account.rename",
      target: { type: "api_account", id: account.id },
      before: { name: before.name },
      after: { name: account.name },
    });
    return account;
  });
}
