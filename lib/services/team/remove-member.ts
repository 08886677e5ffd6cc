import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { assertCan } from "@/lib/server/permissions";
import { parseInput } from "@/lib/server/errors";
import { assertMayManageOwner, assertNotLastOwner, getMembershipInHub } from "./internal";
import { RemoveMemberInput } from "./schemas";

/** Removes a member from the Hub with all their account access; the user account itself remains. */
export async function removeMember({
  ctx,
  input,
}: {
  ctx: HubContext;
  input: RemoveMemberInput;
}): Promise<{ membershipId: string }> {
  assertCan(ctx, "hub.team.manage");
  const data = parseInput(RemoveMemberInput, input);
  return db.$transaction(
    async (tx) => {
      const member = await getMembershipInHub(tx, ctx.hub.id, data.membershipId);
      assertMayManageOwner(ctx, member.role);
      if (member.role === "OWNER") await assertNotLastOwner(tx, ctx.hub.id, member.id);
      await tx.membership.delete({ where: { id: member.id, hubId: ctx.hub.id }, select: { id: true } });
      await writeAudit(tx, ctx, {
        action: "team.member.remove",
        target: { type: "membership", id: member.id },
        before: { email: member.user.email, role: member.role },
      });
      return { membershipId: member.id };
    },
    { isolationLevel: "Serializable" },
  ); // two concurrent demotions must not both pass the last-Owner check
}
