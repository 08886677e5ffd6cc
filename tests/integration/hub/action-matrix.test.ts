/** @jest-environment node */
import type { HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
// Executes every Hub and dashboard server action built with hubAction/accountAction, for every role,
// against the real database: the outcome must match lib/server/route-permissions.ts. The session is
// the only thing faked (there is no HTTP request here); everything after it is the production code.
import { roleAccountPermissions, ROLES, type RoleName } from "@/lib/server/permissions";
import { ACTION_ACCESS, decideAccess } from "@/lib/server/route-permissions";
import { createTestAccount, createTestHub, uid, type TestHub } from "./factories";
import { startFakeMangopay, type FakeMangopay } from "./fake-mangopay";

// Each test file has its own Prisma pool: close it so files do not exhaust the database's sockets.
afterAll(() => db.$disconnect());

let current: HubContext | null = null;
jest.mock("@/lib/server/context", () => ({
  getActionHubContext: async () => {
    if (!current) throw new Error("no context");
    return current;
  },
  getHubContext: async () => current,
  getRequestMeta: async () => ({ ip: null, userAgent: null }),
}));
jest.mock("next/cache", () => ({ revalidatePath: () => undefined }));

type Action = (prev: null, form: FormData) => Promise<{ ok: boolean; code?: string }>;

const MODULES: Record<string, () => Promise<Record<string, unknown>>> = {
  "(hub)/hub/accounts/actions.ts": () => import("@/app/(hub)/hub/accounts/actions"),
  "(hub)/hub/team/actions.ts": () => import("@/app/(hub)/hub/team/actions"),
  "(dashboard)/accounts/[accountId]/settings/permissions/actions.ts": () => import("@/app/(dashboard)/accounts/[accountId]/settings/permissions/actions"),
  "(dashboard)/accounts/[accountId]/settings/sso/actions.ts": () => import("@/app/(dashboard)/accounts/[accountId]/settings/sso/actions"),
};

const cases = Object.entries(ACTION_ACCESS).filter(([key]) => Object.keys(MODULES).some((m) => key.startsWith(`${m}#`)));

let mp: FakeMangopay;
let hub: TestHub;
let other: TestHub;
let accountId: string;
let foreignAccountId: string;

beforeAll(async () => {
  mp = await startFakeMangopay(`mx${uid()}`, "matrix-key-0000");
  hub = await createTestHub();
  other = await createTestHub();
  // Every role can open this account with its role's default grants, except FINANCE (no access).
  accountId = (await createTestAccount(hub, { baseUrl: mp.url, clientId: mp.clientId, apiKey: mp.apiKey, access: ["OWNER", "ADMIN", "DEVELOPER", "OPERATOR", "READ_ONLY"] })).id;
  foreignAccountId = (await createTestAccount(other, { baseUrl: mp.url, access: ["OWNER"] })).id;
});
afterAll(() => mp.close());

async function run(key: string, role: RoleName, account: string): Promise<string> {
  const [file, name] = key.split("#") as [string, string];
  const load = MODULES[file];
  if (!load) throw new Error(`no module for ${file}`);
  const action = (await load())[name] as Action;
  current = hub.ctx(role);
  const form = new FormData();
  form.set("accountId", account);
  const res = await action(null, form);
  return res.ok ? "OK" : (res.code ?? "?");
}

it("covers every action of the Hub and dashboard modules", () => {
  expect(cases.length).toBeGreaterThanOrEqual(17);
});

describe.each(cases)("%s", (key, access) => {
  it.each([...ROLES])("as %s", async (role) => {
    const hasAccess = role !== "FINANCE";
    const expected = decideAccess(access, { signedIn: true, role, accountGrants: hasAccess ? roleAccountPermissions(role) : null });
    const code = await run(key, role, accountId);
    if (expected === "allow") expect(["OK", "VALIDATION", "UPSTREAM", "NOT_FOUND", "PRECONDITION"]).toContain(code);
    if (expected === "allow" && access.kind === "account") expect(code).not.toBe("NOT_FOUND");
    if (expected === "deny") expect(code).toBe("FORBIDDEN");
    if (expected === "not_found") expect(code).toBe("NOT_FOUND");
  });

  if (access.kind === "account") {
    it("is NOT_FOUND for another Hub's account, even for an Owner", async () => {
      expect(await run(key, "OWNER", foreignAccountId)).toBe("NOT_FOUND");
    });
  }
});
