import { expect, test, type Browser, type Page } from "@playwright/test";

// One story, in order: the owner invites a Developer to one API account; the member accepts, signs
// in and sees only what was granted; URL tampering gives 404; the owner narrows a grant and the
// member loses the page on the next request. Every HTML and RSC response is kept to prove that no
// API key ever reaches the browser.
test.describe.configure({ mode: "serial" });

const OWNER = "owner@demo.test";
const ownerPassword = () => process.env.DEMO_OWNER_PASSWORD ?? "";
const memberEmail = `member-${Date.now()}@e2e.test`;
const memberPassword = "member-password-e2e-1";

const bodies: { url: string; type: string; text: string }[] = [];
let inviteLink = "";
let grantedId = "";
let otherId = "";
let emulatorUrl = "";

function capture(page: Page) {
  page.on("response", async (res) => {
    const type = res.headers()["content-type"] ?? "";
    if (!/text\/html|text\/x-component|application\/json|text\/plain|text\/csv/.test(type)) return;
    const text = await res.text().catch(() => "");
    bodies.push({ url: res.url(), type, text });
  });
}

async function signIn(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  capture(page);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/hub$/);
  return page;
}

async function accountIdByName(page: Page, name: string): Promise<string> {
  const row = page.getByTestId("api-account").filter({ hasText: name });
  const href = await row.getByRole("link", { name: "Dashboard" }).getAttribute("href");
  return (href ?? "").split("/").pop() ?? "";
}

test("the owner invites a Developer to one API account and gets the link (no SMTP)", async ({ browser }) => {
  const owner = await signIn(browser, OWNER, ownerPassword());
  grantedId = await accountIdByName(owner, "Demo Crowdfunding");
  otherId = await accountIdByName(owner, "Demo Marketplace");
  expect(grantedId).not.toBe("");
  emulatorUrl = (await owner.getByTestId("api-account").first().locator("dd").nth(1).textContent()) ?? "";

  await owner.getByRole("navigation", { name: "Hub" }).getByRole("link", { name: "Team" }).click();
  await owner.getByLabel("Email", { exact: true }).fill(memberEmail);
  await owner.getByLabel("Role", { exact: true }).selectOption("DEVELOPER");
  await owner.getByRole("checkbox", { name: /Demo Crowdfunding/ }).check();
  await owner.getByRole("button", { name: "Send invitation" }).click();
  const link = owner.getByTestId("invite-link");
  await expect(link).toHaveValue(/\/invite\//);
  inviteLink = await link.inputValue();
  await expect(owner.getByTestId("invite-row").filter({ hasText: memberEmail })).toBeVisible();
});

test("the member accepts, is signed in, and sees only the granted account and pages", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  capture(page);
  await page.goto(inviteLink);
  await expect(page.getByRole("heading", { name: /Join/ })).toBeVisible();
  await page.getByLabel("Your name").fill("E2E Member");
  await page.getByLabel("Choose a password").fill(memberPassword);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(/\/hub$/);
  await expect(page.getByTestId("current-user")).toHaveText(memberEmail);

  await expect(page.getByTestId("api-account")).toHaveCount(1);
  await expect(page.getByTestId("api-account")).toContainText("Demo Crowdfunding");
  const hubNav = page.getByRole("navigation", { name: "Hub" });
  await expect(hubNav.getByRole("link", { name: "Team" })).toHaveCount(0);
  await expect(hubNav.getByRole("link", { name: "Security history" })).toHaveCount(0);
  await page.goto("/hub/team");
  await expect(page).toHaveURL(/\/hub\?denied=1$/);

  // The link was single-use.
  await page.goto(inviteLink);
  await expect(page.getByRole("heading", { name: "Invitation not valid" })).toBeVisible();

  await page.goto(`/accounts/${grantedId}`);
  await expect(page.getByTestId("account-name")).toHaveText("Demo Crowdfunding");
  await page.getByRole("button", { name: "Profile menu" }).click();
  await expect(page.getByRole("menuitem", { name: "SSO & permission groups" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Account" })).toHaveCount(0);
  await page.keyboard.press("Escape");
  const denied = await page.goto(`/accounts/${grantedId}/settings/permissions`);
  expect(denied?.status()).toBe(200);
  await expect(page).toHaveURL(new RegExp(`/accounts/${grantedId}\\?denied=1$`));
});

test("a member who edits a foreign account id in the URL gets 404", async ({ browser }) => {
  const page = await signIn(browser, memberEmail, memberPassword);
  for (const id of [otherId, "cm0000000000000000000000", "not-an-id"]) {
    const res = await page.goto(`/accounts/${id}`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "API account not found" })).toBeVisible();
    const sub = await page.goto(`/accounts/${id}/settings/sso`);
    expect(sub?.status()).toBe(404);
  }
});

test("an admin narrows a grant and the member loses the page on the next request", async ({ browser }) => {
  const member = await signIn(browser, memberEmail, memberPassword);
  await member.goto(`/accounts/${grantedId}/settings/sso`);
  await expect(member.getByRole("heading", { name: "SSO & permission groups" })).toBeVisible();

  const owner = await signIn(browser, OWNER, ownerPassword());
  await owner.goto(`/accounts/${grantedId}/settings/permissions`);
  const card = owner.getByTestId("member-grants").filter({ hasText: memberEmail });
  await card.locator("summary").click();
  const box = card.getByRole("checkbox", { name: `SSOs Read for ${memberEmail}` });
  await expect(box).toBeChecked();
  await box.uncheck();
  await card.getByRole("button", { name: "Save permissions" }).click();
  const saved = owner
    .getByTestId("toast")
    .filter({ hasText: `Saved. The change applies at ${memberEmail}'s next request.` });
  await expect(saved).toBeVisible();
  await expect(saved.getByRole("link")).toHaveAttribute("href", `/accounts/${grantedId}/settings/permissions`);

  await member.goto(`/accounts/${grantedId}/settings/sso`);
  await expect(member).toHaveURL(new RegExp(`/accounts/${grantedId}\\?denied=1$`));
  await member.getByRole("button", { name: "Profile menu" }).click();
  await expect(member.getByRole("menuitem", { name: "SSO & permission groups" })).toHaveCount(0);

  // The change is in the security history, with who and what.
  await owner.goto(`/hub/security?action=access.grants.update`);
  await expect(owner.getByTestId("audit-row").first()).toContainText(OWNER);
});

test("the owner rotates a key through the dialog: checked with MANGOPAY, only the last four shown", async ({
  browser,
  request,
}) => {
  const clients = (await (await request.get(`${emulatorUrl}/_emulator/clients`)).json()) as {
    ClientId: string;
    ApiKey: string;
  }[];
  const key = clients.find((c) => c.ClientId === "demo-marketplace")?.ApiKey ?? "";
  const owner = await signIn(browser, OWNER, ownerPassword());
  const row = owner.getByTestId("api-account").filter({ hasText: "Demo Marketplace" });
  await row.getByRole("button", { name: "Rotate key" }).click();
  const dialog = owner.getByRole("dialog", { name: "Rotate the API key" });
  await dialog.getByLabel("New API key").fill("not-the-right-key-0000");
  await dialog.getByRole("button", { name: "Verify and replace" }).click();
  await expect(dialog.getByRole("alert")).toContainText("MANGOPAY refused");
  await dialog.getByLabel("New API key").fill(key);
  await dialog.getByRole("button", { name: "Verify and replace" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText(`…${key.slice(-4)}`);
});

test("an SSO for the member's email drives their access: sync grants it, deactivation takes it away", async ({
  browser,
}) => {
  const owner = await signIn(browser, OWNER, ownerPassword());
  await owner.goto(`/accounts/${grantedId}/settings/sso`);
  await owner.getByRole("button", { name: "New SSO" }).click();
  const create = owner.getByRole("dialog", { name: "Create an SSO" });
  await create.getByLabel("First name").fill("E2E");
  await create.getByLabel("Last name").fill("Member");
  await create.getByLabel(/^Email/).fill(memberEmail);
  await create.getByLabel("Permission group").selectOption("READ");
  await create.getByRole("button", { name: "Create SSO" }).click();
  await expect(create).toBeHidden();
  const ssoRow = owner.getByTestId("sso-row").filter({ hasText: memberEmail });
  await expect(ssoRow).toContainText("Active");

  await owner.goto(`/accounts/${grantedId}/settings/permissions`);
  await owner.getByRole("button", { name: "Sync from SSO" }).click();
  const synced = owner.getByTestId("toast").filter({ hasText: /1 member\(s\) updated from their SSO/ });
  await expect(synced).toBeVisible();
  await expect(synced.getByRole("link")).toHaveAttribute("href", `/accounts/${grantedId}/settings/permissions`);
  await owner.reload();
  await expect(owner.getByTestId("member-grants").filter({ hasText: memberEmail })).toContainText("From SSO");

  await owner.goto(`/accounts/${grantedId}/settings/sso`);
  await owner
    .getByTestId("sso-row")
    .filter({ hasText: memberEmail })
    .getByRole("button", { name: "Deactivate" })
    .click();
  await owner.getByRole("dialog").getByRole("button", { name: "Deactivate" }).click();
  await expect(owner.getByTestId("sso-row").filter({ hasText: memberEmail })).toContainText("Inactive");

  const member = await signIn(browser, memberEmail, memberPassword);
  await expect(member.getByTestId("api-account")).toHaveCount(0);
  const res = await member.goto(`/accounts/${grantedId}`);
  expect(res?.status()).toBe(404);
});

test("no API key appears in any HTML or RSC payload of the run", async ({ request }) => {
  expect(emulatorUrl).toMatch(/^http/);
  const clients = (await (await request.get(`${emulatorUrl}/_emulator/clients`)).json()) as { ApiKey: string }[];
  const keys = clients.map((c) => c.ApiKey).filter((k) => k.length >= 8);
  expect(keys.length).toBeGreaterThan(0);
  expect(bodies.some((b) => b.type.includes("text/html"))).toBe(true);
  expect(bodies.some((b) => b.type.includes("text/x-component"))).toBe(true);
  for (const body of bodies)
    for (const key of keys)
      expect({ url: body.url, leaked: body.text.includes(key) }).toEqual({ url: body.url, leaked: false });
});
