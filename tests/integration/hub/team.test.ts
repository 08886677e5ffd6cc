/** @jest-environment node */
import { db } from "@/lib/server/db";
import { ForbiddenError, NotFoundError, PreconditionError, ValidationError } from "@/lib/server/errors";
import { roleAccountPermissions } from "@/lib/server/permissions";
import { changeMemberAccess } from "@/lib/services/team/change-access";
import { changeMemberRole } from "@/lib/services/team/change-role";
import { listMembers } from "@/lib/services/team/list-members";
import { removeMember } from "@/lib/services/team/remove-member";
import { createTestAccount, createTestHub, expectHubsUnchanged, lastAudit, type TestHub } from "./factories";

// Each test file has its own Prisma pool: close it so files do not exhaust the database's sockets.
afterAll(() => db.$disconnect());

let hub: TestHub;
let other: TestHub;
beforeEach(async () => {
  hub = await createTestHub();
  other = await createTestHub();
});

describe("changeMemberRole", () => {
  it("changes the role, resets manual grants to the new role and audits before/after", async () => {
    const acc = await createTestAccount(hub, { baseUrl: "http://127.0.0.1:9", access: ["READ_ONLY"] });
    const target = hub.members.READ_ONLY;
    await changeMemberRole({ ctx: hub.ctx("ADMIN"), input: { membershipId: target.membershipId, role: "OPERATOR" } });
    const access = await db.accountAccess.findFirstOrThrow({
      where: { membershipId: target.membershipId, apiAccountId: acc.id },
    });
    expect(access.grants).toEqual(roleAccountPermissions("OPERATOR"));
    const audit = await lastAudit(hub.hubId, "team.member.change_role");
    expect(audit?.before).toMatchObject({ role: "READ_ONLY" });
    expect(audit?.after).toMatchObject({ role: "OPERATOR" });
  });

  it("rejects invalid input, forbidden roles and another Hub's member", async () => {
    const id = hub.members.FINANCE.membershipId;
    await expect(
      changeMemberRole({ ctx: hub.ctx("OWNER"), input: { membershipId: id, role: "GOD" as "OWNER" } }),
    ).rejects.toThrow(ValidationError);
    await expect(
      changeMemberRole({ ctx: hub.ctx("FINANCE"), input: { membershipId: id, role: "ADMIN" } }),
    ).rejects.toThrow(ForbiddenError);
    await expectHubsUnchanged([hub, other], () =>
      expect(changeMemberRole({ ctx: other.ctx("OWNER"), input: { membershipId: id, role: "ADMIN" } })).rejects.toThrow(
        NotFoundError,
      ),
    );
  });

  it("lets only an Owner promote to Owner or touch an Owner", async () => {
    await expect(
      changeMemberRole({
        ctx: hub.ctx("ADMIN"),
        input: { membershipId: hub.members.FINANCE.membershipId, role: "OWNER" },
      }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      changeMemberRole({
        ctx: hub.ctx("ADMIN"),
        input: { membershipId: hub.members.OWNER.membershipId, role: "ADMIN" },
      }),
    ).rejects.toThrow(ForbiddenError);
    await changeMemberRole({
      ctx: hub.ctx("OWNER"),
      input: { membershipId: hub.members.ADMIN.membershipId, role: "OWNER" },
    });
    expect((await db.membership.findUniqueOrThrow({ where: { id: hub.members.ADMIN.membershipId } })).role).toBe(
      "OWNER",
    );
  });

  it("never demotes the last Owner", async () => {
    await expect(
      changeMemberRole({
        ctx: hub.ctx("OWNER"),
        input: { membershipId: hub.members.OWNER.membershipId, role: "ADMIN" },
      }),
    ).rejects.toThrow(PreconditionError);
  });
});

describe("changeMemberAccess", () => {
  it("adds accounts with the role's defaults, removes others, and audits", async () => {
    const a = await createTestAccount(hub, { baseUrl: "http://127.0.0.1:9", access: ["DEVELOPER"] });
    const b = await createTestAccount(hub, { baseUrl: "http://127.0.0.1:9", access: [] });
    const res = await changeMemberAccess({
      ctx: hub.ctx("ADMIN"),
      input: { membershipId: hub.members.DEVELOPER.membershipId, accountIds: [b.id] },
    });
    expect(res).toMatchObject({ added: [b.id], removed: [a.id] });
    const rows = await db.accountAccess.findMany({ where: { membershipId: hub.members.DEVELOPER.membershipId } });
    expect(rows.map((r) => r.apiAccountId)).toEqual([b.id]);
    expect(rows[0]?.grants).toEqual(roleAccountPermissions("DEVELOPER"));
    expect((await lastAudit(hub.hubId, "team.member.change_access"))?.after).toMatchObject({ accountIds: [b.id] });
    const members = await listMembers({ ctx: hub.ctx("OWNER") });
    expect(members.find((m) => m.role === "DEVELOPER")?.accounts.map((x) => x.id)).toEqual([b.id]);
  });

  it("rejects another Hub's account or member, invalid input and forbidden roles", async () => {
    const foreign = await createTestAccount(other, { baseUrl: "http://127.0.0.1:9", access: [] });
    const id = hub.members.DEVELOPER.membershipId;
    await expectHubsUnchanged([hub, other], () =>
      expect(
        changeMemberAccess({ ctx: hub.ctx("OWNER"), input: { membershipId: id, accountIds: [foreign.id] } }),
      ).rejects.toThrow(NotFoundError),
    );
    await expectHubsUnchanged([hub, other], () =>
      expect(
        changeMemberAccess({ ctx: other.ctx("OWNER"), input: { membershipId: id, accountIds: [] } }),
      ).rejects.toThrow(NotFoundError),
    );
    await expect(
      changeMemberAccess({ ctx: hub.ctx("OWNER"), input: { membershipId: "", accountIds: [] } }),
    ).rejects.toThrow(ValidationError);
    await expect(
      changeMemberAccess({ ctx: hub.ctx("OPERATOR"), input: { membershipId: id, accountIds: [] } }),
    ).rejects.toThrow(ForbiddenError);
  });
});

describe("removeMember", () => {
  it("removes a member with their access and audits", async () => {
    await createTestAccount(hub, { baseUrl: "http://127.0.0.1:9", access: ["OPERATOR"] });
    const id = hub.members.OPERATOR.membershipId;
    await removeMember({ ctx: hub.ctx("ADMIN"), input: { membershipId: id } });
    expect(await db.membership.findUnique({ where: { id } })).toBeNull();
    expect(await db.accountAccess.count({ where: { membershipId: id } })).toBe(0);
    expect((await lastAudit(hub.hubId, "team.member.remove"))?.targetId).toBe(id);
  });

  it("never removes the last Owner, and Admins cannot remove Owners", async () => {
    await expect(
      removeMember({ ctx: hub.ctx("ADMIN"), input: { membershipId: hub.members.OWNER.membershipId } }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      removeMember({ ctx: hub.ctx("OWNER"), input: { membershipId: hub.members.OWNER.membershipId } }),
    ).rejects.toThrow(PreconditionError);
  });

  it("rejects another Hub's member, invalid input and forbidden roles", async () => {
    await expectHubsUnchanged([hub, other], () =>
      expect(
        removeMember({ ctx: other.ctx("OWNER"), input: { membershipId: hub.members.FINANCE.membershipId } }),
      ).rejects.toThrow(NotFoundError),
    );
    await expect(removeMember({ ctx: hub.ctx("OWNER"), input: { membershipId: "" } })).rejects.toThrow(ValidationError);
    await expect(
      removeMember({ ctx: hub.ctx("READ_ONLY"), input: { membershipId: hub.members.FINANCE.membershipId } }),
    ).rejects.toThrow(ForbiddenError);
  });
});
