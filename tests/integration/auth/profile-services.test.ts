/** @jest-environment node */
import { createReissueTicket, readReissueTicket } from "@/lib/server/auth";
import { decryptSecret } from "@/lib/server/crypto";
import { db } from "@/lib/server/db";
import { ForbiddenError, PreconditionError, ValidationError } from "@/lib/server/errors";
import { base32, hashRecoveryCode } from "@/lib/server/totp";
import { authenticate } from "@/lib/services/auth/authenticate";
import { changePassword } from "@/lib/services/auth/change-password";
import { confirmTotpEnrollment } from "@/lib/services/auth/confirm-totp-enrollment";
import { disableTotp } from "@/lib/services/auth/disable-totp";
import { regenerateRecoveryCodes } from "@/lib/services/auth/regenerate-recovery-codes";
import { setHubRequire2fa } from "@/lib/services/auth/set-hub-require-2fa";
import { signOutEverywhere } from "@/lib/services/auth/sign-out-everywhere";
import { startTotpEnrollment } from "@/lib/services/auth/start-totp-enrollment";
import { plaintextLeaks } from "@/tests/support/plaintext";
import { PASSWORD, auditRows, codeAt, createHubMember, createUser, uniqueIp, userCtx, wrongCode } from "./helpers";

afterAll(() => db.$disconnect());

const NEW_PASSWORD = "a brand new passphrase 42";

describe("TOTP enrollment", () => {
  it("stores a pending encrypted secret, enables 2FA with a current code and returns ten recovery codes", async () => {
    const user = await createUser({ tag: "enroll" });
    const ctx = userCtx(user);
    const started = await startTotpEnrollment({ ctx, input: { currentPassword: PASSWORD } });
    expect(started.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(started.otpauthUri).toContain(encodeURIComponent(user.email));
    const pending = await db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { totpSecretEnc: true, totpEnabledAt: true },
    });
    expect(pending.totpEnabledAt).toBeNull();
    expect(pending.totpSecretEnc).not.toContain(started.secret);
    // Neither the Base32 secret nor its raw key bytes, in any encoding.
    expect(plaintextLeaks(pending.totpSecretEnc ?? "", started.secret, base32.decode(started.secret))).toEqual([]);
    expect(decryptSecret(pending.totpSecretEnc ?? "")).toBe(started.secret);

    const { recoveryCodes } = await confirmTotpEnrollment({ ctx, input: { code: await codeAt(started.secret) } });
    expect(recoveryCodes).toHaveLength(10);
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id }, select: { codeHash: true } });
    expect(stored.map((s) => s.codeHash).sort()).toEqual(recoveryCodes.map(hashRecoveryCode).sort());
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).not.toBeNull();
    expect(await auditRows(user.id, "auth.totp.enrollment_started")).toHaveLength(1);
    const [enabled] = await auditRows(user.id, "auth.totp.enable");
    expect(enabled?.metadata).toEqual({ totpStep: expect.any(Number), recoveryCodes: 10, sessionVersion: 1 });
    expect(JSON.stringify(enabled)).not.toContain(recoveryCodes[0]);

    await expect(startTotpEnrollment({ ctx, input: { currentPassword: PASSWORD } })).rejects.toThrow("already on");
  });

  it("keeps 2FA off on a wrong or malformed code", async () => {
    const user = await createUser({ tag: "enroll-bad" });
    const ctx = userCtx(user);
    const { secret } = await startTotpEnrollment({ ctx, input: { currentPassword: PASSWORD } });
    await expect(confirmTotpEnrollment({ ctx, input: { code: await wrongCode(secret) } })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(confirmTotpEnrollment({ ctx, input: { code: "12ab" } })).rejects.toMatchObject({
      fieldErrors: { code: [expect.any(String)] },
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).toBeNull();
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses to confirm without a pending secret", async () => {
    const user = await createUser({ tag: "enroll-none" });
    await expect(confirmTotpEnrollment({ ctx: userCtx(user), input: { code: "123456" } })).rejects.toBeInstanceOf(
      PreconditionError,
    );
  });
});

describe("disable 2FA", () => {
  it("needs the current password and a current code, then removes the secret and the recovery codes", async () => {
    const user = await createUser({ tag: "disable", totp: true, recoveryCodes: ["aaaaa-aaaaa"] });
    const ctx = userCtx(user);
    const secret = user.totpSecret ?? "";
    await expect(disableTotp({ ctx, input: { password: "wrong", code: await codeAt(secret) } })).rejects.toMatchObject({
      fieldErrors: { password: [expect.any(String)] },
    });
    await expect(
      disableTotp({ ctx, input: { password: PASSWORD, code: await wrongCode(secret) } }),
    ).rejects.toMatchObject({
      fieldErrors: { code: [expect.any(String)] },
    });
    await expect(disableTotp({ ctx, input: { password: "", code: "" } })).rejects.toBeInstanceOf(ValidationError);
    expect(await auditRows(user.id, "auth.totp.disable.failed")).toHaveLength(2);

    await expect(disableTotp({ ctx, input: { password: PASSWORD, code: await codeAt(secret) } })).resolves.toEqual({
      disabled: true,
      sessionVersion: 1,
    });
    const row = await db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { totpSecretEnc: true, totpEnabledAt: true },
    });
    expect(row).toEqual({ totpSecretEnc: null, totpEnabledAt: null });
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await auditRows(user.id, "auth.totp.disable")).toEqual([
      expect.objectContaining({ metadata: { method: "totp", sessionVersion: 1, totpStep: expect.any(Number) } }),
    ]);
  });

  it("is refused while a Hub of the user requires 2FA", async () => {
    const user = await createUser({ tag: "disable-required", totp: true });
    await createHubMember(user, "DEVELOPER", true);
    await expect(
      disableTotp({ ctx: userCtx(user), input: { password: PASSWORD, code: await codeAt(user.totpSecret ?? "") } }),
    ).rejects.toThrow("requires two-factor authentication");
  });

  it("stops re-authentication attempts after five failures", async () => {
    const user = await createUser({ tag: "disable-brute", totp: true });
    const ctx = userCtx(user);
    for (let i = 0; i < 5; i += 1) {
      await expect(disableTotp({ ctx, input: { password: `guess-${i}`, code: "000000" } })).rejects.toBeInstanceOf(
        ValidationError,
      );
    }
    await expect(
      disableTotp({ ctx, input: { password: PASSWORD, code: await codeAt(user.totpSecret ?? "") } }),
    ).rejects.toThrow("Too many wrong attempts");
  });

  it("regenerates recovery codes after a current code; the old ones stop working", async () => {
    const user = await createUser({ tag: "regen", totp: true, recoveryCodes: ["old00-code0"] });
    const { recoveryCodes } = await regenerateRecoveryCodes({
      ctx: userCtx(user),
      input: { code: await codeAt(user.totpSecret ?? "") },
    });
    expect(recoveryCodes).toHaveLength(10);
    expect(await db.recoveryCode.count({ where: { userId: user.id, codeHash: hashRecoveryCode("old00-code0") } })).toBe(
      0,
    );
    expect(await auditRows(user.id, "auth.recovery_codes.regenerate")).toHaveLength(1);
  });
});

describe("change password", () => {
  it("checks the current password, stores the new one, bumps sessionVersion and audits", async () => {
    const user = await createUser({ tag: "pw" });
    const ctx = userCtx(user);
    const res = await changePassword({
      ctx,
      input: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
    });
    expect(res).toEqual({ sessionVersion: 1 });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);
    expect(await auditRows(user.id, "auth.password.change")).toEqual([
      expect.objectContaining({ metadata: { sessionVersion: 1 } }),
    ]);
    const ip = uniqueIp();
    await expect(authenticate({ email: user.email, password: PASSWORD }, { ip })).resolves.toMatchObject({ ok: false });
    await expect(authenticate({ email: user.email, password: NEW_PASSWORD }, { ip })).resolves.toMatchObject({
      ok: true,
      user: { sessionVersion: 1 },
    });
  });

  it.each([
    [
      "a wrong current password",
      { currentPassword: "nope", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      "currentPassword",
    ],
    [
      "a new password under 12 characters",
      { currentPassword: PASSWORD, newPassword: "short", confirmPassword: "short" },
      "newPassword",
    ],
    [
      "the same password again",
      { currentPassword: PASSWORD, newPassword: PASSWORD, confirmPassword: PASSWORD },
      "newPassword",
    ],
    [
      "a confirmation that differs",
      { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: "something else!!" },
      "confirmPassword",
    ],
  ])("refuses %s and changes nothing", async (_label, input, field) => {
    const user = await createUser({ tag: "pw-bad" });
    const err = await changePassword({ ctx: userCtx(user), input }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    if (field !== "currentPassword") expect((err as ValidationError).fieldErrors[field]).toBeDefined();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(0);
  });
});

describe("sign out everywhere", () => {
  it("bumps sessionVersion and audits it", async () => {
    const user = await createUser({ tag: "everywhere" });
    await expect(signOutEverywhere({ ctx: userCtx(user) })).resolves.toEqual({ sessionVersion: 1 });
    await expect(signOutEverywhere({ ctx: userCtx(user) })).resolves.toEqual({ sessionVersion: 2 });
    expect(await auditRows(user.id, "auth.sign_out_everywhere")).toHaveLength(2);
  });

  it("re-issues only through a signed, unexpired ticket for the same user", async () => {
    const ticket = createReissueTicket("user-1", 4, "sess-a");
    expect(readReissueTicket(ticket, "user-1", "sess-a")).toBe(4);
    expect(readReissueTicket(ticket, "user-2", "sess-a")).toBeNull();
    expect(readReissueTicket(ticket.replace(".4.", ".5."), "user-1", "sess-a")).toBeNull();
    expect(
      readReissueTicket(createReissueTicket("user-1", 4, "sess-a", Date.now() - 10 * 60_000), "user-1", "sess-a"),
    ).toBeNull();
    expect(readReissueTicket("garbage", "user-1", "sess-a")).toBeNull();
    // Bound to the session that changed the password: another (revoked) session cannot use it.
    expect(readReissueTicket(ticket, "user-1", "sess-b")).toBeNull();
    expect(readReissueTicket(ticket.replace(".sess-a.", ".sess-b."), "user-1", "sess-b")).toBeNull();
  });
});

describe("Hub setting: require 2FA", () => {
  it("is changed by an Owner with 2FA, audited with before/after on the Hub", async () => {
    const owner = await createUser({ tag: "req-owner", totp: true });
    const ctx = await createHubMember(owner, "OWNER");
    await expect(setHubRequire2fa({ ctx, input: { require2fa: "on" } })).resolves.toEqual({
      require2fa: true,
      membersWithout2fa: 0,
    });
    expect((await db.hub.findUniqueOrThrow({ where: { id: ctx.hub.id } })).require2fa).toBe(true);
    const [row] = await auditRows(owner.id, "hub.settings.require_2fa");
    expect(row).toMatchObject({ hubId: ctx.hub.id, before: { require2fa: false }, after: { require2fa: true } });
    await expect(setHubRequire2fa({ ctx, input: {} })).resolves.toMatchObject({ require2fa: false });
  });

  it("refuses a role without hub.settings.manage", async () => {
    const dev = await createUser({ tag: "req-dev", totp: true });
    const ctx = await createHubMember(dev, "DEVELOPER");
    await expect(setHubRequire2fa({ ctx, input: { require2fa: "on" } })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db.hub.findUniqueOrThrow({ where: { id: ctx.hub.id } })).require2fa).toBe(false);
  });

  it("refuses to turn it on for an admin who has no 2FA yet", async () => {
    const admin = await createUser({ tag: "req-admin" });
    const ctx = await createHubMember(admin, "ADMIN");
    await expect(setHubRequire2fa({ ctx, input: { require2fa: "on" } })).rejects.toBeInstanceOf(PreconditionError);
  });
});
