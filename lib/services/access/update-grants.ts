import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { ForbiddenError, NotFoundError, parseInput, ValidationError } from "@/lib/server/errors";
import { assertCan, roleAccountPermissions } from "@/lib/server/permissions";
import { UpdateGrantsInput } from "./schemas";

/**
 * Fine-tunes one member's permissions on this API account only. Grants outside the member's role
 * are refused (they could never be effective). The row becomes MANUAL: an SSO sync may replace it.
 */
export async function updateAccountGrants({ ctx, input }: { ctx: AccountContext; input: UpdateGrantsInput }) {
  assertCan(ctx, "dashboard.permissions.manage");
  const data = parseInput(UpdateGrantsInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const grants = [...new Set(data.grants)].sort();
  return db.$transaction(async (tx) => {
    const access = await tx.accountAccess.findFirst({
      where: {
        apiAccountId: ctx.account.id,
        apiAccount: { hubId: ctx.hub.id },
        membershipId: data.membershipId,
        membership: { hubId: ctx.hub.id },
      },
      select: {
        id: true,
        grants: true,
        source: true,
        membership: { select: { id: true, role: true, user: { select: { email: true } } } },
      },
    });
    if (!access) throw new NotFoundError("Member not found on this API account");
    if (access.membership.role === "OWNER" && ctx.membership.role !== "OWNER") {
      throw new ForbiddenError("Only an Owner can change an Owner's permissions.");
    }
    const allowed = new Set<string>(roleAccountPermissions(access.membership.role));
    const refused = grants.filter((g) => !allowed.has(g));
    if (refused.length > 0) {
      throw new ValidationError("Some permissions are not part of this member's role.", {
        grants: refused.map((g) => `Not allowed: ${g}`),
      });
    }
    await tx.accountAccess.update({
      where: { id: access.id },
      data: { grants, source: "MANUAL" },
      select: { id: true },
    });
    await writeAudit(tx, ctx, {
      action: "access.grants.update",
      target: { type: "membership", id: access.membership.id },
      before: { email: access.membership.user.email, grants: [...access.grants].sort(), source: access.source },
      after: { email: access.membership.user.email, grants, source: "MANUAL" },
    });
    return { membershipId: access.membership.id, grants };
  });
}
