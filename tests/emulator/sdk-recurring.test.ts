/**
 * Recurring card pay-ins through the official SDK (mangopay4-nodejs-sdk 1.68.0): createRecurringPayment,
 * getRecurringPayin, updateRecurringPayin, createRecurringPayInRegistrationCIT / MIT — and over HTTP the
 * refusals (MIT before the first CIT, pay-ins after ENDED) and the answers' conformance to the SDK typings.
 */
import type Mangopay from "mangopay4-nodejs-sdk";
import { balance, BROWSER_INFO, registerCard, SMALL_SEED, startApi, str, userWithWallet, type Api } from "./helpers";
import { sdkFor } from "./sdk-setup";

let api: Api;
let sdk: Mangopay;

beforeAll(async () => {
  api = await startApi(SMALL_SEED);
  sdk = sdkFor(api);
});
afterAll(async () => {
  await api.emu.close();
});

const RETURN = "https://platform.example/3ds";

async function setup(cardNumber?: string) {
  const { userId, walletId } = await userWithWallet(api);
  const card = await registerCard(api, userId, cardNumber);
  return { userId, walletId, cardId: str(card.CardId) };
}

describe("recurring registrations and pay-ins", () => {
  it("SDK: register, first CIT, then MITs at the next amount; state sums them; ENDED stops them", async () => {
    const { userId, walletId, cardId } = await setup();
    const reg = (await sdk.PayIns.createRecurringPayment({
      AuthorId: userId,
      CardId: cardId,
      CreditedWalletId: walletId,
      FirstTransactionDebitedFunds: { Currency: "EUR", Amount: 1000 },
      FirstTransactionFees: { Currency: "EUR", Amount: 100 },
      NextTransactionDebitedFunds: { Currency: "EUR", Amount: 500 },
      NextTransactionFees: { Currency: "EUR", Amount: 50 },
      Frequency: "Monthly",
      FixedNextAmount: true,
    } as never)) as unknown as Record<string, unknown>;
    expect(reg).toMatchObject({ Status: "CREATED", RecurringType: "CUSTOM", Frequency: "Monthly", CycleNumber: 0 });
    const id = String(reg.Id);

    const mitTooEarly = await api.call("POST", "/payins/recurring/card/direct", { RecurringPayinRegistrationId: id });
    expect(mitTooEarly.status).toBe(400);

    const cit = (await sdk.PayIns.createRecurringPayInRegistrationCIT({
      RecurringPayinRegistrationId: id,
      BrowserInfo: BROWSER_INFO,
      IpAddress: "192.0.2.1",
      SecureModeReturnURL: RETURN,
    } as never)) as unknown as Record<string, unknown>;
    expect(cit).toMatchObject({
      Status: "SUCCEEDED",
      RecurringPayinRegistrationId: id,
      DebitedFunds: { Amount: 1000 },
      CardId: cardId,
    });
    const mit = (await sdk.PayIns.createRecurringPayInRegistrationMIT({
      RecurringPayinRegistrationId: id,
    } as never)) as unknown as Record<string, unknown>;
    expect(mit).toMatchObject({ Status: "SUCCEEDED", DebitedFunds: { Amount: 500 }, Fees: { Amount: 50 } });
    expect(await balance(api, walletId)).toBe(900 + 450);

    const state = (await sdk.PayIns.getRecurringPayin(id)) as unknown as Record<string, unknown>;
    expect(state).toMatchObject({
      Status: "IN_PROGRESS",
      CycleNumber: 2,
      CurrentState: {
        PayinsLinked: 2,
        CumulatedDebitedAmount: { Currency: "EUR", Amount: 1500 },
        CumulatedFeesAmount: { Currency: "EUR", Amount: 150 },
        LastPayinId: String(mit.Id),
      },
    });
    const ended = (await sdk.PayIns.updateRecurringPayin(id, { Status: "ENDED" } as never)) as unknown as Record<
      string,
      unknown
    >;
    expect(ended.Status).toBe("ENDED");
    const after = await api.call("POST", "/payins/recurring/card/direct", { RecurringPayinRegistrationId: id });
    expect(after.status).toBe(400);
    expect(await balance(api, walletId)).toBe(1350);
  });

  it("a refused card fails the CIT (101101) and the registration stays CREATED; bad input is a 400", async () => {
    const { userId, walletId, cardId } = await setup("4970105111111113");
    const reg = await api.call("POST", "/recurringpayinregistrations", {
      AuthorId: userId,
      CardId: cardId,
      CreditedWalletId: walletId,
      FirstTransactionDebitedFunds: { Currency: "EUR", Amount: 1000 },
      FirstTransactionFees: { Currency: "EUR", Amount: 0 },
    });
    expect(reg.body).toMatchObject({ RecurringType: "CLASSIC_SUBSCRIPTION", PaymentType: "CARD_DIRECT" });
    const cit = await api.call("POST", "/payins/recurring/card/direct", {
      RecurringPayinRegistrationId: str(reg.body.Id),
      BrowserInfo: BROWSER_INFO,
      IpAddress: "192.0.2.1",
      SecureModeReturnURL: RETURN,
    });
    expect(cit.body).toMatchObject({ Status: "FAILED", ResultCode: "101101" });
    expect((await api.call("GET", `/recurringpayinregistrations/${str(reg.body.Id)}`)).body.Status).toBe("CREATED");

    const bad = await api.call("POST", "/recurringpayinregistrations", {
      AuthorId: userId,
      CardId: cardId,
      CreditedWalletId: walletId,
      FirstTransactionDebitedFunds: { Currency: "EUR", Amount: 1000 },
      Frequency: "Hourly",
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(["FirstTransactionFees", "Frequency"]);
    const halfCit = await api.call("POST", "/payins/recurring/card/direct", {
      RecurringPayinRegistrationId: str(reg.body.Id),
      IpAddress: "192.0.2.1",
    });
    expect(Object.keys(halfCit.body.errors).sort()).toEqual(["BrowserInfo", "SecureModeReturnURL"]);
    const other = await userWithWallet(api);
    const foreignCard = await api.call("POST", "/recurringpayinregistrations", {
      AuthorId: other.userId,
      CardId: cardId,
      CreditedWalletId: other.walletId,
      FirstTransactionDebitedFunds: { Currency: "EUR", Amount: 1000 },
      FirstTransactionFees: { Currency: "EUR", Amount: 0 },
    });
    expect(foreignCard.status).toBe(400);
    expect((await api.call("GET", "/recurringpayinregistrations/999999999")).status).toBe(404);
  });
});
