import "server-only";
import { decryptSecret } from "@/lib/server/crypto";
import { db, type Tx } from "@/lib/server/db";
import { hashRecoveryCode, isTotpFormat, verifyTotp } from "@/lib/server/totp";

export type SecondFactor =
  | { ok: true; method: "totp"; totpStep: number }
  | { ok: true; method: "recovery_code"; recoveryCodeId: string }
  | { ok: false; reason: "wrong_totp" | "wrong_recovery_code" };

/** Accepted steps older than this many steps are pruned: a code is only valid for ±1 step. */
const KEPT_STEPS = 4;

/** The last TOTP step accepted for this user (codes of that step or earlier are refused). */
export async function lastAcceptedTotpStep(userId: string): Promise<number | null> {
  const row = await db.totpStepUse.findFirst({
    where: { userId },
    orderBy: { timeStep: "desc" },
    select: { timeStep: true },
  });
  return row?.timeStep ?? null;
}

/**
 * Claims one TOTP step for a user; false when this step or a later one was already used. The
 * (user, step) primary key lets exactly one of any number of concurrent requests, in any process,
 * insert the row.
 */
export async function claimTotpStep(userId: string, timeStep: number): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO "TotpStepUse" ("userId", "timeStep")
    SELECT ${userId}, ${timeStep}
    WHERE NOT EXISTS (SELECT 1 FROM "TotpStepUse" WHERE "userId" = ${userId} AND "timeStep" >= ${timeStep})
    ON CONFLICT DO NOTHING`;
  if (inserted !== 1) return false;
  await db.totpStepUse.deleteMany({ where: { userId, timeStep: { lt: timeStep - KEPT_STEPS } } });
  return true;
}

/** Checks a 6-digit TOTP code (claiming its step) with a replay guard. */
export async function checkTotp(userId: string, secret: string, code: string): Promise<SecondFactor> {
  const afterTimeStep = await lastAcceptedTotpStep(userId);
  const check = await verifyTotp({ secret, code, afterTimeStep });
  if (!check.valid || !(await claimTotpStep(userId, check.timeStep))) return { ok: false, reason: "wrong_totp" };
  return { ok: true, method: "totp", totpStep: check.timeStep };
}

/**
 * A 6-digit code is checked as TOTP; anything else as a recovery code. A recovery code is only
 * looked up here: `consumeRecoveryCode` marks it used inside the caller's transaction.
 */
export async function checkSecondFactor(args: {
  userId: string;
  totpSecretEnc: string;
  code: string;
}): Promise<SecondFactor> {
  const code = args.code.trim();
  if (isTotpFormat(code.replace(/\s/g, ""))) return checkTotp(args.userId, decryptSecret(args.totpSecretEnc), code);
  const found = await db.recoveryCode.findFirst({
    where: { userId: args.userId, codeHash: hashRecoveryCode(code), usedAt: null },
    select: { id: true },
  });
  return found
    ? { ok: true, method: "recovery_code", recoveryCodeId: found.id }
    : { ok: false, reason: "wrong_recovery_code" };
}

/** Marks a recovery code used; false when a concurrent request used it first. */
export async function consumeRecoveryCode(tx: Tx, recoveryCodeId: string, now = new Date()): Promise<boolean> {
  const res = await tx.recoveryCode.updateMany({ where: { id: recoveryCodeId, usedAt: null }, data: { usedAt: now } });
  return res.count === 1;
}

export async function remainingRecoveryCodes(tx: Tx, userId: string): Promise<number> {
  return tx.recoveryCode.count({ where: { userId, usedAt: null } });
}
