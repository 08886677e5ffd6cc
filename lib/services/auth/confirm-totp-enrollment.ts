import "server-only";
import type { UserContext } from "@/lib/server/context-types";
import { decryptSecret } from "@/lib/server/crypto";
import { db, type Tx } from "@/lib/server/db";
import { ConflictError, parseInput, PreconditionError, ValidationError } from "@/lib/server/errors";
import { generateRecoveryCodes, hashRecoveryCode } from "@/lib/server/totp";
import { getSecurityUser } from "./internal";
import { ConfirmTotpInput } from "./schemas";
import { checkTotp, claimTotpStep } from "./second-factor";
import { writeUserAudit } from "./audit-user";

export type RecoveryCodesDTO = { recoveryCodes: string[] };
/** Enabling 2FA ends every other session; the caller moves this one to `sessionVersion`. */
export type TotpEnabledDTO = RecoveryCodesDTO & { sessionVersion: number };

/** Replaces a user's recovery codes with ten new ones; only their SHA-256 is stored. */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })) });
  return codes;
}

/**
 * Turns 2FA on once the user proves their app produces codes for the pending secret. Returns the
 * ten recovery codes: they are shown once and never again.
 */
export async function confirmTotpEnrollment({
  ctx,
  input,
}: {
  ctx: UserContext;
  input: unknown;
}): Promise<TotpEnabledDTO> {
  const { code } = parseInput(ConfirmTotpInput, input);
  const user = await getSecurityUser(ctx);
  if (user.totpEnabledAt) throw new ConflictError("Two-factor authentication is already on.");
  if (!user.totpSecretEnc) throw new PreconditionError("Start the set-up again: no pending secret.");

  const message = "That code is not valid. Check the time on your device and enter the current code.";
  const invalid = () => new ValidationError(message, { code: [message] });
  const check = await checkTotp(user.id, decryptSecret(user.totpSecretEnc), code);
  if (!check.ok || check.method !== "totp") throw invalid();
  const now = new Date();
  return (ctx.db ?? db).$transaction(async (tx) => {
    // The step is claimed first; a concurrent request that claimed it makes this a replayed code
    // (thrown before any other write, so nothing of this transaction is committed).
    if (!(await claimTotpStep(tx, user.id, check.totpStep))) throw invalid();
    // Only the pending secret the code was checked against may be enabled (no concurrent restart).
    const res = await tx.user.updateMany({
      where: {
        id: user.id,
        totpEnabledAt: null,
        totpSecretEnc: user.totpSecretEnc,
        sessionVersion: user.sessionVersion,
      },
      data: { totpEnabledAt: now, sessionVersion: { increment: 1 } },
    });
    if (res.count !== 1) throw new ConflictError("The set-up changed in the meantime. Please start again.");
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    await writeUserAudit(tx, ctx, {
      action: "auth.totp.enable",
      target: { type: "user", id: user.id },
      metadata: {
        totpStep: check.totpStep,
        recoveryCodes: recoveryCodes.length,
        sessionVersion: user.sessionVersion + 1,
      },
    });
    return { recoveryCodes, sessionVersion: user.sessionVersion + 1 };
  });
}
