import { expect, test, type Page } from "@playwright/test";
import { formatMoney } from "@/lib/money";
import { accountIdByName, seedDemoMember, signInOwner } from "./support/dashboard";
import { addFault, clearFaults, emulatorClient, mangopayGet, mangopayPost } from "./support/emulator";
import { signIn } from "./support/users";

// The reading side of one API account's dashboard against the seeded emulator: every value checked
// here is read from the emulator itself, never hard-coded.
test.describe.configure({ mode: "serial" });

type Obj = { Id: string } & Record<string, unknown>;
type Client = Awaited<ReturnType<typeof emulatorClient>>;
const SHOTS = ".data/screenshots/dashboard-read";

let mk: Client;
let accountId = "";
const base = () => `/accounts/${accountId}`;

async function ownerPage(page: Page) {
  await signInOwner(page);
  accountId ||= await accountIdByName(page, "Demo Marketplace");
}

test.beforeAll(async () => {
  mk = await emulatorClient("Demo Marketplace");
});
test.afterEach(() => clearFaults());

test("home shows the fees per currency and the issue cards with MANGOPAY's counts", async ({ page }) => {
  await ownerPage(page);
  await page.goto(base());
  const fees = (
    await mangopayGet<(Obj & { Balance: { Amount: number; Currency: string } })[]>(mk, "/clients/wallets/FEES")
  ).body;
  expect(fees.length).toBeGreaterThan(0);
  for (const w of fees) {
    await expect(page.locator(`[data-testid="fees-balance"][data-currency="${w.Balance.Currency}"]`)).toContainText(
      formatMoney(w.Balance.Amount, w.Balance.Currency),
    );
  }
  await expect(page.getByTestId("fees-series")).toHaveCount(fees.length);
  await expect(page.getByRole("img", { name: /Fees per day in EUR over the last 30 days/ })).toBeVisible();
  const refused = (await mangopayGet(mk, "/kyc/documents?per_page=1&Status=REFUSED")).total ?? 0;
  const outdated = (await mangopayGet(mk, "/kyc/documents?per_page=1&Status=OUT_OF_DATE")).total ?? 0;
  await expect(page.getByTestId("kyc-issue-count")).toHaveText(String(refused + outdated));
  const disputes =
    (await mangopayGet(mk, "/disputes?per_page=1&Status=PENDING_CLIENT_ACTION,REOPENED_PENDING_CLIENT_ACTION")).total ??
    0;
  await expect(page.getByTestId("dispute-action-count")).toHaveText(String(disputes));
  const since = Math.floor(Date.now() / 1000) - 30 * 86_400;
  const returned =
    (await mangopayGet(mk, `/events?per_page=1&EventType=PAYOUT_REFUND_SUCCEEDED&AfterDate=${since}`)).total ?? 0;
  await expect(page.getByTestId("returned-payout-count")).toHaveText(String(returned));
  await page.screenshot({ path: `${SHOTS}/home.png`, fullPage: true });
});

test("the users list pages, resizes and sorts through the URL and opens a profile", async ({ page }) => {
  await ownerPage(page);
  await page.goto(base());
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL(new RegExp(`${base()}/users$`));
  const first = (await mangopayGet<Obj[]>(mk, "/users?per_page=20&Sort=CreationDate:DESC")).body;
  const rows = page.getByTestId("users-row");
  await expect(rows).toHaveCount(20);
  await expect(rows.first()).toContainText(String(first[0]?.Email));
  const total = (await mangopayGet(mk, "/users?per_page=1")).total ?? 0;
  await expect(page.getByTestId("pagination-status")).toHaveText(
    `Page 1 of ${Math.ceil(total / 20)} · ${total.toLocaleString("en-GB")} in total`,
  );
  await page.screenshot({ path: `${SHOTS}/users.png`, fullPage: true });

  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  const second = (await mangopayGet<Obj[]>(mk, "/users?per_page=20&page=2&Sort=CreationDate:DESC")).body;
  await expect(rows.first()).toContainText(String(second[0]?.Email));

  await page.getByRole("link", { name: "50", exact: true }).click();
  await expect(page).toHaveURL(/perPage=50/);
  await expect(page).not.toHaveURL(/page=2/);
  await expect(rows).toHaveCount(50);

  await page.getByTestId("sort-toggle").click();
  await expect(page).toHaveURL(/sort=asc/);
  const oldest = (await mangopayGet<Obj[]>(mk, "/users?per_page=1&Sort=CreationDate:ASC")).body[0];
  await expect(rows.first()).toContainText(String(oldest?.Email));

  await rows.first().getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/users/${oldest?.Id}$`));
  await expect(page.getByTestId("user-identity")).toBeVisible();
});

test("a legal user's profile: identity, representative, summaries, tabs and the wallet page", async ({ page }) => {
  await ownerPage(page);
  const users = (await mangopayGet<Obj[]>(mk, "/users?per_page=100")).body;
  const legalId = users.find((u) => u.PersonType === "LEGAL")?.Id ?? "";
  const legal = (await mangopayGet<Obj>(mk, `/users/${legalId}`)).body;
  const wallets = await mangopayGet<(Obj & { Balance: { Amount: number; Currency: string } })[]>(
    mk,
    `/users/${legalId}/wallets`,
  );
  const txs = await mangopayGet<Obj[]>(mk, `/users/${legalId}/transactions?per_page=1`);

  await page.goto(`${base()}/users/${legalId}`);
  await expect(page.getByTestId("user-name")).toHaveText(String(legal.Name));
  await expect(page.getByTestId("user-identity")).toContainText(String(legal.CompanyNumber));
  await expect(page.getByTestId("user-representative")).toContainText(String(legal.LegalRepresentativeLastName));
  await expect(page.getByTestId("summary-wallets")).toContainText(`(${wallets.total})`);
  await expect(page.getByTestId("summary-transactions")).toContainText(`(${txs.total})`);
  await expect(
    page.getByRole("navigation", { name: "User sections" }).getByRole("link", { name: "UBO declarations" }),
  ).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/user-profile.png`, fullPage: true });

  await page.getByTestId("summary-wallets").getByRole("link", { name: "View all" }).click();
  await expect(page).toHaveURL(new RegExp(`/users/${legalId}/wallets$`));
  const w = wallets.body[0];
  const walletRow = page.getByTestId("wallets-row").first();
  await expect(walletRow).toContainText(formatMoney(w?.Balance.Amount ?? 0, w?.Balance.Currency ?? "EUR"));
  await walletRow.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/wallets/${w?.Id}$`));
  await expect(page.getByTestId("wallet-balance")).toHaveText(
    formatMoney(w?.Balance.Amount ?? 0, w?.Balance.Currency ?? "EUR"),
  );
  const walletTxs = (await mangopayGet<Obj[]>(mk, `/wallets/${w?.Id}/transactions?per_page=20&Sort=CreationDate:DESC`))
    .body;
  await expect(page.getByTestId("transactions-row")).toHaveCount(walletTxs.length);
  if (walletTxs[0]) await expect(page.getByTestId("transactions-row").first()).toContainText(walletTxs[0].Id);
  await page.screenshot({ path: `${SHOTS}/wallet.png`, fullPage: true });

  // Transactions tab: filters go to the URL and change the rows.
  await page.goto(`${base()}/users/${legalId}/transactions`);
  await page.getByLabel("Type").selectOption("PAYIN");
  await page.getByLabel("Status").selectOption("SUCCEEDED");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=SUCCEEDED/);
  await expect(page).toHaveURL(/type=PAYIN/);
  const filtered = await mangopayGet<Obj[]>(
    mk,
    `/users/${legalId}/transactions?per_page=20&Status=SUCCEEDED&Type=PAYIN&Sort=CreationDate:DESC`,
  );
  await expect(page.getByTestId("transactions-row")).toHaveCount(filtered.body.length);
  for (const row of await page.getByTestId("transactions-row").all()) await expect(row).toContainText("Succeeded");
  await page.screenshot({ path: `${SHOTS}/user-transactions.png`, fullPage: true });
});

test("search finds one object of each type by Id, from the box or the URL, and reports a miss", async ({ page }) => {
  await ownerPage(page);
  const ev = async (type: string) =>
    (await mangopayGet<{ ResourceId: string }[]>(mk, `/events?per_page=1&EventType=${type}`)).body[0]?.ResourceId;
  const users = (await mangopayGet<Obj[]>(mk, "/users?per_page=100")).body;
  const legalIds = users.filter((u) => u.PersonType === "LEGAL").map((u) => u.Id);
  let ubo: string | undefined;
  for (const id of legalIds.slice(0, 10))
    ubo ??= (await mangopayGet<Obj[]>(mk, `/users/${id}/kyc/ubodeclarations`)).body[0]?.Id;
  let card: Obj | undefined;
  for (const u of users.slice(0, 20)) card ??= (await mangopayGet<Obj[]>(mk, `/users/${u.Id}/cards`)).body[0];
  // Mandate lists are summaries: the bank account comes from the mandate itself.
  const mandateId = (await mangopayGet<Obj[]>(mk, "/mandates?per_page=1")).body[0]?.Id;
  const mandate = mandateId ? (await mangopayGet<Obj>(mk, `/mandates/${mandateId}`)).body : undefined;
  const dispute = (await mangopayGet<Obj[]>(mk, "/disputes?per_page=1")).body[0];
  const registration = await mangopayPost<Obj>(mk, "/cardregistrations", { UserId: card?.UserId, Currency: "EUR" });
  const wallet = (await mangopayGet<Obj[]>(mk, `/users/${users[0]?.Id}/wallets`)).body[0];
  const cases: [string, string | undefined][] = [
    ["user", users[0]?.Id],
    ["wallet", wallet?.Id],
    ["payin", await ev("PAYIN_NORMAL_SUCCEEDED")],
    ["payout", await ev("PAYOUT_NORMAL_SUCCEEDED")],
    ["transfer", await ev("TRANSFER_NORMAL_SUCCEEDED")],
    ["refund", await ev("PAYIN_REFUND_SUCCEEDED")],
    ["card", card?.Id],
    ["cardRegistration", registration.Id],
    ["preauthorization", await ev("PREAUTHORIZATION_CREATED")],
    ["mandate", mandate?.Id],
    ["kycDocument", await ev("KYC_CREATED")],
    ["uboDeclaration", ubo],
    ["dispute", dispute?.Id],
    ["repudiation", (dispute?.RepudiationId as string | undefined) ?? undefined],
    ["settlement", await ev("TRANSFER_SETTLEMENT_SUCCEEDED")],
    ["report", (await mangopayGet<Obj[]>(mk, "/reports?per_page=1")).body[0]?.Id],
    ["hook", (await mangopayGet<Obj[]>(mk, "/hooks?per_page=1")).body[0]?.Id],
    ["bankAccount", mandate ? `${String(mandate.UserId)}/${String(mandate.BankAccountId)}` : undefined],
  ];
  for (const [type, id] of cases) {
    expect(id, `a seeded ${type}`).toBeTruthy();
    await page.goto(`${base()}/search?q=${encodeURIComponent(id ?? "")}`);
    const expectedId = type === "bankAccount" ? (id ?? "").split("/")[1] : id;
    await expect(page.locator(`[data-testid="search-hit"][data-type="${type}"]`), `search for a ${type}`).toContainText(
      expectedId ?? "",
    );
  }

  // From any page: "/" focuses the box; the search is remembered for this member.
  await page.goto(`${base()}/users`);
  // The shortcut works once the page is hydrated: retry the key press until then.
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(page.getByLabel("Search by Id")).toBeFocused({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.keyboard.type("999999999");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/search\?q=999999999/);
  await expect(page.getByTestId("empty-state")).toContainText("Nothing found for “999999999”");
  await page.keyboard.press("Control+k");
  await expect(page.getByLabel("Search by Id")).toBeFocused();
  await expect(page.getByRole("list", { name: "Recent searches" })).toContainText("999999999");
  await page.screenshot({ path: `${SHOTS}/search-miss.png`, fullPage: true });
});

test("a member whose grants exclude Users sees no Users link and is refused the page", async ({ page }) => {
  const email = await seedDemoMember("OPERATOR", "Demo Marketplace", ["users.read"]);
  await signIn(page, email);
  await expect(page).toHaveURL(/\/hub$/);
  accountId ||= await accountIdByName(page, "Demo Marketplace");
  await page.goto(base());
  const nav = page.getByRole("navigation", { name: "Dashboard" });
  await expect(nav.getByRole("link", { name: "Home" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
  await page.goto(`${base()}/users`);
  await expect(page).toHaveURL(new RegExp(`${base()}\\?denied=1$`));
  await expect(page.getByText("You do not have permission to open that page on this account.")).toBeVisible();
  const someUser = (await mangopayGet<Obj[]>(mk, "/users?per_page=1")).body[0]?.Id;
  await page.goto(`${base()}/users/${someUser}/wallets`);
  await expect(page).toHaveURL(new RegExp(`${base()}\\?denied=1$`));
});

test("with 20 % injected 5xx and 300 ms latency every page answers, and a failing section says why", async ({
  page,
}) => {
  await ownerPage(page);
  const users = (await mangopayGet<Obj[]>(mk, "/users?per_page=100")).body;
  const legalId = users.find((u) => u.PersonType === "LEGAL")?.Id ?? "";
  const walletId = (await mangopayGet<Obj[]>(mk, `/users/${legalId}/wallets`)).body[0]?.Id ?? "";
  await addFault({ route: "*", kind: "latency", latencyMs: 300 });
  await addFault({ route: "*", kind: "error", status: 503, rate: 0.2 });
  const pages = [
    base(),
    `${base()}/users`,
    `${base()}/users/${legalId}`,
    `${base()}/users/${legalId}/transactions`,
    `${base()}/users/${legalId}/cards`,
    `${base()}/wallets/${walletId}`,
    `${base()}/search?q=${legalId}`,
  ];
  for (const url of pages) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(200);
    await expect(page.getByTestId("account-name"), url).toHaveText("Demo Marketplace");
    await expect(page.getByText("This page could not be loaded"), url).toHaveCount(0);
    // Any section that still failed after the client's retries names the MANGOPAY failure.
    for (const err of await page.getByTestId("section-error").all())
      await expect(err, url).toContainText(/MANGOPAY|quota|timed out/);
  }
  await clearFaults();

  // One call failing for good: its section says why, the others still show their numbers.
  await addFault({ route: "/clients/wallets/FEES", method: "GET", kind: "error", status: 500 });
  await page.goto(base());
  await expect(page.getByRole("alert").filter({ hasText: "MANGOPAY unavailable" }).first()).toContainText(
    "MANGOPAY is not answering properly (HTTP 500)",
  );
  await expect(page.getByTestId("dispute-action-count")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/home-fees-failing.png`, fullPage: true });
});
