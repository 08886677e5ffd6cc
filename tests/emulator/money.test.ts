import { balance, fund, idemKey, list, num, SMALL_SEED, startApi, str, userWithWallet, type Api } from "./helpers";

let api: Api;
beforeAll(async () => {
  api = await startApi(SMALL_SEED);
});
afterAll(async () => {
  await api.emu.close();
});

const eur = (Amount: number) => ({ Currency: "EUR", Amount });

describe("wallets", () => {
  it("creates, views, updates and lists wallets", async () => {
    const { userId, walletId } = await userWithWallet(api, "GBP");
    const wallet = (await api.call("GET", `/wallets/${walletId}`)).body;
    expect(wallet).toMatchObject({
      Owners: [userId],
      Currency: "GBP",
      FundsType: "DEFAULT",
      Balance: { Currency: "GBP", Amount: 0 },
    });
    expect((await api.call("PUT", `/wallets/${walletId}`, { Description: "renamed", Tag: "t" })).body.Description).toBe(
      "renamed",
    );
    const listed = await api.call("GET", `/users/${userId}/wallets`);
    expect(list(listed.body).map((w) => w.Id)).toEqual([walletId]);
  });

  it("validates wallet creation", async () => {
    const res = await api.call("POST", "/wallets", { Owners: [], Currency: "XXX" });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(expect.arrayContaining(["Owners", "Currency", "Description"]));
    expect((await api.call("POST", "/wallets", { Owners: ["404404"], Currency: "EUR", Description: "x" })).status).toBe(
      404,
    );
    expect((await api.call("GET", "/wallets/404404")).body.Type).toBe("ressource_not_found");
  });

  it("lists client wallets FEES and CREDIT per currency", async () => {
    const all = list((await api.call("GET", "/clients/wallets")).body);
    expect(all.map((w) => str(w.Id))).toEqual(
      expect.arrayContaining(["FEES_EUR", "CREDIT_EUR", "FEES_GBP", "FEES_USD"]),
    );
    const fees = list((await api.call("GET", "/clients/wallets/fees")).body);
    expect(fees.every((w) => str(w.FundsType) === "FEES")).toBe(true);
    const one = await api.call("GET", "/clients/wallets/FEES/EUR");
    expect(one.body.Id).toBe("FEES_EUR");
    expect(one.body.Owners).toBeUndefined();
    const tx = await api.call("GET", "/clients/wallets/FEES/EUR/transactions?per_page=5");
    expect(list(tx.body).every((t) => str(t.Fees.Currency) === "EUR")).toBe(true);
  });
});

describe("transfers", () => {
  it("moves money with fees into FEES_EUR and emits events", async () => {
    const a = await userWithWallet(api);
    const b = await userWithWallet(api);
    await fund(api, a.userId, a.walletId, 10_000);
    const feesBefore = num((await api.call("GET", "/clients/wallets/FEES/EUR")).body.Balance.Amount);
    const tr = await api.call("POST", "/transfers", {
      AuthorId: a.userId,
      DebitedWalletId: a.walletId,
      CreditedWalletId: b.walletId,
      DebitedFunds: eur(3000),
      Fees: eur(300),
    });
    expect(tr.body).toMatchObject({
      Status: "SUCCEEDED",
      ResultCode: "000000",
      Type: "TRANSFER",
      Nature: "REGULAR",
      CreditedFunds: eur(2700),
      CreditedUserId: b.userId,
    });
    expect(typeof tr.body.ExecutionDate).toBe("number");
    expect(await balance(api, a.walletId)).toBe(7000);
    expect(await balance(api, b.walletId)).toBe(2700);
    expect(num((await api.call("GET", "/clients/wallets/FEES/EUR")).body.Balance.Amount)).toBe(feesBefore + 300);
    expect((await api.call("GET", `/transfers/${tr.body.Id}`)).body.Id).toBe(tr.body.Id);
    const events = list(
      (
        await api.call(
          "GET",
          `/events?EventType=TRANSFER_NORMAL_CREATED,TRANSFER_NORMAL_SUCCEEDED&per_page=100&Sort=Date:DESC`,
        )
      ).body,
    );
    expect(
      events
        .filter((e) => str(e.ResourceId) === str(tr.body.Id))
        .map((e) => str(e.EventType))
        .sort(),
    ).toEqual(["TRANSFER_NORMAL_CREATED", "TRANSFER_NORMAL_SUCCEEDED"]);
  });

  it("creates a FAILED 001001 transfer above the balance (HTTP 200)", async () => {
    const a = await userWithWallet(api);
    const b = await userWithWallet(api);
    await fund(api, a.userId, a.walletId, 500);
    const tr = await api.call("POST", "/transfers", {
      AuthorId: a.userId,
      DebitedWalletId: a.walletId,
      CreditedWalletId: b.walletId,
      DebitedFunds: eur(501),
      Fees: eur(0),
    });
    expect(tr.status).toBe(200);
    expect(tr.body).toMatchObject({ Status: "FAILED", ResultCode: "001001", ExecutionDate: null });
    expect(await balance(api, a.walletId)).toBe(500);
  });

  it("refuses currency mismatches, foreign wallets and fees above the amount", async () => {
    const a = await userWithWallet(api);
    const g = await userWithWallet(api, "GBP");
    const b = await userWithWallet(api);
    const mismatch = await api.call("POST", "/transfers", {
      AuthorId: a.userId,
      DebitedWalletId: a.walletId,
      CreditedWalletId: g.walletId,
      DebitedFunds: eur(1),
      Fees: eur(0),
    });
    expect(mismatch.body.Type).toBe("currency_incompatibility");
    const foreign = await api.call("POST", "/transfers", {
      AuthorId: b.userId,
      DebitedWalletId: a.walletId,
      CreditedWalletId: b.walletId,
      DebitedFunds: eur(1),
      Fees: eur(0),
    });
    expect(foreign.body.Type).toBe("author_is_not_debited_wallet_owner");
    const fees = await api.call("POST", "/transfers", {
      AuthorId: a.userId,
      DebitedWalletId: a.walletId,
      CreditedWalletId: b.walletId,
      DebitedFunds: eur(1),
      Fees: eur(2),
    });
    expect(fees.body.errors.Fees).toBeDefined();
    const missing = await api.call("POST", "/transfers", { AuthorId: a.userId });
    expect(Object.keys(missing.body.errors)).toEqual(
      expect.arrayContaining(["DebitedWalletId", "CreditedWalletId", "DebitedFunds", "Fees"]),
    );
  });

  it("refunds a transfer partially then fully, fees given back, and refuses more", async () => {
    const a = await userWithWallet(api);
    const b = await userWithWallet(api);
    await fund(api, a.userId, a.walletId, 10_000);
    const tr = await api.call("POST", "/transfers", {
      AuthorId: a.userId,
      DebitedWalletId: a.walletId,
      CreditedWalletId: b.walletId,
      DebitedFunds: eur(4000),
      Fees: eur(400),
    });
    const partial = await api.call("POST", `/transfers/${tr.body.Id}/refunds`, {
      AuthorId: a.userId,
      DebitedFunds: eur(1000),
      Fees: eur(-100),
    });
    expect(partial.body).toMatchObject({
      Status: "SUCCEEDED",
      Nature: "REFUND",
      Type: "TRANSFER",
      InitialTransactionId: tr.body.Id,
      InitialTransactionType: "TRANSFER",
      CreditedFunds: eur(1100),
    });
    const rest = await api.call("POST", `/transfers/${tr.body.Id}/refunds`, { AuthorId: a.userId });
    expect(rest.body).toMatchObject({
      Status: "SUCCEEDED",
      DebitedFunds: eur(2600),
      Fees: eur(-300),
      CreditedFunds: eur(2900),
    });
    expect(await balance(api, a.walletId)).toBe(10_000);
    expect(await balance(api, b.walletId)).toBe(0);
    const again = await api.call("POST", `/transfers/${tr.body.Id}/refunds`, { AuthorId: a.userId });
    expect(again.body).toMatchObject({ Status: "FAILED", ResultCode: "001401" });
    const refunds = list((await api.call("GET", `/transfers/${tr.body.Id}/refunds`)).body);
    expect(refunds).toHaveLength(3);
    expect(str((await api.call("GET", `/refunds/${partial.body.Id}`)).body.Id)).toBe(str(partial.body.Id));
    expect((await api.call("GET", `/payins/${partial.body.Id}`)).status).toBe(404);
  });

  it("lists a wallet's and a user's transactions with Status/Type/Nature filters", async () => {
    const a = await userWithWallet(api);
    const b = await userWithWallet(api);
    await fund(api, a.userId, a.walletId, 1000);
    await api.call("POST", "/transfers", {
      AuthorId: a.userId,
      DebitedWalletId: a.walletId,
      CreditedWalletId: b.walletId,
      DebitedFunds: eur(100),
      Fees: eur(0),
    });
    await api.call("POST", "/transfers", {
      AuthorId: a.userId,
      DebitedWalletId: a.walletId,
      CreditedWalletId: b.walletId,
      DebitedFunds: eur(5000),
      Fees: eur(0),
    });
    const all = await api.call("GET", `/wallets/${a.walletId}/transactions`);
    expect(all.headers.get("x-number-of-items")).toBe("3");
    const failed = list((await api.call("GET", `/wallets/${a.walletId}/transactions?Status=FAILED`)).body);
    expect(failed.map((t) => t.ResultCode)).toEqual(["001001"]);
    const payins = list((await api.call("GET", `/users/${a.userId}/transactions?Type=PAYIN`)).body);
    expect(payins).toHaveLength(1);
    const multi = await api.call("GET", `/users/${a.userId}/transactions?Type=PAYIN&Type=TRANSFER&Status=SUCCEEDED`);
    expect(multi.headers.get("x-number-of-items")).toBe("2");
  });

  it("sums the e-money credited to and debited from a user's wallets per year and month", async () => {
    const a = await userWithWallet(api);
    const b = await userWithWallet(api);
    await fund(api, a.userId, a.walletId, 5000);
    await api.call("POST", "/transfers", {
      AuthorId: a.userId,
      DebitedWalletId: a.walletId,
      CreditedWalletId: b.walletId,
      DebitedFunds: eur(1200),
      Fees: eur(0),
    });
    const now = new Date();
    const year = await api.call("GET", `/users/${a.userId}/emoney/${now.getUTCFullYear()}/`);
    expect(year.body).toMatchObject({ UserId: a.userId, CreditedEMoney: eur(5000), DebitedEMoney: eur(1200) });
    const month = await api.call(
      "GET",
      `/users/${a.userId}/emoney/${now.getUTCFullYear()}/${now.getUTCMonth() + 1}?Currency=GBP`,
    );
    expect(month.body.CreditedEMoney).toEqual({ Currency: "GBP", Amount: 0 });
    expect((await api.call("GET", `/users/${a.userId}/emoney/20x1`)).status).toBe(400);
  });

  it("keeps the first response for an Idempotency-Key: replay 409, /responses returns it", async () => {
    const a = await userWithWallet(api);
    const b = await userWithWallet(api);
    await fund(api, a.userId, a.walletId, 1000);
    const key = idemKey();
    const body = {
      AuthorId: a.userId,
      DebitedWalletId: a.walletId,
      CreditedWalletId: b.walletId,
      DebitedFunds: eur(100),
      Fees: eur(0),
    };
    const first = await api.call("POST", "/transfers", body, { "Idempotency-Key": key });
    const second = await api.call("POST", "/transfers", body, { "Idempotency-Key": key });
    expect(second.status).toBe(409);
    expect(await balance(api, a.walletId)).toBe(900);
    const stored = await api.call("GET", `/responses/${key}`);
    expect(stored.body).toMatchObject({ StatusCode: "200", ContentType: "application/json; charset=utf-8" });
    expect(stored.body.Resource.Id).toBe(first.body.Id);
    expect(str(stored.body.RequestURL)).toContain("/transfers");
    expect((await api.call("GET", "/responses/unknown-key-000000000")).status).toBe(404);
  });
});
