/** @jest-environment node */
import { sha256 } from "@/lib/server/crypto";
import { db } from "@/lib/server/db";
import { ConflictError, PreconditionError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { hashPassword } from "@/lib/server/password";
import { roleAccountPermissions } from "@/lib/server/permissions";
import { acceptInvite } from "@/lib/services/invites/accept";
import { createInvite } from "@/lib/services/invites/create";
import { getInviteByToken } from "@/lib/services/invites/get-by-token";
import { listInvites } from "@/lib/services/invites/list";
import { resendInvite } from "@/lib/services/invites/resend";
import { revokeInvite } from "@/lib/services/invites/revoke";
import { createTestAccount, createTestHub, expectHubsUnchanged, lastAudit, uid, type TestHub } from "./factories";

// Each test file has its own Prisma pool: close it so files do not exhaust the database's sockets.
afterAll(() => db.$disconnect());

const request = { ip: "198.51.100.1", userAgent: "jest" };
const tokenOf = (path: string | null) => (path ?? "").replace("/invite/", "");

let hub: TestHub;
let other: TestHub;
beforeAll(async () => {
  hub = await createTestHub();
  other = await createTestHub();
});
beforeEach(() => jest.spyOn(console, "info").mockImplementation(() => {}));
afterEach(() => jest.restoreAllMocks());

describe("createInvite", () => {
  it("stores only the token's hash, expires in 7 days, returns the link once and audits", async () => {
    const acc = await createTestAccount(hub, { baseUrl: "http://127.0.0.1:9" });
    const email = `New.${uid()}@Example.test`;
    const res = await createInvite({ ctx: hub.ctx("ADMIN"), input: { email, role: "OPERATOR", accountIds: [acc.id] } });
    expect(res.emailed).toBe(false);
    const token = tokenOf(res.invitePath);
    expect(token.length).toBeGreaterThan(30);
    const row = await db.invite.findUniqueOrThrow({ where: { id: res.inviteId } });
    expect(row.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.email).toBe(email.toLowerCase());
    const days = (row.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    const audit = await lastAudit(hub.hubId, "team.invite.create");
    expect(audit?.targetId).toBe(res.inviteId);
    expect(JSON.stringify(audit)).not.toContain(token);
    expect((await listInvites({ ctx: hub.ctx("OWNER") })).map((i) => i.id)).toContain(res.inviteId);
  });

  it("rejects invalid input", async () => {
    await expect(
      createInvite({ ctx: hub.ctx("OWNER"), input: { email: "not-an-email", role: "OPERATOR" } }),
    ).rejects.toThrow(ValidationError);
    await expect(
      createInvite({ ctx: hub.ctx("OWNER"), input: { email: `a${uid()}@x.test`, role: "KING" as "OWNER" } }),
    ).rejects.toThrow(ValidationError);
  });

  it("refuses roles without hub.team.manage, and Owner invitations from Admins", async () => {
    for (const role of ["DEVELOPER", "OPERATOR", "FINANCE", "READ_ONLY"] as const) {
      await expect(
        createInvite({ ctx: hub.ctx(role), input: { email: `a${uid()}@x.test`, role: "READ_ONLY" } }),
      ).rejects.toThrow(ForbiddenError);
    }
    await expect(
      createInvite({ ctx: hub.ctx("ADMIN"), input: { email: `a${uid()}@x.test`, role: "OWNER" } }),
    ).rejects.toThrow(ForbiddenError);
  });

  it("rejects another Hub's API account as NotFound", async () => {
    const foreign = await createTestAccount(other, { baseUrl: "http://127.0.0.1:9" });
    await expectHubsUnchanged([hub, other], () =>
      expect(
        createInvite({
          ctx: hub.ctx("OWNER"),
          input: { email: `a${uid()}@x.test`, role: "READ_ONLY", accountIds: [foreign.id] },
        }),
      ).rejects.toThrow(NotFoundError),
    );
  });

  it("refuses to invite an existing member", async () => {
    await expect(
      createInvite({ ctx: hub.ctx("OWNER"), input: { email: hub.members.FINANCE.email, role: "FINANCE" } }),
    ).rejects.toThrow(ConflictError);
  });
});

describe("resend and revoke", () => {
  it("resend issues a new token and the old one stops working", async () => {
    const first = await createInvite({
      ctx: hub.ctx("OWNER"),
      input: { email: `r${uid()}@x.test`, role: "READ_ONLY" },
    });
    const second = await resendInvite({ ctx: hub.ctx("ADMIN"), input: { inviteId: first.inviteId } });
    expect(tokenOf(second.invitePath)).not.toBe(tokenOf(first.invitePath));
    expect(await getInviteByToken({ token: tokenOf(first.invitePath) })).toBeNull();
    expect(await getInviteByToken({ token: tokenOf(second.invitePath) })).not.toBeNull();
    expect((await lastAudit(hub.hubId, "team.invite.resend"))?.targetId).toBe(first.inviteId);
    await expectHubsUnchanged([hub, other], () =>
      expect(resendInvite({ ctx: other.ctx("OWNER"), input: { inviteId: first.inviteId } })).rejects.toThrow(
        NotFoundError,
      ),
    );
    await expect(resendInvite({ ctx: hub.ctx("READ_ONLY"), input: { inviteId: first.inviteId } })).rejects.toThrow(
      ForbiddenError,
    );
    await expect(resendInvite({ ctx: hub.ctx("OWNER"), input: { inviteId: "" } })).rejects.toThrow(ValidationError);
  });

  it("revoke makes the link unusable and is audited", async () => {
    const inv = await createInvite({ ctx: hub.ctx("OWNER"), input: { email: `v${uid()}@x.test`, role: "READ_ONLY" } });
    await expectHubsUnchanged([hub, other], () =>
      expect(revokeInvite({ ctx: other.ctx("OWNER"), input: { inviteId: inv.inviteId } })).rejects.toThrow(
        NotFoundError,
      ),
    );
    await expect(revokeInvite({ ctx: hub.ctx("DEVELOPER"), input: { inviteId: inv.inviteId } })).rejects.toThrow(
      ForbiddenError,
    );
    await revokeInvite({ ctx: hub.ctx("ADMIN"), input: { inviteId: inv.inviteId } });
    expect(await getInviteByToken({ token: tokenOf(inv.invitePath) })).toBeNull();
    await expect(
      acceptInvite({
        ctx: { actor: null, request, requestId: "test" },
        input: { token: tokenOf(inv.invitePath), name: "X", password: "long-enough-password" },
      }),
    ).rejects.toThrow(NotFoundError);
    expect((await lastAudit(hub.hubId, "team.invite.revoke"))?.targetId).toBe(inv.inviteId);
  });
});

describe("acceptInvite", () => {
  it("creates the user, membership and account access with the role's grants, once", async () => {
    const acc = await createTestAccount(hub, { baseUrl: "http://127.0.0.1:9", access: ["OWNER"] });
    const email = `join${uid()}@x.test`;
    const inv = await createInvite({ ctx: hub.ctx("OWNER"), input: { email, role: "FINANCE", accountIds: [acc.id] } });
    const token = tokenOf(inv.invitePath);
    await expect(
      acceptInvite({
        ctx: { actor: null, request, requestId: "test" },
        input: { token, name: "Fin", password: "short" },
      }),
    ).rejects.toThrow(ValidationError);
    const res = await acceptInvite({
      ctx: { actor: null, request, requestId: "test" },
      input: { token, name: "Fin Ance", password: "a-long-enough-password" },
    });
    expect(res.isNewUser).toBe(true);
    const m = await db.membership.findFirstOrThrow({
      where: { hubId: hub.hubId, user: { email } },
      select: { role: true, accountAccess: true },
    });
    expect(m.role).toBe("FINANCE");
    expect(m.accountAccess).toHaveLength(1);
    expect(m.accountAccess[0]?.grants).toEqual(roleAccountPermissions("FINANCE"));
    const audit = await lastAudit(hub.hubId, "team.invite.accept");
    expect(audit?.actorEmail).toBe(email);
    expect(audit?.ip).toBe("198.51.100.1");
    // Single use.
    await expect(
      acceptInvite({
        ctx: { actor: null, request, requestId: "test" },
        input: { token, name: "Again", password: "a-long-enough-password" },
      }),
    ).rejects.toThrow(NotFoundError);
  });

  it("lets an existing user join only while signed in as that user; the link never checks a password", async () => {
    const email = `exist${uid()}@x.test`;
    const user = await db.user.create({
      data: { email, name: "Existing", passwordHash: await hashPassword("the-right-password") },
      select: { id: true },
    });
    const inv = await createInvite({ ctx: other.ctx("OWNER"), input: { email, role: "READ_ONLY" } });
    const token = tokenOf(inv.invitePath);
    // The right password through the link is refused just like a wrong one: no password oracle.
    await expect(
      acceptInvite({
        ctx: { actor: null, request, requestId: "test" },
        input: { token, password: "wrong-password!!" },
      }),
    ).rejects.toThrow(PreconditionError);
    await expect(
      acceptInvite({
        ctx: { actor: null, request, requestId: "test" },
        input: { token, name: "X", password: "the-right-password" },
      }),
    ).rejects.toThrow(PreconditionError);
    const res = await acceptInvite({
      ctx: { actor: { id: user.id, email, name: "Existing" }, request, requestId: "test" },
      input: { token },
    });
    expect(res.isNewUser).toBe(false);
  });

  it("refuses a signed-in user whose email differs from the invitation", async () => {
    const inv = await createInvite({
      ctx: hub.ctx("OWNER"),
      input: { email: hub.members.READ_ONLY.email.replace("read_only", "someone"), role: "READ_ONLY" },
    });
    const actor = { id: hub.members.DEVELOPER.userId, email: hub.members.DEVELOPER.email, name: "Dev" };
    const someone = `${inv.email}`;
    await db.user.create({ data: { email: someone, name: "Someone", passwordHash: "x" } });
    await expect(
      acceptInvite({ ctx: { actor, request, requestId: "test" }, input: { token: tokenOf(inv.invitePath) } }),
    ).rejects.toThrow(ForbiddenError);
  });
});
