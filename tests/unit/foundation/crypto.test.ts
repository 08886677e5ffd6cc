/** @jest-environment node */
import { randomBytes } from "node:crypto";
import { decryptSecret, encryptSecret, randomToken, safeEqual, sha256 } from "@/lib/server/crypto";
import { plaintextLeaks } from "@/tests/support/plaintext";

const key = randomBytes(32);

describe("secrets at rest (AES-256-GCM)", () => {
  it("round-trips a value and never stores it in clear", () => {
    const sealed = encryptSecret("sk_live_abcdef123456", key);
    expect(sealed).not.toContain("sk_live");
    expect(plaintextLeaks(sealed, "sk_live_abcdef123456")).toEqual([]);
    expect(decryptSecret(sealed, key)).toBe("sk_live_abcdef123456");
  });

  it("has a leak check that finds a plaintext in utf8, hex, base64 and base64url at any alignment", () => {
    const secret = "sk_live_abcdef123456";
    for (const prefix of ["", "a", "ab"]) {
      const raw = Buffer.from(prefix + secret);
      for (const encoded of [raw.toString("base64"), raw.toString("base64url"), raw.toString("hex").toUpperCase(), raw.toString("utf8")]) {
        expect(plaintextLeaks(`v1.${encoded}.tag`, secret)).not.toEqual([]);
      }
    }
    expect(plaintextLeaks(encryptSecret(secret, key), secret)).toEqual([]);
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
