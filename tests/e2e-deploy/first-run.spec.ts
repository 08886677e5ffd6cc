import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";

// A fresh installation on PostgreSQL, no demo seed, the standalone server (scripts/deploy-check-server.mjs).
// The steps depend on each other (the first Hub is created once), so they run in order.
test.describe.configure({ mode: "serial" });

const ROOT = path.resolve(import.meta.dirname, "../..");
const LOG_DIR = path.join(ROOT, ".data/deploy-check");
/** Every instance's log (the deploy check starts two on one database). */
const readLogs = () =>
  fs
    .readdirSync(LOG_DIR)
    .filter((n) => /^server(-\d+)?\.log$/.test(n))
    .map((n) => fs.readFileSync(path.join(LOG_DIR, n), "utf8"))
    .join("\n");
const owner = { hub: "Acme Payments", name: "Ada Owner", email: "ada@acme.test", password: `owner-pw-${Date.now()}-x` };
let emulatorClient: { ClientId: string; ApiKey: string };
let emulatorUrl: string;
let accountId = "";
const sessionCookies: string[] = [];

test.beforeAll(async () => {
  emulatorUrl = fs.readFileSync(path.join(ROOT, ".data/deploy-check/emulator-url"), "utf8").trim();
  const clients = (await (await fetch(`${emulatorUrl}/_emulator/clients`)).json()) as Array<{
    ClientId: string;
    ApiKey: string;
  }>;
  emulatorClient = clients[0] as { ClientId: string; ApiKey: string };
});

async function fillSetup(page: import("@playwright/test").Page, token: string) {
  await page.goto("/setup");
  await expect(page.getByRole("heading", { name: "Set up your dashboard" })).toBeVisible();
  await page.getByLabel("Setup token").fill(token);
  await page.getByLabel("Hub name").fill(owner.hub);
  await page.getByLabel("Your name").fill(owner.name);
  await page.getByLabel("Your email").fill(owner.email);
  await page.getByLabel("Choose a password").fill(owner.password);
  await page.getByRole("button", { name: "Create the Hub" }).click();
}

test("the server is live and ready on a fresh, migrated database", async ({ request }) => {
  const liveRes = await request.get("/api/health/live");
  expect(await liveRes.json()).toEqual({ status: "ok" });
  const readyRes = await request.get("/api/health/ready");
  expect(readyRes.status()).toBe(200);
  expect(readyRes.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  // The server runs the job queue (JOBS_ENABLED defaults to true), so readiness reports it too once
  // the queue has started (it starts in the background: the first answer may come before it).
  await expect
    .poll(async () => (await request.get("/api/health/ready")).json(), { timeout: 30_000 })
    .toEqual({ status: "ok", checks: { database: "ok", migrations: "ok", jobs: "ok" } });
});

test("/setup refuses a wrong setup token and creates nothing", async ({ page }) => {
  await fillSetup(page, "not-the-token-printed-in-the-log");
  await expect(page.getByText("The setup token is not right.")).toBeVisible();
  await expect(page.getByText("Copy the token printed in the server log (or SETUP_TOKEN)")).toBeVisible();
  // Still a first run: the page is still there.
  expect((await page.request.get("/setup")).status()).toBe(200);
});

test("/setup with the right token creates the Hub and its Owner, then offers two-factor enrolment", async ({
  page,
}) => {
  await fillSetup(page, process.env.SETUP_TOKEN ?? "");
  await expect(page).toHaveURL(/\/two-factor\/setup/);
  await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
  await page.screenshot({ path: path.join(ROOT, ".data/deploy-check/after-setup.png"), fullPage: true });
  await page.getByRole("link", { name: /Skip for now/ }).click();
  await expect(page).toHaveURL(/\/hub$/);
  await expect(page.getByRole("heading", { name: "API accounts" })).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveText(owner.email);
});

test("/setup is gone once a Hub exists, even with the right token", async ({ page }) => {
  const res = await page.request.get("/setup");
  expect(res.status()).toBe(404);
  await page.goto("/setup");
  await expect(page.getByRole("heading", { name: "Set up your dashboard" })).toHaveCount(0);
});

test("the Owner signs in, adds a sandbox API account on the emulator and opens its dashboard", async ({
  page,
  context,
}) => {
  await page.goto("/hub");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/hub$/);

  // A Hub opts in to custom base URLs (the emulator) in its settings first.
  await page.goto("/hub/settings");
  await page.getByLabel(/Allow custom MANGOPAY base URLs/).check();
  await page.getByRole("button", { name: "Update connection policy" }).click();
  await expect(page.getByText("Saved: custom base URLs are allowed.")).toBeVisible();
  await page.goto("/hub");
  await page.getByRole("link", { name: "Add API account" }).click();
  await page.getByLabel("Name").fill("Emulator sandbox");
  await page.getByLabel("ClientId").fill(emulatorClient.ClientId);
  await page.getByLabel("API key").fill(emulatorClient.ApiKey);
  await page.getByLabel("Custom URL (emulator, proxy)").check();
  await page.getByLabel("Custom base URL").fill(emulatorUrl);
  await page.getByRole("button", { name: "Add sandbox account" }).click();
  await expect(page).toHaveURL(/\/hub\?added=/);
  accountId = new URL(page.url()).searchParams.get("added") ?? "";
  expect(accountId).not.toBe("");

  await page.getByRole("link", { name: "Dashboard" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${accountId}`));
  await expect(page.getByRole("heading", { name: "Emulator sandbox" })).toBeVisible();
  await page.screenshot({ path: path.join(ROOT, ".data/deploy-check/dashboard.png"), fullPage: true });
  for (const c of await context.cookies()) sessionCookies.push(c.value);
});

test("the server's log is JSON lines with request ids, member and account, and holds no secret", async () => {
  // Let the last response's log line flush.
  await new Promise((r) => setTimeout(r, 500));
  const text = readLogs();
  const secrets = [
    owner.password,
    emulatorClient.ApiKey,
    process.env.AUTH_SECRET,
    process.env.ENCRYPTION_KEY,
    process.env.SETUP_TOKEN,
    ...sessionCookies.filter((v) => v.length >= 16),
  ];
  for (const secret of secrets)
    expect(secret && text.includes(secret) ? "secret found in the server log" : "clean").toBe("clean");
  const lines = text
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  // The instances started at once: every migration was applied exactly once, by one of them.
  const migrationLines = lines.filter((l) => l.msg === "database migrations up to date");
  expect(migrationLines.length).toBeGreaterThanOrEqual(2);
  expect(migrationLines.flatMap((l) => l.applied as string[]).sort()).toEqual(
    fs
      .readdirSync(path.join(ROOT, "prisma/migrations"))
      .filter((n) => /^\d{14}_/.test(n))
      .sort(),
  );
  // Every signed-in request names its member, router prefetches included (they render no layout
  // that loads the Hub context: proxy.ts notes the member from the session).
  const dashboardLines = lines.filter(
    (l) => l.msg === "request" && l.route === `/accounts/${accountId}` && l.method === "GET" && l.status === 200,
  );
  expect(dashboardLines.length).toBeGreaterThan(0);
  const anonymousSignedIn = lines.filter(
    (l) =>
      l.msg === "request" && /^\/(accounts|hub)(\/|$)/.test(String(l.route)) && l.status === 200 && l.memberId === null,
  );
  expect(anonymousSignedIn.map((l) => l.route)).toEqual([]);
  const members = new Set(dashboardLines.map((l) => l.memberId));
  expect([...members]).toHaveLength(1);
  const dashboard = dashboardLines[0];
  expect(dashboard).toMatchObject({ accountId, level: "info" });
  expect(String(dashboard?.memberId)).toMatch(/^c[a-z0-9]{20,}$/);
  expect(String(dashboard?.requestId)).toMatch(/^[0-9a-f-]{36}$/);
  expect(typeof dashboard?.durationMs).toBe("number");
});

test("the same server refuses to start on a missing setting and names it", () => {
  const server = path.join(ROOT, ".next/standalone/start.mjs");
  const res = spawnSync(process.execPath, [server], {
    cwd: path.dirname(server),
    encoding: "utf8",
    timeout: 60_000,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      PORT: "0",
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres",
      ENCRYPTION_KEY: process.env.ENCRYPTION_KEY,
      APP_URL: "http://localhost",
    },
  });
  expect(res.status).toBe(1);
  const fatal = res.stdout
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l.level === "fatal");
  expect(fatal.map((l) => l.variable)).toEqual(["AUTH_SECRET"]);
  expect(res.stdout).not.toContain(process.env.ENCRYPTION_KEY ?? "-");
});

test("without SETUP_TOKEN the server prints a one-time token at start, and /setup accepts it", async ({ page }) => {
  // A second installation: its own database and port, the same standalone server.
  const base = process.env.DEPLOY_CHECK_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `deploy_check_token_${Date.now()}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(sql).finally(() => c.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  // E2E_PORT+1 is the deploy check's second instance.
  const port = Number(process.env.E2E_PORT ?? 3380) + 5;
  const server = path.join(ROOT, ".next/standalone/start.mjs");
  const child = spawn(process.execPath, [server], {
    cwd: path.dirname(server),
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: url.toString(),
      AUTH_SECRET: process.env.AUTH_SECRET,
      ENCRYPTION_KEY: process.env.ENCRYPTION_KEY,
      APP_URL: `http://localhost:${port}`,
      NEXTAUTH_URL: `http://localhost:${port}`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    const token = await new Promise<string>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`no setup token printed:\n${out}`)), 60_000);
      child.stdout.on("data", (c: Buffer) => {
        out += c.toString();
        const m = out.match(/with the setup token:\s+(\S+)/);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await page.goto(`http://localhost:${port}/setup`);
    await page.getByLabel("Setup token").fill(token);
    await page.getByLabel("Hub name").fill("Printed Token Hub");
    await page.getByLabel("Your name").fill("Pat");
    await page.getByLabel("Your email").fill("pat@printed.test");
    await page.getByLabel("Choose a password").fill("pat-owner-password-1");
    await page.getByRole("button", { name: "Create the Hub" }).click();
    await expect(page).toHaveURL(/\/two-factor\/setup/);
    expect((await page.request.get(`http://localhost:${port}/setup`)).status()).toBe(404);
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
});

test("with two instances serving, background sections stop at the protected reserve and people keep their calls", async ({
  page,
  request,
}) => {
  const base = Number(process.env.E2E_PORT ?? 3380);
  const [first, second] = [`http://localhost:${base}`, `http://localhost:${base + 1}`];
  await expect
    .poll(async () => (await request.get(`${second}/api/health/ready`)).status(), { timeout: 60_000 })
    .toBe(200);
  // Signed in on the first instance; the session cookie works on the second (no sticky sessions).
  await page.goto(`${first}/sign-in`);
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/hub$/);
  await page.goto(`${second}/accounts/${accountId}`);
  await expect(page.getByRole("heading", { name: "Emulator sandbox" })).toBeVisible();
  // With the quota far from the reserve, the fees chart (background reads) is drawn.
  await expect(page.getByTestId("fees-series").first()).toBeVisible();

  const control = (body: unknown) =>
    fetch(`${emulatorUrl}/_emulator/ratelimit`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  // A 15-minute bucket of 1,000 calls (reserve: 5 % = 50), used up to 955 by refused token requests
  // (counted by MANGOPAY, nothing issued): 45 calls left, inside the reserve.
  await control({ limits: [1000, 100_000, 100_000, 1_000_000] });
  const basic = Buffer.from(`${emulatorClient.ClientId}:${emulatorClient.ApiKey}`).toString("base64");
  const spend = () =>
    fetch(`${emulatorUrl}/v2.01/oauth/token`, {
      method: "POST",
      headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=spend",
    });
  const made = (res: Response) => Number(res.headers.get("x-ratelimit")?.split(",")[0]);
  try {
    let used = made(await spend());
    while (used < 955) {
      const batch = await Promise.all(Array.from({ length: Math.min(50, 955 - used) }, spend));
      used = Math.max(...batch.map(made));
    }
    // The first instance reads users (interactive): MANGOPAY's answer goes into the shared ledger.
    // (Each instance also learns the count from its own interactive calls: the ledger's sharing
    // itself, with background calls in flight on both, is tested in shared-quota.test.ts.)
    await page.goto(`${first}/accounts/${accountId}/users`);
    await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
    // The second instance, which last saw a nearly unused quota, draws no background section.
    await page.goto(`${second}/accounts/${accountId}`);
    // Every background section says so (fees chart, returned payouts, UBO checks); nothing is drawn.
    const paused = page.getByText(/Paused to protect this account's MANGOPAY quota \(only \d+ calls left\)/);
    await expect(paused.first()).toBeVisible();
    await expect(page.getByTestId("issue-payouts").filter({ has: paused })).toBeVisible();
    await expect(page.getByTestId("fees-series")).toHaveCount(0);
    // People's pages could still use what is left: MANGOPAY was not emptied by background work.
    const left = Number((await spend()).headers.get("x-ratelimit-remaining")?.split(",")[0]);
    expect(left).toBeGreaterThan(0);
  } finally {
    await control({ reset: true });
    // The installation's own record of that quota (shared by both instances) is forgotten with it:
    // otherwise the next test's background work (webhook processing on this client) is shed until
    // the 15-minute window the emulator no longer counts has passed.
    const db = new pg.Client({ connectionString: fs.readFileSync(path.join(LOG_DIR, "database-url"), "utf8").trim() });
    await db.connect();
    await db.query(`DELETE FROM "MangopayQuotaLedger"`).finally(() => db.end());
  }
});
