import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { assertCan, roleAccountPermissions } from "@/lib/server/permissions";
import { parseInput } from "@/lib/server/errors";
import { assertMayManageOwner, assertNotLastOwner, getMembershipInHub } from "./internal";
import { ChangeRoleInput } from "./schemas";

/**
 * Changes a member's role. Manual account grants are reset to the new role's defaults (a promotion
 * would otherwise stay capped by the old grants); SSO-sourced grants stay until the next sync.
 */
export async function changeMemberRole({ ctx, input }: { ctx: HubContext; input: ChangeRoleInput }) {
  assertCan(ctx, "hub.team.manage");
  const data = parseInput(ChangeRoleInput, input);
  return db.$transaction(
    async (tx) => {
      const member = await getMembershipInHub(tx, ctx.hub.id, data.membershipId);
      assertMayManageOwner(ctx, member.role, data.role);
      if (member.role === data.role) return { membershipId: member.id, role: member.role };
      if (member.role === "OWNER") await assertNotLastOwner(tx, ctx.hub.id, member.id);
      await tx.membership.update({
        where: { id: member.id, hubId: ctx.hub.id },
        data: { role: data.role },
        select: { id: true },
      });
      await tx.accountAccess.updateMany({
        where: { membershipId: member.id, source: "MANUAL" },
        data: { grants: roleAccountPermissions(data.role) },
      });
      await writeAudit(tx, ctx, {
        action: "team.member.change_role",
        target: { type: "membership", id: member.id },
        before: { email: member.user.email, role: member.role },
        after: { email: member.user.email, role: data.role },
      });
      return { membershipId: member.id, role: data.role };
    },
    { isolationLevel: "Serializable" },
  ); // two concurrent demotions must not both pass the last-Owner check
}
