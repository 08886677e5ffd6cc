import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "./env";
import { keyRingFrom, type EncryptionKey, type KeyRing } from "./key-ring";

// AES-256-GCM with a random 96-bit IV per value. Format: v2.<key id>.<iv>.<tag>.<ciphertext>
// (base64url). Values written before key ids existed are v1.<iv>.<tag>.<ciphertext>: any key of the
// ring may open them (GCM's tag tells which). `npm run keys:rotate` rewrites both with the newest key.
const VERSION = "v2";
const LEGACY = "v1";

let cachedRing: KeyRing | undefined;
export function keyRing(): KeyRing {
  cachedRing ??= keyRingFrom(env());
  return cachedRing;
}

export function encryptSecret(plain: string, key: EncryptionKey = keyRing().current): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key.key, iv);
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, key.id, iv.toString("base64url"), tag.toString("base64url"), ct.toString("base64url")].join(".");
}

function open(keyBytes: Buffer, iv: string, tag: string, ct: string): string {
  const decipher = createDecipheriv("aes-256-gcm", keyBytes, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
}

export function decryptSecret(sealed: string, ring: KeyRing = keyRing()): string {
  const parts = sealed.split(".");
  if (parts[0] === VERSION && parts.length === 5) {
    const [, id, iv, tag, ct] = parts as [string, string, string, string, string];
    const key = ring.all.find((k) => k.id === id);
    if (!key) throw new Error(`No encryption key with id "${id}" is configured (ENCRYPTION_KEYS)`);
    return open(key.key, iv, tag, ct);
  }
  if (parts[0] === LEGACY && parts.length === 4) {
    const [, iv, tag, ct] = parts as [string, string, string, string];
    for (const key of ring.all) {
      try {
        return open(key.key, iv, tag, ct);
      } catch {
        // wrong key: GCM authentication failed, try the next one
      }
    }
    throw new Error("No configured encryption key opens this value (ENCRYPTION_KEYS)");
  }
  throw new Error("Unrecognised encrypted value");
}

/** True when the value is already sealed with the ring's newest key (nothing to rotate). */
export function isSealedWithCurrentKey(sealed: string, ring: KeyRing = keyRing()): boolean {
  return sealed.startsWith(`${VERSION}.${ring.current.id}.`);
}

/** Opaque random token (invite links, recovery codes) and its storage hash. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
