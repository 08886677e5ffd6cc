import "server-only";
import type { UserContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { parseInput, PreconditionError } from "@/lib/server/errors";
import { getSecurityUser, refuseSpentSecondFactor, requirePassword, requireSecondFactor } from "./internal";
import { DisableTotpInput } from "./schemas";
import { claimSecondFactor } from "./second-factor";
import { writeUserAudit } from "./audit-user";

/**
 * Turns 2FA off after re-authentication: the current password and a current code (or a recovery
 * code, for a lost device). Refused while any of the user's Hubs requires 2FA.
 */
export async function disableTotp({
  ctx,
  input,
}: {
  ctx: UserContext;
  input: unknown;
}): Promise<{ disabled: true; sessionVersion: number }> {
  const { password, code } = parseInput(DisableTotpInput, input);
  const user = await getSecurityUser(ctx);
  if (!user.totpEnabledAt) throw new PreconditionError("Two-factor authentication is not on.");
  const client = ctx.db ?? db;
  const requiring = await client.membership.findFirst({
    where: { userId: user.id, hub: { require2fa: true } },
    select: { hub: { select: { name: true } } },
  });
  if (requiring)
    throw new PreconditionError(`${requiring.hub.name} requires two-factor authentication for every member.`);

  await requirePassword(ctx, user, password, "auth.totp.disable");
  const factor = await requireSecondFactor(ctx, user, code, "auth.totp.disable");

  const done = await client.$transaction(async (tx) => {
    // Spent first: when a concurrent request spent the code, nothing is written.
    if (!(await claimSecondFactor(tx, factor, user.id))) return false;
    // Changing 2FA ends every other session (the caller moves this one to the new version).
    await tx.user.update({
      where: { id: user.id },
      data: { totpSecretEnc: null, totpEnabledAt: null, sessionVersion: { increment: 1 } },
      select: { id: true },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await writeUserAudit(tx, ctx, {
      action: "auth.totp.disable",
      target: { type: "user", id: user.id },
      metadata: {
        method: factor.method,
        sessionVersion: user.sessionVersion + 1,
        ...(factor.method === "totp" ? { totpStep: factor.totpStep } : {}),
      },
    });
    return true;
  });
  if (!done) return refuseSpentSecondFactor(ctx, factor, "auth.totp.disable");
  return { disabled: true, sessionVersion: user.sessionVersion + 1 };
}
