/** @jest-environment node */
// The second line of defence, generated from the filesystem: every exported function under
// lib/services that takes a context must have an entry in ./verb-permissions.ts (a new verb without
// one fails here, by name). Each entry is then executed against the real database:
//  - for every role whose defaults lack a listed permission, and for an Owner holding everything
//    except that one permission (role or API-account grant): ForbiddenError;
//  - with another Hub's ids in the input, or another Hub's API account forged into the context:
//    NotFoundError (a forged list may also come back without anything of the other Hub);
// and in every refused case nothing changed in either Hub (rows, audit trail) and no MANGOPAY call
// went out (global fetch and the client's call recorder). To cover a new verb, add its entry.
import fs from "node:fs";
import path from "node:path";
import type { AccountContext, HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { ServiceError } from "@/lib/server/errors";
import { defaultCallRecorder } from "@/lib/mangopay/recorder";
import {
  ACCOUNT_PERMISSIONS,
  HUB_PERMISSIONS,
  ROLES,
  effectivePermissions,
  roleAccountPermissions,
  type Permission,
  type RoleName,
} from "@/lib/server/permissions";
import {
  accountContextFor,
  createTestAccount,
  createTestHub,
  emulatorClient,
  snapshotHubs,
  uid,
  type TestHub,
} from "../hub/factories";
import { SERVICE_VERBS, type HubIds, type MatrixIds, type VerbEntry } from "./verb-permissions";

afterAll(() => db.$disconnect());

const SERVICES = path.join(process.cwd(), "lib/services");
// Helpers and schemas, not verbs (house style: fetch-or-throw helpers live in internal.ts).
const NOT_VERB_FILES = new Set(["internal.ts", "schemas.ts", "dto.ts"]);
const TAKES_CONTEXT = [
  /export\s+(?:async\s+)?function\s*\*?\s*(\w+)\s*(?:<[^>]*>)?\s*\(\s*(?:\{[^}]*\bctx\b|ctx\b)/g,
  /export\s+const\s+(\w+)\s*=\s*(?:\w+\(\s*)?async\s*(?:function\s*\*?\s*)?\(\s*(?:\{[^}]*\bctx\b|ctx\b)/g,
];

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}

const sources = new Map(
  walk(SERVICES)
    .filter((f) => f.endsWith(".ts") && !NOT_VERB_FILES.has(path.basename(f)))
    .map((f) => [path.relative(SERVICES, f).split(path.sep).join("/"), fs.readFileSync(f, "utf8")]),
);
const discovered = [...sources].flatMap(([file, src]) =>
  TAKES_CONTEXT.flatMap((re) => [...src.matchAll(re)].map((m) => `${file}#${m[1]}`)),
);

describe("every service verb that takes a context has an entry in the permission table", () => {
  it("finds verbs of every shape: plain, several per file, async generators", () => {
    expect(discovered).toEqual(
      expect.arrayContaining([
        "team/change-role.ts#changeMemberRole",
        "auth/set-hub-require-2fa.ts#setHubRequire2fa",
        "auth/set-hub-require-2fa.ts#getHubSecuritySettings",
        "security/export-events.ts#exportAuditEvents",
      ]),
    );
    expect(discovered.length).toBeGreaterThanOrEqual(38);
  });

  it.each(discovered)("%s", (key) => {
    if (!(key in SERVICE_VERBS)) {
      throw new Error(
        `${key} takes a context but has no entry in SERVICE_VERBS (tests/integration/services/verb-permissions.ts). Add one.`,
      );
    }
  });

  it("has no stale entries", () => {
    expect(Object.keys(SERVICE_VERBS).filter((k) => !discovered.includes(k))).toEqual([]);
  });

  it.each(Object.entries(SERVICE_VERBS).filter(([, e]) => e.kind === "self" || e.kind === "member"))(
    "%s checks no permission, so it needs none in the table",
    (key) => {
      expect(sources.get(key.split("#")[0] ?? "")).not.toMatch(/assertCan\(/);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// The world: Hub A (the caller's) and Hub B (the other one), each with an API account on the
// emulator, one member per role and one pending invite.

type Side = { hub: TestHub; account: AccountContext["account"]; ids: HubIds };
let A: Side;
let B: Side;
let emulatorUrl: string;

async function side(clientId: string, apiKey: string): Promise<Side> {
  const hub = await createTestHub();
  const created = await createTestAccount(hub, { baseUrl: emulatorUrl, clientId, apiKey });
  const invite = await db.invite.create({
    data: {
      hubId: hub.hubId,
      email: `pending-${uid()}@matrix.test`,
      role: "READ_ONLY",
      tokenHash: `matrix-${uid()}-${uid()}`,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
    select: { id: true },
  });
  const members = Object.fromEntries(ROLES.map((r) => [r, hub.members[r].membershipId])) as HubIds["members"];
  const account = {
    id: created.id,
    name: created.name,
    environment: created.environment,
    clientId: created.clientId,
    baseUrl: created.baseUrl,
  };
  return {
    hub,
    account,
    ids: { hubId: hub.hubId, accountId: created.id, accountName: created.name, inviteId: invite.id, members },
  };
}

beforeAll(async () => {
  const [first, second] = [await emulatorClient(0), await emulatorClient(1)];
  if (first.clientId === second.clientId) throw new Error("the emulator needs two clients");
  emulatorUrl = first.url;
  A = await side(first.clientId, first.apiKey);
  B = await side(second.clientId, second.apiKey);
});

const ids = (accountId = A.account.id): MatrixIds => ({
  accountId,
  own: A.ids,
  other: B.ids,
  emulatorUrl,
  unique: uid(),
});

const snapshot = (sides: Side[] = [A, B]) => snapshotHubs(sides.map((s) => s.hub));

/** Anything of Hub B a response must never contain. */
function otherHubMarkers(): string[] {
  return [
    B.hub.hubId,
    B.hub.name,
    B.account.id,
    B.account.name,
    B.ids.inviteId,
    ...ROLES.flatMap((r) => [B.hub.members[r].membershipId, B.hub.members[r].email]),
  ];
}

const fetchSpy = jest.spyOn(globalThis, "fetch");
const upstreamCalls = () => fetchSpy.mock.calls.length + defaultCallRecorder().recordedTotal;

type Outcome = { code: string; message: string; value?: unknown };

async function call(key: string, ctx: unknown, input: unknown): Promise<Outcome> {
  const [file, name] = key.split("#") as [string, string];
  const mod = (await import(path.join(SERVICES, file))) as Record<string, unknown>;
  const fn = mod[name];
  if (typeof fn !== "function") throw new Error(`${key} is not an exported function`);
  try {
    const out: unknown = fn({ ctx, input });
    if (out && typeof out === "object" && Symbol.asyncIterator in out) {
      const iterator = (out as AsyncIterable<unknown>)[Symbol.asyncIterator]();
      const first = await iterator.next();
      await iterator.return?.();
      return { code: "OK", message: "", value: first.value };
    }
    return { code: "OK", message: "", value: await out };
  } catch (err) {
    if (err instanceof ServiceError) return { code: err.code, message: err.message };
    return {
      code: err instanceof Error ? err.name : "THROWN",
      message: err instanceof Error ? err.message : String(err),
    };
  }
}

/** Runs the verb and checks the refusal left no trace: rows, audit trail and MANGOPAY untouched. */
async function expectRefused(
  key: string,
  ctx: unknown,
  input: unknown,
  allowed: ("FORBIDDEN" | "NOT_FOUND" | "EMPTY")[],
) {
  const before = await snapshot();
  const calls = upstreamCalls();
  const outcome = await call(key, ctx, input);
  const leaked =
    outcome.code === "OK" ? otherHubMarkers().filter((m) => JSON.stringify(outcome.value ?? null).includes(m)) : [];
  const verdict = outcome.code === "OK" && allowed.includes("EMPTY") && leaked.length === 0 ? "EMPTY" : outcome.code;
  const wanted = (allowed as string[]).includes(verdict) ? verdict : allowed.join(" or ");
  // A validation error means the input never reached the check under test: the entry needs input(ids).
  const message =
    outcome.code === "VALIDATION"
      ? `${outcome.message} (give this entry a valid input(ids) in verb-permissions.ts)`
      : outcome.message;
  expect({ verb: key, outcome: verdict, message }).toEqual({ verb: key, outcome: wanted, message });
  expect({ verb: key, mangopayCalls: upstreamCalls() - calls }).toEqual({ verb: key, mangopayCalls: 0 });
  expect(await snapshot()).toEqual(before);
}

// ---------------------------------------------------------------------------------------------
// Contexts. Account verbs: each role's defaults on Hub A's account (every role has access there).

const ALL_PERMISSIONS: readonly Permission[] = [...ACCOUNT_PERMISSIONS, ...HUB_PERMISSIONS];

function contextFor(entry: VerbEntry, role: RoleName): HubContext | AccountContext {
  return entry.kind === "account" ? accountContextFor(A.hub, role, A.account) : A.hub.ctx(role);
}

/** An Owner holding every permission but `missing` (for account permissions: not granted on the account). */
function contextWithout(entry: VerbEntry, missing: Permission): HubContext | AccountContext {
  const permissions = new Set(ALL_PERMISSIONS.filter((p) => p !== missing));
  if (entry.kind !== "account") return { ...A.hub.ctx("OWNER"), permissions };
  const grants = roleAccountPermissions("OWNER").filter((p) => p !== missing);
  return { ...accountContextFor(A.hub, "OWNER", A.account, grants), permissions };
}

function roleLacks(entry: VerbEntry, role: RoleName): boolean {
  if (entry.kind !== "hub" && entry.kind !== "account") return false;
  const held =
    entry.kind === "account" ? effectivePermissions(role, roleAccountPermissions(role)) : effectivePermissions(role);
  return entry.permissions.some((p) => !held.has(p));
}

const entries = Object.entries(SERVICE_VERBS);
const guarded = entries.filter(([, e]) => e.kind === "hub" || e.kind === "account");
const inputFor = (entry: VerbEntry, accountId?: string) =>
  entry.input?.(ids(accountId)) ?? (entry.kind === "account" ? { accountId: accountId ?? A.account.id } : {});

describe.each(guarded)("%s refuses a caller without its permission", (key, entry) => {
  const lacking = ROLES.filter((r) => roleLacks(entry, r));
  if (lacking.length > 0) {
    it.each(lacking)("as %s (role defaults)", async (role) => {
      await expectRefused(key, contextFor(entry, role), inputFor(entry), ["FORBIDDEN"]);
    });
  }
  const permissions = entry.kind === "hub" || entry.kind === "account" ? entry.permissions : [];
  it.each([...permissions])("as an Owner holding everything but %s", async (missing) => {
    await expectRefused(key, contextWithout(entry, missing), inputFor(entry), ["FORBIDDEN"]);
  });
});

describe.each(entries.filter(([, e]) => e.foreign))("%s refuses another Hub's ids", (key, entry) => {
  it("is NOT_FOUND for each foreign input, even for an Owner", async () => {
    for (const input of entry.foreign?.(ids()) ?? [])
      await expectRefused(key, contextFor(entry, "OWNER"), input, ["NOT_FOUND"]);
  });
});

describe.each(entries.filter(([, e]) => e.kind === "account"))("%s stays in its Hub", (key, entry) => {
  it("is NOT_FOUND (or returns nothing of the other Hub) with another Hub's API account forged into the context", async () => {
    const forged: AccountContext = {
      ...accountContextFor(A.hub, "OWNER", B.account, roleAccountPermissions("OWNER")),
      permissions: new Set(ALL_PERMISSIONS),
    };
    await expectRefused(key, forged, inputFor(entry, B.account.id), ["NOT_FOUND", "EMPTY"]);
  });
});

describe.each(entries.filter(([, e]) => e.kind === "member"))("%s (any member)", (key, entry) => {
  it.each([...ROLES])("as %s returns nothing of another Hub and changes nothing there", async (role) => {
    const before = await snapshot([B]);
    const outcome = await call(key, contextFor(entry, role), inputFor(entry));
    expect({ verb: key, outcome: outcome.code }).toEqual({ verb: key, outcome: "OK" });
    expect(otherHubMarkers().filter((m) => JSON.stringify(outcome.value ?? null).includes(m))).toEqual([]);
    expect(await snapshot([B])).toEqual(before);
  });
});
