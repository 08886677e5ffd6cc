import { randomUUID } from "node:crypto";
import type { AccountContext, HubContext } from "@/lib/server/context-types";
import { encryptSecret } from "@/lib/server/crypto";
import { db } from "@/lib/server/db";
import { effectivePermissions, roleAccountPermissions, ROLES, type RoleName } from "@/lib/server/permissions";

// Tests share one database: everything here is created with unique names and never truncated.
export const uid = () => randomUUID().slice(0, 8);

export type TestMember = { userId: string; email: string; membershipId: string; role: RoleName };
export type TestHub = {
  hubId: string;
  name: string;
  members: Record<RoleName, TestMember>;
  ctx: (role: RoleName) => HubContext;
};

const REQUEST = { ip: "203.0.113.7", userAgent: "jest-integration" };

export function hubContextFor(hub: { hubId: string; name: string }, m: TestMember): HubContext {
  return {
    actor: { id: m.userId, email: m.email, name: `Test ${m.role}` },
    hub: { id: hub.hubId, name: hub.name, require2fa: false },
    membership: { id: m.membershipId, role: m.role },
    permissions: effectivePermissions(m.role),
    request: REQUEST,
    requestId: randomUUID(),
  };
}

/** A Hub with one member per role (unique emails), each without account access. */
export async function createTestHub(opts: { ownerHas2fa?: boolean } = {}): Promise<TestHub> {
  const tag = uid();
  const hub = await db.hub.create({ data: { name: `Hub ${tag}` }, select: { id: true, name: true } });
  const members = {} as Record<RoleName, TestMember>;
  for (const role of ROLES) {
    const email = `${role.toLowerCase()}-${tag}@hub.test`;
    const user = await db.user.create({
      data: {
        email,
        name: `Test ${role}`,
        passwordHash: "unused",
        totpEnabledAt: role === "OWNER" && opts.ownerHas2fa ? new Date() : null,
      },
      select: { id: true },
    });
    const membership = await db.membership.create({
      data: { hubId: hub.id, userId: user.id, role },
      select: { id: true },
    });
    members[role] = { userId: user.id, email, membershipId: membership.id, role };
  }
  const t = { hubId: hub.id, name: hub.name };
  return { ...t, members, ctx: (role) => hubContextFor(t, members[role]) };
}

/** Inserts an API account directly (no token call) and gives the listed roles access with role defaults. */
export async function createTestAccount(
  hub: TestHub,
  opts: {
    baseUrl: string;
    clientId?: string;
    apiKey?: string;
    environment?: "SANDBOX" | "PRODUCTION";
    access?: RoleName[];
  },
) {
  const apiKey = opts.apiKey ?? `key-${uid()}-secret`;
  // The emulator and fake servers are custom base URLs: the Hub must allow them (an Owner setting).
  if (!["https://api.sandbox.mangopay.com", "https://api.mangopay.com"].includes(opts.baseUrl)) {
    await db.hub.update({ where: { id: hub.hubId }, data: { allowCustomBaseUrls: true }, select: { id: true } });
  }
  const account = await db.apiAccount.create({
    data: {
      hubId: hub.hubId,
      name: `Account ${uid()}`,
      environment: opts.environment ?? "SANDBOX",
      clientId: opts.clientId ?? `client${uid()}`,
      baseUrl: opts.baseUrl,
      apiKeyEnc: encryptSecret(apiKey),
      apiKeyLast4: apiKey.slice(-4),
    },
    select: { id: true, name: true, environment: true, clientId: true, baseUrl: true },
  });
  for (const role of opts.access ?? ROLES) {
    await db.accountAccess.create({
      data: {
        membershipId: hub.members[role].membershipId,
        apiAccountId: account.id,
        grants: roleAccountPermissions(role),
      },
    });
  }
  return { ...account, apiKey };
}

export function accountContextFor(
  hub: TestHub,
  role: RoleName,
  account: AccountContext["account"],
  grants?: readonly string[],
): AccountContext {
  const g = grants ?? roleAccountPermissions(role);
  const base = hub.ctx(role);
  return { ...base, account, access: { grants: g, source: "MANUAL" }, permissions: effectivePermissions(role, g) };
}

export async function lastAudit(hubId: string, action: string) {
  return db.auditEvent.findFirst({ where: { hubId, action }, orderBy: { createdAt: "desc" } });
}

/** An API client of the integration emulator (started by the global setup): base URL, ClientId and key. */
export async function emulatorClient(index = 0): Promise<{ url: string; clientId: string; apiKey: string }> {
  const url = process.env.EMULATOR_URL;
  if (!url) throw new Error("EMULATOR_URL is not set: the integration setup starts the emulator");
  const clients = (await (await fetch(`${url}/_emulator/clients`)).json()) as { ClientId: string; ApiKey: string }[];
  const client = clients[index % clients.length];
  if (!client) throw new Error("the emulator has no client");
  return { url, clientId: client.ClientId, apiKey: client.ApiKey };
}

/**
 * Every row the given Hubs own, plus their members' own rows and audit trail: equal before and after
 * a refused call proves the refusal changed nothing (not just that it threw the right error).
 */
export async function snapshotHubs(hubs: readonly { hubId: string }[]) {
  const hubId = { in: hubs.map((h) => h.hubId) };
  const order = { id: "asc" } as const;
  const memberships = await db.membership.findMany({ where: { hubId }, orderBy: order });
  const userId = { in: [...new Set(memberships.map((m) => m.userId))] };
  const [hubRows, invites, accounts, access, audit, users, recoveryCodes, totpSteps, reports, feedback] =
    await Promise.all([
      db.hub.findMany({ where: { id: hubId }, orderBy: order }),
      db.invite.findMany({ where: { hubId }, orderBy: order }),
      db.apiAccount.findMany({ where: { hubId }, orderBy: order }),
      db.accountAccess.findMany({ where: { apiAccount: { hubId } }, orderBy: order }),
      db.auditEvent.findMany({
        where: { OR: [{ hubId }, { actorUserId: userId }] },
        orderBy: order,
        select: { id: true, action: true },
      }),
      db.user.findMany({ where: { id: userId }, orderBy: order }),
      db.recoveryCode.findMany({ where: { userId }, orderBy: order }),
      db.totpStepUse.findMany({ where: { userId }, orderBy: [{ userId: "asc" }, { timeStep: "asc" }] }),
      db.reportDefinition.findMany({ where: { hubId }, orderBy: order }),
      db.feedback.findMany({ where: { hubId }, orderBy: order }),
    ]);
  return {
    hubs: hubRows,
    memberships,
    invites,
    accounts,
    access,
    audit,
    users,
    recoveryCodes,
    totpSteps,
    reports,
    feedback,
  };
}

/** Runs a refused attempt (its own assertion on the error) and checks that no row of `hubs` changed. */
export async function expectHubsUnchanged(
  hubs: readonly { hubId: string }[],
  attempt: () => Promise<unknown>,
): Promise<void> {
  const before = await snapshotHubs(hubs);
  await attempt();
  expect(await snapshotHubs(hubs)).toEqual(before);
}
