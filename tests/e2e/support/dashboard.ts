// Shared by the dashboard e2e specs: the demo account seeded by the e2e stack, MANGOPAY reads
// straight from the emulator (the values pages must show), fresh members with chosen grants, and
// the emulator's fault and quota controls.
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { databaseUrl, PASSWORD } from "./users";

export const DEMO_OWNER_EMAIL = "owner@demo.test";
export const demoOwnerPassword = () => process.env.DEMO_OWNER_PASSWORD ?? "";
const emulatorUrl = () => process.env.E2E_EMULATOR_URL ?? "";

async function withDb<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The demo Hub's account on the emulator's demo-marketplace client. */
export async function demoAccount(): Promise<{ id: string; hubId: string }> {
  return withDb(async (c) => {
    const r = await c.query<{ id: string; hubId: string }>(
      `SELECT a."id", a."hubId" FROM "ApiAccount" a JOIN "Hub" h ON h."id" = a."hubId" WHERE h."name" = 'Demo Marketplace' AND a."clientId" = 'demo-marketplace' LIMIT 1`,
    );
    const row = r.rows[0];
    if (!row) throw new Error("the e2e stack has no demo-marketplace account");
    return row;
  });
}

/** A fresh member of the demo Hub with exactly `grants` on the demo account. */
export async function seedDemoMember(role: string, grants: string[], tag: string): Promise<string> {
  const account = await demoAccount();
  const passwordHash = await hash(PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  return withDb(async (c) => {
    const userId = randomUUID();
    const membershipId = randomUUID();
    const email = `${tag}-${userId.slice(0, 8)}@e2e.test`;
    await c.query(`INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [userId, email, `E2E ${tag}`, passwordHash]);
    await c.query(`INSERT INTO "Membership" ("id", "hubId", "userId", "role", "updatedAt") VALUES ($1, $2, $3, $4::"Role", now())`, [membershipId, account.hubId, userId, role]);
    await c.query(`INSERT INTO "AccountAccess" ("id", "membershipId", "apiAccountId", "grants", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [randomUUID(), membershipId, account.id, grants]);
    return email;
  });
}

let token: { value: string; clientId: string } | null = null;

/** GET (or POST) on the emulator as the demo-marketplace client: the ground truth pages are checked against. */
export async function mangopay<T>(path: string, post?: unknown): Promise<{ body: T; total: number | null }> {
  if (!token) {
    const clients = (await (await fetch(`${emulatorUrl()}/_emulator/clients`)).json()) as { ClientId: string; ApiKey: string }[];
    const c = clients.find((x) => x.ClientId === "demo-marketplace");
    if (!c) throw new Error("no demo-marketplace client");
    const res = await fetch(`${emulatorUrl()}/v2.01/oauth/token`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`${c.ClientId}:${c.ApiKey}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    });
    token = { value: ((await res.json()) as { access_token: string }).access_token, clientId: c.ClientId };
  }
  const res = await fetch(`${emulatorUrl()}/v2.01/${token.clientId}${path}`, {
    method: post === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${token.value}`, ...(post === undefined ? {} : { "content-type": "application/json" }) },
    body: post === undefined ? undefined : JSON.stringify(post),
  });
  if (!res.ok) throw new Error(`emulator ${post === undefined ? "GET" : "POST"} ${path} → ${res.status}`);
  const total = res.headers.get("x-number-of-items");
  return { body: (await res.json()) as T, total: total === null ? null : Number(total) };
}

export async function emulatorControl(method: "POST" | "DELETE", path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${emulatorUrl()}/_emulator${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator control ${method} ${path} → ${res.status}: ${await res.text()}`);
}
