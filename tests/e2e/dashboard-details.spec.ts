// The transaction detail's payment instruments (card, bank account, mandate read in full), search by
// an event's ResourceId, and recent searches kept in the database per member — against the seeded
// emulator, with the values it holds.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { DEMO_OWNER, demoAccount, mangopay, signInOwner } from "./support/dashboard";
import { databaseUrl } from "./support/users";

type PayIn = { Id: string; PaymentType: string; CardId?: string; MandateId?: string };
let base = "";
/** A MANGOPAY status as the status badge shows it ("PENDING_CLIENT_ACTION" → "Pending client action"). */
const asShown = (status: string) => new RegExp(status.replace(/_/g, "[ _]"), "i");

test.beforeAll(async () => {
  base = `/accounts/${(await demoAccount()).id}`;
});
test.beforeEach(async ({ page }) => signInOwner(page));

/** The newest pay-ins of the recent events, read in full (lists carry the common view only). */
async function recentPayIns(): Promise<PayIn[]> {
  const events = await mangopay<{ ResourceId: string }[]>(
    "/events?EventType=PAYIN_NORMAL_SUCCEEDED&per_page=100&Sort=Date:DESC",
  );
  return Promise.all(events.body.map(async (e) => (await mangopay<PayIn>(`/payins/${e.ResourceId}`)).body));
}

test("a transaction shows the card, mandate or bank account it used, read in full, with links", async ({ page }) => {
  const payIns = await recentPayIns();
  const cardPayIn = payIns.find((p) => p.PaymentType === "CARD" && p.CardId);
  const card = (
    await mangopay<{ Id: string; Alias: string; ExpirationDate: string; Validity: string; UserId: string }>(
      `/cards/${cardPayIn?.CardId}`,
    )
  ).body;
  await page.goto(`${base}/transactions/${cardPayIn?.Id}?kind=PAYIN`);
  const cardBlock = page.getByTestId("tx-card");
  await expect(cardBlock).toContainText(card.Alias);
  await expect(cardBlock).toContainText(`${card.ExpirationDate.slice(0, 2)}/${card.ExpirationDate.slice(2)}`);
  await expect(cardBlock).toContainText(asShown(card.Validity));
  await expect(cardBlock.getByRole("link", { name: "The user's cards" })).toHaveAttribute(
    "href",
    `${base}/users/${card.UserId}/cards`,
  );

  const ddPayIn = payIns.find((p) => p.PaymentType === "DIRECT_DEBIT" && p.MandateId);
  expect(ddPayIn, "the seed holds a recent direct-debit pay-in").toBeDefined();
  const mandate = (
    await mangopay<{ Status: string; Scheme: string; BankAccountId: string }>(`/mandates/${ddPayIn?.MandateId}`)
  ).body;
  await page.goto(`${base}/transactions/${ddPayIn?.Id}?kind=PAYIN`);
  const mandateBlock = page.getByTestId("tx-mandate");
  await expect(mandateBlock).toContainText(asShown(mandate.Status));
  await expect(mandateBlock).toContainText(mandate.BankAccountId);

  const payoutEvents = await mangopay<{ ResourceId: string }[]>(
    "/events?EventType=PAYOUT_NORMAL_SUCCEEDED&per_page=1&Sort=Date:DESC",
  );
  const payout = (
    await mangopay<{ Id: string; AuthorId: string; BankAccountId: string }>(
      `/payouts/${payoutEvents.body[0]?.ResourceId}`,
    )
  ).body;
  const account = (
    await mangopay<{ Type: string; OwnerName: string; IBAN?: string; AccountNumber?: string }>(
      `/users/${payout.AuthorId}/bankaccounts/${payout.BankAccountId}`,
    )
  ).body;
  await page.goto(`${base}/transactions/${payout.Id}?kind=PAYOUT`);
  const bankBlock = page.getByTestId("tx-bank-account");
  await expect(bankBlock).toContainText(account.Type);
  await expect(bankBlock).toContainText(account.OwnerName);
  const number = (account.IBAN ?? account.AccountNumber ?? "").replace(/\s+/g, "");
  await expect(bankBlock).toContainText(number.slice(-4));
  // Masked: the middle of the number is never on the page.
  await expect(bankBlock).not.toContainText(number.slice(4, -4));
});

test("search by an event's ResourceId lists its events, each opening the event and its resource", async ({ page }) => {
  const events = await mangopay<{ ResourceId: string; EventType: string }[]>(
    "/events?EventType=DISPUTE_CREATED&per_page=1&Sort=Date:DESC",
  );
  const event = events.body[0];
  expect(event).toBeDefined();
  await page.goto(`${base}/search?q=${event?.ResourceId}`);
  const found = page.getByTestId("search-events");
  await expect(found.getByTestId("search-event").filter({ hasText: "DISPUTE_CREATED" })).toHaveCount(1);
  await found
    .getByTestId("search-event")
    .filter({ hasText: "DISPUTE_CREATED" })
    .getByRole("link", { name: /^Open the event Dispute created/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`/events/${event?.ResourceId}\\?type=DISPUTE_CREATED`));
  await expect(page.locator("main")).toContainText(event?.ResourceId ?? "missing");
});

async function openRecent(page: Page) {
  await expect(async () => {
    await page.keyboard.press("Control+k");
    await expect(page.getByLabel("Search by Id")).toBeFocused({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  return page.getByRole("list", { name: "Recent searches" });
}

test("recent searches are kept for the member in the database, shown in another browser, and clearable", async ({
  page,
  browser,
}) => {
  await page.goto(`${base}/users`);
  for (const q of ["777000001", "777000002"]) {
    await openRecent(page);
    await page.getByLabel("Search by Id").fill(q);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`search\\?q=${q}`));
    await expect(page.getByTestId("empty-state")).toContainText(`Nothing found for “${q}”`);
  }
  // A fresh browser (no local storage) of the same member sees them, newest first.
  const other = await browser.newContext();
  const second = await other.newPage();
  await signInOwner(second);
  await second.goto(`${base}/users`);
  const list = await openRecent(second);
  await expect(list.getByRole("button", { name: /^7770000/ })).toHaveText(["777000002", "777000001"]);
  await list.getByRole("button", { name: "Clear" }).click();
  await expect(second.getByRole("list", { name: "Recent searches" })).toHaveCount(0);
  await other.close();
  // Cleared in the database: a reload of the first browser shows none.
  await page.reload();
  await openRecent(page);
  await expect(page.getByRole("list", { name: "Recent searches" })).toHaveCount(0);
});

test("dates show in the member's own time zone, read with the session (the shell does no query for it)", async ({
  page,
}) => {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  const before = await client.query<{ timeZone: string | null }>(`SELECT "timeZone" FROM "User" WHERE "email" = $1`, [
    DEMO_OWNER,
  ]);
  await client.query(`UPDATE "User" SET "timeZone" = 'Asia/Tokyo' WHERE "email" = $1`, [DEMO_OWNER]);
  try {
    const events = await mangopay<{ ResourceId: string; Date: number }[]>(
      "/events?EventType=DISPUTE_CREATED&per_page=1&Sort=Date:DESC",
    );
    const event = events.body[0];
    const tokyo = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Tokyo" });
    await page.goto(`${base}/search?q=${event?.ResourceId}`);
    await expect(page.getByTestId("search-event").locator("time").first()).toHaveText(
      tokyo.format(new Date((event?.Date ?? 0) * 1000)),
    );
  } finally {
    await client.query(`UPDATE "User" SET "timeZone" = $2 WHERE "email" = $1`, [
      DEMO_OWNER,
      before.rows[0]?.timeZone ?? null,
    ]);
    await client.end();
  }
});
