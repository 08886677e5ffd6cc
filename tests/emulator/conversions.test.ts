// FX over real HTTP: rates, quotes (expiry, single use), instant and quoted conversions between a
// user's wallets and between client wallets, fees (FIXED, PERCENTAGE, deprecated Amount), user margin,
// errors, events, and conversions in transaction lists.
import { eventTypesFor, fetchToken, fund, list, natural, num, SMALL_SEED, startApi, str, type Api } from "./helpers";

let api: Api;
let userId = "";
let eurWallet = "";
let gbpWallet = "";
let jpyWallet = "";

beforeAll(async () => {
  api = await startApi(SMALL_SEED);
  userId = str((await api.call("POST", "/users/natural", natural())).body.Id);
  const wallet = async (Currency: string) =>
    str((await api.call("POST", "/wallets", { Owners: [userId], Currency, Description: Currency })).body.Id);
  eurWallet = await wallet("EUR");
  gbpWallet = await wallet("GBP");
  jpyWallet = await wallet("JPY");
  await fund(api, userId, eurWallet, 100_000);
});
afterAll(async () => {
  await api.emu.close();
});

const balanceOf = async (walletId: string) => num((await api.call("GET", `/wallets/${walletId}`)).body.Balance.Amount);
const feesWallet = async (ccy: string) =>
  num((await api.call("GET", `/clients/wallets/FEES/${ccy}`)).body.Balance.Amount);

const eventsOf = (resourceId: string) => eventTypesFor(api, resourceId);

describe("conversion rates", () => {
  it("gives a market rate, a client rate below it (MANGOPAY's markup) and the rate's date", async () => {
    const res = await api.call("GET", "/conversions/rate/EUR/GBP");
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(
      ["ClientRate", "CreditedCurrency", "DebitedCurrency", "MarketRate", "MarketRateDate"].sort(),
    );
    expect(res.body).toMatchObject({ DebitedCurrency: "EUR", CreditedCurrency: "GBP" });
    const market = num(res.body.MarketRate);
    expect(market).toBeGreaterThan(0.84);
    expect(market).toBeLessThan(0.86);
    expect(num(res.body.ClientRate)).toBeCloseTo(market * 0.995, 6);
    const inverse = num((await api.call("GET", "/conversions/rate/gbp/eur")).body.MarketRate);
    expect(inverse * market).toBeCloseTo(1, 2);
  });

  it("refuses an unknown or identical currency pair", async () => {
    for (const pair of ["EUR/EUR", "EUR/XYZ"]) {
      const res = await api.call("GET", `/conversions/rate/${pair}`);
      expect(res.status).toBe(400);
      expect(res.body.Type).toBe("param_error");
    }
  });
});

describe("instant conversions between a user's wallets", () => {
  it("converts at the market rate, takes PERCENTAGE fees into FEES_EUR, emits events, lists the transaction", async () => {
    const feesBefore = await feesWallet("EUR");
    const res = await api.call("POST", "/conversions/instant-conversion", {
      AuthorId: userId,
      DebitedWalletId: eurWallet,
      CreditedWalletId: gbpWallet,
      DebitedFunds: { Currency: "EUR", Amount: 10_000 },
      CreditedFunds: { Currency: "GBP" },
      Fees: { Type: "PERCENTAGE", Value: 1.5 },
      UserMargin: { Type: "PERCENTAGE", Value: 2 },
      Tag: "fx-1",
    });
    expect(res.status).toBe(200);
    const rate = num(res.body.ConversionRateResponse.MarketRate);
    expect(res.body).toMatchObject({
      Type: "CONVERSION",
      Nature: "REGULAR",
      Status: "SUCCEEDED",
      ResultCode: "000000",
      QuoteId: null,
      AuthorId: userId,
      DebitedFunds: { Currency: "EUR", Amount: 10_000 },
      Fees: { Currency: "EUR", Amount: 150 },
      RequestedFees: { Currency: "EUR", Type: "PERCENTAGE", Value: 1.5 },
      Tag: "fx-1",
    });
    expect(res.body.CreditedFunds).toEqual({ Currency: "GBP", Amount: Math.floor(9_850 * rate) });
    expect(res.body.MarginsResponse).toMatchObject({
      Mangopay: { Type: "PERCENTAGE", Value: 0.5, Amount: 49 },
      User: { Type: "PERCENTAGE", Value: 2, Amount: 197 },
    });
    expect(await balanceOf(eurWallet)).toBe(90_000);
    expect(await balanceOf(gbpWallet)).toBe(Math.floor(9_850 * rate));
    expect((await feesWallet("EUR")) - feesBefore).toBe(150);
    expect(await eventsOf(str(res.body.Id))).toEqual(["INSTANT_CONVERSION_CREATED", "INSTANT_CONVERSION_SUCCEEDED"]);
    expect((await api.call("GET", `/conversions/${res.body.Id}`)).body.CreditedFunds).toEqual(res.body.CreditedFunds);

    for (const path of [`/users/${userId}/transactions`, `/wallets/${gbpWallet}/transactions`]) {
      const txs = list((await api.call("GET", `${path}?Type=CONVERSION`)).body);
      expect(txs.map((t) => t.Id)).toContain(res.body.Id);
      expect(txs.every((t) => str(t.Type) === "CONVERSION")).toBe(true);
    }
  });

  it("takes deprecated FIXED fees given as Amount, and converts into a currency without decimals", async () => {
    const res = await api.call("POST", "/conversions/instant-conversion", {
      AuthorId: userId,
      DebitedWalletId: eurWallet,
      CreditedWalletId: jpyWallet,
      DebitedFunds: { Currency: "EUR", Amount: 1_000 },
      CreditedFunds: { Currency: "JPY" },
      Fees: { Currency: "EUR", Amount: 100 },
    });
    expect(res.body.Status).toBe("SUCCEEDED");
    expect(res.body.Fees).toEqual({ Currency: "EUR", Amount: 100 });
    expect(res.body.RequestedFees).toEqual({ Currency: "EUR", Type: "FIXED", Value: 100 });
    // 9.00 EUR at ~162 JPY/EUR: ~1458 JPY (JPY has no minor unit).
    const rate = num(res.body.ConversionRateResponse.MarketRate);
    expect(res.body.CreditedFunds.Amount).toBe(Math.floor(9 * rate));
  });

  it("fails with 001001 when the balance is short, moving nothing", async () => {
    const res = await api.call("POST", "/conversions/instant-conversion", {
      AuthorId: userId,
      DebitedWalletId: gbpWallet,
      CreditedWalletId: eurWallet,
      DebitedFunds: { Currency: "GBP", Amount: 99_999_999 },
      CreditedFunds: { Currency: "EUR" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ Status: "FAILED", ResultCode: "001001" });
    expect(await eventsOf(str(res.body.Id))).toEqual(["INSTANT_CONVERSION_CREATED", "INSTANT_CONVERSION_FAILED"]);
  });

  it("refuses missing fields, foreign wallets, mismatched currencies and fees in another currency", async () => {
    const missing = await api.call("POST", "/conversions/instant-conversion", { AuthorId: userId });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.errors)).toEqual(
      expect.arrayContaining(["DebitedWalletId", "CreditedWalletId", "DebitedFunds.Currency"]),
    );
    const other = await api.call("POST", "/users/natural", natural({ Email: "other@example.com" }));
    const otherWallet = await api.call("POST", "/wallets", {
      Owners: [other.body.Id],
      Currency: "GBP",
      Description: "x",
    });
    const foreign = await api.call("POST", "/conversions/instant-conversion", {
      AuthorId: userId,
      DebitedWalletId: eurWallet,
      CreditedWalletId: otherWallet.body.Id,
      DebitedFunds: { Currency: "EUR", Amount: 100 },
      CreditedFunds: { Currency: "GBP" },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.Type).toBe("author_is_not_credited_wallet_owner");
    const mismatch = await api.call("POST", "/conversions/instant-conversion", {
      AuthorId: userId,
      DebitedWalletId: eurWallet,
      CreditedWalletId: gbpWallet,
      DebitedFunds: { Currency: "EUR", Amount: 100 },
      CreditedFunds: { Currency: "USD" },
    });
    expect(mismatch.body.Type).toBe("currency_incompatibility");
    const fees = await api.call("POST", "/conversions/instant-conversion", {
      AuthorId: userId,
      DebitedWalletId: eurWallet,
      CreditedWalletId: gbpWallet,
      DebitedFunds: { Currency: "EUR", Amount: 100 },
      CreditedFunds: { Currency: "GBP" },
      Fees: { Currency: "GBP", Type: "FIXED", Value: 1 },
    });
    expect(fees.body.Type).toBe("currency_incompatibility");
    expect((await api.call("GET", "/conversions/123")).status).toBe(404);
  });
});

describe("quotes and quoted conversions", () => {
  it("freezes the rate until it expires; a quoted conversion uses it once", async () => {
    const quote = await api.call("POST", "/conversions/quote", {
      DebitedFunds: { Currency: "EUR" },
      CreditedFunds: { Currency: "GBP", Amount: 5_000 },
      Duration: 300,
      Fees: { Type: "FIXED", Value: 50 },
      Tag: "q1",
    });
    expect(quote.status).toBe(200);
    expect(quote.body).toMatchObject({ Status: "ACTIVE", CreditedFunds: { Currency: "GBP" }, Fees: { Amount: 50 } });
    expect(str(quote.body.Id)).toMatch(/^quote_m_/);
    expect(num(quote.body.ExpirationDate) - num(quote.body.CreationDate)).toBe(300);
    // The debited amount is worked back from the credited one: at least 5,000 GBP minor units come out.
    expect(num(quote.body.CreditedFunds.Amount)).toBeGreaterThanOrEqual(5_000);
    expect(num(quote.body.CreditedFunds.Amount)).toBeLessThan(5_003);

    const conversion = await api.call("POST", "/conversions/quoted-conversion", {
      QuoteId: quote.body.Id,
      AuthorId: userId,
      DebitedWalletId: eurWallet,
      CreditedWalletId: gbpWallet,
    });
    expect(conversion.body).toMatchObject({
      Status: "SUCCEEDED",
      QuoteId: quote.body.Id,
      DebitedFunds: quote.body.DebitedFunds,
      CreditedFunds: quote.body.CreditedFunds,
      ConversionRateResponse: quote.body.ConversionRateResponse,
    });
    expect(await eventsOf(str(conversion.body.Id))).toEqual([
      "QUOTED_CONVERSION_CREATED",
      "QUOTED_CONVERSION_SUCCEEDED",
    ]);
    const reused = await api.call("POST", "/conversions/quoted-conversion", {
      QuoteId: quote.body.Id,
      AuthorId: userId,
      DebitedWalletId: eurWallet,
      CreditedWalletId: gbpWallet,
    });
    expect(reused.status).toBe(400);
    expect(reused.body.Type).toBe("invalid_action");

    const short = await api.call("POST", "/conversions/quote", {
      DebitedFunds: { Currency: "EUR", Amount: 1_000 },
      CreditedFunds: { Currency: "GBP" },
      Duration: 60,
    });
    await api.control("POST", "/clock", { advanceSeconds: 61 });
    api.token = await fetchToken(api.emu.url, api.clientId, api.apiKey);
    expect((await api.call("GET", `/conversions/quote/${short.body.Id}`)).body.Status).toBe("EXPIRED");
    const late = await api.call("POST", "/conversions/quoted-conversion", {
      QuoteId: short.body.Id,
      AuthorId: userId,
      DebitedWalletId: eurWallet,
      CreditedWalletId: gbpWallet,
    });
    expect(late.status).toBe(400);
    expect(late.body.Type).toBe("quote_expired");
  });

  it("refuses a Duration out of range and both amounts at once", async () => {
    const duration = await api.call("POST", "/conversions/quote", {
      DebitedFunds: { Currency: "EUR", Amount: 100 },
      CreditedFunds: { Currency: "GBP" },
      Duration: 2,
    });
    expect(duration.status).toBe(400);
    expect(duration.body.errors).toHaveProperty("Duration");
    const both = await api.call("POST", "/conversions/quote", {
      DebitedFunds: { Currency: "EUR", Amount: 100 },
      CreditedFunds: { Currency: "GBP", Amount: 100 },
      Duration: 60,
    });
    expect(both.body.errors).toHaveProperty(["CreditedFunds.Amount"]);
  });
});

describe("conversions between client wallets", () => {
  it("converts FEES_EUR into FEES_GBP instantly and against a quote", async () => {
    const feesEur = await feesWallet("EUR");
    expect(feesEur).toBeGreaterThan(300);
    const instant = await api.call("POST", "/clients/conversions/instant-conversion", {
      DebitedFunds: { Currency: "EUR", Amount: 100 },
      CreditedFunds: { Currency: "GBP" },
      DebitedWalletType: "FEES",
      CreditedWalletType: "FEES",
    });
    expect(instant.body).toMatchObject({
      Status: "SUCCEEDED",
      AuthorId: api.clientId,
      DebitedWalletId: "FEES_EUR",
      CreditedWalletId: "FEES_GBP",
    });
    const quote = await api.call("POST", "/conversions/quote", {
      DebitedFunds: { Currency: "EUR", Amount: 100 },
      CreditedFunds: { Currency: "GBP" },
      Duration: 60,
    });
    const quoted = await api.call("POST", "/clients/conversions/quoted-conversion", {
      QuoteId: quote.body.Id,
      DebitedWalletType: "FEES",
      CreditedWalletType: "CREDIT",
    });
    expect(quoted.body).toMatchObject({ Status: "SUCCEEDED", CreditedWalletId: "CREDIT_GBP" });
    expect(await feesWallet("EUR")).toBe(feesEur - 200);
    const clientTxs = list(
      (await api.call("GET", "/clients/wallets/FEES/EUR/transactions?per_page=100&Sort=CreationDate:DESC")).body,
    );
    expect(clientTxs.map((t) => t.Id)).toEqual(expect.arrayContaining([instant.body.Id, quoted.body.Id]));
    const badType = await api.call("POST", "/clients/conversions/instant-conversion", {
      DebitedFunds: { Currency: "EUR", Amount: 100 },
      CreditedFunds: { Currency: "GBP" },
      DebitedWalletType: "DEFAULT",
      CreditedWalletType: "FEES",
    });
    expect(badType.status).toBe(400);
    expect(badType.body.errors).toHaveProperty("DebitedWalletType");
  });
});
