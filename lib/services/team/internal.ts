import "server-only";
import type { HubContext } from "@/lib/server/context-types";
import type { Tx } from "@/lib/server/db";
import { ForbiddenError, NotFoundError, PreconditionError } from "@/lib/server/errors";

export async function getMembershipInHub(tx: Tx, hubId: string, membershipId: string) {
  const m = await tx.membership.findFirst({
    where: { id: membershipId, hubId },
    select: { id: true, role: true, userId: true, user: { select: { email: true } } },
  });
  if (!m) throw new NotFoundError("Member not found");
  return m;
}

/** Only Owners touch Owners (promote, demote, remove). */
export function assertMayManageOwner(ctx: HubContext, targetRole: string, newRole?: string): void {
  if ((targetRole === "OWNER" || newRole === "OWNER") && ctx.membership.role !== "OWNER") {
    throw new ForbiddenError("Only an Owner can grant, change or remove the Owner role.");
  }
}

/** A Hub always keeps at least one Owner. Call inside the transaction that demotes or removes one. */
export async function assertNotLastOwner(tx: Tx, hubId: string, membershipId: string): Promise<void> {
  const others = await tx.membership.count({ where: { hubId, role: "OWNER", id: { not: membershipId } } });
  if (others === 0)
    throw new PreconditionError("The last Owner cannot be removed or demoted. Make someone else Owner first.");
}
