import "server-only";
import type { HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { assertCan, type RoleName } from "@/lib/server/permissions";

export type InviteDTO = {
  id: string;
  email: string;
  role: RoleName;
  accountIds: string[];
  expiresAt: Date;
  createdAt: Date;
  isExpired: boolean;
};

/** Pending invitations (neither accepted nor revoked), expired ones flagged for a resend. */
export async function listInvites({ ctx }: { ctx: HubContext }): Promise<InviteDTO[]> {
  assertCan(ctx, "hub.team.manage");
  const rows = await db.invite.findMany({
    where: { hubId: ctx.hub.id, acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, accountIds: true, expiresAt: true, createdAt: true },
  });
  const now = Date.now();
  return rows.map((r) => ({ ...r, isExpired: r.expiresAt.getTime() <= now }));
}
