// The mirror's reading side in chromium against the demo stack, with mirror rows written straight to
// the database: a 60-day-old event (beyond MANGOPAY's 45 days) listed from the mirror opens its
// resource's live page, the Analytics page draws the last quarter's fees from mirrored transactions,
// and the disputes page downloads its filtered disputes as CSV.
import { randomBytes, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { demoAccount, mangopay, signInOwner } from "./support/dashboard";
import { databaseUrl } from "./support/users";

let account: { id: string; hubId: string; name: string };
let base = "";
const DAY_MS = 86_400_000;

async function sql(text: string, values: unknown[]): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  account = await demoAccount();
  base = `/accounts/${account.id}`;
});

test("a 60-day-old event is listed from the mirror and opens the pay-in MANGOPAY holds today", async ({ page }) => {
  const { body } = await mangopay<{ ResourceId: string }[]>(
    "/events?EventType=PAYIN_NORMAL_SUCCEEDED&per_page=1&Sort=Date:DESC",
  );
  const payInId = body[0]?.ResourceId;
  if (!payInId) throw new Error("the seed has no succeeded pay-in event");
  const { body: payIn } = await mangopay<{ AuthorId: string }>(`/payins/${payInId}`);
  const date = new Date(Date.now() - 60 * DAY_MS);
  await sql(
    `INSERT INTO "MirrorEvent" ("id", "hubId", "apiAccountId", "eventType", "resourceId", "eventDate")
     VALUES ($1, $2, $3, 'PAYIN_NORMAL_SUCCEEDED', $4, $5) ON CONFLICT DO NOTHING`,
    [randomUUID(), account.hubId, account.id, payInId, date],
  );
  await signInOwner(page);
  const from = new Date(Date.now() - 70 * DAY_MS).toISOString().slice(0, 10);
  const to = new Date(Date.now() - 50 * DAY_MS).toISOString().slice(0, 10);
  await page.goto(`${base}/events?from=${from}&to=${to}`);
  await expect(page.getByTestId("events-retention")).toContainText("History from the local mirror");
  await expect(page.getByTestId("mirror-freshness")).toContainText("From the local mirror");
  await expect(page.getByTestId("export-csv")).toBeVisible();
  await page.getByRole("link", { name: `PAYIN_NORMAL_SUCCEEDED on ${payInId}` }).click();
  await expect(page.getByTestId("event-resource")).toContainText(payIn.AuthorId);
});

test("Analytics draws the last quarter's fees per currency from the mirrored transactions", async ({ page }) => {
  const now = Date.now();
  const rows: [number, number, number, string][] = [
    // days ago, debited, fees, status
    [10, 10_000, 250, "SUCCEEDED"],
    [40, 5_000, 125, "SUCCEEDED"],
    [80, 2_000, 50, "SUCCEEDED"],
    [20, 9_999, 999, "FAILED"],
    // Outside the quarter.
    [120, 1_000_000, 100_000, "SUCCEEDED"],
  ];
  for (const [days, debited, fees, status] of rows)
    await sql(
      `INSERT INTO "MirrorTransaction" ("id", "hubId", "apiAccountId", "mangopayId", "type", "nature", "status",
         "currency", "debitedMinor", "creditedMinor", "feesMinor", "createdAt", "raw")
       VALUES ($1, $2, $3, $4, 'PAYIN', 'REGULAR', $5, 'CHF', $6, $7, $8, $9, '{}')`,
      [
        randomUUID(),
        account.hubId,
        account.id,
        `e2e-${randomUUID()}`,
        status,
        debited,
        debited - fees,
        fees,
        new Date(now - days * DAY_MS),
      ],
    );
  await signInOwner(page);
  await page.goto(base);
  await page.getByRole("link", { name: "Analytics", exact: true }).click();
  await page.getByRole("link", { name: "Last quarter (90 days)" }).click();
  await expect(page).toHaveURL(/period=quarter/);
  const chf = page.locator('[data-testid="analytics-currency"][data-currency="CHF"]');
  await expect(chf.getByTestId("total-fees")).toContainText("4.25");
  await expect(chf.getByTestId("total-volume")).toContainText("170.00");
  await expect(chf.getByTestId("total-success-rate")).toHaveText("75.0 %");
  await expect(chf.getByRole("img", { name: "Fees per week in CHF" })).toBeVisible();
  await expect(
    chf.getByRole("img", { name: "Fees per week in CHF" }).locator(".recharts-bar-rectangle").first(),
  ).toBeVisible();
});

test("the disputes page downloads its filtered disputes from the mirror as CSV, amounts in decimals", async ({
  page,
}) => {
  const day = "2020-01-15";
  const insertDispute = (id: string, status: string, disputedMinor: number) =>
    sql(
      `INSERT INTO "MirrorDispute" ("id", "hubId", "apiAccountId", "mangopayId", "initialTransactionId",
         "disputeType", "status", "currency", "disputedMinor", "createdAt", "raw")
       VALUES ($1, $2, $3, $4, $5, 'CONTESTABLE', $6, 'EUR', $7, $8, '{}')`,
      [randomUUID(), account.hubId, account.id, id, `payin-${id}`, status, disputedMinor, new Date(`${day}T10:00:00Z`)],
    );
  const waiting = `e2e-${randomUUID().slice(0, 8)}`;
  await insertDispute(waiting, "PENDING_CLIENT_ACTION", 12_345);
  await insertDispute(`e2e-${randomUUID().slice(0, 8)}`, "CLOSED", 999);
  // The export is offered where the account's webhooks feed the mirror: connect it for this test only.
  const created = await sql(
    `INSERT INTO "WebhookEndpoint" ("id", "hubId", "apiAccountId", "tokenHash", "updatedAt")
     VALUES ($1, $2, $3, $4, now()) ON CONFLICT ("apiAccountId") DO NOTHING RETURNING "id"`,
    [randomUUID(), account.hubId, account.id, randomBytes(32).toString("hex")],
  );
  try {
    await signInOwner(page);
    await page.goto(`${base}/disputes?status=PENDING_CLIENT_ACTION&type=CONTESTABLE&from=${day}&to=${day}`);
    const link = page.getByTestId("export-csv");
    await expect(link).toHaveText("Export CSV");
    await expect(link).toHaveAttribute(
      "href",
      `${base}/disputes/export?status=PENDING_CLIENT_ACTION&type=CONTESTABLE&from=${day}&to=${day}`,
    );
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^disputes-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = (await readFile(await download.path(), "utf8")).trim().split("\n");
    expect(rows).toHaveLength(2);
    expect(rows[1]?.split(",").slice(0, 8)).toEqual([
      waiting,
      "CONTESTABLE",
      "PENDING_CLIENT_ACTION",
      "",
      "",
      "EUR",
      "123.45",
      "12345",
    ]);
    // "To settle" is MANGOPAY's own queue, which the mirror cannot tell apart: its export reads MANGOPAY.
    await page.goto(`${base}/disputes?quick=to-settle`);
    const toSettle = await mangopay<{ Id: string; Status: string; ResultCode: string | null }[]>(
      "/disputes/pendingsettlement?per_page=100&Sort=CreationDate:DESC",
    );
    expect(toSettle.body.length).toBeGreaterThan(0);
    const settleLink = page.getByTestId("export-csv");
    await expect(settleLink).toHaveAttribute("href", `${base}/disputes/export?quick=to-settle`);
    const [settleDownload] = await Promise.all([page.waitForEvent("download"), settleLink.click()]);
    const settleRows = (await readFile(await settleDownload.path(), "utf8")).trim().split("\n").slice(1);
    expect(settleRows.map((r) => r.split(",")[0])).toEqual(toSettle.body.map((d) => d.Id));
    expect(settleRows.every((r) => r.split(",").slice(2, 4).join() === "CLOSED,LOST")).toBe(true);
  } finally {
    const id = created[0]?.id;
    if (typeof id === "string") await sql(`DELETE FROM "WebhookEndpoint" WHERE "id" = $1`, [id]);
  }
});
