import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan, roleAccountPermissions } from "@/lib/server/permissions";
import { assertMayManageOwner, getMembershipInHub } from "./internal";
import { ChangeAccountAccessInput } from "./schemas";

/** Sets which API accounts a member can open; new ones start with the role's default grants. */
export async function changeMemberAccess({ ctx, input }: { ctx: HubContext; input: ChangeAccountAccessInput }) {
  assertCan(ctx, "hub.team.manage");
  const data = parseInput(ChangeAccountAccessInput, input);
  const wanted = [...new Set(data.accountIds)];
  return db.$transaction(async (tx) => {
    const member = await getMembershipInHub(tx, ctx.hub.id, data.membershipId);
    assertMayManageOwner(ctx, member.role);
    const found = await tx.apiAccount.count({ where: { hubId: ctx.hub.id, id: { in: wanted } } });
    if (found !== wanted.length) throw new NotFoundError("API account not found");
    const current = await tx.accountAccess.findMany({
      where: { membershipId: member.id, apiAccount: { hubId: ctx.hub.id } },
      select: { apiAccountId: true },
    });
    const before = current.map((a) => a.apiAccountId).sort();
    const added = wanted.filter((id) => !before.includes(id));
    const removed = before.filter((id) => !wanted.includes(id));
    if (removed.length > 0) {
      await tx.accountAccess.deleteMany({ where: { membershipId: member.id, apiAccountId: { in: removed } } });
    }
    if (added.length > 0) {
      const grants = roleAccountPermissions(member.role);
      await tx.accountAccess.createMany({
        data: added.map((apiAccountId) => ({ membershipId: member.id, apiAccountId, grants })),
      });
    }
    await writeAudit(tx, ctx, {
      action: "team.member.change_access",
      target: { type: "membership", id: member.id },
      before: { email: member.user.email, accountIds: before },
      after: { email: member.user.email, accountIds: [...wanted].sort() },
    });
    return { membershipId: member.id, added, removed };
  });
}
