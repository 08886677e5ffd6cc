import { createCipheriv, createHash, createHmac, randomBytes } from "node:crypto";
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

/** The server's sealed form of an API key (lib/server/crypto.ts, v2 with the one "default" key). */
function sealed(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(process.env.ENCRYPTION_KEY ?? "", "base64"), iv);
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [
    "v2",
    "default",
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    ct.toString("base64url"),
  ].join(".");
}

test("webhook pings spread over both instances are each processed once, by one of the two queues", async ({
  request,
}) => {
  test.setTimeout(180_000);
  const emulatorUrl = fs.readFileSync(path.join(ROOT, ".data/deploy-check/emulator-url"), "utf8").trim();
  const [client] = (await (await fetch(`${emulatorUrl}/_emulator/clients`)).json()) as Array<{
    ClientId: string;
    ApiKey: string;
  }>;
  if (!client) throw new Error("the emulator has no client");
  // Users MANGOPAY (the emulator) knows, so that processing finds each ping's object.
  const auth = Buffer.from(`${client.ClientId}:${client.ApiKey}`).toString("base64");
  const { access_token: token } = (await (
    await fetch(`${emulatorUrl}/v2.01/oauth/token`, {
      method: "POST",
      headers: { authorization: `Basic ${auth}`, "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    })
  ).json()) as { access_token: string };
  const users = (await (
    await fetch(`${emulatorUrl}/v2.01/${client.ClientId}/users?per_page=15`, {
      headers: { authorization: `Bearer ${token}` },
    })
  ).json()) as Array<{ Id: string }>;
  expect(users.length).toBeGreaterThan(5);

  // A Hub with this client as its API account and a receiver secret, as "Connect webhooks" leaves them.
  const tag = `${Date.now()}`;
  const hubId = `hub-webhooks-${tag}`;
  const accountId = `acct-webhooks-${tag}`;
  const secret = randomBytes(32).toString("base64url");
  await query(`INSERT INTO "Hub" (id, name, "allowCustomBaseUrls", "updatedAt") VALUES ($1, $2, true, now())`, [
    hubId,
    `Webhooks ${tag}`,
  ]);
  await query(
    `INSERT INTO "ApiAccount" (id, "hubId", name, environment, "clientId", "apiKeyEnc", "apiKeyLast4", "baseUrl", "updatedAt")
     VALUES ($1, $2, 'Webhook check', 'SANDBOX', $3, $4, $5, $6, now())`,
    [accountId, hubId, client.ClientId, sealed(client.ApiKey), client.ApiKey.slice(-4), emulatorUrl],
  );
  await query(
    `INSERT INTO "WebhookEndpoint" (id, "hubId", "apiAccountId", "tokenHash", "updatedAt") VALUES ($1, $2, $3, $4, now())`,
    [`endpoint-${tag}`, hubId, accountId, createHash("sha256").update(secret).digest("hex")],
  );

  // Two events per user, alternating instances, all at once; each ping is sent again to the other
  // instance (MANGOPAY retries a delivery it thinks failed).
  const date = Math.floor(Date.now() / 1000);
  const pings = users.flatMap((u, i) =>
    ["USER_ACCOUNT_ACTIVATED", "USER_KYC_LIGHT"].map((eventType, j) => ({
      first: instances[(i + j) % 2] ?? "",
      again: instances[(i + j + 1) % 2] ?? "",
      query: `EventType=${eventType}&RessourceId=${u.Id}&Date=${date + j}`,
    })),
  );
  const url = (base: string, q: string) => `${base}/api/webhooks/mangopay/${secret}?${q}`;
  const answers = await Promise.all(pings.map((p) => request.get(url(p.first, p.query))));
  answers.push(...(await Promise.all(pings.map((p) => request.get(url(p.again, p.query))))));
  expect(answers.map((a) => a.status())).toEqual(answers.map(() => 200));

  await expect
    .poll(
      async () =>
        (
          await query<{ n: number }>(
            `SELECT count(*)::int AS n FROM "WebhookPing" WHERE "apiAccountId" = $1 AND status = 'DONE'`,
            [accountId],
          )
        )[0]?.n,
      { timeout: 120_000, intervals: [500] },
    )
    .toBe(pings.length);
  const rows = await query<{ id: string; status: string; attempts: number; audits: number }>(
    `SELECT p.id, p.status, p.attempts,
       (SELECT count(*)::int FROM "AuditEvent" a WHERE a."targetId" = p.id AND a.action = 'mirror.sync') AS audits
     FROM "WebhookPing" p WHERE p."apiAccountId" = $1`,
    [accountId],
  );
  expect(rows).toHaveLength(pings.length);
  for (const row of rows) expect(row).toEqual({ id: row.id, status: "DONE", attempts: 1, audits: 1 });
  const mirrored = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "MirrorUser" WHERE "apiAccountId" = $1`, [
    accountId,
  ]);
  expect(mirrored[0]?.n).toBe(users.length);
});
