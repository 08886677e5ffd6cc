/** @jest-environment node */
import { db } from "@/lib/server/db";
import { ValidationError } from "@/lib/server/errors";
import { confirmTotpEnrollment } from "@/lib/services/auth/confirm-totp-enrollment";
import { disableTotp } from "@/lib/services/auth/disable-totp";
import { startTotpEnrollment } from "@/lib/services/auth/start-totp-enrollment";
import { PASSWORD, codeAt, createUser, userCtx } from "../auth/helpers";

afterAll(() => db.$disconnect());

describe("a stolen session cannot enrol its own authenticator", () => {
  it("refuses to start enrollment without the current password and stores no secret", async () => {
    const user = await createUser({ tag: "stolen" });
    const ctx = userCtx(user);
    await expect(startTotpEnrollment({ ctx, input: {} })).rejects.toBeInstanceOf(ValidationError);
    await expect(startTotpEnrollment({ ctx, input: { currentPassword: "attacker guess" } })).rejects.toMatchObject({
      fieldErrors: { password: ["That is not your current password."] },
    });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecretEnc: true } });
    expect(row.totpSecretEnc).toBeNull();
    const failed = await db.auditEvent.findFirst({
      where: { actorUserId: user.id, action: "auth.totp.enrollment_started.failed" },
    });
    expect(failed?.metadata).toEqual({ reason: "wrong_password" });
  });

  it("enabling and disabling 2FA each end every other session (sessionVersion bumped)", async () => {
    const user = await createUser({ tag: "sessions" });
    const ctx = userCtx(user);
    const { secret } = await startTotpEnrollment({ ctx, input: { currentPassword: PASSWORD } });
    const enabled = await confirmTotpEnrollment({ ctx, input: { code: await codeAt(secret) } });
    expect(enabled.sessionVersion).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);
    // A code of the next step: the enrolment code's step cannot be replayed.
    const next = await codeAt(secret, 1);
    await expect(disableTotp({ ctx, input: { password: PASSWORD, code: next } })).resolves.toEqual({
      disabled: true,
      sessionVersion: 2,
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(2);
  });
});
