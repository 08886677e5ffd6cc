/** @jest-environment node */
// Executes every server action under app/ (found by walking app/ for "use server" files, as the route
// matrix does), for every role and signed out, against the real database and the MANGOPAY emulator:
// the outcome must match lib/server/route-permissions.ts. Only the session is faked (there is no HTTP
// request here); everything after it — Hub and account resolution, permissions, parsing, services —
// is the production code.
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/server/db";
import { roleAccountPermissions, ROLES, type RoleName } from "@/lib/server/permissions";
import { ACTION_ACCESS, decideAccess } from "@/lib/server/route-permissions";
import { actAs, emulatorClient, serverActionFiles } from "./action-session";
import { createTestAccount, createTestHub, type TestHub } from "./factories";

// Each test file has its own Prisma pool: close it so files do not exhaust the database's sockets.
afterAll(() => db.$disconnect());

// The session is faked (action-session.ts); jest.mock is hoisted, so it loads the factories itself.
jest.mock("@/lib/server/auth", () => jest.requireActual("./action-session").authWithFakeSession());
jest.mock("@/lib/server/context", () => jest.requireActual("./action-session").contextWithFakeSession());
jest.mock("next/cache", () => jest.requireActual("./action-session").cacheWithoutNext());

type Action = (prev: null, form: FormData) => Promise<{ ok: boolean; code?: string }>;

const APP = path.join(process.cwd(), "app");
const actionFiles = serverActionFiles(APP).map((f) => path.relative(APP, f).split(path.sep).join("/"));

const modules = new Map<string, Record<string, unknown>>();
const emulatorUrl = process.env.EMULATOR_URL ?? "";
let hub: TestHub;
let other: TestHub;
let accountId: string;
let foreignAccountId: string;

beforeAll(async () => {
  for (const file of actionFiles) modules.set(file, (await import(`@/app/${file}`)) as Record<string, unknown>);
  const client = await emulatorClient(emulatorUrl);
  hub = await createTestHub();
  other = await createTestHub();
  // Every role can open this account with its role's default grants, except FINANCE (no access).
  const access: RoleName[] = ["OWNER", "ADMIN", "DEVELOPER", "OPERATOR", "READ_ONLY"];
  accountId = (
    await createTestAccount(hub, { baseUrl: emulatorUrl, clientId: client.ClientId, apiKey: client.ApiKey, access })
  ).id;
  foreignAccountId = (await createTestAccount(other, { baseUrl: emulatorUrl, access: ["OWNER"] })).id;
});

// Every exported action of every "use server" file: the list the matrix runs.
const discovered = actionFiles.flatMap((file) =>
  [
    ...fs.readFileSync(path.join(APP, file), "utf8").matchAll(/export\s+(?:const|async\s+function|function)\s+(\w+)/g),
  ].map((m) => `${file}#${m[1]}`),
);

async function run(key: string, role: RoleName | null, account: string): Promise<string> {
  const [file, name] = key.split("#") as [string, string];
  const action = modules.get(file)?.[name] as Action | undefined;
  if (typeof action !== "function") throw new Error(`${key} is not an exported function`);
  actAs(role ? hub.ctx(role) : null);
  const form = new FormData();
  form.set("accountId", account);
  const res = await action(null, form);
  return res.ok ? "OK" : (res.code ?? "?");
}

it("finds the actions of every area: Hub, team, accounts, settings, profile, Hub switch, dashboard, invites", () => {
  const areas = new Set(discovered.map((k) => k.split("#")[0]));
  expect([...areas].sort()).toEqual(
    expect.arrayContaining([
      "(auth)/invite/[token]/actions.ts",
      "(dashboard)/accounts/[accountId]/settings/permissions/actions.ts",
      "(dashboard)/accounts/[accountId]/settings/sso/actions.ts",
      "(hub)/hub/accounts/actions.ts",
      "(hub)/hub/actions.ts",
      "(hub)/hub/profile/actions.ts",
      "(hub)/hub/settings/actions.ts",
      "(hub)/hub/team/actions.ts",
    ]),
  );
  expect(discovered.length).toBeGreaterThanOrEqual(27);
  // The table has an entry for each (the route matrix checks the same from the other side).
  expect(discovered.filter((k) => !ACTION_ACCESS[k])).toEqual([]);
});

describe.each(discovered)("%s", (key) => {
  const access = ACTION_ACCESS[key] ?? { kind: "public" as const };

  it.each([...ROLES])("as %s", async (role) => {
    const hasAccess = role !== "FINANCE";
    const expected = decideAccess(access, {
      signedIn: true,
      role,
      accountGrants: hasAccess ? roleAccountPermissions(role) : null,
    });
    const code = await run(key, role, accountId);
    // Allowed: the empty payload gets as far as the schema or the service (never a permission error).
    // CONFLICT is the service refusing on the account's state: a backfill already running, started
    // when an earlier row of this matrix connected the account's webhooks.
    if (expected === "allow")
      expect(["OK", "VALIDATION", "UPSTREAM", "NOT_FOUND", "PRECONDITION", "CONFLICT"]).toContain(code);
    if (expected === "allow" && access.kind === "account") expect(code).not.toBe("NOT_FOUND");
    if (expected === "deny") expect(code).toBe("FORBIDDEN");
    if (expected === "not_found") expect(code).toBe("NOT_FOUND");
  });

  it(
    access.kind === "public" ? "answers a signed-out visitor without a session error" : "refuses a signed-out caller",
    async () => {
      const code = await run(key, null, accountId);
      if (access.kind === "public") expect(code).not.toBe("UNAUTHENTICATED");
      else expect(code).toBe("UNAUTHENTICATED");
    },
  );

  if (access.kind === "account") {
    it("is NOT_FOUND for another Hub's account, even for an Owner", async () => {
      expect(await run(key, "OWNER", foreignAccountId)).toBe("NOT_FOUND");
    });
  }
});
