/** @jest-environment node */
import { randomBytes } from "node:crypto";
import { decryptSecret, encryptSecret, randomToken, safeEqual, sha256 } from "@/lib/server/crypto";

const key = randomBytes(32);

describe("secrets at rest (AES-256-GCM)", () => {
  it("round-trips a value and never stores it in clear", () => {
    const sealed = encryptSecret("sk_live_abcdef123456", key);
    expect(sealed).not.toContain("sk_live");
    expect(decryptSecret(sealed, key)).toBe("sk_live_abcdef123456");
  });

  it("uses a fresh IV for every encryption of the same value", () => {
    expect(encryptSecret("same", key)).not.toBe(encryptSecret("same", key));
  });

  it("refuses a tampered ciphertext", () => {
    const parts = encryptSecret("value", key).split(".");
    const ct = Buffer.from(parts[3] ?? "", "base64url");
    ct[0] = (ct[0] ?? 0) ^ 0xff;
    parts[3] = ct.toString("base64url");
    expect(() => decryptSecret(parts.join("."), key)).toThrow();
  });

  it("refuses decryption with another key", () => {
    expect(() => decryptSecret(encryptSecret("value", key), randomBytes(32))).toThrow();
  });

  it("makes unguessable tokens and stable hashes", () => {
    const a = randomToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(a);
    expect(sha256(a)).toBe(sha256(a));
    expect(safeEqual(sha256(a), sha256(a))).toBe(true);
    expect(safeEqual("abc", "abd")).toBe(false);
  });
});
