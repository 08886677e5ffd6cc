import { expect, test } from "@playwright/test";

const email = "owner@demo.test";
const password = () => process.env.DEMO_OWNER_PASSWORD ?? "";

test("an anonymous visit to a protected page is redirected to sign-in and comes back after it", async ({ page }) => {
  await page.goto("/hub");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fhub/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password());
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/hub$/);
  await expect(page.getByRole("heading", { name: "API accounts" })).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveText(email);
});

test("a wrong password is refused with a clear message and no session", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("definitely-not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
  await page.goto("/hub");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("signing out ends the session", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password());
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/hub$/);
  const copied = (await page.context().cookies()).filter((c) => c.name.includes("session-token"));
  expect(copied).toHaveLength(1);
  await page.getByRole("link", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/hub");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  // A copy of the signed-out session's cookie (still signed and unexpired) opens nothing either.
  await page.context().addCookies(copied);
  await page.goto("/hub");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});
