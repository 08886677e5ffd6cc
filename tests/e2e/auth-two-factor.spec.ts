import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { generate } from "otplib";
import { PASSWORD, seedHub, signIn } from "./support/users";

// Sign-in and profile security, each test with fresh users and a Hub of their own (so the demo
// owner is never locked or enrolled).

/** A TOTP code `offsetSteps` steps from now (+1 is still accepted and never replays the last one). */
function totp(secret: string, offsetSteps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });
}

async function signOut(page: Page) {
  await page.goto("/sign-out");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** Enrolls from the profile page: returns the secret shown for manual entry and the recovery codes. */
async function enrollOnProfile(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  await page.goto("/hub/profile");
  await expect(page.getByTestId("two-factor-status")).toHaveText("Off");
  await page.getByLabel("Confirm with your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await expect(page.getByRole("img", { name: "QR code to scan with your authenticator app" })).toBeVisible();
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("6-digit code").fill(await totp(secret));
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  const list = page.getByTestId("recovery-codes");
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const recoveryCodes = (await list.getByRole("listitem").allTextContents()).map((c) => c.trim());
  await page.getByLabel("I have saved my recovery codes").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("two-factor-status")).toHaveText("On");
  return { secret, recoveryCodes };
}

async function newPage(browser: Browser): Promise<Page> {
  // A separate browser context = another device with its own cookies.
  const context = await browser.newContext();
  return context.newPage();
}

test("enrolls TOTP from the profile page, signs in with a code, and turns 2FA off with re-authentication", async ({
  page,
}) => {
  const [owner] = await seedHub(["OWNER"], "totp");
  if (!owner) throw new Error("seed failed");
  await signIn(page, owner.email);
  await expect(page).toHaveURL(/\/hub$/);
  const { secret, recoveryCodes } = await enrollOnProfile(page);
  await signOut(page);

  await signIn(page, owner.email);
  const code = page.getByLabel("Authentication code");
  await expect(code).toBeFocused();
  const current = await totp(secret);
  await code.fill(current === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toContainText("That code is not valid");

  const signInCode = await totp(secret, 1); // the enrollment used the current step: take the next one
  await code.fill(signInCode);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page).toHaveURL(/\/hub$/);
  await expect(page.getByTestId("current-user")).toHaveText(owner.email);

  await page.goto("/hub/profile");
  await page.getByRole("button", { name: "Turn off two-factor authentication" }).click();
  const dialog = page.getByRole("dialog", { name: "Turn off two-factor authentication?" });
  await dialog.getByLabel("Current password").fill("not my password");
  await dialog.getByLabel("Code from your app or a recovery code").fill(recoveryCodes[0] ?? "");
  await dialog.getByRole("button", { name: "Turn off" }).click();
  await expect(dialog.getByText("That is not your current password.")).toBeVisible();
  await dialog.getByLabel("Current password").fill(PASSWORD);
  // The very code accepted at sign-in (recomputing it could land in the next 30 s step, a fresh code).
  await dialog.getByLabel("Code from your app or a recovery code").fill(signInCode);
  await dialog.getByRole("button", { name: "Turn off" }).click();
  await expect(dialog.getByText("That code is not valid.")).toBeVisible();
  await dialog.getByLabel("Current password").fill(PASSWORD);
  await dialog.getByLabel("Code from your app or a recovery code").fill(recoveryCodes[0] ?? "");
  await dialog.getByRole("button", { name: "Turn off" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("two-factor-status")).toHaveText("Off");
});

test("signs in with a recovery code, which then cannot be used again", async ({ page }) => {
  const [owner] = await seedHub(["OWNER"], "recovery");
  if (!owner) throw new Error("seed failed");
  await signIn(page, owner.email);
  await expect(page).toHaveURL(/\/hub$/);
  const { recoveryCodes } = await enrollOnProfile(page);
  const recovery = recoveryCodes[3] ?? "";
  await signOut(page);

  await signIn(page, owner.email);
  await page.getByRole("button", { name: "Use a recovery code" }).click();
  await page.getByLabel("Recovery code").fill(recovery.toUpperCase());
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page).toHaveURL(/\/hub$/);
  await page.goto("/hub/profile");
  await expect(page.getByText("9 of 10 unused.")).toBeVisible();
  await signOut(page);

  await signIn(page, owner.email);
  await page.getByRole("button", { name: "Use a recovery code" }).click();
  await page.getByLabel("Recovery code").fill(recovery);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText("That recovery code is not valid or was already used.");
});

test("sign out everywhere ends the session of another browser", async ({ page, browser }) => {
  const [owner] = await seedHub(["OWNER"], "everywhere");
  if (!owner) throw new Error("seed failed");
  const other = await newPage(browser);
  await signIn(other, owner.email);
  await expect(other).toHaveURL(/\/hub$/);
  await signIn(page, owner.email);
  await expect(page).toHaveURL(/\/hub$/);

  await page.goto("/hub/profile");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  const dialog = page.getByRole("dialog", { name: "Sign out of every session?" });
  await dialog.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await other.goto("/hub");
  await expect(other).toHaveURL(/\/sign-in\?callbackUrl=/);
  await other.context().close();
});

test("changing the password keeps this session and ends the other ones", async ({ page, browser }) => {
  const [owner] = await seedHub(["OWNER"], "password");
  if (!owner) throw new Error("seed failed");
  const other = await newPage(browser);
  await signIn(other, owner.email);
  await expect(other).toHaveURL(/\/hub$/);
  await signIn(page, owner.email);
  await expect(page).toHaveURL(/\/hub$/);

  await page.goto("/hub/profile");
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByLabel("Repeat the new password").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();

  const next = "a new e2e passphrase 2026";
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("Repeat the new password").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("change-password-status")).toContainText("Password changed");

  await page.goto("/hub");
  await expect(page.getByTestId("current-user")).toHaveText(owner.email);
  await other.goto("/hub");
  await expect(other).toHaveURL(/\/sign-in/);
  await signIn(other, owner.email, next);
  await expect(other).toHaveURL(/\/hub$/);
  await other.context().close();
});

test("five wrong passwords lock the account with a clear message", async ({ page }) => {
  const [owner] = await seedHub(["OWNER"], "lockout");
  if (!owner) throw new Error("seed failed");
  for (let i = 0; i < 4; i += 1) {
    await signIn(page, owner.email, `wrong password ${i}`);
    await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
  }
  await signIn(page, owner.email, "wrong password 4");
  await expect(page.getByTestId("sign-in-error")).toHaveText(
    "Too many failed attempts. Sign-in to this account from here is paused for 15 minutes.",
  );
  await signIn(page, owner.email);
  await expect(page.getByTestId("sign-in-error")).toHaveText(
    "Too many failed attempts. Sign-in to this account from here is paused for 15 minutes.",
  );
  await page.goto("/hub");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an unknown email is paused after five failures exactly like a known one (no enumeration)", async ({ page }) => {
  const email = `nobody-${randomUUID().slice(0, 8)}@e2e.test`;
  for (let i = 0; i < 4; i += 1) {
    await signIn(page, email, `guess ${i}`);
    await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
  }
  await signIn(page, email, "guess 4");
  await expect(page.getByTestId("sign-in-error")).toHaveText(
    "Too many failed attempts. Sign-in to this account from here is paused for 15 minutes.",
  );
});

test("a Hub that requires 2FA sends a member without it to the set-up page until they enroll", async ({
  page,
  browser,
}) => {
  const [owner, member] = await seedHub(["OWNER", "DEVELOPER"], "require");
  if (!owner || !member) throw new Error("seed failed");
  await signIn(page, owner.email);
  await expect(page).toHaveURL(/\/hub$/);
  await enrollOnProfile(page);
  await page.goto("/hub/settings");
  await expect(page.getByTestId("members-without-2fa")).toHaveText(
    "1 member does not have two-factor authentication yet.",
  );
  await page.getByLabel("Require two-factor authentication for every member").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved: two-factor authentication is now required.")).toBeVisible();

  const m = await newPage(browser);
  await signIn(m, member.email);
  await expect(m).toHaveURL(/\/two-factor\/setup$/);
  await expect(m.getByText(`${owner.hubName} requires two-factor authentication for every member.`)).toBeVisible();
  await m.goto("/hub/profile");
  await expect(m).toHaveURL(/\/two-factor\/setup$/);

  await m.getByLabel("Confirm with your password").fill(PASSWORD);
  await m.getByRole("button", { name: "Set up two-factor authentication" }).click();
  const secret = ((await m.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  await m.getByLabel("6-digit code").fill(await totp(secret));
  await m.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await expect(m.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await m.getByLabel("I have saved my recovery codes").check();
  await m.getByRole("button", { name: "Continue" }).click();
  await expect(m).toHaveURL(/\/hub$/);
  await expect(m.getByTestId("current-user")).toHaveText(member.email);
  await m.context().close();
});
