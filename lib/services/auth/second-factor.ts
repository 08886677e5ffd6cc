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
 * Claims one TOTP step for a user inside the caller's audited transaction; false when this step or a
 * later one was already used. Under READ COMMITTED a concurrent insert of the same (user, step) key
 * waits for the first transaction to commit, then DO NOTHING inserts 0 rows: exactly one claim wins.
 */
export async function claimTotpStep(tx: Tx, userId: string, timeStep: number): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO "TotpStepUse" ("userId", "timeStep")
    SELECT ${userId}, ${timeStep}
    WHERE NOT EXISTS (SELECT 1 FROM "TotpStepUse" WHERE "userId" = ${userId} AND "timeStep" >= ${timeStep})
    ON CONFLICT DO NOTHING`;
  if (inserted !== 1) return false;
  await tx.totpStepUse.deleteMany({ where: { userId, timeStep: { lt: timeStep - KEPT_STEPS } } });
  return true;
}

/**
 * Checks a 6-digit TOTP code against the replay guard's last accepted step. Nothing is written here:
 * the caller claims the step (`claimSecondFactor`) inside the transaction that audits the success.
 */
export async function checkTotp(userId: string, secret: string, code: string): Promise<SecondFactor> {
  const afterTimeStep = await lastAcceptedTotpStep(userId);
  const check = await verifyTotp({ secret, code, afterTimeStep });
  if (!check.valid) return { ok: false, reason: "wrong_totp" };
  return { ok: true, method: "totp", totpStep: check.timeStep };
}

/**
 * A 6-digit code is checked as TOTP; anything else as a recovery code. Nothing is written here:
 * `claimSecondFactor` claims the TOTP step or marks the recovery code used inside the caller's
 * audited transaction.
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

/**
 * Spends a checked second factor inside the caller's transaction, before it writes anything else:
 * claims the TOTP step or marks the recovery code used. False when a concurrent request spent it
 * first; the caller must then write nothing more and refuse it as a wrong code.
 */
export async function claimSecondFactor(
  tx: Tx,
  factor: Extract<SecondFactor, { ok: true }>,
  userId: string,
  now = new Date(),
): Promise<boolean> {
  return factor.method === "totp"
    ? claimTotpStep(tx, userId, factor.totpStep)
    : consumeRecoveryCode(tx, factor.recoveryCodeId, now);
}

/** The refusal reason of a second factor a concurrent request spent first (as for a replayed code). */
export function lostFactorReason(factor: Extract<SecondFactor, { ok: true }>): "wrong_totp" | "wrong_recovery_code" {
  return factor.method === "totp" ? "wrong_totp" : "wrong_recovery_code";
}

export async function remainingRecoveryCodes(tx: Tx, userId: string): Promise<number> {
  return tx.recoveryCode.count({ where: { userId, usedAt: null } });
}
