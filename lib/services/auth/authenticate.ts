import "server-only";
import { z } from "zod";
import { writeAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { dummyHash, verifyPassword } from "@/lib/server/password";

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export const SignInInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(1024),
});
export type SignInInput = z.infer<typeof SignInInput>;

export type AuthenticatedUser = { id: string; email: string; name: string; sessionVersion: number };

export type AuthenticateResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid" | "locked" };

type RequestMeta = { ip?: string | null; userAgent?: string | null };

/**
 * Checks email + password. Unknown emails cost the same argon2 verification as known ones.
 * Five consecutive failures lock the account for 15 minutes; every outcome is audited.
 */
export async function authenticate(raw: unknown, request: RequestMeta = {}): Promise<AuthenticateResult> {
  const parsed = SignInInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true, failedSignIns: true, lockedUntil: true },
  });
  if (!user) {
    await verifyPassword(await dummyHash(), password);
    await db.$transaction((tx) =>
      writeAudit(tx, { action: "auth.sign_in.failed", request, metadata: { email, reason: "unknown_email" } }),
    );
    return { ok: false, reason: "invalid" };
  }

  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) {
    await db.$transaction((tx) =>
      writeAudit(tx, { action: "auth.sign_in.locked", actor: { userId: user.id, email: user.email }, request }),
    );
    return { ok: false, reason: "locked" };
  }

  const valid = await verifyPassword(user.passwordHash, password);
  if (!valid) {
    const failed = user.failedSignIns + 1;
    const lock = failed >= MAX_FAILED_SIGN_INS;
    await db.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: user.id },
        data: { failedSignIns: lock ? 0 : failed, lockedUntil: lock ? new Date(now.getTime() + LOCKOUT_MS) : null },
        select: { id: true },
      });
      await writeAudit(tx, {
        action: lock ? "auth.sign_in.lockout" : "auth.sign_in.failed",
        actor: { userId: user.id, email: user.email },
        request,
        metadata: { failedAttempts: failed },
      });
    });
    return { ok: false, reason: lock ? "locked" : "invalid" };
  }

  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: now },
      select: { id: true },
    });
    await writeAudit(tx, { action: "auth.sign_in", actor: { userId: user.id, email: user.email }, request });
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}
