import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, seedHub, signIn } from "./support/users";

// Regression specs for the security hardening: headers and CSP in a real browser, open redirects
// after sign-in, revocation of a copied session cookie, denied pages, impossible dates and
// malformed server-action bodies.
const DEMO_EMAIL = "owner@demo.test";
const demoPassword = () => process.env.DEMO_OWNER_PASSWORD ?? "";

function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(m.text())) seen.push(m.text());
  });
  page.on("pageerror", (e) => seen.push(`pageerror: ${e.message}`));
  return seen;
}

test("clickjacking and script injection: every page carries a nonce CSP, and sign-in, Hub and dashboard work without violations", async ({
  page,
}) => {
  const violations = cspViolations(page);
  const res = await page.goto("/sign-in");
  const headers = res?.headers() ?? {};
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-frame-options"]).toBe("DENY");
  // Next.js's own scripts carry the nonce of this response (browsers hide it from the DOM: read the HTML).
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1];
  expect((await res?.text())?.split(`nonce="${nonce}"`).length ?? 0).toBeGreaterThan(2);

  await page.getByLabel("Email").fill(DEMO_EMAIL);
  await page.getByLabel("Password").fill(demoPassword());
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/hub$/);
  await expect(page.getByTestId("current-user")).toHaveText(DEMO_EMAIL);
  await page.goto("/hub/team");
  await expect(page.getByRole("heading", { name: "Team" })).toBeVisible();
  await page.goto("/hub");
  await page.getByTestId("api-account").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/accounts\/[^/]+$/);
  await expect(page.getByTestId("account-name")).toBeVisible();
  // Client navigation and hydration worked: a client-side interaction opens the profile menu.
  await page.getByRole("button", { name: "Profile menu" }).click();
  await expect(page.getByRole("menu")).toBeVisible();
  expect(violations).toEqual([]);
});

for (const callbackUrl of ["/\\evil.example/phish", "/%09/evil.example/phish", "//evil.example"]) {
  test(`open redirect: signing in with callbackUrl=${callbackUrl} stays on this site`, async ({ page }) => {
    const [member] = await seedHub(["READ_ONLY"], "redirect");
    if (!member) throw new Error("seed failed");
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl).replace("%2509", "%09")}`);
    await page.getByLabel("Email").fill(member.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/hub$/);
  });
}

test("sign-out revokes the session server-side: a copied cookie stops working", async ({ browser }) => {
  const [member] = await seedHub(["READ_ONLY"], "revoke");
  if (!member) throw new Error("seed failed");
  const a = await (await browser.newContext()).newPage();
  await signIn(a, member.email);
  await expect(a).toHaveURL(/\/hub$/);
  const copied = await a.context().cookies();
  const b = await browser.newContext();
  await b.addCookies(copied);
  const thief = await b.newPage();
  await thief.goto("/hub");
  await expect(thief.getByTestId("current-user")).toHaveText(member.email);

  await a.goto("/sign-out");
  await a.getByRole("button", { name: "Sign out" }).click();
  await expect(a).toHaveURL(/\/sign-in/);
  await thief.goto("/hub");
  await expect(thief).toHaveURL(/\/sign-in\?callbackUrl=/);
  await b.close();
});

test("a Developer opening /hub/settings gets the not-permitted notice, not the error page", async ({ page }) => {
  const [dev] = await seedHub(["DEVELOPER"], "denied");
  if (!dev) throw new Error("seed failed");
  await signIn(page, dev.email);
  await expect(page).toHaveURL(/\/hub$/);
  const res = await page.goto("/hub/settings");
  expect(res?.status()).toBe(200);
  await expect(page).toHaveURL(/\/hub\?denied=1$/);
});

test("impossible dates: the security page explains, the CSV export answers 400 at once", async ({ page }) => {
  const [owner] = await seedHub(["OWNER"], "dates");
  if (!owner) throw new Error("seed failed");
  await signIn(page, owner.email);
  await expect(page).toHaveURL(/\/hub$/);
  await page.goto("/hub/security?from=2020-13-45");
  await expect(page.getByRole("heading", { name: "Security history" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Enter a real date as YYYY-MM-DD" })).toBeVisible();
  const started = Date.now();
  const csv = await page.request.get("/hub/security/export?from=2020-13-45&to=2021-02-30");
  expect(csv.status()).toBe(400);
  expect(await csv.text()).toContain("Enter a real date as YYYY-MM-DD");
  expect(Date.now() - started).toBeLessThan(10_000);
});

test("malformed server-action bodies get a clear 400, not a framework 500", async ({ page }) => {
  await page.goto("/sign-in");
  const bad = [
    { headers: { "next-action": "../../etc", "content-type": "text/plain;charset=UTF-8" }, data: "[]" },
    { headers: { "next-action": "7f".repeat(21), "content-type": "text/plain;charset=UTF-8" }, data: "{not json" },
    { headers: { "next-action": "7f".repeat(21), "content-type": "text/plain;charset=UTF-8" }, data: '{"a":1}' },
  ];
  for (const req of bad) {
    const res = await page.request.post("/sign-in", req);
    expect(res.status()).toBe(400);
    expect(await res.text()).toContain("Malformed request");
  }
});
