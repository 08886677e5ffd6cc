import "server-only";
import type { UserContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { PreconditionError, ValidationError } from "@/lib/server/errors";
import { verifyPassword } from "@/lib/server/password";
import { signInLimits } from "@/lib/server/rate-limit";
import { checkSecondFactor, type SecondFactor } from "./second-factor";
import { writeUserAudit } from "./audit-user";

export type SecurityUser = {
  id: string;
  email: string;
  passwordHash: string;
  sessionVersion: number;
  totpSecretEnc: string | null;
  totpEnabledAt: Date | null;
};

export async function getSecurityUser(ctx: UserContext): Promise<SecurityUser> {
  const user = await (ctx.db ?? db).user.findUnique({
    where: { id: ctx.actor.id },
    select: {
      id: true,
      email: true,
      passwordHash: true,
      sessionVersion: true,
      totpSecretEnc: true,
      totpEnabledAt: true,
    },
  });
  // The session was checked moments ago; a user deleted in between is simply signed out.
  if (!user) throw new PreconditionError("Your account no longer exists.");
  return user;
}

async function assertReauthAllowed(ctx: UserContext, userId: string): Promise<void> {
  const check = await signInLimits.reauth.check(userId, Date.now(), ctx.db ?? db);
  if (!check.allowed) {
    const minutes = Math.max(1, Math.ceil(check.retryAfterMs / 60_000));
    throw new PreconditionError(
      `Too many wrong attempts. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
    );
  }
}

async function reauthFailed(ctx: UserContext, action: string, field: string, message: string): Promise<never> {
  await signInLimits.reauth.hit(ctx.actor.id, Date.now(), ctx.db ?? db);
  await (ctx.db ?? db).$transaction((tx) =>
    writeUserAudit(tx, ctx, {
      action: `${action}.failed`,
      metadata: { reason: field === "code" ? "wrong_code" : "wrong_password" },
    }),
  );
  throw new ValidationError(message, { [field]: [message] });
}

/** Re-authentication for sensitive changes: the current password, rate limited per user. */
export async function requirePassword(
  ctx: UserContext,
  user: SecurityUser,
  password: string,
  action: string,
): Promise<void> {
  await assertReauthAllowed(ctx, user.id);
  if (!(await verifyPassword(user.passwordHash, password))) {
    await reauthFailed(ctx, action, "password", "That is not your current password.");
  }
}

/**
 * A current TOTP code (or an unused recovery code) for a user with 2FA enabled. Only checked here:
 * the caller spends it with `claimSecondFactor` inside its audited transaction, and when that claim
 * is lost (nothing else written) refuses it with `refuseSpentSecondFactor`.
 */
export async function requireSecondFactor(
  ctx: UserContext,
  user: SecurityUser,
  code: string,
  action: string,
): Promise<Extract<SecondFactor, { ok: true }>> {
  await assertReauthAllowed(ctx, user.id);
  if (!user.totpEnabledAt || !user.totpSecretEnc)
    throw new PreconditionError("Two-factor authentication is not enabled.");
  const factor = await checkSecondFactor({ userId: user.id, totpSecretEnc: user.totpSecretEnc, code });
  if (!factor.ok) return reauthFailed(ctx, action, "code", "That code is not valid.");
  return factor;
}

/**
 * A concurrent request spent the same factor first: a TOTP code is refused exactly as a replayed one
 * (audited failure, counted by the rate limit); a recovery code as already used.
 */
export async function refuseSpentSecondFactor(
  ctx: UserContext,
  factor: Extract<SecondFactor, { ok: true }>,
  action: string,
): Promise<never> {
  if (factor.method === "recovery_code")
    throw new PreconditionError("That recovery code was just used. Try another one.");
  return reauthFailed(ctx, action, "code", "That code is not valid.");
}
