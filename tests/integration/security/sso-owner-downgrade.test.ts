/** @jest-environment node */
import { sso as mangopaySso, type MangopayClient } from "@/lib/mangopay";
import { db } from "@/lib/server/db";
import { ForbiddenError } from "@/lib/server/errors";
import { roleAccountPermissions } from "@/lib/server/permissions";
import { createSso } from "@/lib/services/sso/create";
import { deactivateSso } from "@/lib/services/sso/deactivate";
import { extendSsoInvitation } from "@/lib/services/sso/extend-invitation";
import { syncSsoGrantsForAccount, syncSsoGrantsForUser } from "@/lib/services/sso/sync-grants";
import { updateSso } from "@/lib/services/sso/update";
import { accountContextFor, type TestHub } from "../hub/factories";
import { emulatorHub } from "./emulator-hub";

afterAll(() => db.$disconnect());

let env: Awaited<ReturnType<typeof emulatorHub>>;
let direct: MangopayClient;
let hub: TestHub;
let account: Awaited<ReturnType<typeof emulatorHub>>["account"];
beforeAll(async () => {
  env = await emulatorHub(11, ["OWNER", "ADMIN"]);
  ({ direct, hub, account } = env);
});
afterAll(() => env.emulator.close());
const upstreamSsos = async () => (await mangopaySso.list(direct, { perPage: 100 })).items;

const ctx = (role: "OWNER" | "ADMIN") => accountContextFor(hub, role, account);
const ownerGrants = async () =>
  (
    await db.accountAccess.findFirst({
      where: { membershipId: hub.members.OWNER.membershipId, apiAccountId: account.id },
      select: { grants: true },
    })
  )?.grants ?? null;

describe("an Admin cannot strip an Owner's access through SSO", () => {
  it("refuses an Admin creating an SSO for an Owner's email (any case)", async () => {
    const input = {
      accountId: account.id,
      firstName: "O",
      lastName: "W",
      email: hub.members.OWNER.email.toUpperCase(),
      permissionGroupId: "READ",
    };
    await expect(createSso({ ctx: ctx("ADMIN"), input })).rejects.toThrow(ForbiddenError);
    expect((await upstreamSsos()).filter((s) => s.Email.toLowerCase() === hub.members.OWNER.email)).toHaveLength(0);
  });

  it("a read-only SSO for the Owner (made by an Owner, or at MANGOPAY directly) never lowers the Owner's grants on any sync path", async () => {
    const full = roleAccountPermissions("OWNER").length;
    expect(await ownerGrants()).toHaveLength(full);
    const sso = await createSso({
      ctx: ctx("OWNER"),
      input: {
        accountId: account.id,
        firstName: "O",
        lastName: "W",
        email: hub.members.OWNER.email,
        permissionGroupId: "READ",
      },
    });

    await syncSsoGrantsForAccount({ ctx: ctx("ADMIN"), input: { accountId: account.id } });
    expect(await ownerGrants()).toHaveLength(full);
    await syncSsoGrantsForUser(hub.members.OWNER.userId);
    expect(await ownerGrants()).toHaveLength(full);

    // An Admin may not change or deactivate the Owner's SSO either.
    await expect(
      updateSso({
        ctx: ctx("ADMIN"),
        input: { accountId: account.id, ssoId: sso.id, firstName: "O", lastName: "W", permissionGroupId: "READ" },
      }),
    ).rejects.toThrow(ForbiddenError);
    await expect(deactivateSso({ ctx: ctx("ADMIN"), input: { accountId: account.id, ssoId: sso.id } })).rejects.toThrow(
      ForbiddenError,
    );
    await expect(
      extendSsoInvitation({ ctx: ctx("ADMIN"), input: { accountId: account.id, ssoId: sso.id } }),
    ).rejects.toThrow(ForbiddenError);
    expect((await mangopaySso.get(direct, sso.id)).Active).toBe(true);

    // Even the Owner's own deactivation keeps the Owner's dashboard access.
    await deactivateSso({ ctx: ctx("OWNER"), input: { accountId: account.id, ssoId: sso.id } });
    expect(await ownerGrants()).toHaveLength(full);
  });

  it("still lets an Admin manage the SSO of an Admin (the rule is about Owners only)", async () => {
    const sso = await createSso({
      ctx: ctx("ADMIN"),
      input: {
        accountId: account.id,
        firstName: "A",
        lastName: "D",
        email: hub.members.ADMIN.email,
        permissionGroupId: "READ",
      },
    });
    await syncSsoGrantsForAccount({ ctx: ctx("ADMIN"), input: { accountId: account.id } });
    const row = await db.accountAccess.findFirstOrThrow({
      where: { membershipId: hub.members.ADMIN.membershipId, apiAccountId: account.id },
    });
    expect(row.source).toBe("SSO");
    expect(row.grants).not.toContain("payouts.create");
    await deactivateSso({ ctx: ctx("ADMIN"), input: { accountId: account.id, ssoId: sso.id } });
    expect(
      await db.accountAccess.count({
        where: { membershipId: hub.members.ADMIN.membershipId, apiAccountId: account.id },
      }),
    ).toBe(0);
  });
});
