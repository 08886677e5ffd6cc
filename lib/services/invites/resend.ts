import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { ForbiddenError, NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { deliverInvite, newInviteToken, type InviteDelivery } from "./internal";
import { InviteIdInput } from "./schemas";

/** Issues a fresh token (the old link stops working) and restarts the 7-day expiry. */
export async function resendInvite({ ctx, input }: { ctx: HubContext; input: InviteIdInput }): Promise<InviteDelivery> {
  assertCan(ctx, "hub.team.manage");
  const data = parseInput(InviteIdInput, input);
  const { token, tokenHash, expiresAt } = newInviteToken();
  const invite = await db.$transaction(async (tx) => {
    const current = await tx.invite.findFirst({
      where: { id: data.inviteId, hubId: ctx.hub.id, acceptedAt: null, revokedAt: null },
      select: { id: true, role: true, expiresAt: true },
    });
    if (!current) throw new NotFoundError("Invitation not found");
    if (current.role === "OWNER" && ctx.membership.role !== "OWNER")
      throw new ForbiddenError("Only an Owner can resend an Owner invitation.");
    const updated = await tx.invite.update({
      where: { id: current.id, hubId: ctx.hub.id },
      data: { tokenHash, expiresAt },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    await writeAudit(tx, ctx, {
      action: "team.invite.resend",
      target: { type: "invite", id: updated.id },
      before: { expiresAt: current.expiresAt },
      after: { expiresAt: updated.expiresAt },
    });
    return updated;
  });
  return deliverInvite(ctx, invite, token);
}
