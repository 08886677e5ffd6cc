/**
 * The official SDK (mangopay4-nodejs-sdk 1.68.0) on FX: Conversions.getConversionRate, createQuote,
 * getQuote, createInstantConversion, createQuotedConversion, the client-wallet variants and
 * getConversion, with their events and errors. One SDK instance per file (global axios defaults).
 */
import type Mangopay from "mangopay4-nodejs-sdk";
import type { RunningEmulator } from "@/emulator/server";
import { createSdkOwner, sdkEventTypes, startSdkEmulator, type SdkError } from "./sdk-setup";

let emu: RunningEmulator;
let api: Mangopay;
let clientId = "";
let userId = "";
let eurWallet = "";
let usdWallet = "";

beforeAll(async () => {
  ({ emu, api, clientId } = await startSdkEmulator({ seedUsers: 20 }));
  userId = await createSdkOwner(api, { FirstName: "Fx", LastName: "User", Email: "fx@example.com" });
  eurWallet = (await api.Wallets.create({ Owners: [userId], Currency: "EUR", Description: "EUR" })).Id;
  usdWallet = (await api.Wallets.create({ Owners: [userId], Currency: "USD", Description: "USD" })).Id;
  const payin = await api.PayIns.create({
    PaymentType: "BANK_WIRE",
    ExecutionType: "DIRECT",
    AuthorId: userId,
    CreditedWalletId: eurWallet,
    DeclaredDebitedFunds: { Currency: "EUR", Amount: 50_000 },
    DeclaredFees: { Currency: "EUR", Amount: 500 },
  });
  await fetch(`${emu.url}/_emulator/clients/${clientId}/payins/${payin.Id}/settle`, { method: "POST" });
});
afterAll(async () => {
  await emu.close();
});

const eventTypes = (resourceId: string) => sdkEventTypes(api, resourceId);

describe("SDK: Conversions", () => {
  it("getConversionRate", async () => {
    const rate = await api.Conversions.getConversionRate("EUR", "USD");
    expect(rate).toMatchObject({ DebitedCurrency: "EUR", CreditedCurrency: "USD" });
    expect(Number(rate.MarketRate)).toBeGreaterThan(1.07);
    expect(Number(rate.ClientRate)).toBeLessThan(Number(rate.MarketRate));
  });

  it("createInstantConversion with PERCENTAGE fees, then getConversion", async () => {
    const conversion = await api.Conversions.createInstantConversion({
      AuthorId: userId,
      DebitedWalletId: eurWallet,
      CreditedWalletId: usdWallet,
      DebitedFunds: { Currency: "EUR", Amount: 10_000 },
      CreditedFunds: { Currency: "USD" },
      Fees: { Currency: "EUR", Type: "PERCENTAGE", Value: 1 },
      Tag: "sdk instant",
    });
    expect(conversion).toMatchObject({
      Status: "SUCCEEDED",
      Type: "CONVERSION",
      Fees: { Currency: "EUR", Amount: 100 },
    });
    const rate = Number(conversion.ConversionRateResponse.MarketRate);
    expect(conversion.CreditedFunds.Amount).toBe(Math.floor(9_900 * rate));
    const read = await api.Conversions.getConversion(conversion.Id);
    expect(read.Id).toBe(conversion.Id);
    expect(await eventTypes(conversion.Id)).toEqual(["INSTANT_CONVERSION_CREATED", "INSTANT_CONVERSION_SUCCEEDED"]);
    expect((await api.Wallets.get(usdWallet)).Balance.Amount).toBe(conversion.CreditedFunds.Amount);
  });

  it("createQuote, getQuote, createQuotedConversion", async () => {
    const quote = await api.Conversions.createQuote({
      DebitedFunds: { Currency: "EUR", Amount: 2_000 },
      CreditedFunds: { Currency: "USD" },
      Duration: 120,
      UserMargin: { Type: "PERCENTAGE", Value: 1 },
    });
    expect(quote.Status).toBe("ACTIVE");
    expect(quote.MarginsResponse.User).toMatchObject({ Type: "PERCENTAGE", Value: 1, Amount: 20 });
    expect((await api.Conversions.getQuote(quote.Id)).ExpirationDate).toBe(quote.CreationDate + 120);
    const conversion = await api.Conversions.createQuotedConversion({
      QuoteId: quote.Id,
      AuthorId: userId,
      DebitedWalletId: eurWallet,
      CreditedWalletId: usdWallet,
    });
    expect(conversion).toMatchObject({ Status: "SUCCEEDED", QuoteId: quote.Id, CreditedFunds: quote.CreditedFunds });
    expect(await eventTypes(conversion.Id)).toEqual(["QUOTED_CONVERSION_CREATED", "QUOTED_CONVERSION_SUCCEEDED"]);
  });

  it("client wallets: createClientWalletsInstantConversion and createClientWalletsQuotedConversion", async () => {
    const instant = await api.Conversions.createClientWalletsInstantConversion({
      DebitedFunds: { Currency: "EUR", Amount: 100 },
      CreditedFunds: { Currency: "USD" },
      DebitedWalletType: "FEES",
      CreditedWalletType: "FEES",
    });
    expect(instant).toMatchObject({ Status: "SUCCEEDED", DebitedWalletId: "FEES_EUR", CreditedWalletId: "FEES_USD" });
    const quote = await api.Conversions.createQuote({
      DebitedFunds: { Currency: "EUR", Amount: 100 },
      CreditedFunds: { Currency: "USD" },
      Duration: 60,
    });
    const quoted = await api.Conversions.createClientWalletsQuotedConversion({
      QuoteId: quote.Id,
      DebitedWalletType: "FEES",
      CreditedWalletType: "CREDIT",
    });
    expect(quoted).toMatchObject({ Status: "SUCCEEDED", CreditedWalletId: "CREDIT_USD" });
  });

  it("errors: an unknown conversion, a foreign credited wallet", async () => {
    const unknown = (await api.Conversions.getConversion("1").catch((e: unknown) => e)) as SdkError;
    expect(unknown.Type).toBe("ressource_not_found");
    const otherUser = await api.Users.create({
      PersonType: "NATURAL",
      FirstName: "O",
      LastName: "Ther",
      Email: "o@example.com",
      TermsAndConditionsAccepted: false,
      UserCategory: "PAYER",
    });
    const otherWallet = await api.Wallets.create({ Owners: [otherUser.Id], Currency: "USD", Description: "o" });
    const foreign = (await api.Conversions.createInstantConversion({
      AuthorId: userId,
      DebitedWalletId: eurWallet,
      CreditedWalletId: otherWallet.Id,
      DebitedFunds: { Currency: "EUR", Amount: 100 },
      CreditedFunds: { Currency: "USD" },
    }).catch((e: unknown) => e)) as SdkError;
    expect(foreign.Type).toBe("author_is_not_credited_wallet_owner");
  });
});
