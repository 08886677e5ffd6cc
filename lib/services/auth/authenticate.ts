import "server-only";
import { z } from "zod";
import { writeAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { dummyHash, verifyPassword } from "@/lib/server/password";
import { signInLimits } from "@/lib/server/rate-limit";
import {
  checkSecondFactor,
  claimSecondFactor,
  lostFactorReason,
  remainingRecoveryCodes,
  type SecondFactor,
} from "./second-factor";
import { writeUserAudit } from "./audit-user";

/** Failures per email and client IP before sign-in from there pauses (see lib/server/rate-limit.ts). */
export const MAX_FAILED_SIGN_INS = 5;
/**
 * Every refusal takes at least this long, so a known and an unknown email cannot be told apart by
 * timing (argon2, the database writes and the audit rows all fit inside it).
 */
export const FAILURE_FLOOR_MS = 600;
export const SignInInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(1024),
  // The second step of a 2FA sign-in: a 6-digit TOTP code or a recovery code.
  code: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type SignInInput = z.infer<typeof SignInInput>;

export type AuthenticatedUser = { id: string; email: string; name: string; sessionVersion: number };

export type SignInFailure = "invalid" | "locked" | "rate_limited" | "totp_required" | "totp_invalid";

export type AuthenticateResult =
  | { ok: true; user: AuthenticatedUser; method: "password" | "totp" | "recovery_code" }
  | { ok: false; reason: SignInFailure; retryAfterS?: number };

export type RequestMeta = { ip?: string | null; userAgent?: string | null };

type FailureReason = "unknown_email" | "wrong_password" | "wrong_totp" | "wrong_recovery_code";

function limiterKeys(email: string, request: RequestMeta) {
  // No client IP: only the email is limited, so one unknown bucket can't lock out everyone.
  return {
    email: `email:${email}`,
    ip: request.ip ? `ip:${request.ip}` : null,
    pair: `pair:${email}|${request.ip ?? "-"}`,
  };
}

/** Counts one failure on every instance; true when it completes the lockout of this email from this IP. */
async function recordFailure(email: string, request: RequestMeta, nowMs: number): Promise<boolean> {
  const keys = limiterKeys(email, request);
  const [pair] = await Promise.all([
    signInLimits.byEmailAndIp.hit(keys.pair, nowMs),
    signInLimits.byEmail.hit(keys.email, nowMs),
    keys.ip ? signInLimits.byIp.hit(keys.ip, nowMs) : null,
  ]);
  return !pair.allowed;
}

/** Counts a failure on the account and audits it; the lockout itself is per email and IP. */
async function failOnAccount(
  user: { id: string; email: string; failedSignIns: number },
  reason: FailureReason,
  request: RequestMeta,
  now: Date,
): Promise<AuthenticateResult> {
  const lock = await recordFailure(user.email, request, now.getTime());
  const failed = user.failedSignIns + 1;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { failedSignIns: failed }, select: { id: true } });
    await writeUserAudit(
      tx,
      { actor: user, request },
      {
        action: lock ? "auth.sign_in.lockout" : "auth.sign_in.failed",
        metadata: { failedAttempts: failed, reason },
      },
    );
  });
  if (lock) return { ok: false, reason: "locked" };
  return { ok: false, reason: reason === "wrong_password" ? "invalid" : "totp_invalid" };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Checks email + password (+ a second factor when the account has 2FA). Known and unknown emails get
 * the same answers (lockout included) in the same time: every refusal waits until FAILURE_FLOOR_MS.
 */
export async function authenticate(raw: unknown, request: RequestMeta = {}): Promise<AuthenticateResult> {
  const startedAt = Date.now();
  const result = await checkSignIn(raw, request);
  if (!result.ok && result.reason !== "totp_required") await sleep(startedAt + FAILURE_FLOOR_MS - Date.now());
  return result;
}

/**
 * Failures are limited per email+IP (the lockout), per email and per IP before any password work;
 * unknown emails cost the same argon2 verification as known ones. Every outcome is audited.
 */
async function checkSignIn(raw: unknown, request: RequestMeta): Promise<AuthenticateResult> {
  const parsed = SignInInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password, code } = parsed.data;
  const now = new Date();

  const keys = limiterKeys(email, request);
  const [byEmail, byIp, byPair] = await Promise.all([
    signInLimits.byEmail.check(keys.email, now.getTime()),
    keys.ip ? signInLimits.byIp.check(keys.ip, now.getTime()) : null,
    signInLimits.byEmailAndIp.check(keys.pair, now.getTime()),
  ]);
  const limited = [byEmail, byIp]
    .map((c) => (c && !c.allowed ? c.retryAfterMs : 0))
    .reduce((a, b) => Math.max(a, b), 0);
  if (limited > 0) {
    await db.$transaction((tx) =>
      writeAudit(tx, { request }, { action: "auth.sign_in.rate_limited", metadata: { email, ipLimited: !!keys.ip } }),
    );
    return { ok: false, reason: "rate_limited", retryAfterS: Math.ceil(limited / 1000) };
  }
  if (!byPair.allowed) {
    // Paused for this email from this IP, whether or not the email has an account.
    const known = await db.user.findUnique({ where: { email }, select: { id: true, email: true } });
    await db.$transaction((tx) =>
      known
        ? writeUserAudit(tx, { actor: known, request }, { action: "auth.sign_in.locked" })
        : writeAudit(tx, { request }, { action: "auth.sign_in.locked", metadata: { email } }),
    );
    return { ok: false, reason: "locked" };
  }

  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      passwordHash: true,
      sessionVersion: true,
      failedSignIns: true,
      totpSecretEnc: true,
      totpEnabledAt: true,
    },
  });
  if (!user) {
    await verifyPassword(await dummyHash(), password);
    const lock = await recordFailure(email, request, now.getTime());
    await db.$transaction((tx) =>
      writeAudit(
        tx,
        { request },
        { action: lock ? "auth.sign_in.lockout" : "auth.sign_in.failed", metadata: { email, reason: "unknown_email" } },
      ),
    );
    return { ok: false, reason: lock ? "locked" : "invalid" };
  }

  const who = { actor: { id: user.id, email: user.email }, request };

  if (!(await verifyPassword(user.passwordHash, password))) return failOnAccount(user, "wrong_password", request, now);

  let factor: SecondFactor | null = null;
  if (user.totpEnabledAt && user.totpSecretEnc) {
    if (!code) {
      // The password was right: ask for the code. Not a failure, and the failure count is kept.
      await db.$transaction((tx) => writeUserAudit(tx, who, { action: "auth.sign_in.totp_required" }));
      return { ok: false, reason: "totp_required" };
    }
    factor = await checkSecondFactor({ userId: user.id, totpSecretEnc: user.totpSecretEnc, code });
    if (!factor.ok) return failOnAccount(user, factor.reason, request, now);
  }

  const spent = factor?.ok ? factor : null;
  const method = spent ? spent.method : "password";
  const lost = await db.$transaction(async (tx) => {
    // The code is spent first, in the transaction that audits the sign-in. When a concurrent request
    // spent it first, nothing is written here and the sign-in is refused as a replayed code below.
    if (spent && !(await claimSecondFactor(tx, spent, user.id, now))) return lostFactorReason(spent);
    if (spent?.method === "recovery_code") {
      const remaining = await remainingRecoveryCodes(tx, user.id);
      await writeUserAudit(tx, who, { action: "auth.recovery_code.used", metadata: { remaining } });
    }
    await tx.user.update({
      where: { id: user.id },
      data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: now },
      select: { id: true },
    });
    await writeUserAudit(tx, who, {
      action: "auth.sign_in",
      metadata: { method, ...(spent?.method === "totp" ? { totpStep: spent.totpStep } : {}) },
    });
    return null;
  });
  if (lost) return failOnAccount(user, lost, request, now);

  await Promise.all([signInLimits.byEmail.reset(keys.email), signInLimits.byEmailAndIp.reset(keys.pair)]);
  return {
    ok: true,
    method,
    user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion },
  };
}
