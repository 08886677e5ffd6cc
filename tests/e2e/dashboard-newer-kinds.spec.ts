import { expect, test, type Page } from "@playwright/test";
import { formatMoney } from "@/lib/money";
import { accountIdByName, signInOwner } from "./support/dashboard";
import { emulatorClient, emulatorUrl, mangopayGet, mangopayPost } from "./support/emulator";

// The newer MANGOPAY kinds in the dashboard, against the emulator: a seeded deposit preauthorization and a
// conversion are found by Id from the search box, open on their own page with their real amounts, and
// the deposit is listed on its user's profile tab. Values come from the emulator, never hard-coded.
test.describe.configure({ mode: "serial" });

type Obj = { Id: string } & Record<string, unknown>;
type Money = { Amount: number; Currency: string };
type Deposit = Obj & { AuthorId: string; DebitedFunds: Money; PaymentStatus: string };
type Client = Awaited<ReturnType<typeof emulatorClient>>;
const SHOTS = ".data/screenshots/newer-kinds";

let mk: Client;
let accountId = "";

async function ownerPage(page: Page) {
  await signInOwner(page);
  accountId ||= await accountIdByName(page, "Demo Marketplace");
}

/** A deposit the emulator's seed made: MANGOPAY lists them per user only, so the users are read. */
async function seededDeposit(): Promise<Deposit> {
  for (let page = 1; page <= 10; page++) {
    const users = (await mangopayGet<Obj[]>(mk, `/users?per_page=100&page=${page}`)).body;
    const lists = await Promise.all(
      users.map((u) => mangopayGet<Deposit[]>(mk, `/users/${u.Id}/deposit-preauthorizations?per_page=100`)),
    );
    const found = lists.flatMap((l) => l.body)[0];
    if (found) return found;
    if (users.length < 100) break;
  }
  throw new Error("the emulator's seed has no deposit preauthorization");
}

/** Types the Id in the top bar's box (retried until the page is hydrated and the box navigates). */
async function search(page: Page, id: string) {
  const box = page.getByLabel("Search by Id");
  await expect(async () => {
    await box.fill(id);
    await box.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/search\\?q=${encodeURIComponent(id)}`), { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
}

test.beforeAll(async () => {
  mk = await emulatorClient("Demo Marketplace");
});

test("a seeded deposit preauthorization: found by Id, opened with its amount, listed on its user's tab", async ({
  page,
}) => {
  const deposit = await seededDeposit();
  const amount = formatMoney(deposit.DebitedFunds.Amount, deposit.DebitedFunds.Currency);
  await ownerPage(page);
  await page.goto(`/accounts/${accountId}`);
  await search(page, deposit.Id);
  const hit = page.locator('[data-testid="search-hit"][data-type="deposit"]');
  await expect(hit).toContainText("Deposit preauthorization");
  await expect(hit).toContainText(amount);
  await page.screenshot({ path: `${SHOTS}/deposit-search.png`, fullPage: true });

  await hit.getByRole("link", { name: "Open deposit preauthorization" }).click();
  await expect(page).toHaveURL(new RegExp(`/deposits/${deposit.Id}$`));
  await expect(page.getByTestId("deposit-title")).toContainText(amount);
  await expect(page.getByTestId("deposit-hold")).toContainText(amount);
  await expect(page.getByTestId("deposit-links")).toContainText(deposit.AuthorId);
  await page.screenshot({ path: `${SHOTS}/deposit-detail.png`, fullPage: true });

  await page.getByRole("link", { name: `Deposit preauthorizations of ${deposit.AuthorId}` }).click();
  await expect(page).toHaveURL(new RegExp(`/users/${deposit.AuthorId}/deposit-preauthorizations$`));
  const row = page.getByTestId("deposit-preauthorizations").getByRole("row").filter({ hasText: deposit.Id });
  await expect(row).toContainText(amount);
  await page.goto(`/accounts/${accountId}/users/${deposit.AuthorId}`);
  await expect(page.getByTestId("summary-deposit-preauthorizations")).toContainText(deposit.Id);
});

test("a conversion: found by Id and opened on the transaction page with both amounts and its rate", async ({
  page,
}) => {
  const stamp = Date.now();
  const user = await mangopayPost<Obj>(mk, "/users/natural", {
    FirstName: "Kinds",
    LastName: `Owner${stamp}`,
    Email: `kinds.${stamp}@example.com`,
    Birthday: 631152000,
    Nationality: "FR",
    CountryOfResidence: "FR",
    TermsAndConditionsAccepted: true,
    UserCategory: "OWNER",
  });
  const eur = await mangopayPost<Obj>(mk, "/wallets", { Owners: [user.Id], Currency: "EUR", Description: "Euros" });
  const gbp = await mangopayPost<Obj>(mk, "/wallets", { Owners: [user.Id], Currency: "GBP", Description: "Pounds" });
  const va = await mangopayPost<Obj>(mk, `/wallets/${eur.Id}/virtual-accounts`, {
    Country: "FR",
    VirtualAccountPurpose: "USER_OWNED",
  });
  const wire = await fetch(`${emulatorUrl()}/_emulator/clients/${mk.ClientId}/virtual-accounts/${va.Id}/wire`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ Amount: 20_000, WireReference: "E2E" }),
  });
  expect(wire.ok).toBe(true);
  const conversion = await mangopayPost<Obj & { DebitedFunds: Money; CreditedFunds: Money }>(
    mk,
    "/conversions/instant-conversion",
    {
      AuthorId: user.Id,
      DebitedWalletId: eur.Id,
      CreditedWalletId: gbp.Id,
      DebitedFunds: { Currency: "EUR", Amount: 12_345 },
      CreditedFunds: { Currency: "GBP" },
    },
  );
  const debited = formatMoney(conversion.DebitedFunds.Amount, conversion.DebitedFunds.Currency);
  const credited = formatMoney(conversion.CreditedFunds.Amount, conversion.CreditedFunds.Currency);

  await ownerPage(page);
  await page.goto(`/accounts/${accountId}`);
  await search(page, conversion.Id);
  const hit = page.locator('[data-testid="search-hit"][data-type="conversion"]');
  await expect(hit).toContainText(debited);
  await hit.getByRole("link", { name: "Open conversion" }).click();
  await expect(page).toHaveURL(new RegExp(`/transactions/${conversion.Id}\\?kind=CONVERSION$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Conversion ${debited}`);
  await expect(page.getByTestId("tx-money")).toContainText(credited);
  await expect(page.getByTestId("tx-conversion")).toContainText("Instant");
  await expect(page.getByTestId("tx-conversion")).toContainText("1 EUR =");
  await page.screenshot({ path: `${SHOTS}/conversion-detail.png`, fullPage: true });
});

type Recipient = Obj & {
  UserId: string;
  DisplayName: string;
  Currency: string;
  LocalBankTransfer: Record<string, { IBAN?: string }> | null;
  IndividualRecipient: { FirstName: string; LastName: string } | null;
};

test("a seeded recipient: found by Id, opened with its IBAN and from its event, listed on its user's profile, linked from its payout", async ({
  page,
}) => {
  const active = (await mangopayGet<(Obj & { ResourceId: string })[]>(mk, "/events?EventType=RECIPIENT_ACTIVE")).body;
  const recipients = await Promise.all(active.map((e) => mangopayGet<Recipient>(mk, `/recipients/${e.ResourceId}`)));
  const recipient = recipients.map((r) => r.body).find((r) => r.Currency === "EUR" && r.LocalBankTransfer?.EUR?.IBAN);
  if (!recipient) throw new Error("the emulator's seed has no EUR recipient");
  const iban = recipient.LocalBankTransfer?.EUR?.IBAN ?? "";
  const holder = `${recipient.IndividualRecipient?.FirstName} ${recipient.IndividualRecipient?.LastName}`;

  await ownerPage(page);
  await page.goto(`/accounts/${accountId}`);
  await search(page, recipient.Id);
  const hit = page.locator('[data-testid="search-hit"][data-type="recipient"]');
  await expect(hit).toContainText(recipient.DisplayName);
  await hit.getByRole("link", { name: "Open recipient" }).click();
  await expect(page).toHaveURL(new RegExp(`/recipients/${recipient.Id}$`));
  await expect(page.getByTestId("recipient-title")).toContainText(recipient.DisplayName);
  await expect(page.getByTestId("recipient-holder")).toContainText(holder);
  await expect(page.getByTestId("recipient-bank")).toContainText(iban);
  await page.screenshot({ path: `${SHOTS}/recipient-detail.png`, fullPage: true });

  // Its RECIPIENT_ACTIVE event, found by the same search, opens the event page, which opens the recipient.
  await search(page, recipient.Id);
  const event = page.getByTestId("search-event").filter({ hasText: "RECIPIENT_ACTIVE" });
  await expect(event).toContainText("Recipient");
  await event.getByRole("link", { name: /Open the event/ }).click();
  await expect(page.getByTestId("event-resource")).toContainText(recipient.DisplayName);
  await page.getByTestId("open-resource").click();
  await expect(page).toHaveURL(new RegExp(`/recipients/${recipient.Id}$`));

  await page.goto(`/accounts/${accountId}/users/${recipient.UserId}`);
  const row = page.getByTestId("recipients").getByRole("row").filter({ hasText: recipient.DisplayName });
  await expect(row).toContainText(iban);

  // The seed paid this recipient once (payouts v2): its transaction page links back to it.
  const txs = (await mangopayGet<Obj[]>(mk, `/users/${recipient.UserId}/transactions?Type=PAYOUT&per_page=100`)).body;
  const payouts = await Promise.all(
    txs.map((t) => mangopayGet<Obj & { RecipientId: string | null }>(mk, `/payouts/${t.Id}`)),
  );
  const v2 = payouts.map((p) => p.body).find((p) => p.RecipientId === recipient.Id);
  if (!v2) throw new Error("the emulator's seed has no payout to this recipient");
  await page.goto(`/accounts/${accountId}/transactions/${v2.Id}?kind=PAYOUT`);
  await expect(page.getByTestId("tx-recipient")).toContainText(holder);
  await page.getByTestId("tx-recipient-link").click();
  await expect(page).toHaveURL(new RegExp(`/recipients/${recipient.Id}$`));
});

test("the seeded client payout: listed under Client payouts on the Transactions page, opened with the platform as author", async ({
  page,
}) => {
  const payouts = (
    await mangopayGet<(Obj & { AuthorId: string; DebitedFunds: Money })[]>(
      mk,
      "/clients/transactions?Type=PAYOUT&per_page=100&Sort=CreationDate:DESC",
    )
  ).body;
  const own = payouts.find((p) => p.AuthorId === mk.ClientId);
  if (!own) throw new Error("the emulator's seed has no client payout");
  const detail = (await mangopayGet<Obj & { BankAccountId: string }>(mk, `/payouts/${own.Id}`)).body;
  await ownerPage(page);
  await page.goto(`/accounts/${accountId}/transactions`);
  const row = page.getByTestId("client-payout-rows").getByRole("row").filter({ hasText: own.Id });
  await expect(row).toContainText(formatMoney(own.DebitedFunds.Amount, own.DebitedFunds.Currency));
  await expect(row).toContainText(detail.BankAccountId);
  await expect(page.getByTestId("client-bank-accounts")).toContainText(detail.BankAccountId);
  await row.getByRole("link", { name: `Open client payout ${own.Id}` }).click();
  await expect(page).toHaveURL(new RegExp(`/transactions/${own.Id}\\?kind=PAYOUT$`));
  await expect(page.getByTestId("tx-platform-author")).toContainText(mk.ClientId);
  await expect(page.getByTestId("tx-payout")).toContainText("the platform's own account");
  // Its proof is offered; no Repeat: a client payout is not a user's payout form.
  await expect(page.getByTestId("transaction-actions")).toBeVisible();
  await expect(page.getByTestId("repeat-button")).toHaveCount(0);
});
