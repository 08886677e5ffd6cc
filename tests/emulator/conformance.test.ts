// Conformance of the emulator's answers with the official SDK's typings (mangopay4-nodejs-sdk 1.68.0):
// for every object kind the emulator serves, returned keys ⊆ typed model keys + the extras documented
// in emulator/README.md ("Fields beyond the SDK typings"), every enum value ∈ the SDK's enum, and list
// routes return their summary shapes. This file walks the seeded data (and objects it creates); the
// contract tests' own answers are checked by tests/emulator/helpers.ts. A failure names the object,
// the field and the value.
import {
  checkAnswer,
  checkListView,
  LIST_VIEWS,
  MODELS,
  readmeExtras,
  summarize,
  type Kind,
} from "./conformance-kinds";
import { conform, sdkShapes, type Shape, type Violation } from "./sdk-shapes";
import {
  BROWSER_INFO,
  fund,
  legal,
  list,
  natural,
  registerCard,
  SMALL_SEED,
  startApi,
  str,
  userWithWallet,
  type Api,
  type Json,
} from "./helpers";

let api: Api;
let shapes: Record<string, Shape>;
let extras: Map<string, Set<string>>;
let violations: Violation[] = [];
const checked = new Map<Kind, number>();
beforeEach(() => {
  violations = [];
});

function summary(): string[] {
  return summarize(violations);
}

function check(kind: Kind, body: Json | Json[]): void {
  checked.set(kind, (checked.get(kind) ?? 0) + (Array.isArray(body) ? body.length : 1));
  violations.push(...conform(kind, body, shapes[kind], extras.get(kind) ?? new Set()));
}

async function get(p: string): Promise<Json> {
  const res = await api.call("GET", p);
  if (res.status !== 200) throw new Error(`GET ${p} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

function listView(name: keyof typeof LIST_VIEWS, items: Json[]): void {
  violations.push(...checkListView(name, items));
}

const PAYIN_KIND: Record<string, Kind> = {
  "CARD/DIRECT": "CardDirectPayIn",
  "CARD/WEB": "CardWebPayIn",
  "BANK_WIRE/DIRECT": "BankWirePayIn",
  "DIRECT_DEBIT/DIRECT": "DirectDebitPayIn",
  "PREAUTHORIZED/DIRECT": "PreauthorizedPayIn",
};

/** Fetches a transaction in full by its kind and checks it (and the payout's bank-wire view). */
async function checkTransaction(tx: Json): Promise<void> {
  const id = str(tx.Id);
  if (str(tx.Nature) === "REFUND") return check("Refund", await get(`/refunds/${id}`));
  if (str(tx.Nature) === "REPUDIATION") return check("Repudiation", await get(`/repudiations/${id}`));
  if (str(tx.Nature) === "SETTLEMENT") return check("Settlement", await get(`/settlements/${id}`));
  if (str(tx.Type) === "TRANSFER") return check("Transfer", await get(`/transfers/${id}`));
  if (str(tx.Type) === "PAYOUT") {
    check("PayOut", await get(`/payouts/${id}`));
    return check("PayOut", await get(`/payouts/bankwire/${id}`));
  }
  const payin = await get(`/payins/${id}`);
  const kind = PAYIN_KIND[`${str(payin.PaymentType)}/${str(payin.ExecutionType)}`];
  if (!kind) throw new Error(`no SDK model for pay-in ${id} ${str(payin.PaymentType)}/${str(payin.ExecutionType)}`);
  check(kind, payin);
}

beforeAll(async () => {
  shapes = sdkShapes(MODELS);
  extras = readmeExtras();
  api = await startApi({
    ...SMALL_SEED,
    delays: { payoutMs: null, directDebitMs: null, mandateMs: null, kycMs: null, disputeMs: null, reportMs: 0 },
  });
}, 120_000);
afterAll(async () => {
  await api.emu.close();
});

describe("the emulator's answers conform to the SDK typings", () => {
  it("reads the README's extras table", () => {
    expect(extras.get("PayOut")).toEqual(new Set(["FallbackReason", "EndToEndId"]));
  });

  it("fails on an unknown field, an out-of-enum value (also nested) and a full object in a list, naming them", () => {
    const payout = {
      Id: "1",
      Status: "DONE",
      Type: "PAYOUT",
      Surprise: 1,
      DebitedFunds: { Currency: "XXX", Amount: 1 },
      EndToEndId: null,
    };
    expect(conform("PayOut", payout, shapes.PayOut, extras.get("PayOut") ?? new Set())).toEqual([
      { object: "PayOut", field: "Status", value: "DONE", problem: "not in the SDK enum (CREATED, SUCCEEDED, FAILED)" },
      {
        object: "PayOut",
        field: "Surprise",
        value: 1,
        problem: "field not in the SDK model nor documented in emulator/README.md",
      },
      {
        object: "PayOut",
        field: "DebitedFunds.Currency",
        value: "XXX",
        problem: expect.stringContaining("not in the SDK enum"),
      },
    ]);
    expect(conform("NaturalUser", { IncomeRange: "3" }, shapes.NaturalUser, new Set())).toEqual([
      { object: "NaturalUser", field: "IncomeRange", value: "3", problem: "not in the SDK enum (1, 2, 3, 4, 5, 6)" },
    ]);
    expect(summarize(checkAnswer("GET", "/payouts/bankwire/42?x=1", { ...payout, EndToEndId: "E2E42" }))).toEqual([
      expect.stringMatching(/^PayOut \(GET \/payouts\/bankwire\/:id\)\.DebitedFunds\.Currency: not in the SDK enum/),
      expect.stringMatching(/^PayOut \(GET \/payouts\/bankwire\/:id\)\.Status: not in the SDK enum/),
      expect.stringMatching(/^PayOut \(GET \/payouts\/bankwire\/:id\)\.Surprise: field not in the SDK model/),
    ]);
    listView("mandates", [{ Id: "m1", Status: "ACTIVE", Culture: "EN" } as unknown as Json]);
    expect(summary()).toEqual([
      expect.stringMatching(/^mandates list item m1\.Culture,Id,Status: summary view must be exactly/),
    ]);
  });

  it("over the seeded data: users, wallets, transactions of every kind, cards, bank accounts, mandates, preauthorizations", async () => {
    const users = list(await get("/users?per_page=100"));
    listView("users", users);
    check("UserList", users);
    for (const u of users.slice(0, 40)) {
      const id = str(u.Id);
      const user = await get(`/users/${id}`);
      check(str(user.PersonType) === "NATURAL" ? "NaturalUser" : "LegalUser", user);
      check("Regulatory", await get(`/users/${id}/regulatory`));
      check("Wallet", list(await get(`/users/${id}/wallets`)));
      const txs = list(await get(`/users/${id}/transactions?per_page=100`));
      listView("transactions", txs);
      check("Transaction", txs);
      for (const tx of txs.slice(0, 12)) await checkTransaction(tx);
      check("Card", list(await get(`/users/${id}/cards`)));
      for (const account of list(await get(`/users/${id}/bankaccounts`)))
        check(`BankAccount${str(account.Type)}` as Kind, account);
      const mandates = list(await get(`/users/${id}/mandates`));
      listView("mandates", mandates);
      for (const m of mandates) check("Mandate", await get(`/mandates/${str(m.Id)}`));
      check("PreAuthorization", list(await get(`/users/${id}/preauthorizations`)));
    }
    expect(summary()).toEqual([]);
    for (const kind of [
      "NaturalUser",
      "LegalUser",
      "CardDirectPayIn",
      "BankWirePayIn",
      "DirectDebitPayIn",
      "PayOut",
      "Transfer",
      "Refund",
      "Card",
      "BankAccountIBAN",
      "Mandate",
    ] as Kind[]) {
      expect([kind, checked.get(kind) ?? 0]).not.toEqual([kind, 0]);
    }
  }, 120_000);

  it("over the seeded compliance, dispute, event, hook, report and client data", async () => {
    check("KycDocument", list(await get("/kyc/documents?per_page=100")));
    const disputes = list(await get("/disputes?per_page=100"));
    check("Dispute", disputes);
    for (const d of disputes.slice(0, 15)) {
      const txs = list(await get(`/disputes/${str(d.Id)}/transactions`));
      listView("transactions", txs);
      for (const tx of txs) await checkTransaction(tx);
      if (d.RepudiationId) check("Refund", list(await get(`/repudiations/${str(d.RepudiationId)}/refunds`)));
    }
    check("DisputeDocument", list(await get("/dispute-documents?per_page=100")));
    check("Event", list(await get("/events?per_page=100")));
    check("Hook", list(await get("/hooks")));
    check("LegacyReport", list(await get("/reports?per_page=100")));
    const reports = list(await get("/reporting/reports?per_page=100"));
    listView("reportingReports", reports);
    for (const r of reports) check("ReportV2", await get(`/reporting/reports/${str(r.Id)}`));
    check("Client", await get("/clients"));
    check("ClientWallet", list(await get("/clients/wallets")));
    const legalUsers = list(await get("/users?per_page=100"))
      .filter((u) => str(u.PersonType) === "LEGAL")
      .slice(0, 10);
    for (const u of legalUsers) check("UboDeclaration", list(await get(`/users/${str(u.Id)}/kyc/ubodeclarations`)));
    expect(summary()).toEqual([]);
    for (const kind of [
      "KycDocument",
      "Dispute",
      "Event",
      "LegacyReport",
      "ReportV2",
      "Client",
      "Repudiation",
    ] as Kind[]) {
      expect([kind, checked.get(kind) ?? 0]).not.toEqual([kind, 0]);
    }
  }, 120_000);

  it("over objects created through the API as the contract tests create them", async () => {
    const a = await userWithWallet(api);
    const b = await userWithWallet(api);
    check("NaturalUser", await get(`/users/${a.userId}`));
    const card = await registerCard(api, a.userId);
    check("CardRegistration", (await api.call("GET", `/cardregistrations/${str(card.Id)}`)).body);
    const payin = await api.call("POST", "/payins/card/direct", {
      AuthorId: a.userId,
      CreditedWalletId: a.walletId,
      DebitedFunds: { Currency: "EUR", Amount: 5000 },
      Fees: { Currency: "EUR", Amount: 100 },
      CardId: str(card.CardId),
      SecureModeReturnURL: "https://example.com/r",
      BrowserInfo: BROWSER_INFO,
      IpAddress: "127.0.0.1",
      Billing: {
        FirstName: "Ada",
        LastName: "Payer",
        Address: { AddressLine1: "1 rue A", City: "Paris", PostalCode: "75001", Country: "FR" },
      },
      PreferredCardNetwork: "VISA",
      PaymentCategory: "ECommerce",
    });
    check("CardDirectPayIn", payin.body);
    expect(payin.body).toMatchObject({
      PreferredCardNetwork: "VISA",
      PaymentCategory: "ECommerce",
      IpAddress: "127.0.0.1",
      Billing: { FirstName: "Ada" },
    });
    check(
      "Refund",
      (
        await api.call("POST", `/payins/${str(payin.body.Id)}/refunds`, {
          AuthorId: a.userId,
          DebitedFunds: { Currency: "EUR", Amount: 500 },
        })
      ).body,
    );
    const transfer = await api.call("POST", "/transfers", {
      AuthorId: a.userId,
      DebitedWalletId: a.walletId,
      CreditedWalletId: b.walletId,
      DebitedFunds: { Currency: "EUR", Amount: 1000 },
      Fees: { Currency: "EUR", Amount: 0 },
    });
    check("Transfer", transfer.body);
    check(
      "Refund",
      (await api.call("POST", `/transfers/${str(transfer.body.Id)}/refunds`, { AuthorId: a.userId })).body,
    );
    const wire = await api.call("POST", "/payins/bankwire/direct", {
      AuthorId: a.userId,
      CreditedWalletId: a.walletId,
      DeclaredDebitedFunds: { Currency: "EUR", Amount: 2000 },
      DeclaredFees: { Currency: "EUR", Amount: 0 },
    });
    check("BankWirePayIn", wire.body);
    const account = await api.call("POST", `/users/${a.userId}/bankaccounts/iban`, {
      OwnerName: "Ada Payer",
      OwnerAddress: { AddressLine1: "1 rue A", City: "Paris", PostalCode: "75001", Country: "FR" },
      IBAN: "FR7630004000031234567890143",
      BIC: "BNPAFRPP",
    });
    check("BankAccountIBAN", account.body);
    for (const mode of [undefined, "INSTANT_PAYMENT", "RTGS_PAYMENT"]) {
      const payout = await api.call("POST", "/payouts/bankwire", {
        AuthorId: a.userId,
        DebitedWalletId: a.walletId,
        DebitedFunds: { Currency: "EUR", Amount: 300 },
        Fees: { Currency: "EUR", Amount: 0 },
        BankAccountId: str(account.body.Id),
        ...(mode ? { PayoutModeRequested: mode } : {}),
      });
      check("PayOut", payout.body);
      check("PayOut", await get(`/payouts/bankwire/${str(payout.body.Id)}`));
    }
    const legalUser = await api.call("POST", "/users/legal", legal());
    check("LegalUser", legalUser.body);
    const decl = await api.call("POST", `/users/${str(legalUser.body.Id)}/kyc/ubodeclarations`);
    check("UboDeclaration", decl.body);
    const kyc = await api.call("POST", `/users/${a.userId}/kyc/documents`, { Type: "IDENTITY_PROOF" });
    check("KycDocument", kyc.body);
    const report = await api.call("POST", "/reporting/reports", {
      ReportType: "USER_WALLET_TRANSACTIONS",
      AfterDate: Math.floor(Date.now() / 1000) - 86_400 * 30,
      BeforeDate: Math.floor(Date.now() / 1000),
    });
    check("ReportV2", report.body);
    const legacy = await api.call("POST", "/reports/transactions", { Filters: { Status: ["SUCCEEDED"] } });
    check("LegacyReport", legacy.body);
    const hook = await api.call("POST", "/hooks", {
      EventType: "PAYIN_NORMAL_SUCCEEDED",
      Url: "https://example.com/hook",
    });
    check("Hook", hook.body);
    await fund(api, b.userId, b.walletId, 1000);
    check("NaturalUser", (await api.call("POST", "/users/natural", natural())).body);
    expect(summary()).toEqual([]);
  }, 120_000);
});
