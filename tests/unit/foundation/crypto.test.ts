/** @jest-environment node */
import { randomBytes } from "node:crypto";
import {
  decryptSecret,
  encryptSecret,
  isSealedWithCurrentKey,
  randomToken,
  safeEqual,
  sha256,
} from "@/lib/server/crypto";
import { keyRingFrom, parseKeyList, type KeyRing } from "@/lib/server/key-ring";
import { plaintextLeaks } from "@/tests/support/plaintext";

const b64 = () => randomBytes(32).toString("base64");
const ringOf = (bytes: Buffer, id = "k1"): KeyRing => ({ current: { id, key: bytes }, all: [{ id, key: bytes }] });
const keyBytes = randomBytes(32);
const key = ringOf(keyBytes).current;
const ring = ringOf(keyBytes);

describe("secrets at rest (AES-256-GCM)", () => {
  it("round-trips a value and never stores it in clear", () => {
    const sealed = encryptSecret("sk_live_abcdef123456", key);
    expect(sealed).not.toContain("sk_live");
    expect(plaintextLeaks(sealed, "sk_live_abcdef123456")).toEqual([]);
    expect(decryptSecret(sealed, ring)).toBe("sk_live_abcdef123456");
  });

  it("has a leak check that finds a plaintext in utf8, hex, base64 and base64url at any alignment", () => {
    const secret = "sk_live_abcdef123456";
    for (const prefix of ["", "a", "ab"]) {
      const raw = Buffer.from(prefix + secret);
      for (const encoded of [
        raw.toString("base64"),
        raw.toString("base64url"),
        raw.toString("hex").toUpperCase(),
        raw.toString("utf8"),
      ]) {
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
    const ct = Buffer.from(parts[4] ?? "", "base64url");
    ct[0] = (ct[0] ?? 0) ^ 0xff;
    parts[4] = ct.toString("base64url");
    expect(() => decryptSecret(parts.join("."), ring)).toThrow();
  });

  it("refuses decryption with another key", () => {
    expect(() => decryptSecret(encryptSecret("value", key), ringOf(randomBytes(32)))).toThrow();
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

describe("key rotation (ENCRYPTION_KEYS)", () => {
  it("encrypts with the first listed key and decrypts with any listed key", () => {
    const [newKey, oldKey] = [b64(), b64()];
    const before = keyRingFrom({ ENCRYPTION_KEYS: `old:${oldKey}` });
    const after = keyRingFrom({ ENCRYPTION_KEYS: `new:${newKey},old:${oldKey}` });
    const sealedOld = encryptSecret("sk_sandbox_old", before.current);
    expect(sealedOld.split(".").slice(0, 2)).toEqual(["v2", "old"]);
    expect(decryptSecret(sealedOld, after)).toBe("sk_sandbox_old");
    expect(isSealedWithCurrentKey(sealedOld, after)).toBe(false);
    const sealedNew = encryptSecret("sk_sandbox_new", after.current);
    expect(sealedNew.split(".").slice(0, 2)).toEqual(["v2", "new"]);
    expect(isSealedWithCurrentKey(sealedNew, after)).toBe(true);
    expect(() => decryptSecret(sealedOld, keyRingFrom({ ENCRYPTION_KEYS: `new:${newKey}` }))).toThrow(
      /No encryption key with id "old"/,
    );
  });

  it('keeps a single ENCRYPTION_KEY working as the key with id "default"', () => {
    const single = keyRingFrom({ ENCRYPTION_KEY: b64() });
    expect(single.current.id).toBe("default");
    expect(decryptSecret(encryptSecret("v", single.current), single)).toBe("v");
  });

  it("opens values written before key ids existed (v1) with whichever listed key sealed them", () => {
    const bytes = randomBytes(32);
    // the v1 layout: v1.<iv>.<tag>.<ciphertext>, as stored by earlier releases
    const v2 = encryptSecret("legacy secret", { id: "x", key: bytes }).split(".");
    const v1 = ["v1", v2[2], v2[3], v2[4]].join(".");
    const ring = keyRingFrom({ ENCRYPTION_KEYS: `new:${b64()},old:${bytes.toString("base64")}` });
    expect(decryptSecret(v1, ring)).toBe("legacy secret");
    expect(isSealedWithCurrentKey(v1, ring)).toBe(false);
    expect(() => decryptSecret(v1, keyRingFrom({ ENCRYPTION_KEYS: `new:${b64()}` }))).toThrow(
      /No configured encryption key/,
    );
  });

  it("names the problem in an invalid ENCRYPTION_KEYS without echoing a key", () => {
    const secret = randomBytes(16).toString("base64");
    const bad = parseKeyList(`k1:${secret}`);
    expect(bad).toEqual({ ok: false, error: 'ENCRYPTION_KEYS key "k1" must be 32 bytes, base64-encoded' });
    expect(parseKeyList(b64())).toMatchObject({ ok: false, error: expect.stringMatching(/needs an id/) });
    const k = b64();
    expect(parseKeyList(`a:${k},a:${k}`)).toMatchObject({ ok: false, error: 'ENCRYPTION_KEYS lists the id "a" twice' });
  });
});
