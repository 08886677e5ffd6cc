import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { assertCan, roleAccountPermissions, type AccountPermission, type RoleName } from "@/lib/server/permissions";

export type AccountMemberDTO = {
  membershipId: string;
  email: string;
  name: string;
  role: RoleName;
  isSelf: boolean;
  source: "MANUAL" | "SSO";
  grants: string[];
  /** What the role allows: the only permissions that may be granted (effective = role ∩ grants). */
  allowed: AccountPermission[];
};

/** Members with access to this API account, with their grants there. */
export async function listAccountMembers({ ctx }: { ctx: AccountContext }): Promise<AccountMemberDTO[]> {
  assertCan(ctx, "dashboard.permissions.manage");
  const rows = await db.accountAccess.findMany({
    where: { apiAccountId: ctx.account.id, apiAccount: { hubId: ctx.hub.id }, membership: { hubId: ctx.hub.id } },
    orderBy: { createdAt: "asc" },
    select: {
      grants: true,
      source: true,
      membership: { select: { id: true, role: true, user: { select: { email: true, name: true } } } },
    },
  });
  return rows.map((r) => ({
    membershipId: r.membership.id,
    email: r.membership.user.email,
    name: r.membership.user.name,
    role: r.membership.role,
    isSelf: r.membership.id === ctx.membership.id,
    source: r.source,
    grants: r.grants,
    allowed: roleAccountPermissions(r.membership.role),
  }));
}
