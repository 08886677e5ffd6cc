import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { ForbiddenError, NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { InviteIdInput } from "./schemas";

export async function revokeInvite({ ctx, input }: { ctx: HubContext; input: InviteIdInput }): Promise<{ id: string }> {
  assertCan(ctx, "hub.team.manage");
  const data = parseInput(InviteIdInput, input);
  return db.$transaction(async (tx) => {
    const invite = await tx.invite.findFirst({
      where: { id: data.inviteId, hubId: ctx.hub.id, acceptedAt: null, revokedAt: null },
      select: { id: true, email: true, role: true },
    });
    if (!invite) throw new NotFoundError("Invitation not found");
    if (invite.role === "OWNER" && ctx.membership.role !== "OWNER")
      throw new ForbiddenError("Only an Owner can revoke an Owner invitation.");
    await tx.invite.update({
      where: { id: invite.id, hubId: ctx.hub.id },
      data: { revokedAt: new Date() },
      select: { id: true },
    });
    await writeAudit(tx, ctx, {
      action: "team.invite.revoke",
      target: { type: "invite", id: invite.id },
      before: { email: invite.email, role: invite.role },
    });
    return { id: invite.id };
  });
}
