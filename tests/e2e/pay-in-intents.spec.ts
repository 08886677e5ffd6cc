import { expect, test, type Page } from "@playwright/test";
import { formatMoney } from "@/lib/money";
import { demoAccount, seedDemoMember } from "./support/dashboard";
import { addFault, clearFaults, emulatorClient, emulatorUrl, mangopayGet } from "./support/emulator";
import { signIn } from "./support/users";

// V3.0 pay-in intents in the dashboard, against the emulator's demo seed: a read-only member searches the settled
// intent's `int_…` id from the top bar, opens it (amount, line items) and then its settlement; the Settlements list
// opens the seeded FAILED settlement with its errors. Values come from the emulator, never hard-coded.
test.describe.configure({ mode: "serial" });

type Client = Awaited<ReturnType<typeof emulatorClient>>;
type Line = { Id: string; Name: string | null; Sku: string; CapturedAmount: number; SplitAmount: number };
type Intent = { Id: string; Amount: number; Currency: string; SettlementId: string | null; LineItems: Line[] };
type Settlement = { SettlementId: string; Status: string; ActualSettlementAmount: number | null; FileName: string };
const SHOTS = ".data/screenshots/pay-in-intents";

let mk: Client;
let accountId = "";

async function v3Get<T>(path: string): Promise<T> {
  const res = await fetch(`${emulatorUrl()}/V3.0/${mk.ClientId}${path}`, {
    headers: { authorization: `Basic ${Buffer.from(`${mk.ClientId}:${mk.ApiKey}`).toString("base64")}` },
  });
  if (!res.ok) throw new Error(`emulator GET V3.0${path} → ${res.status}`);
  return (await res.json()) as T;
}

async function signInAs(page: Page, without: string[] = []) {
  const email = await seedDemoMember("READ_ONLY", (await demoAccount()).name, without);
  await signIn(page, email);
  await expect(page).toHaveURL(/\/hub$/);
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
  accountId = (await demoAccount()).id;
});

test("a member searches a settled intent's id, opens it with its amount and line items, then its settlement", async ({
  page,
}) => {
  const paid = (await mangopayGet<Array<{ ResourceId: string }>>(mk, "/events?EventType=INTENT_PAID")).body[0];
  expect(paid).toBeDefined();
  const intent = await v3Get<Intent>(`/payins/intents/${paid?.ResourceId ?? ""}`);
  expect(intent.SettlementId).not.toBeNull();
  const settlement = await v3Get<Settlement>(`/payins/intents/settlements/${intent.SettlementId ?? ""}`);
  const amount = formatMoney(intent.Amount, intent.Currency);

  await signInAs(page);
  await page.goto(`/accounts/${accountId}`);
  await search(page, intent.Id);
  const hit = page.locator('[data-testid="search-hit"][data-type="payInIntent"]');
  await expect(hit).toContainText("Pay-in intent");
  await expect(hit).toContainText(amount);
  await expect(hit).toContainText("Captured");

  await hit.getByRole("link", { name: "Open pay-in intent" }).click();
  await expect(page).toHaveURL(new RegExp(`/pay-in-intents/${intent.Id}$`));
  await expect(page.getByTestId("intent-title")).toContainText(amount);
  const lines = page.getByTestId("line-items");
  for (const line of intent.LineItems) {
    const row = lines.getByRole("row").filter({ hasText: line.Name ?? line.Sku });
    await expect(row).toContainText(formatMoney(line.CapturedAmount, intent.Currency));
    await expect(row).toContainText(formatMoney(line.SplitAmount, intent.Currency));
  }
  await expect(page.getByTestId("splits")).toContainText("Available");
  await page.screenshot({ path: `${SHOTS}/intent.png`, fullPage: true });

  await page.getByTestId("intent-settlement-link").click();
  await expect(page).toHaveURL(new RegExp(`/settlements/${settlement.SettlementId}\\?intent=${intent.Id}$`));
  await expect(page.getByTestId("settlement-title")).toContainText("Reconciled");
  await expect(page.getByTestId("settlement-file")).toContainText(settlement.FileName);
  await expect(page.getByTestId("settlement-amounts")).toContainText(
    formatMoney(settlement.ActualSettlementAmount ?? 0, intent.Currency),
  );
  await expect(page.getByTestId("settlement-intents")).toContainText(intent.Id);
  await expect(page.getByTestId("settlement-errors")).toContainText("no error");
  await page.screenshot({ path: `${SHOTS}/settlement.png`, fullPage: true });
});

test("the Settlements list opens a failed settlement with its footer and line errors", async ({ page }) => {
  const failed = (await v3Get<Settlement[]>("/payins/intents/settlements?Status=FAILED"))[0];
  expect(failed).toBeDefined();
  await signInAs(page);
  await page.goto(`/accounts/${accountId}`);
  await page.getByRole("link", { name: "Settlements", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${accountId}/settlements$`));
  const row = page
    .getByTestId("settlements")
    .getByRole("row")
    .filter({ hasText: failed?.FileName ?? "" });
  await expect(row).toContainText("Failed");
  await page.screenshot({ path: `${SHOTS}/settlements.png`, fullPage: true });
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/settlements/${failed?.SettlementId ?? ""}$`));
  await expect(page.getByTestId("footer-errors")).toContainText("SETTLEMENTAMOUNT_NOT_MATCH");
  await expect(page.getByTestId("line-errors")).toContainText("INVALID_TRANSACTION_TYPE");
  await page.screenshot({ path: `${SHOTS}/settlement-failed.png`, fullPage: true });

  await page.goto(`/accounts/${accountId}/pay-in-intents/int_m_does_not_exist`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});

test("MANGOPAY failing: the intent page and the settlement's errors section say so", async ({ page }) => {
  const failed = (await v3Get<Settlement[]>("/payins/intents/settlements?Status=FAILED"))[0];
  const authorized = (await mangopayGet<Array<{ ResourceId: string }>>(mk, "/events?EventType=INTENT_AUTHORIZED"))
    .body[0];
  await signInAs(page);
  try {
    await addFault({ route: "/v3.0/payins/intents/int_*", method: "GET", kind: "error", status: 500 });
    await addFault({
      route: "/v3.0/payins/intents/settlements/*/validations",
      method: "GET",
      kind: "error",
      status: 500,
    });
    await page.goto(`/accounts/${accountId}/pay-in-intents/${authorized?.ResourceId ?? ""}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(
      `Pay-in intent ${authorized?.ResourceId ?? ""}`,
    );
    await expect(page.getByTestId("section-error")).toContainText("MANGOPAY is not answering properly (HTTP 500)");

    await page.goto(`/accounts/${accountId}/settlements/${failed?.SettlementId ?? ""}`);
    await expect(page.getByTestId("settlement-title")).toContainText("Failed");
    await expect(page.getByTestId("settlement-errors").getByTestId("section-error")).toContainText("HTTP 500");
    await page.screenshot({ path: `${SHOTS}/upstream-failing.png`, fullPage: true });
  } finally {
    await clearFaults();
  }
});

test("a member without the pay-ins permission has no Settlements link and cannot open the pages", async ({ page }) => {
  await signInAs(page, ["payins.read"]);
  await page.goto(`/accounts/${accountId}`);
  await expect(page.getByRole("link", { name: "Transactions", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Settlements", exact: true })).toHaveCount(0);
  // The page itself sends them back to the dashboard home.
  await page.goto(`/accounts/${accountId}/settlements`);
  await expect(page).toHaveURL(new RegExp(`/accounts/${accountId}\\?denied=1$`));
});
