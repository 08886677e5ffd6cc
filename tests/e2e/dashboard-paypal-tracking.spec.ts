import { expect, test, type Page } from "@playwright/test";
import { demoAccount, seedDemoMember } from "./support/dashboard";
import { addFault, clearFaults, emulatorClient, mangopayGet } from "./support/emulator";
import { signIn } from "./support/users";

// An operator sends PayPal tracking for the demo seed's paid PayPal order (Tag demo-paypal-order) from its
// transaction page, in chromium against the emulator: field errors first, a confirmation, "Back" keeps what was
// typed, a MANGOPAY 503 shown with nothing lost, then the tracking sent, announced and listed; a number cannot be
// sent twice; a read-only member sees the list without the button. The emulator is the truth checked.
test.describe.configure({ mode: "serial" });

type Tracking = { TrackingNumber: string; Carrier: string; NotifyBuyer: boolean };
type PayIn = { Id: string; Tag: string | null; PaymentType: string; Status: string; Trackings: Tracking[] | null };
type Client = Awaited<ReturnType<typeof emulatorClient>>;
const SHOTS = ".data/screenshots/paypal-tracking";
const NUMBER = `6A${Date.now()}`;

let mk: Client;
let accountId = "";
let payInId = "";

/** The seeded order: paid two days before the seed's "now" (the start of today, UTC), found by its success event. */
async function seededPayPalOrder(): Promise<PayIn> {
  const at = Math.floor(Date.now() / 86_400_000) * 86_400 - 2 * 86_400;
  const query = `EventType=PAYIN_NORMAL_SUCCEEDED&per_page=100&AfterDate=${at - 3600}&BeforeDate=${at + 3600}`;
  const events = (await mangopayGet<{ ResourceId: string }[]>(mk, `/events?${query}`)).body;
  for (const e of events) {
    const payIn = (await mangopayGet<PayIn>(mk, `/payins/${e.ResourceId}`)).body;
    if (payIn.Tag === "demo-paypal-order") return payIn;
  }
  throw new Error("the emulator's demo seed has no paid PayPal order (Tag demo-paypal-order)");
}

async function signInAs(page: Page, role: "OPERATOR" | "READ_ONLY") {
  const email = await seedDemoMember(role, (await demoAccount()).name, []);
  await signIn(page, email);
  await expect(page).toHaveURL(/\/hub$/);
}

const trackingsAtMangopay = async () => (await mangopayGet<PayIn>(mk, `/payins/${payInId}`)).body.Trackings ?? [];

test.beforeAll(async () => {
  mk = await emulatorClient("Demo Marketplace");
  accountId = (await demoAccount()).id;
  const order = await seededPayPalOrder();
  expect(order).toMatchObject({ PaymentType: "PAYPAL", Status: "SUCCEEDED" });
  payInId = order.Id;
});
test.afterEach(async () => {
  await clearFaults();
});

test("an operator adds tracking to the paid PayPal order and sees it listed", async ({ page }) => {
  expect(await trackingsAtMangopay()).toEqual([]);
  await signInAs(page, "OPERATOR");
  await page.goto(`/accounts/${accountId}/transactions/${payInId}?kind=PAYIN`);
  const section = page.getByTestId("paypal-tracking");
  await expect(section).toContainText("No tracking sent yet.");

  // Keyboard: the button is reached and opened without a mouse.
  const open = section.getByRole("button", { name: "Add tracking" });
  await open.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Add PayPal tracking" });
  await expect(dialog).toBeVisible();

  // Nothing typed: each field says what it needs; nothing is sent.
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByText("Enter the tracking number")).toBeVisible();
  await expect(dialog.getByText("Pick the carrier")).toBeVisible();

  await dialog.getByLabel("Tracking number", { exact: true }).fill(`${NUMBER} X`);
  await dialog.getByLabel("Carrier", { exact: true }).selectOption("OTHER_CODE");
  await dialog.getByLabel("PayPal carrier code", { exact: true }).fill("fr_colissimo");
  await dialog.getByLabel("Have PayPal e-mail the buyer the tracking number and carrier").check();
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByText("Letters, digits and - _ . / only (no spaces)")).toBeVisible();
  await dialog.getByLabel("Tracking number", { exact: true }).fill(NUMBER);
  await dialog.getByRole("button", { name: "Review" }).click();

  // The confirmation says exactly what goes to PayPal; "Back" keeps what was typed.
  const confirm = dialog.getByTestId("tracking-confirm");
  await expect(confirm).toContainText(NUMBER);
  await expect(confirm).toContainText("Colissimo (France) (FR_COLISSIMO)");
  await expect(confirm).toContainText("Buyer e-mailedYes");
  await page.screenshot({ path: `${SHOTS}/confirm.png`, fullPage: true });
  await dialog.getByRole("button", { name: "Back" }).click();
  await expect(dialog.getByLabel("Tracking number", { exact: true })).toHaveValue(NUMBER);
  await expect(dialog.getByLabel("PayPal carrier code", { exact: true })).toHaveValue("fr_colissimo");
  await dialog.getByRole("button", { name: "Review" }).click();

  // MANGOPAY fails once: the error is shown in the dialog, nothing reached PayPal, nothing typed is lost.
  await addFault({ route: "/payins/*/trackings", method: "PUT", kind: "error", status: 503, count: 1 });
  await dialog.getByRole("button", { name: "Send to PayPal" }).click();
  await expect(dialog.getByRole("alert")).toContainText("MANGOPAY is not answering properly (HTTP 503)");
  expect(await trackingsAtMangopay()).toEqual([]);
  await expect(confirm).toContainText(NUMBER);
  await dialog.getByRole("button", { name: "Send to PayPal" }).click();

  // Sent: announced, listed, the dialog closed and focus back on its button.
  const toast = page
    .getByTestId("toast")
    .filter({ hasText: `Tracking ${NUMBER} (Colissimo (France)) sent to PayPal.` });
  await expect(toast).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
  const row = section.getByTestId("tracking-row").filter({ hasText: NUMBER });
  await expect(row).toContainText("Colissimo (France) (FR_COLISSIMO)");
  await expect(row).toContainText("Yes");
  expect(await trackingsAtMangopay()).toEqual([{ TrackingNumber: NUMBER, Carrier: "FR_COLISSIMO", NotifyBuyer: true }]);
  await page.screenshot({ path: `${SHOTS}/listed.png`, fullPage: true });

  // The same number again is refused on its field, before MANGOPAY; what was typed stays.
  await open.click();
  await dialog.getByLabel("Tracking number", { exact: true }).fill(NUMBER);
  await dialog.getByLabel("Carrier", { exact: true }).selectOption("DHL");
  await dialog.getByRole("button", { name: "Review" }).click();
  await dialog.getByRole("button", { name: "Send to PayPal" }).click();
  await expect(dialog.getByText(/already sent for this pay-in/)).toBeVisible();
  await expect(dialog.getByLabel("Tracking number", { exact: true })).toHaveValue(NUMBER);
  await page.screenshot({ path: `${SHOTS}/already-sent.png`, fullPage: true });
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  expect(await trackingsAtMangopay()).toHaveLength(1);
});

test("a read-only member sees the tracking sent, without the button", async ({ page }) => {
  await signInAs(page, "READ_ONLY");
  await page.goto(`/accounts/${accountId}/transactions/${payInId}?kind=PAYIN`);
  const section = page.getByTestId("paypal-tracking");
  await expect(section.getByTestId("tracking-row").filter({ hasText: NUMBER })).toContainText("FR_COLISSIMO");
  await expect(section.getByRole("button", { name: "Add tracking" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add tracking" })).toHaveCount(0);
});
