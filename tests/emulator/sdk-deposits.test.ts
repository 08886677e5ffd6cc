/**
 * The official SDK (mangopay4-nodejs-sdk 1.68.0) on deposit preauthorizations (Deposits.create, get, cancel,
 * getAllForCard, getAllForUser, getTransactions), the pay-ins from deposits
 * (createCardPreAuthorizedDepositPayIn, createDepositPreauthorizedPayInPriorToComplement,
 * createDepositPreauthorizedPayInComplement), the no-show (Deposits.update with PaymentStatus NO_SHOW_REQUESTED, then
 * the complement) and card validations (Cards.validate, getCardValidation).
 */
import type Mangopay from "mangopay4-nodejs-sdk";
import type { RunningEmulator } from "@/emulator/server";
import { sdkEventTypes, startSdkEmulator, type SdkError } from "./sdk-setup";

let emu: RunningEmulator;
let api: Mangopay;
let userId = "";
let walletId = "";
let cardId = "";

const RETURN = "https://platform.example/3ds";
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
  ({ emu, api } = await startSdkEmulator({ seedUsers: 20 }));
  const user = await api.Users.create({
    PersonType: "NATURAL",
    FirstName: "Sdk",
    LastName: "Deposit",
    Email: "deposit@example.com",
    Birthday: 188352000,
    Nationality: "FR",
    CountryOfResidence: "FR",
    TermsAndConditionsAccepted: true,
    UserCategory: "PAYER",
  });
  userId = user.Id;
  walletId = (await api.Wallets.create({ Owners: [userId], Currency: "EUR", Description: "EUR" })).Id;
  const reg = await api.CardRegistrations.create({ UserId: userId, Currency: "EUR", CardType: "CB_VISA_MASTERCARD" });
  const form = new URLSearchParams({
    data: reg.PreregistrationData,
    accessKeyRef: reg.AccessKey,
    cardNumber: "4970107111111119",
    cardExpirationDate: "1229",
    cardCvx: "123",
  });
  const token = await (await fetch(reg.CardRegistrationURL, { method: "POST", body: form })).text();
  cardId = String((await api.CardRegistrations.update({ Id: reg.Id, RegistrationData: token })).CardId);
});
afterAll(async () => {
  await emu.close();
});

const createDeposit = (amount: number) =>
  api.Deposits.create({
    AuthorId: userId,
    DebitedFunds: { Currency: "EUR", Amount: amount },
    CardId: cardId,
    SecureModeReturnURL: RETURN,
    IpAddress: "192.0.2.1",
    BrowserInfo: BROWSER,
  } as never);

describe("SDK: Deposits", () => {
  it("create, get, full capture, getTransactions, lists per card and user, cancel", async () => {
    const deposit = await createDeposit(6000);
    expect(deposit).toMatchObject({ Status: "SUCCEEDED", PaymentStatus: "WAITING", CardId: cardId });
    expect((await api.Deposits.get(deposit.Id)).Id).toBe(deposit.Id);
    const payIn = (await api.PayIns.createCardPreAuthorizedDepositPayIn({
      AuthorId: userId,
      CreditedWalletId: walletId,
      DebitedFunds: { Currency: "EUR", Amount: 6000 },
      Fees: { Currency: "EUR", Amount: 0 },
      DepositId: deposit.Id,
    } as never)) as unknown as Record<string, unknown>;
    expect(payIn).toMatchObject({ Status: "SUCCEEDED", DepositId: deposit.Id });
    expect(await api.Deposits.get(deposit.Id)).toMatchObject({ PaymentStatus: "VALIDATED" });
    const transactions = await api.Deposits.getTransactions(deposit.Id);
    expect(transactions.map((t) => t.Id)).toEqual([payIn.Id]);

    const other = await createDeposit(1000);
    const canceled = await api.Deposits.cancel(other.Id);
    expect(canceled.PaymentStatus).toBe("CANCELED");
    expect((await api.Deposits.getAllForCard(cardId)).map((d) => d.Id).sort()).toEqual([deposit.Id, other.Id].sort());
    expect((await api.Deposits.getAllForUser(userId)).length).toBe(2);
    expect((await api.Wallets.get(walletId)).Balance.Amount).toBe(6000);
  });

  it("capture prior to complement, then the complement", async () => {
    const deposit = await createDeposit(2000);
    const base = {
      AuthorId: userId,
      CreditedWalletId: walletId,
      Fees: { Currency: "EUR", Amount: 0 },
      DepositId: deposit.Id,
    };
    await api.PayIns.createDepositPreauthorizedPayInPriorToComplement({
      ...base,
      DebitedFunds: { Currency: "EUR", Amount: 2000 },
    } as never);
    expect((await api.Deposits.get(deposit.Id)).PaymentStatus).toBe("TO_BE_COMPLETED");
    await api.PayIns.createDepositPreauthorizedPayInComplement({
      ...base,
      DebitedFunds: { Currency: "EUR", Amount: 700 },
    } as never);
    const done = await api.Deposits.get(deposit.Id);
    expect(done.PaymentStatus).toBe("VALIDATED");
    expect(done.PayinsLinked.PayinComplementId).toBeTruthy();
  });
});

describe("SDK: deposit no-show", () => {
  it("NO_SHOW_REQUESTED on a waiting hold, the penalty complement ends it NO_SHOW, with its events", async () => {
    const deposit = await createDeposit(4000);
    const requested = await api.Deposits.update({ Id: deposit.Id, PaymentStatus: "NO_SHOW_REQUESTED" });
    expect(requested.PaymentStatus).toBe("NO_SHOW_REQUESTED");
    const base = { AuthorId: userId, CreditedWalletId: walletId, Fees: { Currency: "EUR", Amount: 0 } };
    const fullCapture = (await api.PayIns.createCardPreAuthorizedDepositPayIn({
      ...base,
      DebitedFunds: { Currency: "EUR", Amount: 4000 },
      DepositId: deposit.Id,
    } as never).catch((e: unknown) => e)) as SdkError;
    expect(fullCapture.Type).toBe("invalid_action");
    const before = (await api.Wallets.get(walletId)).Balance.Amount;
    const penalty = (await api.PayIns.createDepositPreauthorizedPayInComplement({
      ...base,
      DebitedFunds: { Currency: "EUR", Amount: 2500 },
      DepositId: deposit.Id,
    } as never)) as unknown as Record<string, unknown>;
    expect(penalty).toMatchObject({ Status: "SUCCEEDED", PaymentType: "PREAUTHORIZED", DepositId: deposit.Id });
    const done = await api.Deposits.get(deposit.Id);
    expect(done.PaymentStatus).toBe("NO_SHOW");
    expect(done.PayinsLinked.PayinComplementId).toBe(penalty.Id);
    expect((await api.Wallets.get(walletId)).Balance.Amount).toBe(before + 2500);
    expect(await sdkEventTypes(api, deposit.Id)).toEqual([
      "DEPOSIT_PREAUTHORIZATION_CREATED",
      "DEPOSIT_PREAUTHORIZATION_PAYMENT_WAITING",
      "DEPOSIT_PREAUTHORIZATION_PAYMENT_NO_SHOW_REQUESTED",
      "DEPOSIT_PREAUTHORIZATION_PAYMENT_NO_SHOW",
    ]);
  });

  it("refuses a no-show on a captured or canceled hold, and other requested statuses", async () => {
    const canceled = await api.Deposits.cancel((await createDeposit(1000)).Id);
    const late = (await api.Deposits.update({ Id: canceled.Id, PaymentStatus: "NO_SHOW_REQUESTED" }).catch(
      (e: unknown) => e,
    )) as SdkError;
    expect(late.Type).toBe("invalid_action");
    const other = (await api.Deposits.update({ Id: (await createDeposit(1000)).Id, PaymentStatus: "VALIDATED" }).catch(
      (e: unknown) => e,
    )) as SdkError;
    expect([other.Type, Object.keys(other.errors ?? {})]).toEqual(["param_error", ["PaymentStatus"]]);
  });
});

describe("SDK: card validations", () => {
  it("validate, getCardValidation", async () => {
    const validation = await api.Cards.validate(cardId, {
      AuthorId: userId,
      SecureModeReturnURL: RETURN,
      IpAddress: "192.0.2.1",
      BrowserInfo: BROWSER,
    } as never);
    expect(validation).toMatchObject({ Status: "SUCCEEDED", Validity: "VALID", Type: "CARD_VALIDATION" });
    expect((await api.Cards.getCardValidation(cardId, validation.Id)).Id).toBe(validation.Id);
  });
});
