/** @jest-environment node */
// Against the project's MANGOPAY emulator (started by the integration setup): the real token call
// when adding an account, and the SSO / permission-group endpoints the dashboard relies on.
import { db } from "@/lib/server/db";
import { setAllowCustomBaseUrls } from "@/lib/services/hubs/set-allow-custom-base-urls";
import { createApiAccount } from "@/lib/services/api-accounts/create";
import { createSso } from "@/lib/services/sso/create";
import { deactivateSso } from "@/lib/services/sso/deactivate";
import { listSsos } from "@/lib/services/sso/list";
import { listPermissionGroups } from "@/lib/services/sso/list-permission-groups";
import { syncSsoGrantsForAccount } from "@/lib/services/sso/sync-grants";
import { accountContextFor, createTestHub, uid } from "./factories";

// Each test file has its own Prisma pool: close it so files do not exhaust the database's sockets.
afterAll(() => db.$disconnect());

const emulatorUrl = process.env.EMULATOR_URL;
const describeIfEmulator = emulatorUrl ? describe : describe.skip;

describeIfEmulator("Hub × MANGOPAY emulator", () => {
  it("adds an emulator account with a verified key, reads its SSOs and groups, and syncs a member from an SSO", async () => {
    const clients = (await (await fetch(`${emulatorUrl}/_emulator/clients`)).json()) as {
      ClientId: string;
      ApiKey: string;
    }[];
    const client = clients[0];
    if (!client) throw new Error("the emulator lists no client");
    const hub = await createTestHub();
    // The emulator is a custom base URL: the Owner allows those first.
    await setAllowCustomBaseUrls({ ctx: hub.ctx("OWNER"), input: { allowCustomBaseUrls: true } });
    const account = await createApiAccount({
      ctx: hub.ctx("OWNER"),
      input: {
        name: "Emulator",
        environment: "SANDBOX",
        clientId: client.ClientId,
        apiKey: client.ApiKey,
        baseUrlChoice: "CUSTOM",
        customBaseUrl: emulatorUrl,
      },
    });
    const ctx = accountContextFor(hub, "OWNER", account);

    const groups = await listPermissionGroups({ ctx });
    expect(
      groups
        .filter((g) => g.isDefault)
        .map((g) => g.id)
        .sort(),
    ).toEqual(["ADMIN", "READ", "WRITE"]);
    const read = groups.find((g) => g.id === "READ");
    expect(read?.grants.length).toBeGreaterThan(0);
    expect(read?.grants.every((p) => p.endsWith(".read"))).toBe(true);

    // A Hub member whose email gets an SSO at MANGOPAY receives the group's scopes, then loses them.
    const member = hub.members.OPERATOR;
    const sso = await createSso({
      ctx,
      input: {
        accountId: account.id,
        firstName: "Op",
        lastName: uid(),
        email: member.email,
        permissionGroupId: "READ",
      },
    });
    expect((await listSsos({ ctx })).some((s) => s.id === sso.id && s.active)).toBe(true);
    await syncSsoGrantsForAccount({ ctx, input: { accountId: account.id } });
    const access = await db.accountAccess.findFirst({
      where: { membershipId: member.membershipId, apiAccountId: account.id },
    });
    expect(access?.source).toBe("SSO");
    expect(access?.grants).toEqual(expect.arrayContaining(["users.read", "payouts.read"]));
    await deactivateSso({ ctx, input: { accountId: account.id, ssoId: sso.id } });
    expect(
      await db.accountAccess.count({ where: { membershipId: member.membershipId, apiAccountId: account.id } }),
    ).toBe(0);
  });
});
