/** @jest-environment node */
// The typed client creates every alternative payment method's pay-in on the emulator and parses the real
// answers (schemas/apm-payins.ts): redirect, app and token flows, and the outcome read back after the
// payer's decision on the hosted page; PayPal tracking information sent on a paid PayPal pay-in.
import * as apmPayIns from "@/lib/mangopay/apm-payins";
import { APM_PATHS, type ApmMethod, type ApmPayInInput } from "@/lib/mangopay/apm-payins";
import * as users from "@/lib/mangopay/users";
import * as wallets from "@/lib/mangopay/wallets";
import type { MangopayClient } from "@/lib/mangopay/client";
import { UpstreamError } from "@/lib/mangopay/errors";
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

describe("PayPal tracking information (PUT /payins/{id}/trackings)", () => {
  /** A PayPal pay-in the payer approved on the emulator's hosted page (SUCCEEDED), or left waiting. */
  async function paypalPayIn(approve: boolean) {
    const payin = await apmPayIns.create(
      client,
      "PAYPAL",
      {
        AuthorId: userId,
        CreditedWalletId: walletOf.EUR,
        DebitedFunds: { Currency: "EUR", Amount: 2500 },
        Fees: { Currency: "EUR", Amount: 0 },
        ReturnURL: RETURN,
      },
      { idempotencyKey: key() },
    );
    if (approve)
      await fetch(`${emu.url}/apm/${clientId}/${payin.Id}`, {
        method: "POST",
        body: "outcome=authorized",
        redirect: "manual",
      });
    return payin.Id;
  }

  it("answers the pay-in with every tracking sent, in order; the pay-in read back holds them; no idempotency key", async () => {
    const id = await paypalPayIn(true);
    expect((await apmPayIns.get(client, id)).Trackings).toBeNull();
    const { client: recorded, recorder } = emu.client();
    const first = await apmPayIns.addPayPalTracking(recorded, id, {
      TrackingNumber: "1Z999AA10123456784",
      Carrier: "UPS",
      NotifyBuyer: true,
    });
    expect(first).toMatchObject({ Id: id, PaymentType: "PAYPAL", Status: "SUCCEEDED" });
    expect(first.Trackings).toEqual([{ TrackingNumber: "1Z999AA10123456784", Carrier: "UPS", NotifyBuyer: true }]);
    const second = await apmPayIns.addPayPalTracking(client, id, { TrackingNumber: "6A1234", Carrier: "FR_COLISSIMO" });
    expect(second.Trackings?.map((t) => [t.TrackingNumber, t.Carrier, t.NotifyBuyer])).toEqual([
      ["1Z999AA10123456784", "UPS", true],
      ["6A1234", "FR_COLISSIMO", false],
    ]);
    expect((await apmPayIns.get(client, id)).Trackings).toHaveLength(2);
    // A PUT moves no money: sent once, without an Idempotency-Key.
    const puts = recorder.list().filter((c) => c.method === "PUT");
    expect(puts.map((c) => [c.pathTemplate, c.idempotencyKey])).toEqual([["/payins/{payInId}/trackings", null]]);
  });

  it("MANGOPAY's refusals arrive as UpstreamError: a number sent twice, a pay-in not yet paid, another method, bad fields, an unknown id", async () => {
    const id = await paypalPayIn(true);
    await apmPayIns.addPayPalTracking(client, id, { TrackingNumber: "TWICE-1", Carrier: "DHL" });
    await expect(
      apmPayIns.addPayPalTracking(client, id, { TrackingNumber: "TWICE-1", Carrier: "DHL" }),
    ).rejects.toMatchObject({ status: 400, type: "invalid_action" });
    const waiting = await paypalPayIn(false);
    await expect(
      apmPayIns.addPayPalTracking(client, waiting, { TrackingNumber: "N-1", Carrier: "DHL" }),
    ).rejects.toMatchObject({ status: 400, type: "invalid_action" });
    const apple = await apmPayIns.create(
      client,
      "APPLEPAY",
      {
        AuthorId: userId,
        CreditedWalletId: walletOf.EUR,
        DebitedFunds: { Currency: "EUR", Amount: 100 },
        Fees: { Currency: "EUR", Amount: 0 },
        PaymentData: { TransactionId: "t", Network: "VISA", TokenData: "{}" },
      },
      { idempotencyKey: key() },
    );
    await expect(
      apmPayIns.addPayPalTracking(client, apple.Id, { TrackingNumber: "N-2", Carrier: "DHL" }),
    ).rejects.toMatchObject({ status: 400, type: "invalid_action" });
    const malformed = apmPayIns.addPayPalTracking(client, id, {
      TrackingNumber: "x".repeat(65),
      Carrier: "dhl express",
    });
    await expect(malformed).rejects.toBeInstanceOf(UpstreamError);
    await expect(malformed).rejects.toMatchObject({ status: 400, type: "param_error" });
    const fields = Object.keys(((await malformed.catch((e: unknown) => e)) as UpstreamError).errors ?? {}).sort();
    expect(fields).toEqual(["Carrier", "TrackingNumber"]);
    await expect(
      apmPayIns.addPayPalTracking(client, "999999999", { TrackingNumber: "N-3", Carrier: "DHL" }),
    ).rejects.toMatchObject({ status: 404 });
    // None of the refused ones was kept.
    expect((await apmPayIns.get(client, id)).Trackings?.map((t) => t.TrackingNumber)).toEqual(["TWICE-1"]);
  });
});
