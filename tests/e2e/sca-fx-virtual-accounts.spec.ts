import { expect, test, type Page } from "@playwright/test";
import { accountIdByName, signInOwner } from "./support/dashboard";
import { emulatorClient, emulatorUrl, mangopayGet, mangopayPost } from "./support/emulator";

// The newer MANGOPAY surface on a user's profile, against the emulator: an SCA enrolment completed on
// the emulator's hosted page changes what the profile says, and a conversion and a virtual account
// created through the API show on the profile. Values come from the emulator, never hard-coded.
test.describe.configure({ mode: "serial" });

type Obj = { Id: string } & Record<string, unknown>;
type Client = Awaited<ReturnType<typeof emulatorClient>>;
const SHOTS = ".data/screenshots/sca-fx-virtual-accounts";

let mk: Client;
let accountId = "";

async function ownerPage(page: Page) {
  await signInOwner(page);
  accountId ||= await accountIdByName(page, "Demo Marketplace");
}

test.beforeAll(async () => {
  mk = await emulatorClient("Demo Marketplace");
});

test("an SCA enrolment completed on the emulator's hosted page shows on the user's profile", async ({ page }) => {
  const stamp = Date.now();
  const user = await mangopayPost<Obj & { PendingUserAction: { RedirectUrl: string } }>(mk, "/sca/users/natural", {
    FirstName: "Enrol",
    LastName: `Owner${stamp}`,
    Email: `enrol.${stamp}@example.com`,
    Birthday: 631152000,
    Nationality: "FR",
    CountryOfResidence: "FR",
    TermsAndConditionsAccepted: true,
    UserCategory: "OWNER",
    ScaContext: "USER_PRESENT",
  });
  await ownerPage(page);
  await page.goto(`/accounts/${accountId}/users/${user.Id}`);
  await expect(page.getByTestId("user-name")).toHaveText(`Enrol Owner${stamp}`);
  const sca = page.getByTestId("user-sca");
  await expect(sca.getByTestId("sca-enrolment")).toHaveText("Not enrolled");
  await expect(sca).toContainText("Pending user action");

  // The user's own browser goes through MANGOPAY's hosted session and comes back to the platform.
  const hosted = new URL(user.PendingUserAction.RedirectUrl);
  hosted.searchParams.set("ReturnUrl", `${new URL(page.url()).origin}/hub`);
  const userPage = await page.context().newPage();
  await userPage.goto(hosted.toString());
  await expect(userPage.getByRole("heading", { name: "Set up strong customer authentication" })).toBeVisible();
  await userPage.getByRole("button", { name: "Authenticate" }).click();
  await expect(userPage).toHaveURL(/\/hub$/);
  await userPage.close();

  const status = (
    await mangopayGet<{ IsEnrolled: boolean; UserStatus: string }>(mk, `/sca/users/${user.Id}/sca-status`)
  ).body;
  expect(status).toMatchObject({ IsEnrolled: true, UserStatus: "ACTIVE" });
  await page.reload();
  await expect(page.getByTestId("user-sca").getByTestId("sca-enrolment")).toContainText("Enrolled");
  await expect(page.getByTestId("user-sca")).toContainText("Active");
  await page.screenshot({ path: `${SHOTS}/sca-enrolled.png`, fullPage: true });
});

test("a conversion and a virtual account show on the user's profile", async ({ page }) => {
  const stamp = Date.now();
  const user = await mangopayPost<Obj>(mk, "/users/natural", {
    FirstName: "Fx",
    LastName: `Owner${stamp}`,
    Email: `fx.${stamp}@example.com`,
    Birthday: 631152000,
    Nationality: "FR",
    CountryOfResidence: "FR",
    TermsAndConditionsAccepted: true,
    UserCategory: "OWNER",
  });
  const eur = await mangopayPost<Obj>(mk, "/wallets", { Owners: [user.Id], Currency: "EUR", Description: "Euros" });
  const gbp = await mangopayPost<Obj>(mk, "/wallets", { Owners: [user.Id], Currency: "GBP", Description: "Pounds" });
  const account = await mangopayPost<Obj & { LocalAccountDetails: { Account: { Iban: string } } }>(
    mk,
    `/wallets/${eur.Id}/virtual-accounts`,
    { Country: "FR", VirtualAccountPurpose: "USER_OWNED" },
  );
  // A wire arrives on the virtual account, then part of it is converted to pounds.
  const wire = await fetch(`${emulatorUrl()}/_emulator/clients/${mk.ClientId}/virtual-accounts/${account.Id}/wire`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ Amount: 20_000, WireReference: "E2E" }),
  });
  expect(wire.ok).toBe(true);
  const conversion = await mangopayPost<Obj & { Status: string }>(mk, "/conversions/instant-conversion", {
    AuthorId: user.Id,
    DebitedWalletId: eur.Id,
    CreditedWalletId: gbp.Id,
    DebitedFunds: { Currency: "EUR", Amount: 10_000 },
    CreditedFunds: { Currency: "GBP" },
    Fees: { Type: "FIXED", Value: 100 },
  });
  expect(conversion.Status).toBe("SUCCEEDED");

  await ownerPage(page);
  await page.goto(`/accounts/${accountId}/users/${user.Id}`);
  const transactions = page.getByTestId("summary-transactions");
  const row = transactions.getByRole("row").filter({ hasText: conversion.Id });
  await expect(row).toContainText("Conversion");
  await expect(row).toContainText("Succeeded");
  const accounts = page.getByTestId("summary-virtual-accounts");
  await expect(accounts).toContainText("Virtual accounts (1)");
  const vaRow = accounts.getByRole("row").filter({ hasText: account.LocalAccountDetails.Account.Iban });
  await expect(vaRow).toContainText("User-owned");
  await expect(vaRow).toContainText(`Fx Owner${stamp}`);
  await page.screenshot({ path: `${SHOTS}/conversion-and-virtual-account.png`, fullPage: true });
});
