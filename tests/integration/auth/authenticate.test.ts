/** @jest-environment node */
import { db } from "@/lib/server/db";
import { TOTP_PERIOD_S } from "@/lib/server/totp";
import { authenticate, MAX_FAILED_SIGN_INS } from "@/lib/services/auth/authenticate";
import { PASSWORD, auditRows, codeAt, createHubMember, createUser, uniqueEmail, uniqueIp, wrongCode } from "./helpers";

afterAll(() => db.$disconnect());

const req = () => ({ ip: uniqueIp(), userAgent: "jest" });

describe("authenticate: password", () => {
  it("signs in with the right password, resets the failure count and writes an audit row", async () => {
    const user = await createUser({ tag: "ok" });
    await db.user.update({ where: { id: user.id }, data: { failedSignIns: 3 } });
    const request = req();
    const res = await authenticate({ email: user.email.toUpperCase(), password: PASSWORD }, request);
    expect(res).toMatchObject({ ok: true, method: "password", user: { id: user.id, sessionVersion: 0 } });
    const row = await db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { failedSignIns: true, lastSignInAt: true },
    });
    expect(row.failedSignIns).toBe(0);
    expect(row.lastSignInAt).not.toBeNull();
    expect(await auditRows(user.id, "auth.sign_in")).toEqual([
      expect.objectContaining({ ip: request.ip, userAgent: "jest", metadata: { method: "password" } }),
    ]);
  });

  it("audits a member's sign-ins and failures in every Hub they belong to (security history)", async () => {
    const user = await createUser({ tag: "member" });
    const [a, b] = [await createHubMember(user, "DEVELOPER"), await createHubMember(user, "FINANCE")];
    await authenticate({ email: user.email, password: "nope" }, req());
    await authenticate({ email: user.email, password: PASSWORD }, req());
    const hubsOf = async (action: string) => (await auditRows(user.id, action)).map((r) => r.hubId).sort();
    expect(await hubsOf("auth.sign_in")).toEqual([a.hub.id, b.hub.id].sort());
    expect(await hubsOf("auth.sign_in.failed")).toEqual([a.hub.id, b.hub.id].sort());
  });

  it("refuses invalid input without touching the database", async () => {
    await expect(authenticate({ email: "not-an-email", password: "x" }, req())).resolves.toEqual({
      ok: false,
      reason: "invalid",
    });
    await expect(authenticate({ email: uniqueEmail("x"), password: "" }, req())).resolves.toEqual({
      ok: false,
      reason: "invalid",
    });
    await expect(authenticate(null, req())).resolves.toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a wrong password, counts it and audits the reason", async () => {
    const user = await createUser({ tag: "wrong" });
    await expect(authenticate({ email: user.email, password: "nope" }, req())).resolves.toEqual({
      ok: false,
      reason: "invalid",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(1);
    expect(await auditRows(user.id, "auth.sign_in.failed")).toEqual([
      expect.objectContaining({ metadata: { failedAttempts: 1, reason: "wrong_password" } }),
    ]);
  });

  it(`pauses this email from this IP after ${MAX_FAILED_SIGN_INS} failures, even for the right password, and audits the lockout`, async () => {
    const user = await createUser({ tag: "lock" });
    const attacker = req();
    const results = [];
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i += 1)
      results.push(await authenticate({ email: user.email, password: `bad-${i}` }, attacker));
    expect(results.map((r) => (r.ok ? "ok" : r.reason))).toEqual([
      "invalid",
      "invalid",
      "invalid",
      "invalid",
      "locked",
    ]);
    await expect(authenticate({ email: user.email, password: PASSWORD }, attacker)).resolves.toEqual({
      ok: false,
      reason: "locked",
    });
    expect(await auditRows(user.id, "auth.sign_in.lockout")).toHaveLength(1);
    expect(await auditRows(user.id, "auth.sign_in.locked")).toHaveLength(1);
  });

  it("answers an unknown email like a wrong password and audits the attempt", async () => {
    const email = uniqueEmail("ghost");
    await expect(authenticate({ email, password: PASSWORD }, req())).resolves.toEqual({ ok: false, reason: "invalid" });
    const rows = await db.auditEvent.findMany({
      where: { action: "auth.sign_in.failed", metadata: { path: ["email"], equals: email } },
    });
    expect(rows).toHaveLength(1);
  });
});

describe("authenticate: rate limits", () => {
  it("limits failures per email (20 in 15 minutes, from any IP) before any password check, with the wait", async () => {
    const email = uniqueEmail("flood");
    for (let i = 0; i < 20; i += 1) await authenticate({ email, password: "x" }, req());
    const res = await authenticate({ email, password: "x" }, req());
    expect(res).toMatchObject({ ok: false, reason: "rate_limited" });
    if (!res.ok) expect(res.retryAfterS).toBeGreaterThan(14 * 60);
    const rows = await db.auditEvent.findMany({
      where: { action: "auth.sign_in.rate_limited", metadata: { path: ["email"], equals: email } },
    });
    expect(rows).toHaveLength(1);
  }, 60_000);

  it("limits failures per IP (50 in 15 minutes) across different emails", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 50; i += 1)
      await authenticate({ email: uniqueEmail("spray"), password: "x" }, { ip, userAgent: "jest" });
    const user = await createUser({ tag: "victim-of-shared-ip" });
    await expect(
      authenticate({ email: user.email, password: PASSWORD }, { ip, userAgent: "jest" }),
    ).resolves.toMatchObject({
      ok: false,
      reason: "rate_limited",
    });
    await expect(authenticate({ email: user.email, password: PASSWORD }, req())).resolves.toMatchObject({ ok: true });
  }, 60_000);
});

describe("authenticate: two-factor", () => {
  it("asks for a code after the right password without counting a failure", async () => {
    const user = await createUser({ tag: "2fa", totp: true });
    await expect(authenticate({ email: user.email, password: PASSWORD }, req())).resolves.toEqual({
      ok: false,
      reason: "totp_required",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(0);
    expect(await auditRows(user.id, "auth.sign_in.totp_required")).toHaveLength(1);
    // A wrong password is still just a wrong password: the 2FA step is not revealed.
    await expect(authenticate({ email: user.email, password: "bad", code: "123456" }, req())).resolves.toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("signs in with a current code, records its step, and refuses the same code again (replay)", async () => {
    const user = await createUser({ tag: "2fa-ok", totp: true });
    const code = await codeAt(user.totpSecret ?? "");
    const res = await authenticate({ email: user.email, password: PASSWORD, code }, req());
    expect(res).toMatchObject({ ok: true, method: "totp" });
    const [row] = await auditRows(user.id, "auth.sign_in");
    expect(row?.metadata).toEqual({ method: "totp", totpStep: expect.any(Number) });
    await expect(authenticate({ email: user.email, password: PASSWORD, code }, req())).resolves.toEqual({
      ok: false,
      reason: "totp_invalid",
    });
  });

  it("refuses a code whose step is already claimed in the database (another process accepted it)", async () => {
    const user = await createUser({ tag: "2fa-durable", totp: true });
    // One instant for the claim and the codes: the three codes' steps are all ≤ the claimed one even if
    // the 30 s boundary passes while the (slow) sign-ins run — later they are also out of the window.
    const now = Date.now();
    const step = Math.floor(now / 1000 / TOTP_PERIOD_S) + 1;
    await db.totpStepUse.create({ data: { userId: user.id, timeStep: step } });
    const codes = await Promise.all([-1, 0, 1].map((offset) => codeAt(user.totpSecret ?? "", offset, now)));
    for (const code of codes) {
      await expect(authenticate({ email: user.email, password: PASSWORD, code }, req())).resolves.toEqual({
        ok: false,
        reason: "totp_invalid",
      });
    }
  });

  it("counts wrong codes toward the lockout", async () => {
    const user = await createUser({ tag: "2fa-lock", totp: true });
    const bad = await wrongCode(user.totpSecret ?? "");
    const from = req();
    const reasons = [];
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i += 1) {
      const r = await authenticate({ email: user.email, password: PASSWORD, code: bad }, from);
      reasons.push(r.ok ? "ok" : r.reason);
    }
    expect(reasons).toEqual(["totp_invalid", "totp_invalid", "totp_invalid", "totp_invalid", "locked"]);
    const failed = await auditRows(user.id, "auth.sign_in.failed");
    expect(failed.map((r) => r.metadata)).toContainEqual({ failedAttempts: 1, reason: "wrong_totp" });
    expect(await auditRows(user.id, "auth.sign_in.lockout")).toHaveLength(1);
  });

  it("signs in once with a recovery code, marks it used and audits what is left", async () => {
    const user = await createUser({ tag: "2fa-recovery", totp: true, recoveryCodes: ["aaaaa-bbbbb", "ccccc-ddddd"] });
    await expect(
      authenticate({ email: user.email, password: PASSWORD, code: "AAAAA BBBBB" }, req()),
    ).resolves.toMatchObject({
      ok: true,
      method: "recovery_code",
    });
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: { not: null } } })).toBe(1);
    expect(await auditRows(user.id, "auth.recovery_code.used")).toEqual([
      expect.objectContaining({ metadata: { remaining: 1 } }),
    ]);
    await expect(authenticate({ email: user.email, password: PASSWORD, code: "aaaaa-bbbbb" }, req())).resolves.toEqual({
      ok: false,
      reason: "totp_invalid",
    });
    const failed = await auditRows(user.id, "auth.sign_in.failed");
    expect(failed.at(-1)?.metadata).toMatchObject({ reason: "wrong_recovery_code" });
  });
});
