/** @jest-environment node */
import { db } from "@/lib/server/db";
import { ConflictError, ForbiddenError, NotFoundError, PreconditionError, ValidationError } from "@/lib/server/errors";
import { createApiAccount } from "@/lib/services/api-accounts/create";
import { deleteApiAccount } from "@/lib/services/api-accounts/delete";
import { listApiAccounts } from "@/lib/services/api-accounts/list";
import { listOpenableApiAccounts } from "@/lib/services/api-accounts/list-openable";
import { renameApiAccount } from "@/lib/services/api-accounts/rename";
import { rotateApiKey } from "@/lib/services/api-accounts/rotate-key";
import { plaintextLeaks } from "@/tests/support/plaintext";
import {
  createTestAccount,
  createTestHub,
  emulatorClient,
  expectHubsUnchanged,
  lastAudit,
  uid,
  type TestHub,
} from "./factories";

// Each test file has its own Prisma pool: close it so files do not exhaust the database's sockets.
afterAll(() => db.$disconnect());

let mp: Awaited<ReturnType<typeof emulatorClient>>;
let hub: TestHub;
let other: TestHub;

beforeAll(async () => {
  mp = await emulatorClient();
  hub = await createTestHub({ ownerHas2fa: true });
  other = await createTestHub();
  // The fake MANGOPAY is a custom base URL: these Hubs' Owners allow them.
  await db.hub.updateMany({ where: { id: { in: [hub.hubId, other.hubId] } }, data: { allowCustomBaseUrls: true } });
});

const sandboxInput = (over: Record<string, unknown> = {}) => ({
  name: `Sandbox ${uid()}`,
  environment: "SANDBOX" as const,
  clientId: mp.clientId,
  apiKey: mp.apiKey,
  baseUrlChoice: "CUSTOM" as const,
  customBaseUrl: mp.url,
  ...over,
});

describe("createApiAccount", () => {
  it("verifies the key with a token call, stores it encrypted and writes an audit row without the key", async () => {
    // The same ClientId with a key MANGOPAY does not know is refused: the key really is checked.
    await expect(
      createApiAccount({ ctx: hub.ctx("ADMIN"), input: sandboxInput({ apiKey: `${mp.apiKey}x` }) }),
    ).rejects.toThrow(ValidationError);
    const account = await createApiAccount({ ctx: hub.ctx("ADMIN"), input: sandboxInput() });
    expect(account.apiKeyLast4).toBe(mp.apiKey.slice(-4));
    expect(JSON.stringify(account)).not.toContain(mp.apiKey);
    const row = await db.apiAccount.findUniqueOrThrow({ where: { id: account.id }, select: { apiKeyEnc: true } });
    expect(row.apiKeyEnc).not.toContain(mp.apiKey);
    // Sealed with the current key of the ring (ENCRYPTION_KEY alone is the key "default").
    expect(row.apiKeyEnc.startsWith("v2.default.")).toBe(true);
    const fullRow = await db.apiAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(plaintextLeaks(JSON.stringify(fullRow), mp.apiKey)).toEqual([]);
    const audit = await lastAudit(hub.hubId, "api_account.create");
    expect(plaintextLeaks(JSON.stringify(audit), mp.apiKey)).toEqual([]);
    expect(audit?.apiAccountId).toBe(account.id);
    expect(audit?.ip).toBe("203.0.113.7");
    expect(JSON.stringify(audit)).not.toContain(mp.apiKey);
    // Owners and Admins get the dashboard of the new account.
    const access = await db.accountAccess.count({ where: { apiAccountId: account.id } });
    expect(access).toBe(2);
    await db.apiAccount.delete({ where: { id: account.id } });
  });

  it("stores nothing and explains when MANGOPAY refuses the key", async () => {
    const before = await db.apiAccount.count({ where: { hubId: hub.hubId } });
    await expect(
      createApiAccount({ ctx: hub.ctx("OWNER"), input: sandboxInput({ apiKey: "wrong-key-9999" }) }),
    ).rejects.toThrow(ValidationError);
    expect(await db.apiAccount.count({ where: { hubId: hub.hubId } })).toBe(before);
  });

  it("explains an unreachable base URL", async () => {
    await expect(
      createApiAccount({ ctx: hub.ctx("OWNER"), input: sandboxInput({ customBaseUrl: "http://127.0.0.1:9" }) }),
    ).rejects.toThrow(PreconditionError);
  });

  it("rejects invalid input: a custom URL over plain http to another host", async () => {
    await expect(
      createApiAccount({ ctx: hub.ctx("OWNER"), input: sandboxInput({ customBaseUrl: "http://evil.example.com" }) }),
    ).rejects.toThrow(ValidationError);
  });

  it("refuses roles without hub.accounts.manage", async () => {
    for (const role of ["DEVELOPER", "OPERATOR", "FINANCE", "READ_ONLY"] as const) {
      await expect(createApiAccount({ ctx: hub.ctx(role), input: sandboxInput() })).rejects.toThrow(ForbiddenError);
    }
  });

  it("allows production only to an Owner with 2FA who confirms the legal registration", async () => {
    const prod = sandboxInput({ environment: "PRODUCTION", confirmLegalRegistration: "on" });
    await expect(createApiAccount({ ctx: hub.ctx("ADMIN"), input: prod })).rejects.toThrow(ForbiddenError);
    await expect(createApiAccount({ ctx: other.ctx("OWNER"), input: prod })).rejects.toThrow(/two-factor/);
    await expect(
      createApiAccount({ ctx: hub.ctx("OWNER"), input: { ...prod, confirmLegalRegistration: undefined } }),
    ).rejects.toThrow(ValidationError);
    const account = await createApiAccount({ ctx: hub.ctx("OWNER"), input: prod });
    expect(account.environment).toBe("PRODUCTION");
    await expect(createApiAccount({ ctx: hub.ctx("OWNER"), input: prod })).rejects.toThrow(ConflictError);
    await db.apiAccount.delete({ where: { id: account.id } });
  });
});

describe("rename, rotate, delete", () => {
  it("renames and audits before/after", async () => {
    const acc = await createTestAccount(hub, { baseUrl: mp.url });
    const renamed = await renameApiAccount({ ctx: hub.ctx("ADMIN"), input: { accountId: acc.id, name: "Renamed" } });
    expect(renamed.name).toBe("Renamed");
    const audit = await lastAudit(hub.hubId, "api_account.rename");
    expect(audit?.before).toEqual({ name: acc.name });
    await expect(renameApiAccount({ ctx: hub.ctx("ADMIN"), input: { accountId: acc.id, name: "" } })).rejects.toThrow(
      ValidationError,
    );
    await expect(
      renameApiAccount({ ctx: hub.ctx("OPERATOR"), input: { accountId: acc.id, name: "x" } }),
    ).rejects.toThrow(ForbiddenError);
    await expectHubsUnchanged([hub, other], () =>
      expect(renameApiAccount({ ctx: other.ctx("OWNER"), input: { accountId: acc.id, name: "x" } })).rejects.toThrow(
        NotFoundError,
      ),
    );
  });

  it("rotates only to a key that passes the token call", async () => {
    const acc = await createTestAccount(hub, { baseUrl: mp.url, clientId: mp.clientId, apiKey: "old-key-00000000" });
    await expect(
      rotateApiKey({ ctx: hub.ctx("OWNER"), input: { accountId: acc.id, apiKey: "bad-key-11111111" } }),
    ).rejects.toThrow(ValidationError);
    const unchanged = await db.apiAccount.findUniqueOrThrow({ where: { id: acc.id }, select: { apiKeyLast4: true } });
    expect(unchanged.apiKeyLast4).toBe("0000");
    const rotated = await rotateApiKey({ ctx: hub.ctx("OWNER"), input: { accountId: acc.id, apiKey: mp.apiKey } });
    expect(rotated.apiKeyLast4).toBe(mp.apiKey.slice(-4));
    const stored = await db.apiAccount.findUniqueOrThrow({ where: { id: acc.id } });
    expect(plaintextLeaks(JSON.stringify(stored), mp.apiKey)).toEqual([]);
    const audit = await lastAudit(hub.hubId, "api_account.rotate_key");
    expect(audit?.before).toEqual({ keyLast4: "0000" });
    expect(JSON.stringify(audit)).not.toContain(mp.apiKey);
    await expect(
      rotateApiKey({ ctx: hub.ctx("FINANCE"), input: { accountId: acc.id, apiKey: mp.apiKey } }),
    ).rejects.toThrow(ForbiddenError);
    await expectHubsUnchanged([hub, other], () =>
      expect(
        rotateApiKey({ ctx: other.ctx("OWNER"), input: { accountId: acc.id, apiKey: mp.apiKey } }),
      ).rejects.toThrow(NotFoundError),
    );
  });

  it("deletes after the name is confirmed, with an audit row", async () => {
    const acc = await createTestAccount(hub, { baseUrl: mp.url });
    await expect(
      deleteApiAccount({ ctx: hub.ctx("ADMIN"), input: { accountId: acc.id, confirmName: "nope" } }),
    ).rejects.toThrow(ValidationError);
    await expect(
      deleteApiAccount({ ctx: hub.ctx("DEVELOPER"), input: { accountId: acc.id, confirmName: acc.name } }),
    ).rejects.toThrow(ForbiddenError);
    await expectHubsUnchanged([hub, other], () =>
      expect(
        deleteApiAccount({ ctx: other.ctx("OWNER"), input: { accountId: acc.id, confirmName: acc.name } }),
      ).rejects.toThrow(NotFoundError),
    );
    await deleteApiAccount({ ctx: hub.ctx("ADMIN"), input: { accountId: acc.id, confirmName: acc.name } });
    expect(await db.apiAccount.findUnique({ where: { id: acc.id } })).toBeNull();
    expect((await lastAudit(hub.hubId, "api_account.delete"))?.targetId).toBe(acc.id);
  });

  it("lists only accounts the member can open unless they manage accounts", async () => {
    const granted = await createTestAccount(hub, { baseUrl: mp.url, access: ["OWNER", "READ_ONLY"] });
    const hidden = await createTestAccount(hub, { baseUrl: mp.url, access: ["OWNER"] });
    const ro = (await listApiAccounts({ ctx: hub.ctx("READ_ONLY") })).map((a) => a.id);
    expect(ro).toContain(granted.id);
    expect(ro).not.toContain(hidden.id);
    const admin = await listApiAccounts({ ctx: hub.ctx("ADMIN") });
    expect(admin.find((a) => a.id === hidden.id)?.canOpenDashboard).toBe(false);
    expect((await listApiAccounts({ ctx: other.ctx("OWNER") })).map((a) => a.id)).not.toContain(granted.id);
  });

  it("offers the switcher only the dashboards the member may open, in its own Hub", async () => {
    const granted = await createTestAccount(hub, { baseUrl: mp.url, access: ["OWNER", "ADMIN", "READ_ONLY"] });
    const hidden = await createTestAccount(hub, { baseUrl: mp.url, access: ["OWNER"] });
    const ro = (await listOpenableApiAccounts({ ctx: hub.ctx("READ_ONLY") })).map((a) => a.id);
    expect(ro).toContain(granted.id);
    expect(ro).not.toContain(hidden.id);
    // Managing the Hub's accounts lists them all on the Hub page, but opens only the granted dashboards.
    const admin = await listOpenableApiAccounts({ ctx: hub.ctx("ADMIN") });
    expect(admin.map((a) => a.id)).toContain(granted.id);
    expect(admin.map((a) => a.id)).not.toContain(hidden.id);
    // Same order as the Hub's list: production first, then by name.
    const openable = (await listApiAccounts({ ctx: hub.ctx("OWNER") })).filter((a) => a.canOpenDashboard);
    expect(await listOpenableApiAccounts({ ctx: hub.ctx("OWNER") })).toEqual(
      openable.map((a) => ({ id: a.id, name: a.name, environment: a.environment })),
    );
    expect((await listOpenableApiAccounts({ ctx: other.ctx("OWNER") })).map((a) => a.id)).not.toContain(granted.id);
  });
});
