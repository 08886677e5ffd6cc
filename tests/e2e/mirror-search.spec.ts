// The local mirror in chromium against the demo stack: a Developer connects the account's webhooks
// from the hooks page; MANGOPAY (the emulator) then delivers a user event to the app's receiver over
// HTTP; the operator finds that user in the search by email, by a middle part of the last name and by
// its start ("from the mirror, synced N seconds ago") and opens the live user page; the backfill that
// connecting started shows its rows per type while it runs, then its completion. A Read-only member
// sees no button.
import { expect, test } from "@playwright/test";
import { demoAccount, emulatorControl, mangopay, seedDemoMember } from "./support/dashboard";
import { signIn } from "./support/users";

let base = "";
let accountName = "";

test.beforeAll(async () => {
  const account = await demoAccount();
  base = `/accounts/${account.id}`;
  accountName = account.name;
});

type Event = { EventType: string; ResourceId: string; Date: number };
type User = { Id: string; PersonType: string; Email?: string | null; FirstName?: string; LastName?: string };

/** A natural user with an email that has a USER_* event MANGOPAY can send again. */
async function userWithEvent(): Promise<{ event: Event; user: User }> {
  for (let page = 1; page <= 10; page++) {
    const { body } = await mangopay<Event[]>(`/events?per_page=100&page=${page}&sort=Date:DESC`);
    for (const event of body.filter((e) => e.EventType.startsWith("USER_"))) {
      const { body: user } = await mangopay<User>(`/users/${event.ResourceId}`);
      if (user.PersonType === "NATURAL" && user.Email && user.LastName && user.LastName.length >= 4)
        return { event, user };
    }
    if (body.length < 100) break;
  }
  throw new Error("the demo account has no user event for a natural user with an email");
}

test("a Developer connects webhooks, and a delivered user event makes the user findable by email and name", async ({
  page,
}) => {
  const email = await seedDemoMember("DEVELOPER", accountName, []);
  await signIn(page, email);
  await expect(page).toHaveURL(/\/hub/);
  await page.goto(`${base}/hooks`);
  const panel = page.getByTestId("mirror-connection");
  await expect(panel).toContainText("event types connected");
  await panel.getByRole("button", { name: "Connect webhooks" }).click();
  const dialog = page.getByRole("dialog");
  // The dialog loads when it first opens: wait for it before asking whether it offers the take-over
  // box (count() does not wait).
  await expect(dialog.getByRole("button", { name: "Connect" })).toBeVisible();
  const takeOver = dialog.getByRole("checkbox");
  if (await takeOver.count()) await takeOver.check();
  await dialog.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByRole("status").filter({ hasText: /hook\(s\) written/ })).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await expect(page.getByTestId("mirror-connection")).toContainText(/0 to repair · 0 without a hook · 0 pointing/);

  const { event, user } = await userWithEvent();
  await emulatorControl("POST", "/clients/demo-marketplace/hooks/refire", {
    EventType: event.EventType,
    ResourceId: event.ResourceId,
    Date: event.Date,
  });
  const userEmail = user.Email ?? "";
  await expect(async () => {
    await page.goto(`${base}/search?q=${encodeURIComponent(userEmail.toUpperCase())}`);
    await expect(page.getByTestId("mirror-hit")).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const hit = page.getByTestId("mirror-hit");
  await expect(hit).toContainText(userEmail);
  await expect(hit).toContainText(`${user.FirstName ?? ""} ${user.LastName ?? ""}`.trim());
  await expect(hit).toContainText(/From the mirror, synced \d+ (seconds|minutes) ago/);

  // Any part of the last name of 3 characters or more: its middle (its end for a 4-letter name).
  const lastName = user.LastName ?? "";
  const middle = lastName.slice(1, Math.max(4, lastName.length - 1));
  await page.goto(`${base}/search?q=${encodeURIComponent(middle)}`);
  const byMiddle = page.getByTestId("mirror-hit").filter({ hasText: userEmail });
  await expect(byMiddle).toHaveCount(1);
  await expect(byMiddle).toContainText(/From the mirror, synced \d+ (seconds|minutes) ago/);

  const part = lastName.slice(0, 4).toLowerCase();
  await page.goto(`${base}/search?q=${encodeURIComponent(part)}`);
  const byName = page.getByTestId("mirror-hit").filter({ hasText: userEmail });
  await expect(byName).toHaveCount(1);
  await byName.getByRole("link", { name: "Open user" }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/users/${user.Id}`));
});

test("the backfill started by connecting shows its rows per type while it runs, then its completion", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const email = await seedDemoMember("DEVELOPER", accountName, []);
  await signIn(page, email);
  await expect(page).toHaveURL(/\/hub/);
  await page.goto(`${base}/hooks`);
  const panel = page.getByTestId("mirror-backfill");
  const status = panel.getByRole("status");
  // Connecting the webhooks (the test above) started it; start one if it already ended.
  await expect(status).toContainText(/Backfill running|Last backfill finished/);
  if (!/Backfill running/.test((await status.textContent()) ?? "")) {
    await panel.getByRole("button", { name: "Backfill" }).click();
    await expect(status).toContainText("Backfill running");
  }
  const rows = panel.getByRole("definition");
  const count = async (label: string) =>
    Number(
      await panel
        .locator("dl > div")
        .filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) })
        .locator("dd")
        .textContent(),
    );
  // Rows per type, and users counted against MANGOPAY's total while the pages are written.
  await expect(panel.locator("dt")).toContainText(["Users", "Wallets", "Transactions"]);
  await expect(rows.first()).toHaveText(/^\d+$/);
  await expect(panel).toContainText(/Users \d+ of \d+ · \d+ page\(s\) written/);
  // The panel refreshes itself every 5 s while running; the run ends with every user listed.
  await expect(status).toContainText("Last backfill finished", { timeout: 280_000 });
  await expect(panel.getByRole("button", { name: "Backfill" })).toBeVisible();
  const progress = (await panel.textContent()) ?? "";
  const [, done, total] = /Users (\d+) of (\d+)/.exec(progress) ?? [];
  expect(Number(done)).toBe(Number(total));
  expect(await count("Users")).toBeGreaterThanOrEqual(Number(total));
  expect(await count("Transactions")).toBeGreaterThan(0);
});

test("a Read-only member sees the webhook connection but no button to change it", async ({ page }) => {
  const email = await seedDemoMember("READ_ONLY", accountName, []);
  await signIn(page, email);
  await expect(page).toHaveURL(/\/hub/);
  await page.goto(`${base}/hooks`);
  await expect(page.getByTestId("mirror-connection")).toContainText("event types connected");
  await expect(page.getByRole("button", { name: "Connect webhooks" })).toHaveCount(0);
});
