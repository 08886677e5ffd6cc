/** @jest-environment node */
// The typed client creates every alternative payment method's pay-in on the emulator and parses the real
// answers (schemas/apm-payins.ts): redirect, app and token flows, and the outcome read back after the
// payer's decision on the hosted page.
import * as apmPayIns from "@/lib/mangopay/apm-payins";
import { APM_PATHS, type ApmMethod, type ApmPayInInput } from "@/lib/mangopay/apm-payins";
import * as users from "@/lib/mangopay/users";
import * as wallets from "@/lib/mangopay/wallets";
import type { MangopayClient } from "@/lib/mangopay/client";
import { startTestEmulator, type TestEmulator } from "./helpers";

let emu: TestEmulator;
let client: MangopayClient;
let userId = "";
let clientId = "";
const walletOf: Record<string, string> = {};
let keys = 0;
const key = () => `apm-answers-${Date.now().toString(36)}-${(keys += 1)}`.slice(0, 36);

const RETURN = "https://platform.example/back";
const BROWSER = {
  AcceptHeader: "text/html",
  JavaEnabled: false,
  Language: "pl",
  ColorDepth: 24,
  ScreenHeight: 800,
  ScreenWidth: 1200,
  TimeZoneOffset: 0,
  UserAgent: "jest",
  JavascriptEnabled: true,
};

beforeAll(async () => {
  emu = await startTestEmulator(6, { seedUsers: 20 });
  client = emu.client().client;
  clientId = (emu.clients.find((c) => c.ClientId === "demo-marketplace") ?? emu.clients[0]).ClientId;
  const user = await users.createNatural(client, {
    FirstName: "Apm",
    LastName: "Payer",
    Email: "apm.payer@example.com",
    Birthday: 188352000,
    Nationality: "FR",
    CountryOfResidence: "FR",
    TermsAndConditionsAccepted: true,
    UserCategory: "PAYER",
  });
  userId = user.Id;
  for (const currency of ["EUR", "PLN", "SEK", "CHF"]) {
    walletOf[currency] = (
      await wallets.create(client, { Owners: [userId], Currency: currency, Description: currency })
    ).Id;
  }
});
afterAll(async () => {
  await emu.close();
});

const FIELDS: Record<ApmMethod, [string, Partial<ApmPayInInput>]> = {
  PAYPAL: ["EUR", { ReturnURL: RETURN, Reference: "order-1" }],
  APPLEPAY: ["EUR", { PaymentData: { TransactionId: "t", Network: "VISA", TokenData: "{}" } }],
  GOOGLE_PAY: ["EUR", { PaymentData: "{}", SecureModeReturnURL: RETURN, IpAddress: "192.0.2.1", BrowserInfo: BROWSER }],
  IDEAL: ["EUR", { ReturnURL: RETURN, Bic: "ABNANL2A" }],
  BCMC: ["EUR", { ReturnURL: RETURN }],
  GIROPAY: ["EUR", { ReturnURL: RETURN }],
  KLARNA: [
    "EUR",
    {
      ReturnURL: RETURN,
      LineItems: [{ Name: "Desk", Quantity: 1, UnitAmount: 1500 }],
      Country: "FR",
      Email: "apm.payer@example.com",
      Billing: { FirstName: "Apm", LastName: "Payer" },
      Reference: "k-2",
    },
  ],
  MBWAY: ["EUR", { Phone: "351#912345678" }],
  MULTIBANCO: ["EUR", { ReturnURL: RETURN }],
  SATISPAY: ["EUR", { ReturnURL: RETURN, Country: "IT" }],
  BLIK: ["PLN", { ReturnURL: RETURN, Code: "123456", IpAddress: "192.0.2.1", BrowserInfo: BROWSER }],
  PAYCONIQ: ["EUR", { ReturnURL: RETURN, Country: "BE" }],
  SWISH: ["SEK", { ReturnURL: RETURN }],
  TWINT: ["CHF", { ReturnURL: RETURN }],
  PAY_BY_BANK: ["EUR", { ReturnURL: RETURN, Country: "FR" }],
  BIZUM: ["EUR", { Phone: "+34700000000" }],
};

it.each(Object.keys(APM_PATHS) as ApmMethod[])("%s: created, parsed, completed", async (method) => {
  const [currency, fields] = FIELDS[method];
  const payin = await apmPayIns.create(
    client,
    method,
    {
      AuthorId: userId,
      CreditedWalletId: walletOf[currency],
      DebitedFunds: { Currency: currency, Amount: 1500 },
      Fees: { Currency: currency, Amount: 50 },
      ...fields,
    },
    { idempotencyKey: key() },
  );
  expect(payin.PaymentType).toBe(method);
  expect(payin.CreationDate).toBeInstanceOf(Date);
  expect(payin.CreditedFunds).toEqual({ Currency: currency, Amount: 1450 });
  if (method === "APPLEPAY" || method === "GOOGLE_PAY") {
    expect(payin.Status).toBe("SUCCEEDED");
    return;
  }
  expect(payin.Status).toBe("CREATED");
  const waitsForApp = method === "MBWAY" || method === "BLIK" || method === "BIZUM";
  expect(payin.RedirectURL ?? null).toBe(waitsForApp ? null : `${emu.url}/apm/${clientId}/${payin.Id}`);
  await fetch(`${emu.url}/apm/${clientId}/${payin.Id}`, {
    method: "POST",
    body: "outcome=authorized",
    redirect: "manual",
  });
  const read = await apmPayIns.get(client, payin.Id);
  expect(read).toMatchObject({ Status: "SUCCEEDED", ResultCode: "000000" });
  expect(read.ExecutionDate).toBeInstanceOf(Date);
});

it("named fields parse: iDEAL bank, PayPal order id, Swish QR code link", async () => {
  const base = {
    AuthorId: userId,
    DebitedFunds: { Currency: "EUR", Amount: 100 },
    Fees: { Currency: "EUR", Amount: 0 },
  };
  const ideal = await apmPayIns.create(
    client,
    "IDEAL",
    { ...base, CreditedWalletId: walletOf.EUR, ReturnURL: RETURN, Bic: "ABNANL2A" },
    { idempotencyKey: key() },
  );
  expect(ideal.BankName).toBe("ABN AMRO");
  const paypal = await apmPayIns.create(
    client,
    "PAYPAL",
    { ...base, CreditedWalletId: walletOf.EUR, ReturnURL: RETURN },
    { idempotencyKey: key() },
  );
  expect(paypal.PaypalOrderID).toMatch(/^ORDER\d{12}$/);
  const swish = await apmPayIns.create(
    client,
    "SWISH",
    {
      ...base,
      DebitedFunds: { Currency: "SEK", Amount: 100 },
      Fees: { Currency: "SEK", Amount: 0 },
      CreditedWalletId: walletOf.SEK,
      ReturnURL: RETURN,
    },
    { idempotencyKey: key() },
  );
  expect(swish).toMatchObject({ PaymentFlow: "WEB", DeepLinkURL: null });
  expect(swish.QRCodeURL).toBe(swish.RedirectURL);
});
