// Reports in chromium against the demo stack: a Finance member builds a custom report, waits for
// MANGOPAY to generate it (the page updates by itself), previews it with its chart, downloads the
// CSV with exactly the chosen columns, and re-runs it; a member without Reporting sees no link and
// is turned away on every reports URL.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { demoAccount, seedDemoMember } from "./support/dashboard";
import { signIn } from "./support/users";

let base = "";
let accountName = "";

test.beforeAll(async () => {
  const account = await demoAccount();
  base = `/accounts/${account.id}`;
  accountName = account.name;
});

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

test("a Finance member creates, waits for, previews, downloads and re-runs a custom report", async ({ page }) => {
  const email = await seedDemoMember("FINANCE", accountName, []);
  await signIn(page, email);
  await expect(page).toHaveURL(/\/hub/);
  await page.goto(base);
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "+ New report" }).click();

  await page.getByLabel("Name").fill("Succeeded pay-ins (e2e)");
  await page.getByLabel("Report type").selectOption("TRANSACTIONS");
  await expect(page.getByTestId("period-rules")).toContainText("at most 6 months");
  // A period longer than MANGOPAY allows is refused on the form, nothing created.
  await page.getByLabel("First day").fill(day(-300));
  await page.getByLabel("Last day").fill(day(0));
  await page.getByRole("button", { name: "Create and run" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /cover at most 6 months \(186 days\)/ })).toBeVisible();

  await page.getByLabel("First day").fill(day(-150));
  await page.getByRole("checkbox", { name: "SUCCEEDED" }).check();
  await page.getByRole("checkbox", { name: "PAYIN" }).check();
  // Columns: only Id, Status, Type, amount and currency, with Type moved before Status.
  const chosen = ["Id", "Status", "Type", "DebitedFundsAmount", "DebitedFundsCurrency", "CreationDate"];
  const available = page.getByTestId("available-columns");
  for (const box of await available.getByRole("checkbox").all()) await box.uncheck();
  for (const c of chosen) await available.getByRole("checkbox", { name: `Column ${c}`, exact: true }).check();
  await page.getByRole("button", { name: "Move Type up" }).click();
  const ordered = ["Id", "Type", "Status", "DebitedFundsAmount", "DebitedFundsCurrency", "CreationDate"];
  await expect(page.getByTestId("chosen-columns").locator("li > span.font-mono")).toHaveText(ordered);
  await page.getByRole("button", { name: "Create and run" }).click();

  // The definition page: pending first, then ready without a manual reload.
  await expect(page.getByRole("heading", { name: "Succeeded pay-ins (e2e)" })).toBeVisible();
  await expect(page.getByTestId("report-columns").locator("li")).toHaveText(ordered);
  await expect(page.getByTestId("report-runs-row")).toHaveCount(1);
  await expect(page.getByTestId("run-status").first()).toContainText("Ready", { timeout: 30_000 });

  // Preview: chart and the first rows, every one a succeeded pay-in.
  await page.getByRole("link", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: "Report preview" })).toBeVisible();
  await expect(page.getByTestId("report-chart")).toBeVisible();
  await expect(
    page.getByTestId("report-chart").getByRole("img", { name: /per day, by currency: .*EUR/ }),
  ).toBeVisible();
  const header = await page.getByTestId("report-preview").locator("thead th").allTextContents();
  expect(header).toEqual(ordered);
  const rows = page.getByTestId("report-preview-row");
  expect(await rows.count()).toBeGreaterThan(0);
  for (const row of await rows.all()) {
    const cells = await row.locator("td").allTextContents();
    expect([cells[1], cells[2]]).toEqual(["PAYIN", "SUCCEEDED"]);
  }
  const summary = (await page.getByTestId("preview-summary").textContent()) ?? "";
  const total = Number(summary.split(" rows")[0]?.replace(/,/g, ""));

  // Download: the CSV has exactly the chosen columns, in order, and the counted rows.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^Succeeded-pay-ins-e2e-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile((await download.path()) ?? "", "utf8")).trim().split("\n");
  expect(lines[0]).toBe(ordered.join(","));
  expect(lines.length - 1).toBe(total);

  // Re-run: a second run linked to the first.
  await page.getByRole("button", { name: "Re-run", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Succeeded pay-ins (e2e)" })).toBeVisible();
  await expect(page.getByTestId("report-runs-row")).toHaveCount(2);
  await expect(page.getByTestId("rerun-of")).toHaveCount(1);
  await expect(page.getByTestId("run-status").first()).toContainText("Ready", { timeout: 30_000 });
});

test("a member without Reporting sees no reports link and is turned away on reports URLs", async ({ page }) => {
  const email = await seedDemoMember("FINANCE", accountName, ["reporting.read", "reporting.create", "reporting.edit"]);
  await signIn(page, email);
  await expect(page).toHaveURL(/\/hub/);
  await page.goto(base);
  const nav = page.getByRole("navigation", { name: "Dashboard" });
  await expect(nav.getByRole("link", { name: "Transactions" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Reports" })).toHaveCount(0);
  for (const path of [
    "/reports",
    "/reports/new",
    "/reports/some-definition",
    "/reports/some-definition/runs/some-run",
  ]) {
    await page.goto(`${base}${path}`);
    await expect(page).toHaveURL(/denied=1/);
    await expect(page.getByText("You do not have permission to open that page on this account.")).toBeVisible();
  }
  const response = await page.request.get(`${base}/reports/runs/some-run/download`, { maxRedirects: 0 });
  expect(response.status()).not.toBe(200);
});
