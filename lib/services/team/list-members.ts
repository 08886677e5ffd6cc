import "server-only";
import type { HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { assertCan, type RoleName } from "@/lib/server/permissions";

export type MemberDTO = {
  membershipId: string;
  userId: string;
  email: string;
  name: string;
  role: RoleName;
  has2fa: boolean;
  isSelf: boolean;
  joinedAt: Date;
  accounts: { id: string; source: "MANUAL" | "SSO" }[];
};

export async function listMembers({ ctx }: { ctx: HubContext }): Promise<MemberDTO[]> {
  assertCan(ctx, "hub.team.manage");
  const rows = await db.membership.findMany({
    where: { hubId: ctx.hub.id },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      role: true,
      createdAt: true,
      user: { select: { id: true, email: true, name: true, totpEnabledAt: true } },
      accountAccess: { where: { apiAccount: { hubId: ctx.hub.id } }, select: { apiAccountId: true, source: true } },
    },
  });
  return rows.map((r) => ({
    membershipId: r.id,
    userId: r.user.id,
    email: r.user.email,
    name: r.user.name,
    role: r.role,
    has2fa: r.user.totpEnabledAt !== null,
    isSelf: r.id === ctx.membership.id,
    joinedAt: r.createdAt,
    accounts: r.accountAccess.map((a) => ({ id: a.apiAccountId, source: a.source })),
  }));
}
