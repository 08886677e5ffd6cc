import {
  BROWSER_INFO,
  balance,
  fund,
  list,
  registerCard,
  SMALL_SEED,
  startApi,
  str,
  userWithWallet,
  type Api,
} from "./helpers";

let api: Api;
beforeAll(async () => {
  api = await startApi(SMALL_SEED);
});
afterAll(async () => {
  await api.emu.close();
});

const eur = (Amount: number) => ({ Currency: "EUR", Amount });
const cardPayIn = (
  userId: string,
  walletId: string,
  cardId: string,
  amount: number,
  fees = 0,
  extra: Record<string, unknown> = {},
) => ({
  AuthorId: userId,
  CreditedWalletId: walletId,
  DebitedFunds: eur(amount),
  Fees: eur(fees),
  CardId: cardId,
  SecureModeReturnURL: "https://shop.example/return",
  BrowserInfo: BROWSER_INFO,
  IpAddress: "2001:db8::1",
  ...extra,
});

describe("card registrations and cards", () => {
  it("tokenizes on the emulator-served URL and validates the registration into a card", async () => {
    const { userId } = await userWithWallet(api);
    const reg = await registerCard(api, userId);
    expect(reg).toMatchObject({ Status: "VALIDATED", ResultCode: "000000", UserId: userId });
    const card = (await api.call("GET", `/cards/${reg.CardId}`)).body;
    expect(card).toMatchObject({
      Alias: "497010XXXXXX1119",
      ExpirationDate: "1230",
      CardProvider: "VISA",
      Active: true,
      Validity: "UNKNOWN",
    });
    expect(list((await api.call("GET", `/users/${userId}/cards`)).body)).toHaveLength(1);
    expect((await api.call("PUT", `/cards/${reg.CardId}`, { Active: false })).body.Active).toBe(false);
    expect((await api.call("PUT", `/cards/${reg.CardId}`, { Active: true })).status).toBe(400);
    expect(list((await api.call("GET", `/users/${userId}/cards?Active=true`)).body)).toHaveLength(0);
  });

  it("finds cards and their transactions by fingerprint", async () => {
    const a = await userWithWallet(api);
    const b = await userWithWallet(api);
    const first = await registerCard(api, a.userId, "4970101234567893");
    await registerCard(api, b.userId, "4970101234567893");
    const card = (await api.call("GET", `/cards/${first.CardId}`)).body;
    const same = list((await api.call("GET", `/cards/fingerprints/${card.Fingerprint}`)).body);
    expect(same.map((c) => str(c.UserId)).sort()).toEqual([a.userId, b.userId].sort());
    await api.call("POST", "/payins/card/direct", cardPayIn(a.userId, a.walletId, str(first.CardId), 700));
    expect(list((await api.call("GET", `/cards/fingerprints/${card.Fingerprint}/transactions`)).body)).toHaveLength(1);
  });

  it("turns a tokenizer error into an ERROR registration with the matching ResultCode", async () => {
    const { userId } = await userWithWallet(api);
    const reg = await registerCard(api, userId, "4970107111111118");
    expect(reg).toMatchObject({ Status: "ERROR", ResultCode: "105202", CardId: null });
    const created = await api.call("POST", "/cardregistrations", { Currency: "EUR" });
    expect(created.body.errors.UserId).toBeDefined();
    expect((await api.call("GET", "/cardregistrations/1")).status).toBe(404);
  });
});

describe("card direct pay-ins", () => {
  it("succeeds with the frictionless card and credits wallet and fees", async () => {
    const { userId, walletId } = await userWithWallet(api);
    const reg = await registerCard(api, userId);
    const payin = await api.call(
      "POST",
      "/payins/card/direct",
      cardPayIn(userId, walletId, str(reg.CardId), 2500, 100),
    );
    expect(payin.body).toMatchObject({
      Status: "SUCCEEDED",
      PaymentType: "CARD",
      ExecutionType: "DIRECT",
      SecureModeNeeded: false,
      CreditedFunds: eur(2400),
    });
    expect(await balance(api, walletId)).toBe(2400);
    expect((await api.call("GET", `/payins/${payin.body.Id}`)).body.CardId).toBe(reg.CardId);
    expect(list((await api.call("GET", `/cards/${reg.CardId}/transactions`)).body)).toHaveLength(1);
    expect((await api.call("GET", `/cards/${reg.CardId}`)).body.Validity).toBe("VALID");
  });

  it("fails with the refusal card as a 200 FAILED pay-in and moves no money", async () => {
    const { userId, walletId } = await userWithWallet(api);
    const reg = await registerCard(api, userId, "4970105111111113");
    const payin = await api.call("POST", "/payins/card/direct", cardPayIn(userId, walletId, str(reg.CardId), 2500));
    expect(payin.status).toBe(200);
    expect(payin.body).toMatchObject({ Status: "FAILED", ResultCode: "101101" });
    expect(await balance(api, walletId)).toBe(0);
  });

  it("requires the 3DS2 fields and validates amounts", async () => {
    const { userId, walletId } = await userWithWallet(api);
    const res = await api.call("POST", "/payins/card/direct", {
      AuthorId: userId,
      CreditedWalletId: walletId,
      DebitedFunds: { Currency: "EUR", Amount: 1.5 },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(
      expect.arrayContaining([
        "DebitedFunds.Amount",
        "Fees",
        "CardId",
        "SecureModeReturnURL",
        "BrowserInfo",
        "IpAddress",
      ]),
    );
  });

  it("completes a 3DS challenge through the emulator page", async () => {
    const { userId, walletId } = await userWithWallet(api);
    const reg = await registerCard(api, userId, "4970105181818183");
    const payin = await api.call("POST", "/payins/card/direct", cardPayIn(userId, walletId, str(reg.CardId), 1000));
    expect(payin.body).toMatchObject({ Status: "CREATED", SecureModeNeeded: true });
    const page = await fetch(str(payin.body.SecureModeRedirectURL));
    expect(await page.text()).toContain("Authenticate");
    const done = await fetch(str(payin.body.SecureModeRedirectURL), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "outcome=success",
      redirect: "manual",
    });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(`https://shop.example/return?transactionId=${payin.body.Id}`);
    expect((await api.call("GET", `/payins/${payin.body.Id}`)).body.Status).toBe("SUCCEEDED");
    expect(await balance(api, walletId)).toBe(1000);
  });

  it("refunds a card pay-in partially and fully, refusing amounts above what is left", async () => {
    const { userId, walletId } = await userWithWallet(api);
    const reg = await registerCard(api, userId);
    const payin = await api.call(
      "POST",
      "/payins/card/direct",
      cardPayIn(userId, walletId, str(reg.CardId), 10_000, 1000),
    );
    const tooMuch = await api.call("POST", `/payins/${payin.body.Id}/refunds`, {
      AuthorId: userId,
      DebitedFunds: eur(9001),
      Fees: eur(0),
    });
    expect(tooMuch.body).toMatchObject({ Status: "FAILED", ResultCode: "005403" });
    const feesTooHigh = await api.call("POST", `/payins/${payin.body.Id}/refunds`, {
      AuthorId: userId,
      DebitedFunds: eur(10),
      Fees: eur(-1001),
    });
    expect(feesTooHigh.body.ResultCode).toBe("005404");
    const partial = await api.call("POST", `/payins/${payin.body.Id}/refunds`, {
      AuthorId: userId,
      DebitedFunds: eur(4000),
      Fees: eur(0),
    });
    expect(partial.body).toMatchObject({
      Status: "SUCCEEDED",
      Type: "PAYOUT",
      Nature: "REFUND",
      InitialTransactionType: "PAYIN",
      CreditedUserId: null,
      CreditedWalletId: null,
    });
    const full = await api.call("POST", `/payins/${payin.body.Id}/refunds`, { AuthorId: userId });
    expect(full.body).toMatchObject({
      Status: "SUCCEEDED",
      DebitedFunds: eur(5000),
      Fees: eur(-1000),
      CreditedFunds: eur(6000),
    });
    expect(await balance(api, walletId)).toBe(0);
    const events = list(
      (await api.call("GET", "/events?EventType=PAYIN_REFUND_SUCCEEDED&per_page=100&Sort=Date:DESC")).body,
    );
    expect(events.map((e) => e.ResourceId)).toEqual(expect.arrayContaining([partial.body.Id, full.body.Id]));
  });
});

describe("card web pay-ins", () => {
  const web = (userId: string, walletId: string) => ({
    AuthorId: userId,
    CreditedWalletId: walletId,
    DebitedFunds: eur(1500),
    Fees: eur(100),
    ReturnURL: "https://shop.example/back",
    CardType: "CB_VISA_MASTERCARD",
    Culture: "FR",
  });

  it("redirects to the hosted page and succeeds when the payer pays", async () => {
    const { userId, walletId } = await userWithWallet(api);
    const payin = await api.call("POST", "/payins/card/web", web(userId, walletId));
    expect(payin.body).toMatchObject({
      Status: "CREATED",
      ExecutionType: "WEB",
      PaymentType: "CARD",
      ReturnURL: `https://shop.example/back?transactionId=${payin.body.Id}`,
    });
    expect(await (await fetch(str(payin.body.RedirectURL))).text()).toContain("15.00 EUR");
    const paid = await fetch(str(payin.body.RedirectURL), {
      method: "POST",
      body: new URLSearchParams({ outcome: "paid" }),
      redirect: "manual",
    });
    expect(paid.headers.get("location")).toBe(str(payin.body.ReturnURL));
    expect((await api.call("GET", `/payins/${payin.body.Id}`)).body.Status).toBe("SUCCEEDED");
    expect(await balance(api, walletId)).toBe(1400);
  });

  it("fails with 001031 when the payer cancels, and validates its fields", async () => {
    const { userId, walletId } = await userWithWallet(api);
    const payin = await api.call("POST", "/payins/card/web", web(userId, walletId));
    await fetch(str(payin.body.RedirectURL), {
      method: "POST",
      body: new URLSearchParams({ outcome: "canceled" }),
      redirect: "manual",
    });
    expect((await api.call("GET", `/payins/${payin.body.Id}`)).body).toMatchObject({
      Status: "FAILED",
      ResultCode: "001031",
    });
    const bad = await api.call("POST", "/payins/card/web", {
      AuthorId: userId,
      CreditedWalletId: walletId,
      DebitedFunds: eur(1),
      Fees: eur(0),
    });
    expect(Object.keys(bad.body.errors)).toEqual(expect.arrayContaining(["ReturnURL", "CardType", "Culture"]));
  });
});

describe("bank-wire pay-ins", () => {
  it("stays CREATED with a wire reference until the funds arrive through the control API", async () => {
    const { userId, walletId } = await userWithWallet(api);
    const payin = await api.call("POST", "/payins/bankwire/direct", {
      AuthorId: userId,
      CreditedWalletId: walletId,
      DeclaredDebitedFunds: eur(5000),
      DeclaredFees: eur(50),
    });
    // Until the funds arrive MANGOPAY shows placeholder amounts (XXX 0); the declared ones are separate.
    expect(payin.body).toMatchObject({
      Status: "CREATED",
      PaymentType: "BANK_WIRE",
      DebitedFunds: { Currency: "XXX", Amount: 0 },
      CreditedFunds: { Currency: "XXX", Amount: 0 },
      Fees: { Currency: "XXX", Amount: 0 },
      DeclaredDebitedFunds: eur(5000),
      DeclaredFees: eur(50),
    });
    expect(str(payin.body.WireReference)).toMatch(/^[A-Z0-9]{10}$/);
    expect(payin.body.BankAccount.IBAN).toBeDefined();
    expect(await balance(api, walletId)).toBe(0);
    const settled = await api.control("POST", `/clients/${api.clientId}/payins/${payin.body.Id}/settle`, {
      Amount: 4000,
    });
    expect(settled.body).toMatchObject({
      Status: "SUCCEEDED",
      DebitedFunds: eur(4000),
      CreditedFunds: eur(3950),
      Fees: eur(50),
    });
    const fees = list(
      (await api.call("GET", "/clients/wallets/FEES/EUR/transactions?per_page=100&Sort=CreationDate:DESC")).body,
    );
    expect(fees.map((t) => t.Id)).toContain(payin.body.Id);
    expect(await balance(api, walletId)).toBe(3950);
    const again = await api.control("POST", `/clients/${api.clientId}/payins/${payin.body.Id}/settle`);
    expect(again.status).toBe(400);
  });

  it("expires a bank wire as FAILED 101109", async () => {
    const { userId, walletId } = await userWithWallet(api);
    const payin = await api.call("POST", "/payins/bankwire/direct", {
      AuthorId: userId,
      CreditedWalletId: walletId,
      DeclaredDebitedFunds: eur(100),
      DeclaredFees: eur(0),
    });
    const res = await api.control("POST", `/clients/${api.clientId}/payins/${payin.body.Id}/expire`);
    expect(res.body).toMatchObject({ Status: "FAILED", ResultCode: "101109" });
  });
});

describe("preauthorizations", () => {
  it("authorizes, captures into a wallet and becomes VALIDATED", async () => {
    const { userId, walletId } = await userWithWallet(api);
    const reg = await registerCard(api, userId);
    const pre = await api.call("POST", "/preauthorizations/card/direct", {
      AuthorId: userId,
      CardId: reg.CardId,
      DebitedFunds: eur(3000),
      SecureModeReturnURL: "https://shop.example/pre",
      BrowserInfo: BROWSER_INFO,
      IpAddress: "10.0.0.1",
    });
    expect(pre.body).toMatchObject({ Status: "SUCCEEDED", PaymentStatus: "WAITING", RemainingFunds: eur(3000) });
    const over = await api.call("POST", "/payins/preauthorized/direct", {
      AuthorId: userId,
      CreditedWalletId: walletId,
      PreauthorizationId: pre.body.Id,
      DebitedFunds: eur(3001),
      Fees: eur(0),
    });
    expect(over.status).toBe(400);
    const capture = await api.call("POST", "/payins/preauthorized/direct", {
      AuthorId: userId,
      CreditedWalletId: walletId,
      PreauthorizationId: pre.body.Id,
      DebitedFunds: eur(2000),
      Fees: eur(100),
    });
    expect(capture.body).toMatchObject({
      Status: "SUCCEEDED",
      PaymentType: "PREAUTHORIZED",
      PreauthorizationId: pre.body.Id,
    });
    expect(await balance(api, walletId)).toBe(1900);
    const after = (await api.call("GET", `/preauthorizations/${pre.body.Id}`)).body;
    expect(after).toMatchObject({ PaymentStatus: "VALIDATED", PayInId: capture.body.Id });
    expect(list((await api.call("GET", `/preauthorizations/${pre.body.Id}/transactions`)).body)).toHaveLength(1);
    expect((await api.call("PUT", `/preauthorizations/${pre.body.Id}`, { PaymentStatus: "CANCELED" })).body.Type).toBe(
      "preauthorization_payment_status_can_not_be_canceled",
    );
    expect(list((await api.call("GET", `/users/${userId}/preauthorizations`)).body)).toHaveLength(1);
  });

  it("cancels a waiting preauthorization", async () => {
    const { userId } = await userWithWallet(api);
    const reg = await registerCard(api, userId);
    const pre = await api.call("POST", "/preauthorizations/card/direct", {
      AuthorId: userId,
      CardId: reg.CardId,
      DebitedFunds: eur(100),
      SecureModeReturnURL: "https://shop.example/pre",
    });
    const res = await api.call("PUT", `/preauthorizations/${pre.body.Id}`, { PaymentStatus: "CANCELED" });
    expect(res.body.PaymentStatus).toBe("CANCELED");
    expect((await api.call("GET", `/cards/${reg.CardId}/preauthorizations`)).headers.get("x-number-of-items")).toBe(
      "1",
    );
  });
});

describe("funding helper sanity", () => {
  it("funds via bank wire", async () => {
    const { userId, walletId } = await userWithWallet(api);
    await fund(api, userId, walletId, 123);
    expect(await balance(api, walletId)).toBe(123);
  });
});
