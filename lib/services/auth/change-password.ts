import "server-only";
import type { UserContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { ConflictError, parseInput } from "@/lib/server/errors";
import { hashPassword } from "@/lib/server/password";
import { getSecurityUser, requirePassword } from "./internal";
import { ChangePasswordInput } from "./schemas";
import { writeUserAudit } from "./audit-user";

/**
 * Sets a new password after checking the current one, and bumps sessionVersion so every other
 * session ends. Returns the new version: the caller re-issues the current session with it.
 */
export async function changePassword({
  ctx,
  input,
}: {
  ctx: UserContext;
  input: unknown;
}): Promise<{ sessionVersion: number }> {
  const { currentPassword, newPassword } = parseInput(ChangePasswordInput, input);
  const user = await getSecurityUser(ctx);
  await requirePassword(ctx, user, currentPassword, "auth.password.change");
  const passwordHash = await hashPassword(newPassword);
  return (ctx.db ?? db).$transaction(async (tx) => {
    // Guard against a concurrent change (or sign-out everywhere) since the password was checked.
    const res = await tx.user.updateMany({
      where: { id: user.id, sessionVersion: user.sessionVersion },
      data: { passwordHash, sessionVersion: { increment: 1 }, failedSignIns: 0, lockedUntil: null },
    });
    if (res.count !== 1) throw new ConflictError("Your sessions changed in the meantime. Please try again.");
    await writeUserAudit(tx, ctx, {
      action: "auth.password.change",
      target: { type: "user", id: user.id },
      metadata: { sessionVersion: user.sessionVersion + 1 },
    });
    return { sessionVersion: user.sessionVersion + 1 };
  });
}
