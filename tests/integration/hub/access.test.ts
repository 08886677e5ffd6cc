/** @jest-environment node */
import { loadAccountContext } from "@/lib/server/account-context";
import { db } from "@/lib/server/db";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { listAccountMembers } from "@/lib/services/access/list-account-members";
import { updateAccountGrants } from "@/lib/services/access/update-grants";
import {
  accountContextFor,
  createTestAccount,
  createTestHub,
  expectHubsUnchanged,
  lastAudit,
  type TestHub,
} from "./factories";

// Each test file has its own Prisma pool: close it so files do not exhaust the database's sockets.
afterAll(() => db.$disconnect());

let hub: TestHub;
let other: TestHub;
let account: Awaited<ReturnType<typeof createTestAccount>>;
beforeAll(async () => {
  hub = await createTestHub();
  other = await createTestHub();
  account = await createTestAccount(hub, {
    baseUrl: "http://127.0.0.1:9",
    access: ["OWNER", "ADMIN", "OPERATOR", "READ_ONLY"],
  });
});

describe("loadAccountContext", () => {
  it("computes role ∩ this account's grants", async () => {
    await db.accountAccess.updateMany({
      where: { apiAccountId: account.id, membershipId: hub.members.OPERATOR.membershipId },
      data: { grants: ["users.read", "payouts.read", "payouts.create", "ssos.read"] },
    });
    const ctx = await loadAccountContext(hub.ctx("OPERATOR"), account.id);
    expect(ctx.account.id).toBe(account.id);
    expect(ctx.permissions.has("payouts.create")).toBe(true);
    expect(ctx.permissions.has("payouts.edit")).toBe(false); // role allows it, not granted here
    expect(ctx.permissions.has("ssos.read")).toBe(false); // granted, but not in the Operator role
  });

  it("is NotFound for another Hub's account, an account without access, and garbage ids", async () => {
    await expect(loadAccountContext(other.ctx("OWNER"), account.id)).rejects.toThrow(NotFoundError);
    await expect(loadAccountContext(hub.ctx("FINANCE"), account.id)).rejects.toThrow(NotFoundError);
    await expect(loadAccountContext(hub.ctx("OWNER"), "")).rejects.toThrow(NotFoundError);
    await expect(loadAccountContext(hub.ctx("OWNER"), { id: 1 })).rejects.toThrow(NotFoundError);
  });
});

describe("updateAccountGrants", () => {
  it("narrows a member's grants on this account only, takes effect on the next context, and audits", async () => {
    const second = await createTestAccount(hub, { baseUrl: "http://127.0.0.1:9", access: ["READ_ONLY"] });
    const ctx = accountContextFor(hub, "ADMIN", account);
    const target = hub.members.READ_ONLY.membershipId;
    await updateAccountGrants({ ctx, input: { accountId: account.id, membershipId: target, grants: ["users.read"] } });
    const narrowed = await loadAccountContext(hub.ctx("READ_ONLY"), account.id);
    expect([...narrowed.permissions].filter((p) => p.includes("."))).toEqual(["users.read"]);
    const untouched = await loadAccountContext(hub.ctx("READ_ONLY"), second.id);
    expect(untouched.permissions.has("payouts.read")).toBe(true);
    const audit = await lastAudit(hub.hubId, "access.grants.update");
    expect(audit?.apiAccountId).toBe(account.id);
    expect(audit?.after).toMatchObject({ grants: ["users.read"], source: "MANUAL" });
    const members = await listAccountMembers({ ctx });
    expect(members.find((m) => m.membershipId === target)?.grants).toEqual(["users.read"]);
  });

  it("refuses grants outside the member's role", async () => {
    const ctx = accountContextFor(hub, "ADMIN", account);
    await expect(
      updateAccountGrants({
        ctx,
        input: { accountId: account.id, membershipId: hub.members.READ_ONLY.membershipId, grants: ["payouts.create"] },
      }),
    ).rejects.toThrow(ValidationError);
  });

  it("refuses members without dashboard.permissions.manage", async () => {
    const ctx = accountContextFor(hub, "OPERATOR", account);
    await expect(
      updateAccountGrants({
        ctx,
        input: { accountId: account.id, membershipId: hub.members.READ_ONLY.membershipId, grants: [] },
      }),
    ).rejects.toThrow(ForbiddenError);
  });

  it("is NotFound for another Hub's member or a member without access to this account", async () => {
    const ctx = accountContextFor(hub, "OWNER", account);
    await expectHubsUnchanged([hub, other], () =>
      expect(
        updateAccountGrants({
          ctx,
          input: { accountId: account.id, membershipId: other.members.READ_ONLY.membershipId, grants: [] },
        }),
      ).rejects.toThrow(NotFoundError),
    );
    await expectHubsUnchanged([hub, other], () =>
      expect(
        updateAccountGrants({
          ctx,
          input: { accountId: account.id, membershipId: hub.members.FINANCE.membershipId, grants: [] },
        }),
      ).rejects.toThrow(NotFoundError),
    );
    const foreign = accountContextFor(other, "OWNER", account);
    await expectHubsUnchanged([hub, other], () =>
      expect(
        updateAccountGrants({
          ctx: foreign,
          input: { accountId: account.id, membershipId: hub.members.READ_ONLY.membershipId, grants: [] },
        }),
      ).rejects.toThrow(NotFoundError),
    );
  });
});
