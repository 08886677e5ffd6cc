import { balance, fund, list, natural, SMALL_SEED, startApi, str, userWithWallet, type Api } from "./helpers";

let api: Api;
beforeAll(async () => {
  api = await startApi({ ...SMALL_SEED, delays: { payoutMs: 50, directDebitMs: null, mandateMs: null } });
});
afterAll(async () => {
  await api.emu.close();
});

const eur = (Amount: number) => ({ Currency: "EUR", Amount });
const address = { AddressLine1: "1 Rue de la Paix", City: "Paris", PostalCode: "75002", Country: "FR" };
const iban = (over: Record<string, unknown> = {}) => ({
  OwnerName: "Ada Lovelace",
  OwnerAddress: address,
  IBAN: "FR7630004000031234567890143",
  BIC: "BNPAFRPP",
  ...over,
});
const waitFor = async (check: () => Promise<boolean>, ms = 2000): Promise<void> => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("condition not met in time");
};

describe("bank accounts", () => {
  it("creates IBAN, GB, US, CA and OTHER accounts", async () => {
    const { userId } = await userWithWallet(api);
    const bodies: Record<string, Record<string, unknown>> = {
      iban: iban(),
      gb: { OwnerName: "A", OwnerAddress: address, AccountNumber: "55779911", SortCode: "200000" },
      us: {
        OwnerName: "A",
        OwnerAddress: address,
        AccountNumber: "11696419",
        ABA: "071000288",
        DepositAccountType: "CHECKING",
      },
      ca: {
        OwnerName: "A",
        OwnerAddress: address,
        AccountNumber: "11696419",
        InstitutionNumber: "614",
        BranchCode: "00152",
        BankName: "The Big Bank",
      },
      other: { OwnerName: "A", OwnerAddress: address, AccountNumber: "11696419999", BIC: "CRLYFRPP", Country: "FR" },
    };
    for (const [type, body] of Object.entries(bodies)) {
      const res = await api.call("POST", `/users/${userId}/bankaccounts/${type}`, body);
      expect(res.status).toBe(200);
      expect(res.body.Type).toBe(type.toUpperCase());
    }
    const listed = await api.call("GET", `/users/${userId}/bankaccounts?Sort=CreationDate:DESC`);
    expect(listed.headers.get("x-number-of-items")).toBe("5");
    expect(list(listed.body)[0].Type).toBe("OTHER");
  });

  it("validates IBANs and deactivates irreversibly", async () => {
    const { userId } = await userWithWallet(api);
    const bad = await api.call(
      "POST",
      `/users/${userId}/bankaccounts/iban`,
      iban({ IBAN: "FR7630004000031234567890144", OwnerAddress: undefined }),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(expect.arrayContaining(["IBAN", "OwnerAddress"]));
    const ok = await api.call("POST", `/users/${userId}/bankaccounts/iban`, iban());
    const off = await api.call("PUT", `/users/${userId}/bankaccounts/${ok.body.Id}`, { Active: false });
    expect(off.body.Active).toBe(false);
    expect((await api.call("PUT", `/users/${userId}/bankaccounts/${ok.body.Id}`, { Active: true })).status).toBe(400);
    expect(list((await api.call("GET", `/users/${userId}/bankaccounts?Active=false`)).body)).toHaveLength(1);
    expect((await api.call("GET", `/users/${userId}/bankaccounts/404`)).status).toBe(404);
  });
});

describe("payouts", () => {
  it("reserves funds at CREATED and succeeds asynchronously", async () => {
    const { userId, walletId } = await userWithWallet(api);
    await fund(api, userId, walletId, 10_000);
    const account = await api.call("POST", `/users/${userId}/bankaccounts/iban`, iban());
    const payout = await api.call("POST", "/payouts/bankwire", {
      AuthorId: userId,
      DebitedWalletId: walletId,
      DebitedFunds: eur(6000),
      Fees: eur(100),
      BankAccountId: account.body.Id,
      BankWireRef: "INV-1",
    });
    expect(payout.body).toMatchObject({
      Status: "CREATED",
      Type: "PAYOUT",
      PaymentType: "BANK_WIRE",
      CreditedFunds: eur(5900),
      BankWireRef: "INV-1",
    });
    expect(await balance(api, walletId)).toBe(4000);
    await waitFor(async () => str((await api.call("GET", `/payouts/${payout.body.Id}`)).body.Status) === "SUCCEEDED");
    expect((await api.call("GET", `/payouts/bankwire/${payout.body.Id}`)).body.ModeApplied).toBe("STANDARD");
    expect(list((await api.call("GET", `/bankaccounts/${account.body.Id}/transactions`)).body)).toHaveLength(1);
    const events = list(
      (await api.call("GET", "/events?EventType=PAYOUT_NORMAL_SUCCEEDED&Sort=Date:DESC&per_page=100")).body,
    );
    expect(events.map((e) => e.ResourceId)).toContain(payout.body.Id);
  });

  it("fails above the balance with 001001 and puts funds back when the bank refuses", async () => {
    const { userId, walletId } = await userWithWallet(api);
    await fund(api, userId, walletId, 1000);
    const account = await api.call("POST", `/users/${userId}/bankaccounts/iban`, iban({ OwnerName: "Failing Owner" }));
    const over = await api.call("POST", "/payouts/bankwire", {
      AuthorId: userId,
      DebitedWalletId: walletId,
      DebitedFunds: eur(1001),
      Fees: eur(0),
      BankAccountId: account.body.Id,
    });
    expect(over.body).toMatchObject({ Status: "FAILED", ResultCode: "001001" });
    const refused = await api.call("POST", "/payouts/bankwire", {
      AuthorId: userId,
      DebitedWalletId: walletId,
      DebitedFunds: eur(800),
      Fees: eur(0),
      BankAccountId: account.body.Id,
    });
    expect(await balance(api, walletId)).toBe(200);
    await waitFor(async () => str((await api.call("GET", `/payouts/${refused.body.Id}`)).body.Status) === "FAILED");
    expect(await balance(api, walletId)).toBe(1000);
  });

  it("is failed, succeeded or returned through the control API", async () => {
    await api.emu.close();
    api = await startApi(SMALL_SEED);
    const { userId, walletId } = await userWithWallet(api);
    await fund(api, userId, walletId, 3000);
    const account = await api.call("POST", `/users/${userId}/bankaccounts/iban`, iban());
    const body = {
      AuthorId: userId,
      DebitedWalletId: walletId,
      DebitedFunds: eur(1000),
      Fees: eur(0),
      BankAccountId: account.body.Id,
    };
    const p1 = await api.call("POST", "/payouts/bankwire", body);
    const p2 = await api.call("POST", "/payouts/bankwire", body);
    expect((await api.control("POST", `/clients/${api.clientId}/payouts/${p1.body.Id}/fail`)).body).toMatchObject({
      Status: "FAILED",
      ResultCode: "121001",
    });
    expect((await api.control("POST", `/clients/${api.clientId}/payouts/${p2.body.Id}/succeed`)).body.Status).toBe(
      "SUCCEEDED",
    );
    expect(await balance(api, walletId)).toBe(2000);
    const ret = await api.control("POST", `/clients/${api.clientId}/payouts/${p2.body.Id}/return`, {
      RefundReasonType: "BANKACCOUNT_INCORRECT",
    });
    expect(ret.body).toMatchObject({
      Type: "PAYIN",
      Nature: "REFUND",
      InitialTransactionType: "PAYOUT",
      Status: "SUCCEEDED",
      RefundReason: { RefundReasonType: "BANKACCOUNT_INCORRECT" },
    });
    expect(await balance(api, walletId)).toBe(3000);
    expect(list((await api.call("GET", `/payouts/${p2.body.Id}/refunds`)).body)).toHaveLength(1);
    expect((await api.call("GET", `/payouts/${p2.body.Id}`)).body.Status).toBe("SUCCEEDED");
    const events = list((await api.call("GET", "/events?EventType=PAYOUT_REFUND_SUCCEEDED&Sort=Date:DESC")).body);
    expect(events[0].ResourceId).toBe(ret.body.Id);
  });
});

describe("mandates and direct debits", () => {
  it("confirms a mandate on the emulator page, activates it and settles a direct debit", async () => {
    const user = await api.call("POST", "/users/natural", natural());
    const wallet = await api.call("POST", "/wallets", { Owners: [user.body.Id], Currency: "EUR", Description: "dd" });
    const account = await api.call("POST", `/users/${user.body.Id}/bankaccounts/iban`, iban());
    const mandate = await api.call("POST", "/mandates/directdebit/web", {
      BankAccountId: account.body.Id,
      Culture: "EN",
      ReturnURL: "https://shop.example/mandate",
    });
    expect(mandate.body).toMatchObject({
      Status: "CREATED",
      Scheme: "SEPA",
      ReturnURL: `https://shop.example/mandate?MandateId=${mandate.body.Id}`,
      ExecutionType: "WEB",
    });
    const notYet = await api.call("POST", "/payins/directdebit/direct", {
      AuthorId: user.body.Id,
      CreditedWalletId: wallet.body.Id,
      DebitedFunds: eur(1000),
      Fees: eur(0),
      MandateId: mandate.body.Id,
    });
    expect(notYet.status).toBe(400);
    const confirm = await fetch(str(mandate.body.RedirectURL), { method: "POST", redirect: "manual" });
    expect(confirm.headers.get("location")).toBe(str(mandate.body.ReturnURL));
    expect((await api.call("GET", `/mandates/${mandate.body.Id}`)).body.Status).toBe("SUBMITTED");
    await api.control("POST", `/clients/${api.clientId}/mandates/${mandate.body.Id}/activate`);
    expect((await api.call("GET", `/mandates/${mandate.body.Id}`)).body.Status).toBe("ACTIVE");
    const dd = await api.call("POST", "/payins/directdebit/direct", {
      AuthorId: user.body.Id,
      CreditedWalletId: wallet.body.Id,
      DebitedFunds: eur(1000),
      Fees: eur(10),
      MandateId: mandate.body.Id,
    });
    expect(dd.body).toMatchObject({ Status: "CREATED", PaymentType: "DIRECT_DEBIT", MandateId: mandate.body.Id });
    await api.control("POST", "/settle", { clientId: api.clientId, kind: "directdebits" });
    expect((await api.call("GET", `/payins/${dd.body.Id}`)).body.Status).toBe("SUCCEEDED");
    expect(await balance(api, str(wallet.body.Id))).toBe(990);
    expect(list((await api.call("GET", `/mandates/${mandate.body.Id}/transactions`)).body)).toHaveLength(1);
    expect(list((await api.call("GET", `/users/${user.body.Id}/mandates`)).body)).toHaveLength(1);
    expect(
      list((await api.call("GET", `/users/${user.body.Id}/bankaccounts/${account.body.Id}/mandates`)).body),
    ).toHaveLength(1);
    expect((await api.call("PUT", `/mandates/${mandate.body.Id}/cancel`)).body.Status).toBe("FAILED");
    const types = list(
      (
        await api.call(
          "GET",
          "/events?EventType=MANDATE_CREATED,MANDATE_SUBMITTED,MANDATE_ACTIVATED,MANDATE_FAILED&Sort=Date:DESC&per_page=100",
        )
      ).body,
    )
      .filter((e) => e.ResourceId === mandate.body.Id)
      .map((e) => e.EventType);
    expect(types.sort()).toEqual(["MANDATE_ACTIVATED", "MANDATE_CREATED", "MANDATE_FAILED", "MANDATE_SUBMITTED"]);
  });

  it("fails the direct debit of a Penniless owner with 001830", async () => {
    const user = await api.call("POST", "/users/natural", natural({ FirstName: "Penniless" }));
    const wallet = await api.call("POST", "/wallets", { Owners: [user.body.Id], Currency: "EUR", Description: "dd" });
    const account = await api.call("POST", `/users/${user.body.Id}/bankaccounts/iban`, iban());
    const mandate = await api.call("POST", "/mandates/directdebit/web", {
      BankAccountId: account.body.Id,
      Culture: "FR",
      ReturnURL: "https://shop.example/m?x=1",
    });
    expect(str(mandate.body.ReturnURL)).toBe(`https://shop.example/m?x=1&MandateId=${mandate.body.Id}`);
    await api.control("POST", `/clients/${api.clientId}/mandates/${mandate.body.Id}/activate`);
    const dd = await api.call("POST", "/payins/directdebit/direct", {
      AuthorId: user.body.Id,
      CreditedWalletId: wallet.body.Id,
      DebitedFunds: eur(1000),
      Fees: eur(0),
      MandateId: mandate.body.Id,
    });
    const settled = await api.control("POST", `/clients/${api.clientId}/payins/${dd.body.Id}/settle`);
    expect(settled.body).toMatchObject({ Status: "FAILED", ResultCode: "001830" });
    expect(list((await api.call("GET", "/mandates?per_page=5")).body).length).toBeGreaterThan(0);
  });
});
