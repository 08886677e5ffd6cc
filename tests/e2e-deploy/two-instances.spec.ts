import { createHmac } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";

// Two instances of the standalone server on one database, as behind a load balancer without sticky
// sessions (scripts/deploy-check-server.mjs starts them on E2E_PORT and E2E_PORT+1). The sign-in
// limit is one limit across both, and the client IP they record is the TCP peer's, whatever a
// client writes in the peer or forwarding headers.
test.describe.configure({ mode: "serial" });

const ROOT = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.E2E_PORT ?? 3380);
const instances = [`http://localhost:${port}`, `http://localhost:${port + 1}`];

async function query<T>(sql: string, params: unknown[]): Promise<T[]> {
  const url = fs.readFileSync(path.join(ROOT, ".data/deploy-check/database-url"), "utf8").trim();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

const auditOf = (email: string) =>
  query<{ action: string; ip: string | null }>(
    `SELECT action, ip FROM "AuditEvent" WHERE metadata->>'email' = $1 ORDER BY "createdAt", id`,
    [email],
  );

async function signIn(page: Page, base: string, email: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not-the-password-at-all");
  await page.getByRole("button", { name: "Sign in" }).click();
  return page.getByTestId("sign-in-error");
}

test.beforeAll(async ({ request }) => {
  // Playwright waits for the first instance only; the second started at the same time.
  await expect
    .poll(async () => (await request.get(`${instances[1]}/api/health/ready`).catch(() => null))?.status(), {
      timeout: 60_000,
    })
    .toBe(200);
});

test("both instances serve the same installation, each with its own request ids", async ({ request }) => {
  const answers = await Promise.all(instances.map((base) => request.get(`${base}/api/health/ready`)));
  // Each instance runs its own worker of the one job queue (JOBS_ENABLED defaults to true).
  for (const base of instances)
    await expect
      .poll(async () => (await request.get(`${base}/api/health/ready`)).json(), { timeout: 30_000 })
      .toEqual({ status: "ok", checks: { database: "ok", migrations: "ok", jobs: "ok" } });
  const ids = answers.map((res) => res.headers()["x-request-id"]);
  expect(new Set(ids).size).toBe(2);
});

test("failed sign-ins spread over both instances lock the email from this address as one limit", async ({ page }) => {
  const email = `spread-${Date.now()}@nobody.test`;
  // Alternating instances: 3 failures on one, 2 on the other. Per-process limits would lock nothing.
  for (let attempt = 0; attempt < 4; attempt += 1) {
    await expect(await signIn(page, instances[attempt % 2] ?? "", email)).toHaveText("Wrong email or password.");
  }
  const locked = "Too many failed attempts. Sign-in to this account from here is paused for 15 minutes.";
  await expect(await signIn(page, instances[0] ?? "", email)).toHaveText(locked);
  await expect(await signIn(page, instances[1] ?? "", email)).toHaveText(locked);

  // The audit trail and the shared limiter both name the real client address.
  const audit = await auditOf(email);
  expect(audit.map((a) => a.action)).toEqual([
    "auth.sign_in.failed",
    "auth.sign_in.failed",
    "auth.sign_in.failed",
    "auth.sign_in.failed",
    "auth.sign_in.lockout",
    "auth.sign_in.locked",
  ]);
  expect(new Set(audit.map((a) => a.ip))).toEqual(new Set(["127.0.0.1"]));
  const windows = await query<{ key: string; hits: number }>(
    `SELECT key, cardinality("hitsMs") AS hits FROM "RateLimitWindow" WHERE key = $1`,
    [`signin.pair:pair:${email}|127.0.0.1`],
  );
  expect(windows).toEqual([{ key: `signin.pair:pair:${email}|127.0.0.1`, hits: 5 }]);
});

test("a client's own peer and forwarding headers do not change the recorded IP, even correctly signed", async ({
  page,
}) => {
  const email = `forged-${Date.now()}@nobody.test`;
  const forgedIp = "203.0.113.50";
  // Even a value signed with the server's own secret is replaced by the TCP peer's address.
  const mac = createHmac("sha256", process.env.AUTH_SECRET ?? "")
    .update(`peer:${forgedIp}`)
    .digest("base64url");
  await page.setExtraHTTPHeaders({ "x-mpd-peer": `${forgedIp} ${mac}`, "x-forwarded-for": "198.51.100.77" });
  for (const base of instances) {
    await expect(await signIn(page, base, email)).toHaveText("Wrong email or password.");
  }
  const audit = await auditOf(email);
  expect(audit).toEqual([
    { action: "auth.sign_in.failed", ip: "127.0.0.1" },
    { action: "auth.sign_in.failed", ip: "127.0.0.1" },
  ]);
  const keys = await query<{ key: string }>(`SELECT key FROM "RateLimitWindow" WHERE key LIKE $1 ORDER BY key`, [
    `%${email}%`,
  ]);
  expect(keys.map((k) => k.key)).toEqual([`signin.email:email:${email}`, `signin.pair:pair:${email}|127.0.0.1`]);
});
