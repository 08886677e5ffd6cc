import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { ForbiddenError, parseInput, ValidationError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { auditSnapshot } from "./dto";
import { getAccountInHub } from "./internal";
import { deleteMirror } from "@/lib/services/mirror/delete-mirror";
import { DeleteApiAccountInput } from "./schemas";

/**
 * Removes the account, its stored key, every member's access to it, and its local mirror (rows,
 * events, webhook pings, receiver endpoint, backfill state) — the audit trail stays.
 */
export async function deleteApiAccount({
  ctx,
  input,
}: {
  ctx: HubContext;
  input: DeleteApiAccountInput;
}): Promise<{ id: string }> {
  assertCan(ctx, "hub.accounts.manage");
  const data = parseInput(DeleteApiAccountInput, input);
  return db.$transaction(async (tx) => {
    const account = await getAccountInHub(tx, ctx.hub.id, data.accountId);
    if (account.environment === "PRODUCTION" && ctx.membership.role !== "OWNER") {
      throw new ForbiddenError("Only an Owner can delete a production account.");
    }
    if (data.confirmName !== account.name) {
      throw new ValidationError("The name does not match.", { confirmName: ["Type the account name exactly"] });
    }
    await tx.apiAccount.delete({ where: { id: account.id, hubId: ctx.hub.id }, select: { id: true } });
    const mirror = await deleteMirror(tx, { hubId: ctx.hub.id, apiAccountId: account.id });
    await writeAudit(tx, ctx, {
      apiAccountId: account.id,
      action: "api_account.delete",
      target: { type: "api_account", id: account.id },
      before: auditSnapshot(account),
      metadata: { mirrorRowsDeleted: mirror },
    });
    return { id: account.id };
  });
}
