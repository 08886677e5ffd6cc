/**
 * The official SDK (mangopay4-nodejs-sdk 1.68.0) on the rest of the pay-in surface: Bizum (PayIns.create with
 * PaymentType BIZUM, by phone or redirect), PayPal data collection (PayIns.createPayPalDataCollection,
 * getPayPalDataCollection, Acquiring.createPayPalDataCollection), recurring PayPal (createRecurringPayment with
 * PaymentType PAYPAL, createRecurringPayPalPayInCIT / MIT) and the acquiring-only service (Acquiring.createPayIn for
 * card, iDEAL, Apple Pay, Google Pay and PayPal, createPayInRefund, createCardValidation). Each answer is also
 * checked against the SDK's typings (conformance-kinds.ts).
 */
import type Mangopay from "mangopay4-nodejs-sdk";
import type { RunningEmulator } from "@/emulator/server";
import { checkAnswer, summarize } from "./conformance-kinds";
import { sdkEventTypes, startSdkEmulator, type SdkError } from "./sdk-setup";

let emu: RunningEmulator;
let api: Mangopay;
let clientId = "";
let userId = "";
let walletId = "";
let cardId = "";
let challengeCardId = "";

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
const LINE_ITEMS = [{ Name: "Monthly box", Quantity: 1, UnitAmount: 1500, TaxAmount: 0, Description: "box" }];
const eur = (Amount: number) => ({ Currency: "EUR", Amount });
// The SDK's typings are stricter or looser than the API in places; bodies are sent as the docs show them.
type Loose = Record<string, unknown>;
const loose = (value: unknown) => value as Loose;

async function registerCard(number: string): Promise<string> {
  const reg = await api.CardRegistrations.create({ UserId: userId, Currency: "EUR", CardType: "CB_VISA_MASTERCARD" });
  const form = new URLSearchParams({
    data: reg.PreregistrationData,
    accessKeyRef: reg.AccessKey,
    cardNumber: number,
    cardExpirationDate: "1229",
    cardCvx: "123",
  });
  const token = await (await fetch(reg.CardRegistrationURL, { method: "POST", body: form })).text();
  return String((await api.CardRegistrations.update({ Id: reg.Id, RegistrationData: token })).CardId);
}

/** The payer's decision on the hosted page; the Location it sends the browser to. */
async function decide(url: unknown, outcome: "authorized" | "refused" | "success"): Promise<string | null> {
  const res = await fetch(String(url), { method: "POST", body: `outcome=${outcome}`, redirect: "manual" });
  return res.headers.get("location");
}

function expectConformant(method: string, path: string, body: unknown): void {
  expect(summarize(checkAnswer(method, path, body))).toEqual([]);
}

const sdkError = (promise: Promise<unknown>) => promise.then(() => null).catch((e: unknown) => e as SdkError);

beforeAll(async () => {
  ({ emu, api, clientId } = await startSdkEmulator({ seedUsers: 20 }));
  const user = await api.Users.create({
    PersonType: "NATURAL",
    FirstName: "Sdk",
    LastName: "Acquiring",
    Email: "acquiring@example.com",
    Birthday: 188352000,
    Nationality: "ES",
    CountryOfResidence: "ES",
    TermsAndConditionsAccepted: true,
    UserCategory: "PAYER",
  });
  userId = user.Id;
  walletId = (await api.Wallets.create({ Owners: [userId], Currency: "EUR", Description: "EUR" })).Id;
  cardId = await registerCard("4970107111111119");
  challengeCardId = await registerCard("4970105181818183");
});
afterAll(async () => {
  await emu.close();
});

describe("SDK: Bizum pay-ins", () => {
  const bizum = (fields: Loose) =>
    api.PayIns.create({
      PaymentType: "BIZUM",
      ExecutionType: "WEB",
      AuthorId: userId,
      CreditedWalletId: walletId,
      DebitedFunds: eur(500),
      Fees: eur(0),
      StatementDescriptor: "Example123",
      Tag: "bizum",
      ...fields,
    } as never) as unknown as Promise<Loose>;

  it("by phone: no RedirectURL, ReturnURL ignored, confirmed in the banking app", async () => {
    const payIn = await bizum({ Phone: "+34700000000", ReturnURL: RETURN });
    expect(payIn).toMatchObject({
      PaymentType: "BIZUM",
      ExecutionType: "WEB",
      Status: "CREATED",
      Phone: "+34700000000",
      RedirectURL: null,
      ReturnURL: null,
    });
    expectConformant("POST", "/payins/payment-methods/bizum", payIn);
    await decide(`${emu.url}/apm/${encodeURIComponent(clientId)}/${String(payIn.Id)}`, "authorized");
    const paid = loose(await api.PayIns.get(String(payIn.Id)));
    expect(paid).toMatchObject({ Status: "SUCCEEDED", ResultCode: "000000" });
    expectConformant("GET", `/payins/${String(payIn.Id)}`, paid);
    expect(await sdkEventTypes(api, String(payIn.Id))).toEqual(["PAYIN_NORMAL_CREATED", "PAYIN_NORMAL_SUCCEEDED"]);
  });

  it("by redirect: RedirectURL to the hosted page, back to ReturnURL", async () => {
    const payIn = await bizum({ ReturnURL: RETURN });
    expect(payIn.RedirectURL).toEqual(expect.stringContaining("/apm/"));
    expect(payIn.ReturnURL).toBe(`${RETURN}?transactionId=${String(payIn.Id)}`);
    expect(await decide(payIn.RedirectURL, "refused")).toBe(`${RETURN}?transactionId=${String(payIn.Id)}`);
    expect(loose(await api.PayIns.get(String(payIn.Id)))).toMatchObject({ Status: "FAILED", ResultCode: "101199" });
  });

  it("refuses a body with neither Phone nor ReturnURL, a bad phone number and a non-EUR currency", async () => {
    const none = await sdkError(bizum({}));
    expect(none?.Type).toBe("param_error");
    expect(none?.errors).toHaveProperty("ReturnURL");
    const phone = await sdkError(bizum({ Phone: "0700000000" }));
    expect(phone?.errors).toHaveProperty("Phone");
    const gbpWallet = (await api.Wallets.create({ Owners: [userId], Currency: "GBP", Description: "GBP" })).Id;
    const gbp = await sdkError(
      bizum({ Phone: "+34700000000", CreditedWalletId: gbpWallet, DebitedFunds: { Currency: "GBP", Amount: 500 } }),
    );
    expect(gbp?.errors).toHaveProperty(["DebitedFunds.Currency"]);
  });
});

describe("SDK: PayPal data collection", () => {
  const DATA = {
    sender_account_id: "A12345N343",
    sender_first_name: "Jane",
    sender_last_name: "Doe",
    sender_email: "jane.doe@sample.com",
    sender_country_code: "FR",
    txn_count_total: "34",
    transaction_is_tangible: "0",
  };

  it("create, get (both paths), and a PayPal pay-in carrying its DataCollectionId", async () => {
    // The SDK writes into the object it is given: send a copy.
    const created = (await api.PayIns.createPayPalDataCollection({ ...DATA })) as Loose;
    expect(created.dataCollectionId).toMatch(/^[0-9a-f-]{36}$/);
    const read = (await api.PayIns.getPayPalDataCollection(String(created.dataCollectionId))) as Loose;
    expect(read).toMatchObject({ ...DATA, dataCollectionId: created.dataCollectionId });
    const viaAcquiring = (await api.Acquiring.createPayPalDataCollection({ sender_first_name: "Ana" })) as Loose;
    expect(viaAcquiring.dataCollectionId).not.toBe(created.dataCollectionId);

    const payIn = loose(
      await api.PayIns.createPayPal({
        AuthorId: userId,
        CreditedWalletId: walletId,
        DebitedFunds: eur(1500),
        Fees: eur(0),
        ReturnURL: RETURN,
        LineItems: LINE_ITEMS,
        DataCollectionId: created.dataCollectionId,
      } as never),
    );
    expect(payIn).toMatchObject({ PaymentType: "PAYPAL", Status: "CREATED" });
  });

  it("answers 404 for an unknown id and 400 for unknown fields or an unknown DataCollectionId", async () => {
    const missing = await sdkError(api.PayIns.getPayPalDataCollection("00000000-0000-4000-8000-999999999999"));
    expect(missing?.Type).toBe("ressource_not_found");
    const unknown = await sdkError(api.PayIns.createPayPalDataCollection({ favourite_colour: "blue" }));
    expect(unknown?.errors).toHaveProperty("favourite_colour");
    const payIn = await sdkError(
      api.PayIns.createPayPal({
        AuthorId: userId,
        CreditedWalletId: walletId,
        DebitedFunds: eur(1500),
        Fees: eur(0),
        ReturnURL: RETURN,
        LineItems: LINE_ITEMS,
        DataCollectionId: "no-such-collection",
      } as never),
    );
    expect(payIn?.errors).toHaveProperty("DataCollectionId");
  });
});

describe("SDK: PayPal tracking information", () => {
  it("addPayPalTrackingInformation on a paid PayPal pay-in: the pay-in with its Trackings; refusals", async () => {
    const payIn = loose(
      await api.PayIns.createPayPal({
        AuthorId: userId,
        CreditedWalletId: walletId,
        DebitedFunds: eur(2500),
        Fees: eur(0),
        ReturnURL: RETURN,
        LineItems: LINE_ITEMS,
      } as never),
    );
    const id = String(payIn.Id);
    const tracking = { TrackingNumber: "FR123456789", Carrier: "FR_COLISSIMO", NotifyBuyer: false };
    const early = await sdkError(api.PayIns.addPayPalTrackingInformation(id, { ...tracking }));
    expect(early).toMatchObject({ Type: "invalid_action" });

    await decide(payIn.RedirectURL, "authorized");
    const tracked = loose(await api.PayIns.addPayPalTrackingInformation(id, { ...tracking }));
    expect(tracked).toMatchObject({ Id: id, PaymentType: "PAYPAL", Status: "SUCCEEDED", Trackings: [tracking] });
    expectConformant("PUT", `/payins/${id}/trackings`, tracked);
    expect(loose(await api.PayIns.get(id)).Trackings).toEqual([tracking]);

    const twice = await sdkError(api.PayIns.addPayPalTrackingInformation(id, { ...tracking, NotifyBuyer: true }));
    expect(twice).toMatchObject({ Type: "invalid_action" });
    const noCarrier = await sdkError(api.PayIns.addPayPalTrackingInformation(id, { TrackingNumber: "FR2" } as never));
    expect(noCarrier?.Type).toBe("param_error");
    expect(Object.keys(noCarrier?.errors ?? {})).toEqual(["Carrier"]);
    const unknown = await sdkError(api.PayIns.addPayPalTrackingInformation("999999999", { ...tracking }));
    expect(unknown?.Type).toBe("ressource_not_found");
  });
});

describe("SDK: recurring PayPal pay-ins", () => {
  it("registration PAYPAL → CIT on PayPal's page (AUTHENTICATION_NEEDED) → IN_PROGRESS → MIT at once → ENDED", async () => {
    const registration = loose(
      await api.PayIns.createRecurringPayment({
        AuthorId: userId,
        CreditedWalletId: walletId,
        FirstTransactionDebitedFunds: eur(1500),
        FirstTransactionFees: eur(100),
        NextTransactionDebitedFunds: eur(1200),
        NextTransactionFees: eur(50),
        Frequency: "Monthly",
        PaymentType: "PAYPAL",
      } as never),
    );
    expect(registration).toMatchObject({ Status: "CREATED", PaymentType: "PAYPAL", CardId: null });
    expectConformant("POST", "/recurringpayinregistrations", registration);
    const regId = String(registration.Id);

    const cit = loose(
      await api.PayIns.createRecurringPayPalPayInCIT({
        RecurringPayinRegistrationId: regId,
        ReturnURL: RETURN,
        CancelURL: "https://platform.example/cancel",
        LineItems: LINE_ITEMS,
        ShippingPreference: "NO_SHIPPING",
        Reference: "sub-1",
        StatementDescriptor: "Box",
      } as never),
    );
    expect(cit).toMatchObject({
      PaymentType: "PAYPAL",
      ExecutionType: "WEB",
      Status: "CREATED",
      RecurringPayinRegistrationId: regId,
      DebitedFunds: eur(1500),
      Fees: eur(100),
      Reference: "sub-1",
    });
    expectConformant("POST", "/payins/payment-methods/paypal/recurring", cit);
    expect(loose(await api.PayIns.getRecurringPayin(regId)).Status).toBe("AUTHENTICATION_NEEDED");

    expect(await decide(cit.RedirectURL, "authorized")).toBe(`${RETURN}?transactionId=${String(cit.Id)}`);
    const started = loose(await api.PayIns.getRecurringPayin(regId));
    expect(started).toMatchObject({ Status: "IN_PROGRESS", CycleNumber: 1 });

    const mit = loose(
      await api.PayIns.createRecurringPayPalPayInMIT({
        RecurringPayinRegistrationId: regId,
        ReturnURL: RETURN,
        LineItems: LINE_ITEMS,
      } as never),
    );
    expect(mit).toMatchObject({ Status: "SUCCEEDED", DebitedFunds: eur(1200), Fees: eur(50), RedirectURL: null });
    expect(await sdkEventTypes(api, String(mit.Id))).toEqual(["PAYIN_NORMAL_CREATED", "PAYIN_NORMAL_SUCCEEDED"]);
    const current = loose(await api.PayIns.getRecurringPayin(regId));
    expect(current.CurrentState).toMatchObject({ PayinsLinked: 2, CumulatedDebitedAmount: eur(2700) });
    expect((await api.Wallets.get(walletId)).Balance.Amount).toBeGreaterThanOrEqual(1400 + 1150);

    const ended = loose(await api.PayIns.updateRecurringPayin(regId, { Status: "ENDED" } as never));
    expect(ended.Status).toBe("ENDED");
    const afterEnd = await sdkError(
      api.PayIns.createRecurringPayPalPayInMIT({ RecurringPayinRegistrationId: regId, ReturnURL: RETURN } as never),
    );
    expect(afterEnd?.Type).toBe("invalid_action");
  });

  it("refuses a second live PayPal registration, a CardId, a CIT without ReturnURL and the card endpoint", async () => {
    const body = {
      AuthorId: userId,
      CreditedWalletId: walletId,
      FirstTransactionDebitedFunds: eur(900),
      FirstTransactionFees: eur(0),
      PaymentType: "PAYPAL",
    };
    const withCard = await sdkError(api.PayIns.createRecurringPayment({ ...body, CardId: cardId } as never));
    expect(withCard?.errors).toHaveProperty("CardId");
    const registration = loose(await api.PayIns.createRecurringPayment(body as never));
    const second = await sdkError(api.PayIns.createRecurringPayment(body as never));
    expect(second?.Type).toBe("invalid_action");
    const noReturn = await sdkError(
      api.PayIns.createRecurringPayPalPayInCIT({
        RecurringPayinRegistrationId: registration.Id,
        LineItems: LINE_ITEMS,
      } as never),
    );
    expect(noReturn?.errors).toHaveProperty("ReturnURL");
    const onCardRoute = await sdkError(
      api.PayIns.createRecurringPayInRegistrationMIT({ RecurringPayinRegistrationId: registration.Id } as never),
    );
    expect(onCardRoute?.Type).toBe("invalid_action");
  });
});

describe("SDK: acquiring-only pay-ins", () => {
  const card = (id: string) => ({
    PaymentType: "CARD",
    ExecutionType: "DIRECT",
    DebitedFunds: eur(2500),
    CardId: id,
    SecureMode: "DEFAULT",
    SecureModeReturnURL: RETURN,
    IpAddress: "192.0.2.1",
    BrowserInfo: BROWSER,
  });

  it("card direct: SUCCEEDED with no wallet credited, refunds up to the amount, events", async () => {
    const before = (await api.Wallets.get(walletId)).Balance.Amount;
    const payIn = loose(await api.Acquiring.createPayIn(card(cardId) as never));
    expect(payIn).toMatchObject({ PaymentType: "CARD", ExecutionType: "DIRECT", Status: "SUCCEEDED", CardId: cardId });
    expect(payIn).not.toHaveProperty("CreditedWalletId");
    expect(payIn).not.toHaveProperty("AuthorId");
    expectConformant("POST", "/acquiring/payins/card/direct", payIn);
    expect((await api.Wallets.get(walletId)).Balance.Amount).toBe(before);
    expect(await sdkEventTypes(api, String(payIn.Id))).toEqual(["PAYIN_NORMAL_CREATED", "PAYIN_NORMAL_SUCCEEDED"]);

    const refund = loose(await api.Acquiring.createPayInRefund(String(payIn.Id), { DebitedFunds: eur(1000) } as never));
    expect(refund).toMatchObject({
      Status: "SUCCEEDED",
      Nature: "REFUND",
      InitialTransactionId: payIn.Id,
      InitialTransactionType: "PAYIN",
      DebitedFunds: eur(1000),
    });
    expectConformant("POST", `/acquiring/payins/${String(payIn.Id)}/refunds`, refund);
    const tooMuch = await sdkError(
      api.Acquiring.createPayInRefund(String(payIn.Id), { DebitedFunds: eur(2000) } as never),
    );
    expect(tooMuch?.errors).toHaveProperty(["DebitedFunds.Amount"]);
    const rest = loose(await api.Acquiring.createPayInRefund(String(payIn.Id), {} as never));
    expect(rest.DebitedFunds).toEqual(eur(1500));
    expect((await sdkError(api.Acquiring.createPayInRefund(String(payIn.Id), {} as never)))?.Type).toBe(
      "invalid_action",
    );
  });

  it("card direct with 3DS: CREATED until the payer authenticates", async () => {
    const payIn = loose(await api.Acquiring.createPayIn(card(challengeCardId) as never));
    expect(payIn).toMatchObject({ Status: "CREATED", SecureModeNeeded: true });
    expect(await decide(payIn.SecureModeRedirectURL, "success")).toBe(`${RETURN}?transactionId=${String(payIn.Id)}`);
    expect(await sdkEventTypes(api, String(payIn.Id))).toEqual(["PAYIN_NORMAL_CREATED", "PAYIN_NORMAL_SUCCEEDED"]);
  });

  it("iDEAL and PayPal redirect, Apple Pay and Google Pay resolve at once", async () => {
    const ideal = loose(
      await api.Acquiring.createPayIn({
        PaymentType: "IDEAL",
        ExecutionType: "WEB",
        DebitedFunds: eur(100),
        ReturnURL: RETURN,
      } as never),
    );
    expect(ideal).toMatchObject({ PaymentType: "IDEAL", Status: "CREATED" });
    expectConformant("POST", "/acquiring/payins/payment-methods/ideal", ideal);
    expect(await decide(ideal.RedirectURL, "refused")).toBe(`${RETURN}?transactionId=${String(ideal.Id)}`);
    expect(await sdkEventTypes(api, String(ideal.Id))).toEqual(["PAYIN_NORMAL_CREATED", "PAYIN_NORMAL_FAILED"]);

    const paypal = loose(
      await api.Acquiring.createPayIn({
        PaymentType: "PAYPAL",
        ExecutionType: "WEB",
        DebitedFunds: eur(100),
        ReturnURL: RETURN,
        LineItems: LINE_ITEMS,
      } as never),
    );
    expect(paypal).toMatchObject({ PaymentType: "PAYPAL", Status: "CREATED", PaypalOrderID: expect.any(String) });
    expectConformant("POST", "/acquiring/payins/payment-methods/paypal", paypal);

    const apple = loose(
      await api.Acquiring.createPayIn({
        PaymentType: "APPLEPAY",
        ExecutionType: "DIRECT",
        DebitedFunds: eur(100),
        PaymentData: { TransactionId: "t-1", Network: "VISA", TokenData: "ok" },
      } as never),
    );
    expect(apple).toMatchObject({ PaymentType: "APPLEPAY", Status: "SUCCEEDED" });
    expectConformant("POST", "/acquiring/payins/payment-methods/applepay", apple);

    const google = loose(
      await api.Acquiring.createPayIn({
        PaymentType: "GOOGLE_PAY",
        ExecutionType: "DIRECT",
        DebitedFunds: eur(100),
        PaymentData: "DECLINED-token",
        SecureModeReturnURL: RETURN,
        IpAddress: "192.0.2.1",
        BrowserInfo: BROWSER,
      } as never),
    );
    expect(google).toMatchObject({ PaymentType: "GOOGLE_PAY", Status: "FAILED", ResultCode: "101101" });
    expectConformant("POST", "/acquiring/payins/payment-methods/googlepay", google);
  });

  it("card validation through the acquiring path; field errors and unknown ids", async () => {
    const validation = loose(
      await api.Acquiring.createCardValidation(cardId, {
        SecureModeReturnURL: RETURN,
        IpAddress: "192.0.2.1",
        BrowserInfo: BROWSER,
      } as never),
    );
    expect(validation).toMatchObject({ Status: "SUCCEEDED", Validity: "VALID", Type: "CARD_VALIDATION" });
    expectConformant("POST", `/acquiring/cards/${cardId}/validation`, validation);

    const noCard = await sdkError(api.Acquiring.createPayIn({ ...card(cardId), CardId: undefined } as never));
    expect(noCard?.errors).toHaveProperty("CardId");
    const unknownCard = await sdkError(api.Acquiring.createPayIn(card("999999999") as never));
    expect(unknownCard?.Type).toBe("ressource_not_found");
    const unknownPayIn = await sdkError(api.Acquiring.createPayInRefund("999999999", {} as never));
    expect(unknownPayIn?.Type).toBe("ressource_not_found");
  });
});
