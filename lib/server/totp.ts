import "server-only";
import { createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { normalizeHashAlgorithm, type Base32Plugin, type CryptoPlugin } from "@otplib/core";
import { generate as generateTotp, verify as verifyTotpToken } from "@otplib/totp";
import { generateTOTP as totpUriFor } from "@otplib/uri";
import { sha256 } from "./crypto";

// otplib 13's engine (@otplib/totp, a dependency of `otplib`) with node:crypto and a local Base32
// codec. The `otplib` entry point loads ESM-only @noble/@scure plugins, which jest (CJS) cannot load.

export const TOTP_ISSUER = "MANGOPAY Dashboard";
export const TOTP_PERIOD_S = 30;
/** Codes from the previous and the next 30 s step are accepted (clock drift, typing time). */
export const TOTP_TOLERANCE_S = TOTP_PERIOD_S;
const SECRET_BYTES = 20;

const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export const base32: Base32Plugin = {
  name: "local-rfc4648",
  encode(data) {
    let bits = 0;
    let value = 0;
    let out = "";
    for (const byte of data) {
      value = (value << 8) | byte;
      bits += 8;
      while (bits >= 5) {
        out += B32[(value >>> (bits - 5)) & 31];
        bits -= 5;
      }
    }
    if (bits > 0) out += B32[(value << (5 - bits)) & 31];
    return out;
  },
  decode(str) {
    const clean = str.toUpperCase().replace(/[\s=-]/g, "");
    const out: number[] = [];
    let bits = 0;
    let value = 0;
    for (const ch of clean) {
      const idx = B32.indexOf(ch);
      if (idx < 0) throw new Error("Invalid Base32 character");
      value = (value << 5) | idx;
      bits += 5;
      if (bits >= 8) {
        out.push((value >>> (bits - 8)) & 255);
        bits -= 8;
      }
    }
    return Uint8Array.from(out);
  },
};

const nodeCrypto: CryptoPlugin = {
  name: "node",
  hmac(algorithm, key, data) {
    return new Uint8Array(createHmac(normalizeHashAlgorithm(algorithm), key).update(data).digest());
  },
  randomBytes(length) {
    return new Uint8Array(randomBytes(length));
  },
  constantTimeEqual(a, b) {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
  },
};

export function generateTotpSecret(): string {
  return base32.encode(randomBytes(SECRET_BYTES));
}

export function totpUri(secret: string, accountLabel: string): string {
  return totpUriFor({ issuer: TOTP_ISSUER, label: accountLabel, secret });
}

/** The current code for a secret (tests, and nothing else in the app). */
export function currentTotp(secret: string, nowMs = Date.now()): Promise<string> {
  return generateTotp({ secret, crypto: nodeCrypto, base32, period: TOTP_PERIOD_S, epoch: Math.floor(nowMs / 1000) });
}

export function isTotpFormat(code: string): boolean {
  return /^\d{6}$/.test(code);
}

export type TotpCheck = { valid: true; timeStep: number } | { valid: false };

/**
 * Verifies a 6-digit code within ±1 step. `afterTimeStep` rejects codes from a step already used
 * (replay protection): pass the last accepted step for this user (lib/services/auth/second-factor.ts
 * then claims the step in the database).
 */
export async function verifyTotp(args: {
  secret: string;
  code: string;
  afterTimeStep?: number | null;
  nowMs?: number;
}): Promise<TotpCheck> {
  const code = args.code.replace(/\s/g, "");
  if (!isTotpFormat(code)) return { valid: false };
  const result = await verifyTotpToken({
    secret: args.secret,
    token: code,
    crypto: nodeCrypto,
    base32,
    period: TOTP_PERIOD_S,
    epoch: Math.floor((args.nowMs ?? Date.now()) / 1000),
    epochTolerance: TOTP_TOLERANCE_S,
    ...(args.afterTimeStep != null ? { afterTimeStep: args.afterTimeStep } : {}),
  });
  return result.valid ? { valid: true, timeStep: result.timeStep } : { valid: false };
}

// Recovery codes: 10 codes of 10 characters from an unambiguous alphabet, shown as xxxxx-xxxxx.
export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    let raw = "";
    for (let i = 0; i < 10; i += 1) raw += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

/** Case, spaces and dashes do not matter when a code is typed back. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, "");
}

export function hashRecoveryCode(code: string): string {
  return sha256(`recovery:${normalizeRecoveryCode(code)}`);
}
