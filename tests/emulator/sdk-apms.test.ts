/**
 * The official SDK (mangopay4-nodejs-sdk 1.68.0) on alternative payment methods: PayIns.create with each
 * method's PaymentType/ExecutionType (the SDK picks the path from them), createPayPal and createGooglePay,
 * PayIns.get after the payer's decision on the hosted page, and the SDK's error on a refused body.
 */
import type Mangopay from "mangopay4-nodejs-sdk";
import type { RunningEmulator } from "@/emulator/server";
import { startSdkEmulator, type SdkError } from "./sdk-setup";

let emu: RunningEmulator;
let api: Mangopay;
let userId = "";
let clientId = "";
const wallets: Record<string, string> = {};

const RETURN = "https://platform.example/back";
const BROWSER = {
  AcceptHeader: "text/html",
  JavaEnabled: false,
  Language: "en",
  ColorDepth: 24,
  ScreenHeight: 800,
  ScreenWidth: 1200,
  TimeZoneOffset: 0,
  UserAgent: "jest",
  JavascriptEnabled: true,
};

beforeAll(async () => {
  ({ emu, api, clientId } = await startSdkEmulator({ seedUsers: 20 }));
  const user = await api.Users.create({
    PersonType: "NATURAL",
    FirstName: "Sdk",
    LastName: "Apm",
    Email: "apm@example.com",
    Birthday: 188352000,
    Nationality: "FR",
    CountryOfResidence: "FR",
    TermsAndConditionsAccepted: true,
    UserCategory: "PAYER",
  });
  userId = user.Id;
  for (const currency of ["EUR", "PLN", "SEK", "CHF"] as const) {
    wallets[currency] = (await api.Wallets.create({ Owners: [userId], Currency: currency, Description: currency })).Id;
  }
});
afterAll(async () => {
  await emu.close();
});

const common = (currency: string) => ({
  AuthorId: userId,
  CreditedWalletId: wallets[currency],
  DebitedFunds: { Currency: currency, Amount: 2000 },
  Fees: { Currency: currency, Amount: 0 },
});

/** [PaymentType, currency, method fields]: PayIns.create routes each to its own path. */
const CREATE: Array<[string, string, Record<string, unknown>]> = [
  ["MBWAY", "EUR", { Phone: "351#269458236" }],
  ["MULTIBANCO", "EUR", { ReturnURL: RETURN }],
  ["SATISPAY", "EUR", { ReturnURL: RETURN, Country: "IT" }],
  ["BLIK", "PLN", { ReturnURL: RETURN }],
  [
    "KLARNA",
    "EUR",
    {
      ReturnURL: RETURN,
      LineItems: [{ Name: "Lamp", Quantity: 1, UnitAmount: 2000, TaxAmount: 0 }],
      Country: "FR",
      Email: "apm@example.com",
      Billing: { FirstName: "Sdk", LastName: "Apm", Address: { AddressLine1: "1 rue", City: "Paris", Country: "FR" } },
      Reference: "k-1",
    },
  ],
  ["IDEAL", "EUR", { ReturnURL: RETURN, Bic: "INGBNL2A" }],
  ["GIROPAY", "EUR", { ReturnURL: RETURN }],
  ["BCMC", "EUR", { ReturnURL: RETURN }],
  ["SWISH", "SEK", { ReturnURL: RETURN, PaymentFlow: "APP" }],
  ["TWINT", "CHF", { ReturnURL: RETURN }],
  ["PAY_BY_BANK", "EUR", { ReturnURL: RETURN, Country: "DE" }],
];

describe("SDK: PayIns.create per method", () => {
  it.each(CREATE)("%s", async (paymentType, currency, fields) => {
    const created = (await api.PayIns.create({
      ...common(currency),
      PaymentType: paymentType,
      ExecutionType: "WEB",
      ...fields,
    } as never)) as unknown as Record<string, unknown>;
    expect(created).toMatchObject({ PaymentType: paymentType, ExecutionType: "WEB", Status: "CREATED" });
    const id = String(created.Id);
    const app = `${emu.url}/apm/${clientId}/${id}`;
    if (paymentType !== "MBWAY") expect(created.RedirectURL).toBe(app);
    await fetch(app, { method: "POST", body: "outcome=authorized", redirect: "manual" });
    const read = (await api.PayIns.get(id)) as unknown as Record<string, unknown>;
    expect(read).toMatchObject({ Status: "SUCCEEDED", ResultCode: "000000", CreditedFunds: { Amount: 2000 } });
  });

  it("iDEAL shows the bank of the Bic; Swish APP gives a deep link; Pay by Bank reports its processing", async () => {
    const ideal = (await api.PayIns.create({
      ...common("EUR"),
      PaymentType: "IDEAL",
      ExecutionType: "WEB",
      ReturnURL: RETURN,
      Bic: "RABONL2U",
    } as never)) as unknown as Record<string, unknown>;
    expect(ideal.BankName).toBe("Rabobank");
    const swish = (await api.PayIns.create({
      ...common("SEK"),
      PaymentType: "SWISH",
      ExecutionType: "WEB",
      ReturnURL: RETURN,
      PaymentFlow: "APP",
    } as never)) as unknown as Record<string, unknown>;
    expect(swish).toMatchObject({ PaymentFlow: "APP", QRCodeURL: null });
    expect(String(swish.DeepLinkURL)).toMatch(/^swish:\/\//);
    const bank = (await api.PayIns.create({
      ...common("EUR"),
      PaymentType: "PAY_BY_BANK",
      ExecutionType: "WEB",
      ReturnURL: RETURN,
      Country: "DE",
    } as never)) as unknown as Record<string, unknown>;
    expect(bank.ProcessingStatus).toBe("PENDING_AUTHORIZATION");
    await fetch(String(bank.RedirectURL), { method: "POST", body: "outcome=refused", redirect: "manual" });
    expect(await api.PayIns.get(String(bank.Id))).toMatchObject({
      Status: "FAILED",
      ResultCode: "101199",
      ProcessingStatus: "FAILED",
    });
  });
});

describe("SDK: PayPal, Apple Pay, Google Pay", () => {
  it("createPayPal: CREATED with an order id; the hosted page completes it", async () => {
    const paypal = (await api.PayIns.createPayPal({
      ...common("EUR"),
      PaymentType: "PAYPAL",
      ExecutionType: "WEB",
      ReturnURL: RETURN,
      Reference: "order-7",
    } as never)) as unknown as Record<string, unknown>;
    expect(paypal).toMatchObject({ PaymentType: "PAYPAL", Status: "CREATED", Reference: "order-7" });
    expect(String(paypal.PaypalOrderID)).toMatch(/^ORDER\d{12}$/);
    const back = await fetch(String(paypal.RedirectURL), {
      method: "POST",
      body: "outcome=canceled",
      redirect: "manual",
    });
    expect(back.headers.get("location")).toBe(`${RETURN}?transactionId=${String(paypal.Id)}`);
    expect(await api.PayIns.get(String(paypal.Id))).toMatchObject({ Status: "FAILED", ResultCode: "001031" });
  });

  it("Apple Pay through PayIns.create (DIRECT) and Google Pay through createGooglePay succeed at once", async () => {
    const apple = (await api.PayIns.create({
      ...common("EUR"),
      PaymentType: "APPLEPAY",
      ExecutionType: "DIRECT",
      PaymentData: { TransactionId: "abc", Network: "VISA", TokenData: "{}" },
      StatementDescriptor: "Apple",
    } as never)) as unknown as Record<string, unknown>;
    expect(apple).toMatchObject({ PaymentType: "APPLEPAY", ExecutionType: "DIRECT", Status: "SUCCEEDED" });
    const google = (await api.PayIns.createGooglePay({
      ...common("EUR"),
      PaymentType: "GOOGLE_PAY",
      ExecutionType: "DIRECT",
      PaymentData: "{}",
      SecureModeReturnURL: RETURN,
      IpAddress: "192.0.2.1",
      BrowserInfo: BROWSER,
    } as never)) as unknown as Record<string, unknown>;
    expect(google).toMatchObject({ PaymentType: "GOOGLE_PAY", Status: "SUCCEEDED", SecureModeNeeded: false });
    expect((await api.Wallets.get(wallets.EUR)).Balance.Amount).toBeGreaterThanOrEqual(4000);
  });

  it("a refused body reaches the SDK as param_error naming the field", async () => {
    const error = (await api.PayIns.create({
      ...common("EUR"),
      PaymentType: "TWINT",
      ExecutionType: "WEB",
      ReturnURL: RETURN,
    } as never).catch((e: unknown) => e)) as SdkError;
    expect(error.Type).toBe("param_error");
    expect(Object.keys(error.errors ?? {})).toEqual(["DebitedFunds.Currency"]);
  });
});
