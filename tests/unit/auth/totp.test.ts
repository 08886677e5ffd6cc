/** @jest-environment node */
import {
  RECOVERY_CODE_COUNT,
  base32,
  currentTotp,
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  normalizeRecoveryCode,
  totpUri,
  verifyTotp,
} from "@/lib/server/totp";

const T0 = Date.UTC(2026, 10, 25, 9, 0, 10); // 10 s into a 30 s step
const STEP_MS = 30_000;

describe("TOTP", () => {
  it("matches the RFC 6238 SHA-1 test vector (59 s → 94287082, last 6 digits)", async () => {
    const secret = base32.encode(Buffer.from("12345678901234567890"));
    expect(await currentTotp(secret, 59_000)).toBe("287082");
    expect(base32.decode(secret)).toEqual(Uint8Array.from(Buffer.from("12345678901234567890")));
  });

  it("generates a 160-bit Base32 secret and an otpauth URI with issuer and label", () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = totpUri(secret, "ada@example.test");
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain("issuer=MANGOPAY%20Dashboard");
  });

  it("accepts the current code and codes from one step before or after", async () => {
    const secret = generateTotpSecret();
    const code = await currentTotp(secret, T0);
    await expect(verifyTotp({ secret, code, nowMs: T0 })).resolves.toMatchObject({ valid: true });
    await expect(verifyTotp({ secret, code, nowMs: T0 + STEP_MS })).resolves.toMatchObject({ valid: true });
    await expect(verifyTotp({ secret, code, nowMs: T0 - STEP_MS })).resolves.toMatchObject({ valid: true });
  });

  it("rejects a code two steps away, a wrong code and malformed input", async () => {
    const secret = generateTotpSecret();
    const code = await currentTotp(secret, T0);
    await expect(verifyTotp({ secret, code, nowMs: T0 + 2 * STEP_MS })).resolves.toEqual({ valid: false });
    await expect(verifyTotp({ secret, code, nowMs: T0 - 2 * STEP_MS })).resolves.toEqual({ valid: false });
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    await expect(verifyTotp({ secret, code: wrong, nowMs: T0 })).resolves.toEqual({ valid: false });
    for (const bad of ["", "12345", "1234567", "abcdef", "12 34 5x"]) {
      await expect(verifyTotp({ secret, code: bad, nowMs: T0 })).resolves.toEqual({ valid: false });
    }
  });

  it("tolerates spaces inside the code", async () => {
    const secret = generateTotpSecret();
    const code = await currentTotp(secret, T0);
    const spaced = `${code.slice(0, 3)} ${code.slice(3)}`;
    await expect(verifyTotp({ secret, code: spaced, nowMs: T0 })).resolves.toMatchObject({ valid: true });
  });

  it("refuses a code whose step is not after the last accepted step (replay)", async () => {
    const secret = generateTotpSecret();
    const code = await currentTotp(secret, T0);
    const first = await verifyTotp({ secret, code, nowMs: T0 });
    if (!first.valid) throw new Error("expected a valid code");
    await expect(verifyTotp({ secret, code, nowMs: T0, afterTimeStep: first.timeStep })).resolves.toEqual({
      valid: false,
    });
    const next = await currentTotp(secret, T0 + STEP_MS);
    await expect(
      verifyTotp({ secret, code: next, nowMs: T0 + STEP_MS, afterTimeStep: first.timeStep }),
    ).resolves.toMatchObject({
      valid: true,
      timeStep: first.timeStep + 1,
    });
  });
});

describe("recovery codes", () => {
  it("generates ten distinct xxxxx-xxxxx codes", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  });

  it("hashes with SHA-256, ignoring case, spaces and dashes", () => {
    const [code = ""] = generateRecoveryCodes(1);
    const hash = hashRecoveryCode(code);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(normalizeRecoveryCode(code));
    expect(hashRecoveryCode(` ${code.toUpperCase().replace("-", " - ")} `)).toBe(hash);
    expect(hashRecoveryCode(code.replace("-", ""))).toBe(hash);
    expect(hashRecoveryCode("aaaaa-aaaaa")).not.toBe(hash);
  });
});
