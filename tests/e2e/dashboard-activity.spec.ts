// The account dashboard's activity pages against the seeded emulator: transactions, events,
// compliance, disputes and hooks show MANGOPAY's real values, filters live in the URL, the events
// form refuses more than 45 days, each dispute status gets its next step, permissions hide links and
// pages, and injected faults or an exhausted quota give a clear message instead of a crash page.
import { expect, test, type Page } from "@playwright/test";
import { demoAccount, emulatorControl, mangopay, seedDemoMember, signInOwner } from "./support/dashboard";
import { signIn } from "./support/users";

type Tx = { Id: string; Type: string; Nature: string; Status: string };
type Dispute = { Id: string; Status: string; DisputeType: string; ResultCode: string | null };
type Kyc = { Id: string; Status: string };

let base = "";
let accountName = "";
const shots = process.env.E2E_SCREENSHOTS;

async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

const ownerSignIn = signInOwner;

const idsIn = (page: Page, table: string) =>
  page.locator(`[data-testid="${table}-row"] [data-testid="copyable-id"]`).allTextContents();

test.beforeAll(async () => {
  const account = await demoAccount();
  base = `/accounts/${account.id}`;
  accountName = account.name;
});

test.describe("as the demo owner", () => {
  test.beforeEach(async ({ page }) => ownerSignIn(page));

  test("transactions: the platform's newest transactions, filters in the URL, a row opens the detail", async ({
    page,
  }) => {
    const expected = await mangopay<Tx[]>("/clients/transactions?per_page=20&Sort=CreationDate:DESC");
    await page.goto(`${base}/transactions`);
    await expect(page.getByRole("heading", { name: "Transactions" })).toBeVisible();
    expect(await idsIn(page, "transactions")).toEqual(expected.body.map((t) => t.Id));
    await expect(page.getByTestId("pagination-status")).toContainText(
      `${expected.total?.toLocaleString("en-GB")} in total`,
    );
    await shot(page, "transactions");

    await page.getByLabel("Type").selectOption("PAYOUT");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/type=PAYOUT/);
    const payouts = await mangopay<Tx[]>("/clients/transactions?per_page=20&Sort=CreationDate:DESC&Type=PAYOUT");
    await expect.poll(() => idsIn(page, "transactions")).toEqual(payouts.body.map((t) => t.Id));

    await page.getByLabel("Status").selectOption("FAILED");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/status=FAILED/);
    const failed = await mangopay<Tx[]>(
      "/clients/transactions?per_page=20&Sort=CreationDate:DESC&Type=PAYOUT&Status=FAILED",
    );
    await expect.poll(() => idsIn(page, "transactions")).toEqual(failed.body.map((t) => t.Id));

    // A settlement row opens its detail with the repudiation it repays. Transaction lists carry the
    // common view only, so the repudiation comes from the settlement transfer itself.
    const settlementRow = (
      await mangopay<Tx[]>("/clients/transactions?per_page=1&Sort=CreationDate:DESC&Nature=SETTLEMENT")
    ).body[0];
    const settlement = (await mangopay<Tx & { RepudiationId: string }>(`/settlements/${settlementRow?.Id}`)).body;
    await page.goto(`${base}/transactions?nature=SETTLEMENT`);
    await page.getByRole("link", { name: `Transaction ${settlement?.Id}` }).click();
    await expect(page).toHaveURL(new RegExp(`/transactions/${settlement?.Id}\\?kind=SETTLEMENT`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Settlement transfer");
    await expect(page.getByTestId("tx-links")).toContainText(settlement?.RepudiationId ?? "missing");
    await shot(page, "transaction-settlement");
  });

  test("transaction detail: a refunded pay-in shows its refunds and what is still refundable; a bank wire its payer details", async ({
    page,
  }) => {
    // A pay-in refund whose initial transaction is a pay-in (others give back a repudiation).
    const created = await mangopay<{ ResourceId: string }[]>(
      "/events?EventType=PAYIN_REFUND_CREATED&per_page=50&Sort=Date:DESC",
    );
    let refund: { Id: string } | undefined;
    let full: { InitialTransactionId: string; InitialTransactionNature?: string } | undefined;
    for (const e of created.body) {
      const r = (
        await mangopay<{ Id: string; InitialTransactionId: string; InitialTransactionNature?: string }>(
          `/refunds/${e.ResourceId}`,
        )
      ).body;
      if (r.InitialTransactionNature === "REPUDIATION") continue;
      refund = r;
      full = r;
      break;
    }
    expect(full, "the seed holds a refunded pay-in").toBeDefined();
    const payin = (
      await mangopay<{ Id: string; DebitedFunds: { Amount: number } }>(`/payins/${full?.InitialTransactionId}`)
    ).body;
    await page.goto(`${base}/transactions/${payin.Id}?kind=PAYIN`);
    await expect(page.getByTestId("refunds")).toContainText(refund?.Id ?? "missing");
    await expect(page.getByTestId("refundable")).toContainText("Still refundable");
    await shot(page, "transaction-payin");

    const events = await mangopay<{ ResourceId: string }[]>(
      "/events?EventType=PAYIN_NORMAL_CREATED&per_page=100&Sort=Date:DESC",
    );
    for (const e of events.body) {
      const p = (await mangopay<{ PaymentType: string; WireReference?: string }>(`/payins/${e.ResourceId}`)).body;
      if (p.PaymentType !== "BANK_WIRE" || !p.WireReference) continue;
      await page.goto(`${base}/transactions/${e.ResourceId}`);
      await expect(page.getByTestId("bank-wire")).toContainText(p.WireReference);
      await shot(page, "transaction-bankwire");
      return;
    }
    throw new Error("the seed has no bank-wire pay-in in its recent events");
  });

  test("events: type filter in the URL, newest first, the 45-day limit kept by the form, older days from the mirror", async ({
    page,
  }) => {
    await page.goto(`${base}/events`);
    await expect(page.getByTestId("events-retention")).toContainText("MANGOPAY keeps events for 45 days");
    const latest = await mangopay<{ EventType: string; ResourceId: string }[]>("/events?per_page=20&Sort=Date:DESC");
    await expect(page.getByTestId("event-type").first()).toHaveText(latest.body[0]?.EventType ?? "missing");
    await shot(page, "events");

    await page.getByLabel("Event types").selectOption(["DISPUTE_CREATED"]);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/types=DISPUTE_CREATED/);
    const disputesCreated = await mangopay<{ ResourceId: string }[]>(
      "/events?per_page=20&Sort=Date:DESC&EventType=DISPUTE_CREATED",
    );
    await expect
      .poll(async () => new Set(await page.getByTestId("event-type").allTextContents()))
      .toEqual(new Set(["DISPUTE_CREATED"]));
    expect(await idsIn(page, "events")).toEqual(disputesCreated.body.map((e) => e.ResourceId));

    // The form does not submit a start 50 days back, and the URL gets the reason without a call.
    const old = new Date(Date.now() - 50 * 86_400_000).toISOString().slice(0, 10);
    const from = page.getByLabel("From (UTC)");
    await from.fill(old);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).not.toHaveURL(new RegExp(`from=${old}`));
    expect(await from.evaluate((el: HTMLInputElement) => el.validity.rangeUnderflow)).toBe(true);
    // A start that old in the URL reads the local mirror's history instead, and says so.
    await page.goto(`${base}/events?from=${old}`);
    await expect(page.getByTestId("events-retention")).toContainText("History from the local mirror");
    await expect(page.getByTestId("mirror-freshness")).toBeVisible();

    // An event opens the dispute behind it, loaded in full.
    const first = disputesCreated.body[0];
    await page.goto(`${base}/events?types=DISPUTE_CREATED`);
    await page.getByRole("link", { name: `DISPUTE_CREATED on ${first?.ResourceId}` }).click();
    const dispute = (await mangopay<{ Status: string; InitialTransactionId: string }>(`/disputes/${first?.ResourceId}`))
      .body;
    await expect(page.getByTestId("event-resource")).toContainText(dispute.InitialTransactionId);
    await shot(page, "event-detail");
  });

  test("compliance: KYC documents filtered by status in the URL, with refusal reasons, and UBO declarations", async ({
    page,
  }) => {
    await page.goto(`${base}/compliance`);
    const all = await mangopay<Kyc[]>("/kyc/documents?per_page=20&Sort=CreationDate:DESC");
    expect(await idsIn(page, "kyc-documents")).toEqual(all.body.map((d) => d.Id));
    await page.getByLabel("Status").selectOption("REFUSED");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/status=REFUSED/);
    const refused = await mangopay<(Kyc & { RefusedReasonType: string })[]>(
      "/kyc/documents?per_page=20&Sort=CreationDate:DESC&Status=REFUSED",
    );
    await expect.poll(() => idsIn(page, "kyc-documents")).toEqual(refused.body.map((d) => d.Id));
    await expect(page.getByTestId("kyc-documents")).toContainText(
      refused.body[0]?.RefusedReasonType.replaceAll("_", " ")
        .toLowerCase()
        .replace(/^\w/, (c) => c.toUpperCase()) ?? "missing",
    );
    await expect(page.getByTestId("ubo-declarations")).toBeVisible();
    await shot(page, "compliance");
  });

  test("disputes: the quick filters show exactly MANGOPAY's pending-client and to-settle disputes", async ({
    page,
  }) => {
    await page.goto(`${base}/disputes`);
    await shot(page, "disputes");
    await page.getByTestId("quick-filters").getByRole("link", { name: "Pending client" }).click();
    await expect(page).toHaveURL(/quick=pending-client/);
    const pending = await mangopay<Dispute[]>(
      "/disputes?Status=PENDING_CLIENT_ACTION,REOPENED_PENDING_CLIENT_ACTION&per_page=20&Sort=CreationDate:DESC",
    );
    await expect.poll(() => idsIn(page, "disputes")).toEqual(pending.body.map((d) => d.Id));
    await expect(page.getByTestId("pagination-status")).toContainText(`${pending.total} in total`);

    await page.getByTestId("quick-filters").getByRole("link", { name: "To settle" }).click();
    await expect(page).toHaveURL(/quick=to-settle/);
    const toSettle = await mangopay<Dispute[]>("/disputes/pendingsettlement?per_page=20&Sort=CreationDate:DESC");
    await expect.poll(() => idsIn(page, "disputes")).toEqual(toSettle.body.map((d) => d.Id));
    await expect(page.getByTestId("pagination-status")).toContainText(`${toSettle.total} in total`);
    await shot(page, "disputes-to-settle");

    await page.getByTestId("quick-filters").getByRole("link", { name: "All" }).click();
    await expect(page).not.toHaveURL(/quick=/);
    await expect(page.getByTestId("quick-filters").getByRole("link", { name: "All" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await page.getByLabel("Type").selectOption("RETRIEVAL");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/type=RETRIEVAL/);
    const retrievals = await mangopay<Dispute[]>("/disputes?DisputeType=RETRIEVAL&per_page=20&Sort=CreationDate:DESC");
    await expect.poll(() => idsIn(page, "disputes")).toEqual(retrievals.body.map((d) => d.Id));
  });

  test("dispute detail: the right next step for every status the seed holds", async ({ page }) => {
    const pick = async (query: string, keep: (d: Dispute) => boolean = () => true) =>
      (await mangopay<Dispute[]>(`/disputes${query}`)).body.find(keep);
    const toSettle = (await mangopay<Dispute[]>("/disputes/pendingsettlement?per_page=1")).body[0];
    const settledIds = new Set(
      (await mangopay<Dispute[]>("/disputes/pendingsettlement?per_page=100")).body.map((d) => d.Id),
    );
    const cases: [string, Dispute | undefined, string][] = [
      ["created", await pick("?Status=CREATED&per_page=10"), "Nothing to do yet"],
      [
        "pending contestable",
        await pick("?Status=PENDING_CLIENT_ACTION&DisputeType=CONTESTABLE&per_page=10"),
        "Contest or accept this dispute",
      ],
      ["reopened", await pick("?Status=REOPENED_PENDING_CLIENT_ACTION&per_page=10"), "The bank needs more evidence"],
      ["submitted", await pick("?Status=SUBMITTED&per_page=10"), "Waiting for MANGOPAY"],
      ["bank", await pick("?Status=PENDING_BANK_ACTION&per_page=10"), "Waiting for the bank"],
      ["lost to settle", toSettle, "Settle the lost dispute"],
      [
        "lost settled",
        await pick("?Status=CLOSED&per_page=100", (d) => d.ResultCode === "LOST" && !settledIds.has(d.Id)),
        "Closed — lost",
      ],
      ["won", await pick("?Status=CLOSED&per_page=100", (d) => d.ResultCode === "WON"), "Closed — won"],
    ];
    const retrieval = await pick("?Status=PENDING_CLIENT_ACTION&DisputeType=RETRIEVAL&per_page=10");
    if (retrieval) cases.push(["pending retrieval", retrieval, "Send the documents the bank asks for"]);
    for (const [name, dispute, title] of cases) {
      expect(dispute, `the seed holds a ${name} dispute`).toBeDefined();
      await page.goto(`${base}/disputes/${dispute?.Id}`);
      await expect(page.getByTestId("next-step-title"), name).toHaveText(title);
      if (name === "pending contestable" || name === "reopened") {
        await expect(page.getByTestId("next-step")).toHaveAttribute("data-action-needed", "true");
        await expect(page.getByTestId("next-step-deadline")).toContainText(/in \d+ (days|hours)/);
      }
      if (name === "lost to settle") await expect(page.getByTestId("settlement-state")).toHaveText("Not yet settled");
      await shot(page, `dispute-${name.replaceAll(" ", "-")}`);
    }
    await expect(page.getByTestId("timeline")).toContainText("Dispute opened");
  });

  test("hooks: every event type, seeded hooks with their URL, problems stand out and 'Only problems' filters", async ({
    page,
  }) => {
    // One healthy hook, so that "Only problems" has something to hide.
    if (
      !(await mangopay<{ EventType: string }[]>("/hooks?per_page=100")).body.some(
        (h) => h.EventType === "PAYIN_NORMAL_SUCCEEDED",
      )
    ) {
      await mangopay("/hooks", {
        EventType: "PAYIN_NORMAL_SUCCEEDED",
        Url: "https://hooks.example.com/mangopay/payin_succeeded",
      });
    }
    const hooks =
      await mangopay<{ EventType: string; Url: string; Status: string; Validity: string }[]>("/hooks?per_page=100");
    const healthy = hooks.body.filter((h) => h.Status === "ENABLED" && h.Validity === "VALID").length;
    expect(healthy).toBeGreaterThan(0);
    await page.goto(`${base}/hooks`);
    for (const h of hooks.body) await expect(page.getByTestId("hooks")).toContainText(h.Url);
    const allRows = await page.getByTestId("hooks-row").count();
    expect(allRows).toBeGreaterThanOrEqual(140);
    await shot(page, "hooks");
    await page.getByTestId("hook-filter").getByRole("link", { name: "Only problems" }).click();
    await expect(page).toHaveURL(/problems=1/);
    await expect(page.getByTestId("hooks-row")).toHaveCount(allRows - healthy);
    await expect(page.getByTestId("hooks")).not.toContainText("PAYIN_NORMAL_SUCCEEDED");
  });
});

test("a member without Disputes and Events sees no link to them and is turned away on their URLs", async ({ page }) => {
  const email = await seedDemoMember("READ_ONLY", accountName, ["disputes.read", "events.read"]);
  await signIn(page, email);
  await expect(page).toHaveURL(/\/hub/);
  await page.goto(base);
  const nav = page.getByRole("navigation", { name: "Dashboard" });
  await expect(nav.getByRole("link", { name: "Transactions" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Disputes" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Events" })).toHaveCount(0);
  for (const path of ["/disputes", "/events", "/disputes/123", "/events/123?type=DISPUTE_CREATED"]) {
    await page.goto(`${base}${path}`);
    await expect(page).toHaveURL(/denied=1/);
    await expect(page.getByText("You do not have permission to open that page on this account.")).toBeVisible();
  }
});

test.describe("when MANGOPAY misbehaves", () => {
  const PAGES = ["/transactions", "/events", "/compliance", "/disputes", "/hooks"];
  test.afterEach(async () => {
    await emulatorControl("DELETE", "/faults");
    await emulatorControl("POST", "/ratelimit", { reset: true });
  });

  test("with 20 % 5xx and 300 ms latency every page still answers", async ({ page }) => {
    await ownerSignIn(page);
    const dispute = (await mangopay<Dispute[]>("/disputes?per_page=1")).body[0];
    const tx = (await mangopay<Tx[]>("/clients/transactions?per_page=1")).body[0];
    await emulatorControl("POST", "/faults", { kind: "error", route: "*", status: 503, rate: 0.2 });
    await emulatorControl("POST", "/faults", { kind: "latency", route: "*", latencyMs: 300, rate: 1 });
    for (const path of [...PAGES, `/disputes/${dispute?.Id}`, `/transactions/${tx?.Id}`]) {
      const res = await page.goto(`${base}${path}`);
      expect(res?.status(), path).toBeLessThan(500);
      await expect(page.getByRole("heading", { level: 1 }), path).toBeVisible();
      await expect(page.getByText("Application error")).toHaveCount(0);
    }
  });

  test("with the quota exhausted every page says so clearly", async ({ page }) => {
    await ownerSignIn(page);
    await page.goto(`${base}/hooks`);
    await emulatorControl("POST", "/ratelimit", { limits: [1, 1, 1, 1] });
    for (const path of [...PAGES, "/disputes/123456", "/transactions/123456?kind=PAYIN"]) {
      const res = await page.goto(`${base}${path}`);
      expect(res?.status(), path).toBeLessThan(500);
      await expect(page.getByTestId("section-error").first(), path).toContainText(/rate limit|quota/i);
      await shot(page, `quota${path.replaceAll("/", "-").replace(/\?.*/, "")}`);
    }
  });
});
