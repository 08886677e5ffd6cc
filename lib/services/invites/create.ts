import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { ConflictError, ForbiddenError, NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { deliverInvite, newInviteToken, type InviteDelivery } from "./internal";
import { CreateInviteInput } from "./schemas";

/** Invites someone by email with a role and a set of API accounts. Earlier pending invites lapse. */
export async function createInvite({
  ctx,
  input,
}: {
  ctx: HubContext;
  input: CreateInviteInput;
}): Promise<InviteDelivery> {
  assertCan(ctx, "hub.team.manage");
  const data = parseInput(CreateInviteInput, input);
  if (data.role === "OWNER" && ctx.membership.role !== "OWNER")
    throw new ForbiddenError("Only an Owner can invite an Owner.");
  const accountIds = [...new Set(data.accountIds)];
  const { token, tokenHash, expiresAt } = newInviteToken();

  const invite = await db.$transaction(async (tx) => {
    const found = await tx.apiAccount.count({ where: { hubId: ctx.hub.id, id: { in: accountIds } } });
    if (found !== accountIds.length) throw new NotFoundError("API account not found");
    const member = await tx.membership.findFirst({
      where: { hubId: ctx.hub.id, user: { email: data.email } },
      select: { id: true },
    });
    if (member) throw new ConflictError("This person is already a member of the Hub.");
    await tx.invite.updateMany({
      where: { hubId: ctx.hub.id, email: data.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const created = await tx.invite.create({
      data: {
        hubId: ctx.hub.id,
        email: data.email,
        role: data.role,
        tokenHash,
        accountIds,
        invitedById: ctx.actor.id,
        expiresAt,
      },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    await writeAudit(tx, ctx, {
      action: "team.invite.create",
      target: { type: "invite", id: created.id },
      after: { email: created.email, role: created.role, accountIds, expiresAt: created.expiresAt },
    });
    return created;
  });
  return deliverInvite(ctx, invite, token);
}
