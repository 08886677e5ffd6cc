import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { formatMoney } from "@/lib/money";
import { pdfText } from "../support/pdf-text";
import { demoAccount, mangopay, seedDemoMember } from "./support/dashboard";
import { signIn } from "./support/users";

// An operator's non-money actions end to end in chromium, each checked against the emulator: add a
// user, edit it, add a bank account, upload a KYC document, contest a dispute, download a receipt;
// then a read-only member sees none of the controls and a forged POST of the real action is refused.
test.describe.configure({ mode: "serial" });

type Obj = { Id: string } & Record<string, unknown>;
const SHOTS = ".data/screenshots/dashboard-other-actions";

let accountId = "";
let userId = "";
let forged: { url: string; headers: Record<string, string>; body: string } | null = null;
const base = () => `/accounts/${accountId}`;

async function signInAs(page: Page, role: "OPERATOR" | "DEVELOPER" | "READ_ONLY") {
  const email = await seedDemoMember(role, (await demoAccount()).name, []);
  await signIn(page, email);
  await expect(page).toHaveURL(/\/hub$/);
}

/** A real PDF page of `bytes` bytes (a PDF header, then padding), as a browser file. */
function pdfFile(name: string, bytes: number) {
  return {
    name,
    mimeType: "application/pdf",
    buffer: Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(bytes, 32)]),
  };
}

/** The shared toast that announces an action's success, found by its text. */
const toastWith = (page: Page, text: string) => page.getByTestId("toast").filter({ hasText: text });

test.beforeAll(async () => {
  accountId = (await demoAccount()).id;
});

test("an operator adds a natural user, opens it from the success toast and edits it", async ({ page }) => {
  await signInAs(page, "OPERATOR");
  await page.goto(`${base()}/users`);
  page.on("request", (req) => {
    const action = req.headers()["next-action"];
    if (action && req.method() === "POST" && !forged)
      forged = { url: req.url(), headers: req.headers(), body: req.postData() ?? "" };
  });
  await page.getByRole("button", { name: "+ Add user" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a user" });
  const email = `e2e.${Date.now()}@example.test`;
  // A refused field first: the message sits beside the field, nothing is created.
  await dialog.getByLabel("Email").fill("not-an-email");
  await dialog.getByLabel("First name").fill("Ada");
  await dialog.getByLabel("Last name").fill("Lovelace");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog.getByText("Enter a valid email address")).toBeVisible();
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByRole("button", { name: "Create user" }).click();
  const created = toastWith(page, "User Ada Lovelace created");
  await expect(created).toBeVisible();
  await expect(created).toHaveAttribute("role", "status");
  await expect(created.getByRole("link")).toHaveAttribute("href", new RegExp(`^${base()}/users/[^/]+$`));
  await page.screenshot({ path: `${SHOTS}/user-created.png` });
  await created.getByRole("link").click();
  await expect(page.getByTestId("user-name")).toHaveText("Ada Lovelace");
  userId = page.url().split("/").pop() ?? "";
  const stored = (await mangopay<Obj>(`/users/${userId}`)).body;
  expect(stored).toMatchObject({ Email: email, FirstName: "Ada", UserCategory: "PAYER" });

  await page.getByRole("button", { name: "Edit user" }).click();
  const edit = page.getByRole("dialog", { name: "Edit user" });
  await edit.getByLabel("First name").fill("Augusta");
  await edit.getByRole("button", { name: "Save" }).click();
  const saved = toastWith(page, "User Augusta Lovelace saved");
  await expect(saved).toBeVisible();
  await expect(saved.getByRole("link")).toHaveAttribute("href", `${base()}/users/${userId}`);
  // Dismissible from the keyboard: the toast's close button.
  await saved.getByRole("button", { name: "Dismiss" }).focus();
  await page.keyboard.press("Enter");
  await expect(saved).toHaveCount(0);
  await expect(page.getByTestId("user-name")).toHaveText("Augusta Lovelace");
  expect((await mangopay<Obj>(`/users/${userId}`)).body.FirstName).toBe("Augusta");
});

test("the operator adds an IBAN bank account and uploads a KYC document whose status shows at once", async ({
  page,
}) => {
  await signInAs(page, "OPERATOR");
  await page.goto(`${base()}/users/${userId}`);
  await page.getByRole("button", { name: "Add bank account" }).click();
  const bank = page.getByRole("dialog", { name: "Add a bank account" });
  await bank.getByLabel("Account holder's name").fill("Augusta Lovelace");
  await bank.getByLabel("IBAN").fill("FR76 3000 4000 0312 3456 7890 143");
  await bank.getByLabel("Street address").fill("1 rue de la Paix");
  await bank.getByLabel("City").fill("Paris");
  await bank.getByLabel("Postal code").fill("75002");
  await bank.getByLabel("Country (ISO code, e.g. FR)").fill("FR");
  await bank.getByRole("button", { name: "Add bank account" }).click();
  const added = toastWith(page, "FR76");
  await expect(added).toContainText(/Bank account \S+ added/);
  await expect(added.getByRole("link")).toHaveAttribute("href", `${base()}/users/${userId}/bank-accounts`);
  const accounts = (await mangopay<Obj[]>(`/users/${userId}/bankaccounts`)).body;
  expect(accounts).toEqual([expect.objectContaining({ Type: "IBAN", IBAN: "FR7630004000031234567890143" })]);

  await page.getByRole("button", { name: "Upload KYC document" }).click();
  const kyc = page.getByRole("dialog", { name: "Upload a KYC document" });
  await kyc.getByLabel("Document type").selectOption("ADDRESS_PROOF");
  // A file that is not a PDF/JPEG/PNG is refused in the browser, before anything is sent.
  await kyc
    .getByLabel("Pages")
    .setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.alloc(4096, 65) });
  await kyc.getByRole("button", { name: "Upload and submit" }).click();
  await expect(kyc.getByText("notes.txt: Only PDF, JPEG or PNG files are accepted")).toBeVisible();
  expect((await mangopay<Obj[]>(`/users/${userId}/kyc/documents`)).body).toHaveLength(0);
  await kyc.getByLabel("Pages").setInputFiles([pdfFile("bill-1.pdf", 4096), pdfFile("bill-2.pdf", 4096)]);
  await kyc.getByRole("button", { name: "Upload and submit" }).click();
  const submitted = toastWith(page, "status VALIDATION_ASKED");
  await expect(submitted).toContainText(/KYC document \S+ submitted/);
  await expect(submitted.getByRole("link")).toHaveAttribute("href", `${base()}/users/${userId}/kyc-documents`);
  const docs = (await mangopay<Obj[]>(`/users/${userId}/kyc/documents`)).body;
  expect(docs).toEqual([expect.objectContaining({ Type: "ADDRESS_PROOF", Status: "VALIDATION_ASKED" })]);
  await page.screenshot({ path: `${SHOTS}/profile-actions.png`, fullPage: true });
});

test("the operator contests a dispute for part of its amount with an evidence document", async ({ page }) => {
  const open = (
    await mangopay<
      (Obj & {
        DisputeType: string;
        ContestDeadlineDate: number | null;
        DisputedFunds: { Amount: number; Currency: string };
      })[]
    >("/disputes?per_page=100&Status=PENDING_CLIENT_ACTION")
  ).body.find((d) => d.DisputeType === "CONTESTABLE" && (d.ContestDeadlineDate ?? 0) * 1000 > Date.now() + 3_600_000);
  if (!open) throw new Error("the demo data has no open contestable dispute");
  await signInAs(page, "OPERATOR");
  await page.goto(`${base()}/disputes/${open.Id}`);
  await expect(page.getByTestId("next-step-deadline")).toBeVisible();
  await page.getByRole("button", { name: "Contest dispute" }).click();
  const dialog = page.getByRole("dialog", { name: "Contest this dispute" });
  const digits = open.DisputedFunds.Currency === "JPY" ? 0 : 2;
  const half = Math.floor(open.DisputedFunds.Amount / 2);
  await dialog.getByRole("textbox", { name: /Amount to contest/ }).fill((half / 10 ** digits).toFixed(digits));
  await dialog.getByLabel("Document 1 type").selectOption("DELIVERY_PROOF");
  await dialog
    .getByLabel("Document 1 pages")
    .setInputFiles([pdfFile("delivery.pdf", 8192), pdfFile("signature.pdf", 2048)]);
  await dialog.getByRole("button", { name: "Submit to MANGOPAY" }).click();
  const contested = toastWith(page, `Dispute ${open.Id} is now Submitted`);
  await expect(contested).toBeVisible();
  await expect(contested.getByRole("link")).toHaveAttribute("href", `${base()}/disputes/${open.Id}`);
  const after = (await mangopay<Obj & { ContestedFunds: { Amount: number } }>(`/disputes/${open.Id}`)).body;
  expect(after).toMatchObject({ Status: "SUBMITTED", ContestedFunds: { Amount: half } });
  const evidence = (await mangopay<Obj[]>(`/disputes/${open.Id}/documents`)).body;
  expect(evidence).toEqual(expect.arrayContaining([expect.objectContaining({ Type: "DELIVERY_PROOF" })]));
  // Once submitted, the page offers no contest any more.
  await expect(page.getByRole("button", { name: "Contest dispute" })).toHaveCount(0);
});

test("a pay-in's receipt downloads as a PDF whose text holds the amounts shown on screen", async ({ page }) => {
  await signInAs(page, "OPERATOR");
  let payin:
    | (Obj & { DebitedFunds: { Amount: number; Currency: string }; Fees: { Amount: number; Currency: string } })
    | undefined;
  for (const u of (await mangopay<Obj[]>("/users?per_page=50")).body) {
    payin = (
      await mangopay<NonNullable<typeof payin>[]>(
        `/users/${u.Id}/transactions?per_page=1&Type=PAYIN&Status=SUCCEEDED&ScaContext=USER_NOT_PRESENT`,
      ).catch(() => ({ body: [] }))
    ).body[0];
    if (payin) break;
  }
  if (!payin) throw new Error("the demo data has no succeeded pay-in");
  await page.goto(`${base()}/transactions/${payin.Id}?kind=PAYIN`);
  const debited = formatMoney(payin.DebitedFunds.Amount, payin.DebitedFunds.Currency);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(debited);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("receipt-link").click()]);
  expect(download.suggestedFilename()).toBe(`payin-${payin.Id}.pdf`);
  const bytes = await readFile((await download.path()) ?? "");
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const text = pdfText(bytes);
  expect(text).toContain(`Pay-in receipt ${payin.Id}`);
  expect(text).toContain(debited);
  expect(text).toContain(formatMoney(payin.Fees.Amount, payin.Fees.Currency));
});

test("a developer changes a hook's URL in its dialog and enables it, each announced and sent to MANGOPAY", async ({
  page,
}) => {
  // A seeded hook pointing elsewhere (the dashboard's own receiver hooks have no URL to change).
  const hooks = await mangopay<{ Id: string; EventType: string; Url: string; Status: string }[]>("/hooks?per_page=100");
  const seeded = hooks.body.find((h) => h.Url.startsWith("https://hooks.example.com/") && h.Status === "DISABLED");
  if (!seeded) throw new Error("the seed has no disabled hook pointing elsewhere");
  await signInAs(page, "DEVELOPER");
  await page.goto(`${base()}/hooks`);
  const row = page.getByTestId("hooks-row").filter({ hasText: seeded.EventType });
  const change = row.getByRole("button", { name: `Change the ${seeded.EventType} hook's URL` });
  await change.click();
  const dialog = page.getByRole("dialog", { name: `Change the ${seeded.EventType} hook's URL` });
  await expect(dialog.getByLabel("URL")).toHaveValue(seeded.Url);
  const url = `https://hooks.example.com/mangopay/changed-${Date.now()}`;
  await dialog.getByLabel("URL").fill(url);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(toastWith(page, `The ${seeded.EventType} hook was saved: disabled, ${url}.`)).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(change).toBeFocused(); // focus back on the row's button
  await expect(row).toContainText(url);
  expect((await mangopay<{ Url: string }>(`/hooks/${seeded.Id}`)).body.Url).toBe(url);

  await row.getByRole("button", { name: `Enable the ${seeded.EventType} hook` }).click();
  await expect(toastWith(page, `The ${seeded.EventType} hook was saved: enabled, ${url}.`)).toBeVisible();
  await expect(row.getByRole("button", { name: `Disable the ${seeded.EventType} hook` })).toBeVisible();
  expect((await mangopay<{ Status: string }>(`/hooks/${seeded.Id}`)).body.Status).toBe("ENABLED");
  // Back as seeded (disabled), for the specs that count the seed's hooks.
  await row.getByRole("button", { name: `Disable the ${seeded.EventType} hook` }).click();
  await expect(row.getByRole("button", { name: `Enable the ${seeded.EventType} hook` })).toBeVisible();
  expect((await mangopay<{ Status: string }>(`/hooks/${seeded.Id}`)).body.Status).toBe("DISABLED");
});

test("a read-only member sees no action controls, and a forged POST of the add-user action is refused", async ({
  page,
}) => {
  expect(forged).not.toBeNull();
  await signInAs(page, "READ_ONLY");
  await page.goto(`${base()}/users`);
  await expect(page.getByTestId("users-row").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "+ Add user" })).toHaveCount(0);
  await page.goto(`${base()}/users/${userId}`);
  await expect(page.getByTestId("user-name")).toHaveText("Augusta Lovelace");
  await expect(page.getByTestId("user-actions")).toHaveCount(0);
  await page.goto(`${base()}/hooks`);
  await expect(page.getByRole("columnheader", { name: "Actions" })).toHaveCount(0);

  const before = (await mangopay<Obj[]>("/users?per_page=1")).total;
  const { url, headers, body } = forged ?? { url: "", headers: {}, body: "" };
  const res = await page.request.post(url, {
    headers: {
      "next-action": headers["next-action"] ?? "",
      "content-type": headers["content-type"] ?? "",
      origin: headers.origin ?? new URL(url).origin,
    },
    data: body,
  });
  expect(await res.text()).toContain("FORBIDDEN");
  expect((await mangopay<Obj[]>("/users?per_page=1")).total).toBe(before);
});
