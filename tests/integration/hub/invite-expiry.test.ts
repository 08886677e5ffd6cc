/** @jest-environment node */
// An expired invitation is dead everywhere: the page's lookup shows nothing, acceptance refuses before
// any password check, and the claim itself refuses when the link expires while it is being redeemed.
import { randomToken, sha256 } from "@/lib/server/crypto";
import { db } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import * as password from "@/lib/server/password";
import { acceptInvite } from "@/lib/services/invites/accept";
import { getInviteByToken } from "@/lib/services/invites/get-by-token";
import { createTestHub, uid, type TestHub } from "./factories";

jest.mock("@/lib/server/password", () => {
  const actual = jest.requireActual<typeof import("@/lib/server/password")>("@/lib/server/password");
  return { ...actual, hashPassword: jest.fn(actual.hashPassword) };
});
const hashPassword = jest.mocked(password.hashPassword);
const realHashPassword =
  jest.requireActual<typeof import("@/lib/server/password")>("@/lib/server/password").hashPassword;

afterAll(() => db.$disconnect());

const request = { ip: "198.51.100.9", userAgent: "jest" };
const MINUTE_MS = 60_000;

let hub: TestHub;
beforeAll(async () => {
  hub = await createTestHub();
});

/** An invite row whose link is `token`, expiring `expiresInMs` from now (negative: already expired). */
async function invite(email: string, expiresInMs: number) {
  const token = randomToken();
  const row = await db.invite.create({
    data: {
      hubId: hub.hubId,
      email,
      role: "READ_ONLY",
      tokenHash: sha256(token),
      accountIds: [],
      expiresAt: new Date(Date.now() + expiresInMs),
    },
    select: { id: true },
  });
  return { id: row.id, token, email };
}

/** What accepting could have changed: the user, their membership, the invite and the audit trail. */
async function traces(email: string, inviteId: string) {
  const [user, memberships, inviteRow, audit] = await Promise.all([
    db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, updatedAt: true } }),
    db.membership.count({ where: { hubId: hub.hubId, user: { email } } }),
    db.invite.findUniqueOrThrow({ where: { id: inviteId }, select: { acceptedAt: true, revokedAt: true } }),
    db.auditEvent.count({ where: { hubId: hub.hubId, action: "team.invite.accept" } }),
  ]);
  return { user, memberships, invite: inviteRow, audit };
}

describe("the invite page's lookup", () => {
  it("shows a live invitation but nothing for an expired one", async () => {
    const live = await invite(`live-${uid()}@expiry.test`, 10 * MINUTE_MS);
    const expired = await invite(`expired-${uid()}@expiry.test`, -MINUTE_MS);
    expect(await getInviteByToken({ token: live.token })).toEqual({
      email: live.email,
      hubName: hub.name,
      role: "READ_ONLY",
    }); // exactly these keys: the page never tells whether the email already has an account
    expect(await getInviteByToken({ token: expired.token })).toBeNull();
  });
});

describe("accepting an expired invitation", () => {
  it("refuses a new person and creates nothing", async () => {
    const expired = await invite(`new-${uid()}@expiry.test`, -MINUTE_MS);
    const before = await traces(expired.email, expired.id);
    await expect(
      acceptInvite({
        ctx: { actor: null, request, requestId: "test" },
        input: { token: expired.token, name: "Late", password: "a-long-enough-password" },
      }),
    ).rejects.toThrow(NotFoundError);
    expect(await traces(expired.email, expired.id)).toEqual(before);
    expect(before).toMatchObject({ user: null, memberships: 0, invite: { acceptedAt: null } });
  });

  it("refuses an existing user before looking at the password (no password oracle on a dead link)", async () => {
    const email = `existing-${uid()}@expiry.test`;
    await db.user.create({
      data: { email, name: "Existing", passwordHash: await realHashPassword("the-right-password") },
    });
    const expired = await invite(email, -MINUTE_MS);
    const before = await traces(email, expired.id);
    for (const guess of ["a-wrong-password", "the-right-password"]) {
      const err = await acceptInvite({
        ctx: { actor: null, request, requestId: "test" },
        input: { token: expired.token, password: guess },
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NotFoundError);
      expect((err as Error).message).toBe("This invitation link is invalid, already used, revoked or expired.");
    }
    expect(await traces(email, expired.id)).toEqual(before);
    expect(before.memberships).toBe(0);
  });

  it("refuses the claim when the link expires while it is being redeemed", async () => {
    const pending = await invite(`racing-${uid()}@expiry.test`, 10 * MINUTE_MS);
    // The password hash runs between the lookup and the claim: the link expires right then.
    hashPassword.mockImplementationOnce(async (plain) => {
      await db.invite.update({ where: { id: pending.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
      return realHashPassword(plain);
    });
    await expect(
      acceptInvite({
        ctx: { actor: null, request, requestId: "test" },
        input: { token: pending.token, name: "Just Late", password: "a-long-enough-password" },
      }),
    ).rejects.toThrow(NotFoundError);
    expect(hashPassword).toHaveBeenCalledTimes(1);
    expect(await traces(pending.email, pending.id)).toMatchObject({
      user: null,
      memberships: 0,
      invite: { acceptedAt: null },
    });
  });
});
