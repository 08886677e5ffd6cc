// The mirror's reading side in chromium against the demo stack, with mirror rows written straight to
// the database: a 60-day-old event (beyond MANGOPAY's 45 days) listed from the mirror opens its
// resource's live page, and the Analytics page draws the last quarter's fees from mirrored transactions.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { demoAccount, mangopay, signInOwner } from "./support/dashboard";
import { databaseUrl } from "./support/users";

let account: { id: string; hubId: string; name: string };
let base = "";
const DAY_MS = 86_400_000;

async function sql(text: string, values: unknown[]): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    await client.query(text, values);
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
