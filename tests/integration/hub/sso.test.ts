/** @jest-environment node */
import { INVITATION_TTL_SECONDS } from "@/emulator/domain/dashboard-access";
import { createMangopayClient, sso as mangopaySso } from "@/lib/mangopay";
import { db } from "@/lib/server/db";
import { ForbiddenError, NotFoundError, PreconditionError, ValidationError } from "@/lib/server/errors";
import { createSso } from "@/lib/services/sso/create";
import { createPermissionGroup } from "@/lib/services/sso/create-permission-group";
import { deactivateSso } from "@/lib/services/sso/deactivate";
import { extendSsoInvitation } from "@/lib/services/sso/extend-invitation";
import { listSsos } from "@/lib/services/sso/list";
import { listPermissionGroups } from "@/lib/services/sso/list-permission-groups";
import { syncSsoGrantsForAccount, syncSsoGrantsForUser } from "@/lib/services/sso/sync-grants";
import { updateSso } from "@/lib/services/sso/update";
import { updatePermissionGroup } from "@/lib/services/sso/update-permission-group";
import { startTestEmulator, type TestEmulator } from "../mangopay/helpers";
import {
  accountContextFor,
  createTestAccount,
  createTestHub,
  expectHubsUnchanged,
  lastAudit,
  uid,
  type TestHub,
} from "./factories";

// Each test file has its own Prisma pool: close it so files do not exhaust the database's sockets.
afterAll(() => db.$disconnect());

// A private emulator: the re-invite test moves its clock past the invitation lifetime.
let emulator: TestEmulator;
let mp: { url: string; clientId: string; apiKey: string };
let hub: TestHub;
let other: TestHub;
let account: Awaited<ReturnType<typeof createTestAccount>>;

beforeAll(async () => {
  emulator = await startTestEmulator(7);
  const client = emulator.clients[0];
  if (!client) throw new Error("the emulator has no client");
  mp = { url: emulator.url, clientId: client.ClientId, apiKey: client.ApiKey };
  hub = await createTestHub();
  other = await createTestHub();
  account = await createTestAccount(hub, {
    baseUrl: mp.url,
    clientId: mp.clientId,
    apiKey: mp.apiKey,
    access: ["OWNER", "ADMIN", "DEVELOPER"],
  });
});

afterAll(() => emulator.close());

const owner = () => accountContextFor(hub, "OWNER", account);

describe("SSO objects", () => {
  it("creates, lists, updates and re-invites SSOs, auditing each change", async () => {
    const email = `sso${uid()}@x.test`;
    const created = await createSso({
      ctx: owner(),
      input: { accountId: account.id, firstName: "Ana", lastName: "Lima", email, permissionGroupId: "READ" },
    });
    expect(created.active).toBe(true);
    expect((await lastAudit(hub.hubId, "sso.create"))?.after).toMatchObject({ email });
    expect((await listSsos({ ctx: accountContextFor(hub, "DEVELOPER", account) })).map((s) => s.email)).toContain(
      email,
    );
    const updated = await updateSso({
      ctx: owner(),
      input: {
        accountId: account.id,
        ssoId: created.id,
        firstName: "Ana",
        lastName: "Lima-Costa",
        permissionGroupId: "WRITE",
      },
    });
    expect(updated.permissionGroupId).toBe("WRITE");
    expect((await lastAudit(hub.hubId, "sso.update"))?.before).toMatchObject({ permissionGroupId: "READ" });
    // MANGOPAY re-sends only an expired invitation: before that, its refusal is shown and nothing is audited.
    await expect(
      extendSsoInvitation({ ctx: owner(), input: { accountId: account.id, ssoId: created.id } }),
    ).rejects.toThrow("The invitation has not expired yet");
    expect(await lastAudit(hub.hubId, "sso.extend_invitation")).toBeNull();
    await emulator.control("POST", "/clock", { advanceSeconds: INVITATION_TTL_SECONDS + 60 });
    const extended = await extendSsoInvitation({ ctx: owner(), input: { accountId: account.id, ssoId: created.id } });
    expect(extended.invitationStatus).toBe("SENT");
    expect((await lastAudit(hub.hubId, "sso.extend_invitation"))?.targetId).toBe(created.id);
  });

  it("rejects invalid input, roles without the permission, and another Hub", async () => {
    await expect(
      createSso({
        ctx: owner(),
        input: { accountId: account.id, firstName: "", lastName: "x", email: "bad", permissionGroupId: "READ" },
      }),
    ).rejects.toThrow(ValidationError);
    await expect(
      updateSso({
        ctx: owner(),
        input: { accountId: account.id, ssoId: "../x", firstName: "a", lastName: "b", permissionGroupId: "READ" },
      }),
    ).rejects.toThrow(ValidationError);
    const dev = accountContextFor(hub, "DEVELOPER", account);
    await expect(
      createSso({
        ctx: dev,
        input: {
          accountId: account.id,
          firstName: "a",
          lastName: "b",
          email: `d${uid()}@x.test`,
          permissionGroupId: "READ",
        },
      }),
    ).rejects.toThrow(ForbiddenError);
    await expect(listSsos({ ctx: accountContextFor(hub, "READ_ONLY", account) })).rejects.toThrow(ForbiddenError);
    await expectHubsUnchanged([hub, other], () =>
      expect(listSsos({ ctx: accountContextFor(other, "OWNER", account) })).rejects.toThrow(NotFoundError),
    );
    await expect(
      updateSso({
        ctx: owner(),
        input: { accountId: account.id, ssoId: "99999999", firstName: "a", lastName: "b", permissionGroupId: "READ" },
      }),
    ).rejects.toThrow(NotFoundError);
  });
});

describe("permission groups", () => {
  it("creates and updates custom groups; DEFAULT groups are refused server-side", async () => {
    const group = await createPermissionGroup({
      ctx: owner(),
      input: { accountId: account.id, name: "Payouts team", grants: ["payouts.read", "payouts.create"] },
    });
    expect(group.isDefault).toBe(false);
    expect(group.grants).toEqual(["payouts.read", "payouts.create"]);
    const updated = await updatePermissionGroup({
      ctx: owner(),
      input: { accountId: account.id, permissionGroupId: group.id, name: "Payouts", grants: ["payouts.read"] },
    });
    expect(updated.grants).toEqual(["payouts.read"]);
    expect((await lastAudit(hub.hubId, "permission_group.update"))?.before).toMatchObject({
      grants: ["payouts.read", "payouts.create"],
    });
    await expect(
      updatePermissionGroup({
        ctx: owner(),
        input: { accountId: account.id, permissionGroupId: "ADMIN", name: "x", grants: [] },
      }),
    ).rejects.toThrow(PreconditionError);
    await expect(
      createPermissionGroup({ ctx: owner(), input: { accountId: account.id, name: "x", grants: ["payouts.delete"] } }),
    ).rejects.toThrow(ValidationError);
    await expect(
      createPermissionGroup({
        ctx: accountContextFor(hub, "DEVELOPER", account),
        input: { accountId: account.id, name: "x", grants: [] },
      }),
    ).rejects.toThrow(ForbiddenError);
    const groups = await listPermissionGroups({ ctx: owner() });
    expect(groups.slice(0, 3).every((g) => g.isDefault)).toBe(true);
  });
});

describe("SSO → dashboard grants", () => {
  it("syncs an active SSO's group scopes as SSO grants, and a deactivation removes them", async () => {
    const target = hub.members.READ_ONLY;
    // The member has no access yet; an SSO with the READ group gives it to them.
    const sso = await createSso({
      ctx: owner(),
      input: { accountId: account.id, firstName: "R", lastName: "O", email: target.email, permissionGroupId: "READ" },
    });
    const summary = await syncSsoGrantsForAccount({ ctx: owner(), input: { accountId: account.id } });
    expect(summary.granted).toBeGreaterThanOrEqual(1);
    const row = await db.accountAccess.findFirstOrThrow({
      where: { membershipId: target.membershipId, apiAccountId: account.id },
    });
    expect(row.source).toBe("SSO");
    expect(row.grants).toEqual(expect.arrayContaining(["users.read", "payouts.read"]));
    expect((await lastAudit(hub.hubId, "access.sso.grant"))?.targetId).toBe(target.membershipId);

    await deactivateSso({ ctx: owner(), input: { accountId: account.id, ssoId: sso.id } });
    expect(
      await db.accountAccess.count({ where: { membershipId: target.membershipId, apiAccountId: account.id } }),
    ).toBe(0);
    expect((await lastAudit(hub.hubId, "access.sso.revoke"))?.metadata).toMatchObject({ trigger: "deactivate" });
  });

  it("syncSsoGrantsForUser (sign-in) grants and revokes for that user only", async () => {
    const target = hub.members.FINANCE;
    const sso = await createSso({
      ctx: owner(),
      input: { accountId: account.id, firstName: "F", lastName: "I", email: target.email, permissionGroupId: "WRITE" },
    });
    const res = await syncSsoGrantsForUser(target.userId);
    expect(res).toMatchObject({ granted: 1, revoked: 0, failedAccountIds: [] });
    const row = await db.accountAccess.findFirstOrThrow({
      where: { membershipId: target.membershipId, apiAccountId: account.id },
    });
    expect(row.source).toBe("SSO");
    // Finance's role caps the WRITE group: no payouts.create even though WRITE has it.
    expect(row.grants).toContain("payouts.read");
    expect(row.grants).not.toContain("payouts.create");
    // Deactivated directly at MANGOPAY (not through the dashboard, which would revoke at once).
    const direct = createMangopayClient(
      { clientId: mp.clientId, apiKey: mp.apiKey, baseUrl: mp.url },
      { addressPolicy: { allowPrivateHosts: true } },
    );
    expect((await mangopaySso.update(direct, sso.id, { Active: false })).Active).toBe(false);
    expect((await syncSsoGrantsForUser(target.userId)).revoked).toBe(1);
    expect(
      await db.accountAccess.count({ where: { membershipId: target.membershipId, apiAccountId: account.id } }),
    ).toBe(0);
  });

  it("refuses the sync to members without dashboard.permissions.manage", async () => {
    await expect(
      syncSsoGrantsForAccount({ ctx: accountContextFor(hub, "DEVELOPER", account), input: { accountId: account.id } }),
    ).rejects.toThrow(ForbiddenError);
  });
});
