// Alternative payment methods as pay-ins over HTTP: every method of the table (path, PaymentType, required
// fields, currency), the hosted page (authorize, refuse, cancel → ReturnURL?transactionId=), app flows
// (MB WAY, BLIK with a code), wallet tokens (Apple Pay, Google Pay), balances and events. Every answer is
// checked against the SDK's typings when the file ends (helpers.ts).
import { balance, list, SMALL_SEED, startApi, str, userWithWallet, type Api, type Json } from "./helpers";

let api: Api;

beforeAll(async () => {
  api = await startApi(SMALL_SEED);
});
afterAll(async () => {
  await api.emu.close();
});

async function eventsOf(id: string): Promise<string[]> {
  return list((await api.call("GET", "/events?per_page=100&Sort=Date:DESC")).body)
    .filter((e) => str(e.ResourceId) === id)
    .map((e) => str(e.EventType))
    .reverse();
}

const RETURN = "https://platform.example/back";
const BROWSER = { AcceptHeader: "text/html", JavaEnabled: false, Language: "pl", ColorDepth: 24, ScreenHeight: 800 };

/** [path, PaymentType, currency, method fields] — one redirect-flow row per method. */
const REDIRECT_METHODS: Array<[string, string, string, Record<string, unknown>]> = [
  ["/payins/payment-methods/paypal", "PAYPAL", "EUR", { ReturnURL: RETURN, Reference: "order-1" }],
  ["/payins/paypal/web", "PAYPAL", "EUR", { ReturnURL: RETURN }],
  ["/payins/payment-methods/ideal", "IDEAL", "EUR", { ReturnURL: RETURN, Bic: "RABONL2U" }],
  ["/payins/payment-methods/bancontact", "BCMC", "EUR", { ReturnURL: RETURN, Culture: "FR" }],
  ["/payins/payment-methods/giropay", "GIROPAY", "EUR", { ReturnURL: RETURN }],
  [
    "/payins/payment-methods/klarna",
    "KLARNA",
    "EUR",
    {
      ReturnURL: RETURN,
      LineItems: [{ Name: "Chair", Quantity: 1, UnitAmount: 1000, TaxAmount: 0 }],
      Country: "FR",
      Email: "payer@example.com",
      Billing: {
        FirstName: "Ada",
        LastName: "Payer",
        Address: { AddressLine1: "1 rue", City: "Paris", Country: "FR" },
      },
      Reference: "klarna-1",
    },
  ],
  ["/payins/payment-methods/multibanco", "MULTIBANCO", "EUR", { ReturnURL: RETURN }],
  ["/payins/payment-methods/satispay", "SATISPAY", "EUR", { ReturnURL: RETURN, Country: "IT" }],
  ["/payins/payment-methods/blik", "BLIK", "PLN", { ReturnURL: RETURN }],
  ["/payins/payment-methods/payconiq", "PAYCONIQ", "EUR", { ReturnURL: RETURN, Country: "BE" }],
  ["/payins/payment-methods/swish", "SWISH", "SEK", { ReturnURL: RETURN }],
  ["/payins/payment-methods/twint", "TWINT", "CHF", { ReturnURL: RETURN }],
  ["/payins/payment-methods/openbanking", "PAY_BY_BANK", "EUR", { ReturnURL: RETURN, Country: "FR" }],
];

async function create(path: string, walletId: string, userId: string, currency: string, fields: object) {
  return api.call("POST", path, {
    AuthorId: userId,
    CreditedWalletId: walletId,
    DebitedFunds: { Currency: currency, Amount: 1000 },
    Fees: { Currency: currency, Amount: 100 },
    StatementDescriptor: "Shop",
    Tag: "apm",
    ...fields,
  });
}

async function decide(redirectUrl: string, outcome: string): Promise<Response> {
  return fetch(redirectUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: `outcome=${outcome}`,
    redirect: "manual",
  });
}

describe.each(REDIRECT_METHODS)("%s (%s)", (path, paymentType, currency, fields) => {
  it("CREATED with the hosted page; authorizing credits the wallet and returns to ReturnURL", async () => {
    const { userId, walletId } = await userWithWallet(api, currency);
    const created = await create(path, walletId, userId, currency, fields);
    expect(created.status).toBe(200);
    const id = str(created.body.Id);
    expect(created.body).toMatchObject({
      Status: "CREATED",
      Type: "PAYIN",
      PaymentType: paymentType,
      ExecutionType: "WEB",
      AuthorId: userId,
      CreditedWalletId: walletId,
      CreditedFunds: { Currency: currency, Amount: 900 },
      ReturnURL: `${RETURN}?transactionId=${id}`,
      StatementDescriptor: "Shop",
    });
    const redirect = str(created.body.RedirectURL);
    expect(redirect).toBe(`${api.emu.url}/apm/${api.clientId}/${id}`);
    const hosted = await fetch(redirect);
    expect(hosted.status).toBe(200);
    expect(await hosted.text()).toContain("10.00 " + currency);

    const back = await decide(redirect, "authorized");
    expect(back.status).toBe(302);
    expect(back.headers.get("location")).toBe(`${RETURN}?transactionId=${id}`);
    const read = await api.call("GET", `/payins/${id}`);
    expect(read.body).toMatchObject({ Status: "SUCCEEDED", ResultCode: "000000", PaymentType: paymentType });
    expect(await balance(api, walletId)).toBe(900);
    expect(await eventsOf(id)).toEqual(["PAYIN_NORMAL_CREATED", "PAYIN_NORMAL_SUCCEEDED"]);
    // Completed: the page no longer offers it, a second decision is refused.
    expect((await fetch(redirect)).status).toBe(404);
    expect((await decide(redirect, "refused")).status).toBe(404);
  });
});

describe("the payer refuses or cancels", () => {
  it("refused → FAILED 101199, canceled → FAILED 001031; no money moves", async () => {
    const { userId, walletId } = await userWithWallet(api, "EUR");
    const refused = await create("/payins/payment-methods/ideal", walletId, userId, "EUR", { ReturnURL: RETURN });
    const canceled = await create("/payins/payment-methods/paypal", walletId, userId, "EUR", { ReturnURL: RETURN });
    expect((await decide(str(refused.body.RedirectURL), "refused")).status).toBe(302);
    expect((await decide(str(canceled.body.RedirectURL), "canceled")).status).toBe(302);
    expect((await api.call("GET", `/payins/${str(refused.body.Id)}`)).body).toMatchObject({
      Status: "FAILED",
      ResultCode: "101199",
    });
    expect((await api.call("GET", `/payins/${str(canceled.body.Id)}`)).body).toMatchObject({
      Status: "FAILED",
      ResultCode: "001031",
    });
    expect(await balance(api, walletId)).toBe(0);
    expect(await eventsOf(str(refused.body.Id))).toEqual(["PAYIN_NORMAL_CREATED", "PAYIN_NORMAL_FAILED"]);
    const tx = list((await api.call("GET", `/wallets/${walletId}/transactions?Status=FAILED`)).body);
    expect(tx.map((t) => str(t.Id)).sort()).toEqual([str(refused.body.Id), str(canceled.body.Id)].sort());
  });
});

describe("app flows: no RedirectURL, the payer confirms in the app", () => {
  it("MB WAY with a Portuguese phone; the app's decision (the hosted page) settles it", async () => {
    const { userId, walletId } = await userWithWallet(api, "EUR");
    const created = await create("/payins/payment-methods/mbway", walletId, userId, "EUR", { Phone: "351#269458236" });
    expect(created.body).toMatchObject({
      PaymentType: "MBWAY",
      Status: "CREATED",
      Phone: "351#269458236",
    });
    expect(created.body.RedirectURL).toBeUndefined();
    const app = `${api.emu.url}/apm/${api.clientId}/${str(created.body.Id)}`;
    const done = await decide(app, "authorized");
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Payment authorized");
    expect(await balance(api, walletId)).toBe(900);
  });

  it("BLIK with a 6-digit code needs IpAddress and BrowserInfo, then waits for the bank app", async () => {
    const { userId, walletId } = await userWithWallet(api, "PLN");
    const missing = await create("/payins/payment-methods/blik", walletId, userId, "PLN", {
      ReturnURL: RETURN,
      Code: "777365",
    });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.errors as Json).sort()).toEqual(["BrowserInfo", "IpAddress"]);
    const created = await create("/payins/payment-methods/blik", walletId, userId, "PLN", {
      ReturnURL: RETURN,
      Code: "777365",
      IpAddress: "192.0.2.1",
      BrowserInfo: BROWSER,
    });
    expect(created.body).toMatchObject({ PaymentType: "BLIK", Status: "CREATED", Code: "777365", RedirectURL: null });
  });
});

describe("wallet tokens: Apple Pay and Google Pay succeed at once", () => {
  it("Apple Pay (both paths) SUCCEEDED; a DECLINED token FAILS 101101", async () => {
    const { userId, walletId } = await userWithWallet(api, "EUR");
    const token = { TransactionId: "061EB32181A2D9CA42AD16031B476EEBAA62A9A095AD660E2759FBA52B51A61", Network: "VISA" };
    const paid = await create("/payins/applepay/direct", walletId, userId, "EUR", {
      PaymentData: { ...token, TokenData: '{"version":"EC_v1","data":"ok"}' },
    });
    expect(paid.body).toMatchObject({ PaymentType: "APPLEPAY", ExecutionType: "DIRECT", Status: "SUCCEEDED" });
    expect(paid.body.RedirectURL).toBeUndefined();
    const declined = await create("/payins/payment-methods/applepay", walletId, userId, "EUR", {
      PaymentData: { ...token, TokenData: '{"version":"EC_v1","data":"DECLINED"}' },
    });
    expect(declined.body).toMatchObject({ Status: "FAILED", ResultCode: "101101" });
    expect(await balance(api, walletId)).toBe(900);
    expect(await eventsOf(str(paid.body.Id))).toEqual(["PAYIN_NORMAL_CREATED", "PAYIN_NORMAL_SUCCEEDED"]);
  });

  it("Google Pay needs PaymentData, SecureModeReturnURL, IpAddress and BrowserInfo", async () => {
    const { userId, walletId } = await userWithWallet(api, "EUR");
    const missing = await create("/payins/payment-methods/googlepay", walletId, userId, "EUR", {});
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.errors as Json).sort()).toEqual([
      "BrowserInfo",
      "IpAddress",
      "PaymentData",
      "SecureModeReturnURL",
    ]);
    const paid = await create("/payins/payment-methods/googlepay", walletId, userId, "EUR", {
      PaymentData: '{"signature":"MEUCIQ…","protocolVersion":"ECv2"}',
      SecureModeReturnURL: RETURN,
      IpAddress: "192.0.2.1",
      BrowserInfo: BROWSER,
    });
    expect(paid.body).toMatchObject({ PaymentType: "GOOGLE_PAY", Status: "SUCCEEDED", SecureModeNeeded: false });
    expect(await balance(api, walletId)).toBe(900);
  });
});

describe("refused input: nothing is created", () => {
  it("a currency the method does not take, a missing ReturnURL, a bad phone, another client's wallet", async () => {
    const { userId, walletId } = await userWithWallet(api, "EUR");
    const before = list((await api.call("GET", `/wallets/${walletId}/transactions`)).body).length;
    const currency = await create("/payins/payment-methods/twint", walletId, userId, "EUR", { ReturnURL: RETURN });
    expect(currency.status).toBe(400);
    expect(currency.body.errors).toEqual({
      "DebitedFunds.Currency": "TWINT does not support EUR (supported: CHF)",
    });
    const noReturn = await create("/payins/payment-methods/ideal", walletId, userId, "EUR", {});
    expect(noReturn.status).toBe(400);
    expect(noReturn.body.errors).toEqual({ ReturnURL: "The ReturnURL field is required." });
    const phone = await create("/payins/payment-methods/mbway", walletId, userId, "EUR", { Phone: "0612345678" });
    expect(phone.status).toBe(400);
    expect(Object.keys(phone.body.errors as Json)).toEqual(["Phone"]);
    const unknownWallet = await create("/payins/payment-methods/giropay", "999999999", userId, "EUR", {
      ReturnURL: RETURN,
    });
    expect(unknownWallet.status).toBe(404);
    expect(list((await api.call("GET", `/wallets/${walletId}/transactions`)).body).length).toBe(before);
  });
});

describe("PayPal tracking information (PUT /payins/{id}/trackings)", () => {
  const TRACKING = { TrackingNumber: "1Z999AA10123456784", Carrier: "UPS", NotifyBuyer: true };

  it("added to a SUCCEEDED PayPal pay-in, listed on the pay-in; a number once, several shipments", async () => {
    const { userId, walletId } = await userWithWallet(api, "EUR");
    const created = await create("/payins/payment-methods/paypal", walletId, userId, "EUR", { ReturnURL: RETURN });
    const id = str(created.body.Id);
    expect(created.body.Trackings).toBeNull();
    await decide(str(created.body.RedirectURL), "authorized");

    const first = await api.call("PUT", `/payins/${id}/trackings`, TRACKING);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ Id: id, PaymentType: "PAYPAL", Status: "SUCCEEDED", Trackings: [TRACKING] });
    const second = await api.call("PUT", `/payins/${id}/trackings`, { TrackingNumber: "JD0002", Carrier: "DHL" });
    expect(second.body.Trackings).toEqual([TRACKING, { TrackingNumber: "JD0002", Carrier: "DHL", NotifyBuyer: false }]);
    expect((await api.call("GET", `/payins/${id}`)).body.Trackings).toEqual(second.body.Trackings);

    const again = await api.call("PUT", `/payins/${id}/trackings`, { ...TRACKING, Carrier: "DHL" });
    expect(again.status).toBe(400);
    expect(again.body.Type).toBe("invalid_action");
    expect((await api.call("GET", `/payins/${id}`)).body.Trackings).toEqual(second.body.Trackings);
    // No event: MANGOPAY documents none for tracking information.
    expect(await eventsOf(id)).toEqual(["PAYIN_NORMAL_CREATED", "PAYIN_NORMAL_SUCCEEDED"]);
  });

  it("refused before the pay-in succeeded, on another payment method, with missing fields, for an unknown id", async () => {
    const { userId, walletId } = await userWithWallet(api, "EUR");
    const waiting = await create("/payins/payment-methods/paypal", walletId, userId, "EUR", { ReturnURL: RETURN });
    const notPaid = await api.call("PUT", `/payins/${str(waiting.body.Id)}/trackings`, TRACKING);
    expect(notPaid.status).toBe(400);
    expect(notPaid.body).toMatchObject({
      Type: "invalid_action",
      Message: "Tracking information can only be added to a SUCCEEDED pay-in.",
    });
    const ideal = await create("/payins/payment-methods/ideal", walletId, userId, "EUR", { ReturnURL: RETURN });
    await decide(str(ideal.body.RedirectURL), "authorized");
    const notPayPal = await api.call("PUT", `/payins/${str(ideal.body.Id)}/trackings`, TRACKING);
    expect(notPayPal.status).toBe(400);
    expect(notPayPal.body).toMatchObject({
      Type: "invalid_action",
      Message: "Tracking information can only be added to a PayPal pay-in.",
    });
    const missing = await api.call("PUT", `/payins/${str(waiting.body.Id)}/trackings`, { Carrier: "ups" });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.errors as Json).sort()).toEqual(["Carrier", "TrackingNumber"]);
    const unknown = await api.call("PUT", "/payins/999999999/trackings", TRACKING);
    expect(unknown.status).toBe(404);
    expect(unknown.body.Type).toBe("ressource_not_found");
  });
});
