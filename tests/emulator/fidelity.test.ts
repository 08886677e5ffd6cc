// Behaviours aligned with MANGOPAY's documentation: list views and documented filters, refund Types,
// payout mode fields and instant payouts, KYC flag codes, client Licensor/PlatformType, IncomeRange,
// the 401 body, legacy report Filters, and the events MANGOPAY drives (control calls and seed).
import { eventTypesFor, pngBase64 } from "./compliance-helpers";
import {
  BROWSER_INFO,
  fund,
  list,
  natural,
  num,
  registerCard,
  startApi,
  str,
  userWithWallet,
  type Api,
  type Json,
} from "./helpers";

let api: Api;
beforeAll(async () => {
  api = await startApi({ seedUsers: 120 });
});
afterAll(async () => {
  await api.emu.close();
});

const eur = (Amount: number) => ({ Currency: "EUR", Amount });
const IBAN = {
  OwnerName: "Ada Payer",
  OwnerAddress: { AddressLine1: "1 rue A", City: "Paris", PostalCode: "75001", Country: "FR" },
  IBAN: "FR7630004000031234567890143",
  BIC: "BNPAFRPP",
};
const control = (path: string, body: unknown = {}) => api.control("POST", `/clients/${api.clientId}${path}`, body);

async function fundedUser(amount = 10_000): Promise<{ userId: string; walletId: string }> {
  const u = await userWithWallet(api);
  await fund(api, u.userId, u.walletId, amount);
  return u;
}

describe("lists", () => {
  it("answer …/transactions with the 17-field transaction view, whatever the kind", async () => {
    const u = await fundedUser();
    const account = await api.call("POST", `/users/${u.userId}/bankaccounts/iban`, IBAN);
    await api.call("POST", "/payouts/bankwire", {
      AuthorId: u.userId,
      DebitedWalletId: u.walletId,
      DebitedFunds: eur(100),
      Fees: eur(0),
      BankAccountId: account.body.Id,
    });
    const txs = list((await api.call("GET", `/users/${u.userId}/transactions?Sort=CreationDate:ASC`)).body);
    expect(txs.map((t) => `${str(t.Type)}:${str(t.Status)}`)).toEqual(["PAYIN:SUCCEEDED", "PAYOUT:CREATED"]);
    for (const t of txs) {
      expect(Object.keys(t).sort()).toEqual([
        "AuthorId",
        "CreationDate",
        "CreditedFunds",
        "CreditedUserId",
        "CreditedWalletId",
        "DebitedFunds",
        "DebitedWalletId",
        "DepositId",
        "ExecutionDate",
        "Fees",
        "Id",
        "Nature",
        "ResultCode",
        "ResultMessage",
        "Status",
        "Tag",
        "Type",
      ]);
      expect(t.DepositId).toBeNull();
    }
    // The detail is one GET away.
    expect((await api.call("GET", `/payins/${str(txs[0].Id)}`)).body.PaymentType).toBe("BANK_WIRE");
  });

  it("answer mandate lists with the summary view and Reporting Service lists with LastUpdated", async () => {
    const mandates = list((await api.call("GET", "/mandates?per_page=5")).body);
    expect(mandates.length).toBeGreaterThan(0);
    expect(Object.keys(mandates[0]).sort()).toEqual([
      "CreationDate",
      "ExecutionType",
      "Id",
      "MandateType",
      "ResultCode",
      "ResultMessage",
      "Status",
      "Tag",
      "UserId",
    ]);
    const full = (await api.call("GET", `/mandates/${str(mandates[0].Id)}`)).body;
    expect(str(full.BankAccountId)).not.toBe("");
    const reports = list((await api.call("GET", "/reporting/reports?per_page=100")).body);
    const generated = reports.find((r) => str(r.Status) === "GENERATED");
    expect(generated).toBeTruthy();
    const detail = (await api.call("GET", `/reporting/reports/${generated ? str(generated.Id) : "none"}`)).body;
    expect(generated).toEqual({
      Id: detail.Id,
      ReportType: detail.ReportType,
      Status: "GENERATED",
      LastUpdated: detail.ReportDate,
      CreationDate: detail.CreationDate,
      Tag: detail.Tag,
      ResultCode: detail.ResultCode,
      ResultMessage: detail.ResultMessage,
    });
  });

  it("ignore filters MANGOPAY does not document (hooks, mandates, bank accounts, wallets, legacy reports)", async () => {
    for (const [path, filter] of [
      ["/hooks", "Status=ENABLED"],
      ["/mandates", "Status=ACTIVE"],
      ["/reports", "Status=READY_FOR_DOWNLOAD&ReportType=WALLETS"],
      ["/dispute-documents", "Status=VALIDATED"],
    ]) {
      const all = await api.call("GET", `${path}?per_page=100`);
      const filtered = await api.call("GET", `${path}?per_page=100&${filter}`);
      expect([path, list(filtered.body).map((x) => x.Id)]).toEqual([path, list(all.body).map((x) => x.Id)]);
    }
    const u = await userWithWallet(api);
    await api.call("POST", "/wallets", { Owners: [u.userId], Currency: "GBP", Description: "second" });
    expect(list((await api.call("GET", `/users/${u.userId}/wallets?Currency=GBP`)).body)).toHaveLength(2);
    // Documented filters still apply.
    expect(
      list((await api.call("GET", "/reporting/reports?per_page=100&Status=GENERATED")).body).every(
        (r) => str(r.Status) === "GENERATED",
      ),
    ).toBe(true);
  });
});

describe("refunds follow the money", () => {
  it("a pay-in refund is a PAYOUT crediting nobody, a transfer refund a TRANSFER, a payout return a PAYIN", async () => {
    const a = await fundedUser();
    const b = await userWithWallet(api);
    const payins = list((await api.call("GET", `/users/${a.userId}/transactions`)).body);
    const payinRefund = await api.call("POST", `/payins/${str(payins[0].Id)}/refunds`, {
      AuthorId: a.userId,
      DebitedFunds: eur(100),
    });
    expect(payinRefund.body).toMatchObject({
      Type: "PAYOUT",
      Nature: "REFUND",
      InitialTransactionType: "PAYIN",
      CreditedUserId: null,
      CreditedWalletId: null,
      DebitedWalletId: a.walletId,
    });
    const transfer = await api.call("POST", "/transfers", {
      AuthorId: a.userId,
      DebitedWalletId: a.walletId,
      CreditedWalletId: b.walletId,
      DebitedFunds: eur(500),
      Fees: eur(0),
    });
    const transferRefund = await api.call("POST", `/transfers/${str(transfer.body.Id)}/refunds`, {
      AuthorId: a.userId,
    });
    expect(transferRefund.body).toMatchObject({
      Type: "TRANSFER",
      CreditedUserId: a.userId,
      CreditedWalletId: a.walletId,
      DebitedWalletId: b.walletId,
    });
    const account = await api.call("POST", `/users/${a.userId}/bankaccounts/iban`, IBAN);
    const payout = await api.call("POST", "/payouts/bankwire", {
      AuthorId: a.userId,
      DebitedWalletId: a.walletId,
      DebitedFunds: eur(300),
      Fees: eur(0),
      BankAccountId: account.body.Id,
    });
    await control(`/payouts/${str(payout.body.Id)}/succeed`);
    const failedReturn = await control(`/payouts/${str(payout.body.Id)}/return`, { Fail: true });
    expect(failedReturn.body).toMatchObject({ Type: "PAYIN", Status: "FAILED", InitialTransactionType: "PAYOUT" });
    const before = num((await api.call("GET", `/wallets/${a.walletId}`)).body.Balance.Amount);
    const payoutReturn = await control(`/payouts/${str(payout.body.Id)}/return`);
    expect(payoutReturn.body).toMatchObject({
      Type: "PAYIN",
      Status: "SUCCEEDED",
      CreditedUserId: a.userId,
      CreditedWalletId: a.walletId,
    });
    expect(num((await api.call("GET", `/wallets/${a.walletId}`)).body.Balance.Amount)).toBe(before + 300);
    expect(await eventTypesFor(api, str(failedReturn.body.Id))).toEqual([
      "PAYOUT_REFUND_CREATED",
      "PAYOUT_REFUND_FAILED",
    ]);
  });
});

describe("payouts", () => {
  async function payout(userId: string, walletId: string, accountId: string, mode?: string) {
    return api.call("POST", "/payouts/bankwire", {
      AuthorId: userId,
      DebitedWalletId: walletId,
      DebitedFunds: eur(200),
      Fees: eur(0),
      BankAccountId: accountId,
      ...(mode ? { PayoutModeRequested: mode } : {}),
    });
  }

  it("show the mode fields only on GET /payouts/bankwire/{id}, ModeRequested null unless asked", async () => {
    const u = await fundedUser();
    const account = await api.call("POST", `/users/${u.userId}/bankaccounts/iban`, IBAN);
    const created = await payout(u.userId, u.walletId, str(account.body.Id));
    for (const body of [created.body, (await api.call("GET", `/payouts/${str(created.body.Id)}`)).body]) {
      expect(["ModeRequested", "ModeApplied", "FallbackReason", "EndToEndId"].filter((k) => k in body)).toEqual([]);
      expect(body).toMatchObject({ PaymentType: "BANK_WIRE", BankAccountId: account.body.Id });
    }
    expect((await api.call("GET", `/payouts/bankwire/${str(created.body.Id)}`)).body).toMatchObject({
      ModeRequested: null,
      ModeApplied: "STANDARD",
      FallbackReason: null,
      Status: "CREATED",
    });
  });

  it("instant payouts succeed at once, fall back to STANDARD on the sandbox fallback IBAN, INSTANT_PAYMENT_ONLY fails there", async () => {
    const u = await fundedUser();
    const ok = await api.call("POST", `/users/${u.userId}/bankaccounts/iban`, IBAN);
    const unreachable = await api.call("POST", `/users/${u.userId}/bankaccounts/iban`, {
      ...IBAN,
      IBAN: "FR541558929750ZZZZZZAC01915",
      BIC: "CMBRFR2BXXX",
    });
    const instant = await payout(u.userId, u.walletId, str(ok.body.Id), "INSTANT_PAYMENT");
    expect(instant.body.Status).toBe("SUCCEEDED");
    expect((await api.call("GET", `/payouts/bankwire/${str(instant.body.Id)}`)).body).toMatchObject({
      ModeRequested: "INSTANT_PAYMENT",
      ModeApplied: "INSTANT_PAYMENT",
      FallbackReason: null,
      EndToEndId: `E2E${str(instant.body.Id)}`,
    });
    expect(await eventTypesFor(api, str(instant.body.Id))).toEqual([
      "PAYOUT_NORMAL_CREATED",
      "PAYOUT_NORMAL_SUCCEEDED",
      "INSTANT_PAYOUT_SUCCEEDED",
    ]);

    const fallback = await payout(u.userId, u.walletId, str(unreachable.body.Id), "INSTANT_PAYMENT");
    const fallbackView = (await api.call("GET", `/payouts/bankwire/${str(fallback.body.Id)}`)).body;
    expect(fallbackView).toMatchObject({
      Status: "CREATED",
      ModeRequested: "INSTANT_PAYMENT",
      ModeApplied: "STANDARD",
    });
    expect(str(fallbackView.FallbackReason.Message)).toContain("not reachable for instant payments");
    expect(await eventTypesFor(api, str(fallback.body.Id))).toEqual([
      "PAYOUT_NORMAL_CREATED",
      "INSTANT_PAYOUT_FALLBACKED",
    ]);

    const only = await payout(u.userId, u.walletId, str(unreachable.body.Id), "INSTANT_PAYMENT_ONLY");
    expect(only.body).toMatchObject({ Status: "FAILED", ResultCode: "001999" });
    expect(await eventTypesFor(api, str(only.body.Id))).toEqual([
      "PAYOUT_NORMAL_CREATED",
      "PAYOUT_NORMAL_FAILED",
      "INSTANT_PAYOUT_FAILED",
    ]);

    const rtgs = await payout(u.userId, u.walletId, str(ok.body.Id), "RTGS_PAYMENT");
    expect((await api.call("GET", `/payouts/bankwire/${str(rtgs.body.Id)}`)).body).toMatchObject({
      ModeRequested: "RTGS_PAYMENT",
      ModeApplied: "RTGS_PAYMENT",
    });
  });
});

describe("types and codes", () => {
  it("IncomeRange is an integer 1–6 (a numeric string is read as the number, 7 is refused)", async () => {
    const created = await api.call("POST", "/users/natural", natural({ IncomeRange: "4" }));
    expect(created.body.IncomeRange).toBe(4);
    const bad = await api.call("POST", "/users/natural", natural({ IncomeRange: 7 }));
    expect(bad.body.errors.IncomeRange).toBe("The field IncomeRange must be between 1 and 6.");
    const seeded = list((await api.call("GET", "/users?per_page=30")).body).map((u) => str(u.Id));
    const ranges = new Set<unknown>();
    for (const id of seeded) {
      const u = (await api.call("GET", `/users/${id}`)).body;
      if (str(u.PersonType) === "NATURAL" && u.IncomeRange !== null) ranges.add(typeof u.IncomeRange);
    }
    expect([...ranges]).toEqual(["number"]);
  });

  it("refused identity proofs carry MANGOPAY's numeric Flags; other documents none", async () => {
    const user = await api.call("POST", "/users/natural", natural());
    const flagsFor = async (type: string, reason: string): Promise<Json> => {
      const doc = await api.call("POST", `/users/${str(user.body.Id)}/kyc/documents`, { Type: type });
      await api.call("POST", `/users/${str(user.body.Id)}/kyc/documents/${str(doc.body.Id)}/pages`, {
        File: pngBase64(40_000),
      });
      await api.call("PUT", `/users/${str(user.body.Id)}/kyc/documents/${str(doc.body.Id)}`, {
        Status: "VALIDATION_ASKED",
      });
      return (await control(`/kyc/documents/${str(doc.body.Id)}/refuse`, { RefusedReasonType: reason })).body.Flags;
    };
    expect(await flagsFor("IDENTITY_PROOF", "DOCUMENT_HAS_EXPIRED")).toEqual(["009021"]);
    expect(await flagsFor("IDENTITY_PROOF", "DOCUMENT_FALSIFIED")).toEqual(["009000", "009002"]);
    expect(await flagsFor("ADDRESS_PROOF", "DOCUMENT_UNREADABLE")).toEqual([]);
  });

  it("the client has Licensor EU|UK and an updatable PlatformType", async () => {
    expect((await api.call("GET", "/clients")).body).toMatchObject({ Licensor: "EU", PlatformType: "MARKETPLACE" });
    expect((await api.call("PUT", "/clients", { PlatformType: "P2P_PAYMENT" })).body.PlatformType).toBe("P2P_PAYMENT");
    expect((await api.call("PUT", "/clients", { PlatformType: "SHOP" })).status).toBe(400);
    const crowd = await startApi({ seed: null }, 1);
    try {
      expect((await crowd.call("GET", "/clients")).body).toMatchObject({
        Licensor: "UK",
        PlatformType: "CROWDFUNDING_DONATION",
      });
    } finally {
      await crowd.emu.close();
    }
  });

  it("answers a bad token with the documented 401 body {Message, Type, Date}", async () => {
    const res = await fetch(`${api.emu.url}/v2.01/${api.clientId}/users`, {
      headers: { authorization: "Bearer nope" },
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["Date", "Message", "Type"]);
    expect(body).toMatchObject({ Message: "The authorization credentials are not valid", Type: "invalid_credentials" });
  });

  it("legacy report Filters come back with every key; card pay-ins keep BrowserInfo, Billing, PreferredCardNetwork; direct debits have no Culture", async () => {
    const report = await api.call("POST", "/reports/wallets", { Filters: { Currency: "EUR" } });
    expect(report.body.Filters).toEqual({
      AfterDate: null,
      BeforeDate: null,
      OwnerId: null,
      Currency: "EUR",
      MinBalanceAmount: null,
      MinBalanceCurrency: null,
      MaxBalanceAmount: null,
      MaxBalanceCurrency: null,
    });
    const u = await userWithWallet(api);
    const card = await registerCard(api, u.userId);
    const billing = {
      FirstName: "Ada",
      LastName: "Payer",
      Address: { AddressLine1: "1 rue A", City: "Paris", PostalCode: "75001", Country: "FR" },
    };
    const payin = await api.call("POST", "/payins/card/direct", {
      AuthorId: u.userId,
      CreditedWalletId: u.walletId,
      DebitedFunds: eur(1000),
      Fees: eur(0),
      CardId: str(card.CardId),
      SecureModeReturnURL: "https://example.com/r",
      BrowserInfo: BROWSER_INFO,
      IpAddress: "2001:db8::1",
      Billing: billing,
      Shipping: billing,
      PreferredCardNetwork: "CB",
      PaymentCategory: "TelephoneOrder",
    });
    expect((await api.call("GET", `/payins/${str(payin.body.Id)}`)).body).toMatchObject({
      BrowserInfo: BROWSER_INFO,
      IpAddress: "2001:db8::1",
      Billing: billing,
      Shipping: billing,
      PreferredCardNetwork: "CB",
      PaymentCategory: "TelephoneOrder",
    });
    const dd = list((await api.call("GET", "/users?per_page=100")).body);
    let checked = 0;
    for (const user of dd) {
      for (const tx of list(
        (await api.call("GET", `/users/${str(user.Id)}/transactions?Type=PAYIN&per_page=100`)).body,
      )) {
        const full = (await api.call("GET", `/payins/${str(tx.Id)}`)).body;
        if (str(full.PaymentType) === "DIRECT_DEBIT") {
          expect("Culture" in full).toBe(false);
          checked++;
        }
      }
      if (checked >= 3) break;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe("events MANGOPAY drives", () => {
  it("blocks and unblocks a user's inflows/outflows, reflected by GET /users/{id}/regulatory", async () => {
    const u = await userWithWallet(api);
    const blocked = await control(`/users/${u.userId}/regulatory`, {
      Inflows: true,
      Outflows: true,
      ActionCode: "AC001",
    });
    expect(blocked.body).toEqual({
      UserId: u.userId,
      ActionCode: "AC001",
      ScopeBlocked: { Inflows: true, Outflows: true },
    });
    await control(`/users/${u.userId}/regulatory`, { Inflows: false, ActionCode: null });
    expect((await api.call("GET", `/users/${u.userId}/regulatory`)).body).toEqual({
      UserId: u.userId,
      ActionCode: null,
      ScopeBlocked: { Inflows: false, Outflows: true },
    });
    expect(await eventTypesFor(api, u.userId)).toEqual([
      "USER_INFLOWS_BLOCKED",
      "USER_OUTFLOWS_BLOCKED",
      "USER_INFLOWS_UNBLOCKED",
    ]);
  });

  it("asks for account validation, activates, requires and renews KYC", async () => {
    const u = await userWithWallet(api);
    expect((await control(`/users/${u.userId}/account-validation`, { State: "ASKED" })).body.UserStatus).toBe(
      "PENDING_USER_ACTION",
    );
    expect((await api.call("GET", `/users/${u.userId}`)).body.UserStatus).toBe("PENDING_USER_ACTION");
    expect((await control(`/users/${u.userId}/account-validation`, { State: "ACTIVATED" })).body.UserStatus).toBe(
      "ACTIVE",
    );
    await control(`/users/${u.userId}/kyc-renewal`, { State: "REQUIRED" });
    await control(`/users/${u.userId}/kyc-renewal`, { State: "RENEWED" });
    expect((await control(`/users/${u.userId}/kyc-renewal`, { State: "LATER" })).status).toBe(400);
    expect(await eventTypesFor(api, u.userId)).toEqual([
      "USER_ACCOUNT_VALIDATION_ASKED",
      "USER_ACCOUNT_ACTIVATED",
      "USER_KYC_RENEWAL_REQUIRED",
      "USER_KYC_RENEWED",
    ]);
  });

  it("turns a card INVALID and expires a mandate (MANDATE_EXPIRED)", async () => {
    const u = await userWithWallet(api);
    const card = await registerCard(api, u.userId);
    expect((await control(`/cards/${str(card.CardId)}/invalidate`)).body.Validity).toBe("INVALID");
    expect((await api.call("GET", `/cards/${str(card.CardId)}`)).body.Validity).toBe("INVALID");
    const account = await api.call("POST", `/users/${u.userId}/bankaccounts/iban`, IBAN);
    const mandate = await api.call("POST", "/mandates/directdebit/web", {
      BankAccountId: account.body.Id,
      Culture: "EN",
      ReturnURL: "https://shop.example/m",
    });
    expect((await control(`/mandates/${str(mandate.body.Id)}/expire`)).body.Status).toBe("EXPIRED");
    expect((await control(`/mandates/${str(mandate.body.Id)}/expire`)).status).toBe(400);
    expect(await eventTypesFor(api, str(mandate.body.Id))).toEqual(["MANDATE_CREATED", "MANDATE_EXPIRED"]);
  });

  it("opens a dispute whose repudiation fails (PAYIN_REPUDIATION_FAILED, no money taken)", async () => {
    const u = await userWithWallet(api);
    const card = await registerCard(api, u.userId);
    const payin = await api.call("POST", "/payins/card/direct", {
      AuthorId: u.userId,
      CreditedWalletId: u.walletId,
      DebitedFunds: eur(2000),
      Fees: eur(0),
      CardId: str(card.CardId),
      SecureModeReturnURL: "https://example.com/r",
      BrowserInfo: BROWSER_INFO,
      IpAddress: "127.0.0.1",
    });
    const creditBefore = num((await api.call("GET", "/clients/wallets/CREDIT/EUR")).body.Balance.Amount);
    const dispute = await control("/disputes", { PayInId: payin.body.Id, RepudiationFails: true, advance: false });
    const repudiation = (await api.call("GET", `/repudiations/${str(dispute.body.RepudiationId)}`)).body;
    expect(repudiation).toMatchObject({ Status: "FAILED", Type: "PAYOUT", Nature: "REPUDIATION" });
    expect(num((await api.call("GET", "/clients/wallets/CREDIT/EUR")).body.Balance.Amount)).toBe(creditBefore);
    expect(await eventTypesFor(api, str(repudiation.Id))).toEqual([
      "PAYIN_REPUDIATION_CREATED",
      "PAYIN_REPUDIATION_FAILED",
    ]);
  });

  it("are seeded, so the dashboard has them to show", async () => {
    const wanted = [
      "MANDATE_EXPIRED",
      "PAYOUT_REFUND_FAILED",
      "PAYIN_REPUDIATION_FAILED",
      "INSTANT_PAYOUT_SUCCEEDED",
      "INSTANT_PAYOUT_FALLBACKED",
      "USER_INFLOWS_BLOCKED",
      "USER_INFLOWS_UNBLOCKED",
      "USER_OUTFLOWS_BLOCKED",
      "USER_KYC_RENEWAL_REQUIRED",
      "USER_KYC_RENEWED",
      "USER_ACCOUNT_VALIDATION_ASKED",
      "USER_ACCOUNT_ACTIVATED",
    ];
    const events = list((await api.call("GET", `/events?per_page=100&EventType=${wanted.join(",")}`)).body);
    const types = new Set(events.map((e) => str(e.EventType)));
    expect(wanted.filter((t) => !types.has(t))).toEqual([]);
    const cards: Json[] = [];
    for (const u of list((await api.call("GET", "/users?per_page=100")).body))
      cards.push(...list((await api.call("GET", `/users/${str(u.Id)}/cards`)).body));
    expect(cards.some((c) => str(c.Validity) === "INVALID")).toBe(true);
  });

  it("seeds both numeric and prefixed ids (user_m_…, wlt_m_…)", async () => {
    const ids = list((await api.call("GET", "/users?per_page=100")).body).map((u) => str(u.Id));
    const prefixed = ids.filter((id) => /^user_m_[0-9A-HJKMNP-TV-Z]{26}$/.test(id));
    expect(prefixed.length).toBeGreaterThan(10);
    expect(ids.filter((id) => /^\d+$/.test(id)).length).toBeGreaterThan(10);
    const wallets = list((await api.call("GET", `/users/${prefixed[0]}/wallets`)).body);
    expect(str(wallets[0].Id)).toMatch(/^wlt_m_/);
    expect((await api.call("GET", `/users/${prefixed[0]}`)).body.Id).toBe(prefixed[0]);
  });
});
