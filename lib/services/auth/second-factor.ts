import "server-only";
import { decryptSecret } from "@/lib/server/crypto";
import { db, type Tx } from "@/lib/server/db";
import {
  TOTP_PERIOD_S,
  claimTotpStep,
  hashRecoveryCode,
  isTotpFormat,
  lastClaimedTotpStep,
  verifyTotp,
} from "@/lib/server/totp";

/** Audit actions whose metadata records an accepted TOTP step (`totpStep`). */
export const TOTP_STEP_ACTIONS = [
  "auth.sign_in",
  "auth.totp.enable",
  "auth.totp.disable",
  "auth.recovery_codes.regenerate",
] as const;

export type SecondFactor =
  | { ok: true; method: "totp"; totpStep: number }
  | { ok: true; method: "recovery_code"; recoveryCodeId: string }
  | { ok: false; reason: "wrong_totp" | "wrong_recovery_code" };

/**
 * The last TOTP step accepted for this user: the larger of this process's memory and the audit
 * rows of the last few minutes (a code only stays valid for ±1 step, so older rows cannot matter).
 */
export async function lastAcceptedTotpStep(userId: string, nowMs = Date.now()): Promise<number | null> {
  const rows = await db.auditEvent.findMany({
    where: {
      actorUserId: userId,
      action: { in: [...TOTP_STEP_ACTIONS] },
      createdAt: { gte: new Date(nowMs - 4 * TOTP_PERIOD_S * 1000) },
    },
    select: { metadata: true },
    orderBy: { createdAt: "desc" },
    take: 10,
  });
  let last = lastClaimedTotpStep(userId);
  for (const row of rows) {
    const meta = row.metadata;
    if (meta && typeof meta === "object" && !Array.isArray(meta)) {
      const step = meta.totpStep;
      if (typeof step === "number" && (last === null || step > last)) last = step;
    }
  }
  return last;
}

/** Checks a 6-digit TOTP code (claiming its step) with a replay guard. */
export async function checkTotp(userId: string, secret: string, code: string): Promise<SecondFactor> {
  const afterTimeStep = await lastAcceptedTotpStep(userId);
  const check = await verifyTotp({ secret, code, afterTimeStep });
  if (!check.valid || !claimTotpStep(userId, check.timeStep)) return { ok: false, reason: "wrong_totp" };
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
  return found ? { ok: true, method: "recovery_code", recoveryCodeId: found.id } : { ok: false, reason: "wrong_recovery_code" };
}

/** Marks a recovery code used; false when a concurrent request used it first. */
export async function consumeRecoveryCode(tx: Tx, recoveryCodeId: string, now = new Date()): Promise<boolean> {
  const res = await tx.recoveryCode.updateMany({ where: { id: recoveryCodeId, usedAt: null }, data: { usedAt: now } });
  return res.count === 1;
}

export async function remainingRecoveryCodes(tx: Tx, userId: string): Promise<number> {
  return tx.recoveryCode.count({ where: { userId, usedAt: null } });
}
