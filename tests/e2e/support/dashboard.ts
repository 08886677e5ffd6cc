// Dashboard e2e helpers: the demo owner's sign-in, an API account's id by name, and a member of the
// demo Hub whose grants on one account are chosen by the test (seeded into the e2e database).
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { expect, type Page } from "@playwright/test";
import pg from "pg";
import { roleAccountPermissions, type RoleName } from "@/lib/server/permissions";
import { databaseUrl, PASSWORD, signIn } from "./users";

export const DEMO_OWNER = "owner@demo.test";

export async function signInOwner(page: Page): Promise<void> {
  await signIn(page, DEMO_OWNER, process.env.DEMO_OWNER_PASSWORD ?? "");
  await expect(page).toHaveURL(/\/hub$/);
}

/** The dashboard id of the demo Hub's API account named `name`, read from the Hub page. */
export async function accountIdByName(page: Page, name: string): Promise<string> {
  if (!/\/hub$/.test(page.url())) await page.goto("/hub");
  const href = await page
    .getByTestId("api-account")
    .filter({ hasText: name })
    .getByRole("link", { name: "Dashboard" })
    .getAttribute("href");
  const id = (href ?? "").split("/").pop() ?? "";
  expect(id).not.toBe("");
  return id;
}

/** A new member of the demo Hub with `role`, given access to the account named `accountName` with the role's grants minus `without`. */
export async function seedDemoMember(role: RoleName, accountName: string, without: string[]): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const email = `dash-${role.toLowerCase()}-${randomUUID().slice(0, 8)}@e2e.test`;
    const userId = randomUUID();
    const passwordHash = await hash(PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
    await client.query(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, now())`,
      [userId, email, `E2E ${role}`, passwordHash],
    );
    const { rows } = await client.query<{ hubId: string; accountId: string }>(
      `SELECT m."hubId", a."id" AS "accountId" FROM "Membership" m JOIN "User" u ON u."id" = m."userId" JOIN "ApiAccount" a ON a."hubId" = m."hubId"
       WHERE u."email" = $1 AND a."name" = $2 LIMIT 1`,
      [DEMO_OWNER, accountName],
    );
    const target = rows[0];
    if (!target) throw new Error(`no account ${accountName} in the demo Hub`);
    const membershipId = randomUUID();
    await client.query(
      `INSERT INTO "Membership" ("id", "hubId", "userId", "role", "updatedAt") VALUES ($1, $2, $3, $4::"Role", now())`,
      [membershipId, target.hubId, userId, role],
    );
    const grants = roleAccountPermissions(role).filter((p) => !without.includes(p));
    await client.query(
      `INSERT INTO "AccountAccess" ("id", "membershipId", "apiAccountId", "grants", "updatedAt") VALUES ($1, $2, $3, $4, now())`,
      [randomUUID(), membershipId, target.accountId, grants],
    );
    return email;
  } finally {
    await client.end();
  }
}

// MANGOPAY's truth and the emulator's controls, for the activity pages (transactions, events, disputes…).
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

/** The demo owner's account on the emulator's demo-marketplace client. */
export async function demoAccount(): Promise<{ id: string; hubId: string; name: string }> {
  return withDb(async (c) => {
    const r = await c.query<{ id: string; hubId: string; name: string }>(
      `SELECT a."id", a."hubId", a."name" FROM "ApiAccount" a JOIN "Membership" m ON m."hubId" = a."hubId" JOIN "User" u ON u."id" = m."userId"
       WHERE u."email" = $1 AND a."clientId" = 'demo-marketplace' LIMIT 1`,
      [DEMO_OWNER],
    );
    const row = r.rows[0];
    if (!row) throw new Error("the e2e stack has no demo-marketplace account");
    return row;
  });
}

let token: { value: string; clientId: string } | null = null;

/** GET (or POST) on the emulator as the demo-marketplace client: the ground truth pages are checked against. */
export async function mangopay<T>(path: string, post?: unknown): Promise<{ body: T; total: number | null }> {
  if (!token) {
    const clients = (await (await fetch(`${emulatorUrl()}/_emulator/clients`)).json()) as {
      ClientId: string;
      ApiKey: string;
    }[];
    const c = clients.find((x) => x.ClientId === "demo-marketplace");
    if (!c) throw new Error("no demo-marketplace client");
    const res = await fetch(`${emulatorUrl()}/v2.01/oauth/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${c.ClientId}:${c.ApiKey}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials",
    });
    token = { value: ((await res.json()) as { access_token: string }).access_token, clientId: c.ClientId };
  }
  const res = await fetch(`${emulatorUrl()}/v2.01/${token.clientId}${path}`, {
    method: post === undefined ? "GET" : "POST",
    headers: {
      authorization: `Bearer ${token.value}`,
      ...(post === undefined ? {} : { "content-type": "application/json" }),
    },
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
