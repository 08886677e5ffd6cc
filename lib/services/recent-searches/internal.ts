import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import type { Tx } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";

/** Tenancy: the account must be this Hub's and open to this member (a forged context is a miss). */
export async function assertMemberAccount(tx: Tx, ctx: AccountContext): Promise<void> {
  const account = await tx.apiAccount.findFirst({
    where: { id: ctx.account.id, hubId: ctx.hub.id, access: { some: { membershipId: ctx.membership.id } } },
    select: { id: true },
  });
  if (!account) throw new NotFoundError("API account not found");
}
