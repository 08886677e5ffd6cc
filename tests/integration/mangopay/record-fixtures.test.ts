/** @jest-environment node */
// Records raw emulator payloads into tests/fixtures/mangopay/*.json for the schema unit tests.
// Off by default; run with:
//   RECORD_MANGOPAY_FIXTURES=1 npx jest --selectProjects integration -- tests/integration/mangopay/record-fixtures
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ApiRequest, MangopayClient } from "@/lib/mangopay/client";
import * as hooks from "@/lib/mangopay/hooks";
import * as kycDocuments from "@/lib/mangopay/kyc-documents";
import * as mandates from "@/lib/mangopay/mandates";
import * as preauthorizations from "@/lib/mangopay/preauthorizations";
import * as transfers from "@/lib/mangopay/transfers";
import * as ubo from "@/lib/mangopay/ubo";
import * as users from "@/lib/mangopay/users";
import { newKey, startTestEmulator, type TestEmulator } from "./helpers";
import { ADDRESS, BROWSER, buildWorld, eur } from "./world";

const OUT = path.join(process.cwd(), "tests/fixtures/mangopay");
const enabled = process.env.RECORD_MANGOPAY_FIXTURES === "1";

let emu: TestEmulator;
beforeAll(async () => {
  if (enabled) emu = await startTestEmulator(21);
});
afterAll(async () => {
  if (enabled) await emu.close();
});

async function record(
  client: MangopayClient,
  file: string,
  schema: string,
  req: ApiRequest,
  list = false,
): Promise<unknown> {
  const response = await client.request(req);
  const template = req.path.replace(/\{(\w+)\}/g, (_m, name: string) => `{${name}}`);
  const fixture = { schema, list, request: `${req.method} ${template}`, body: response.body };
  writeFileSync(path.join(OUT, `${file}.json`), `${JSON.stringify(fixture, null, 2)}\n`);
  return response.body;
}

/** Records what the emulator implements; reports the rest instead of failing. */
async function attempt(skipped: string[], name: string, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    skipped.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

(enabled ? it : it.skip)("records emulator payloads for every schema", async () => {
  mkdirSync(OUT, { recursive: true });
  const { client } = emu.client();
  const w = await buildWorld(client);
  const skipped: string[] = [];
  const get = (p: string, params: Record<string, string> = {}, query = {}): ApiRequest => ({
    method: "GET",
    path: p,
    params,
    query,
  });

  await record(client, "user-natural", "NaturalUser", get("/users/{id}", { id: w.owner.Id }));
  await record(client, "user-list", "UserListItem", get("/users"), true);
  await attempt(skipped, "legal user", async () => {
    const legal = await users.createLegal(client, {
      Name: "Acme SAS",
      LegalPersonType: "BUSINESS",
      Email: "acme@example.test",
      LegalRepresentativeFirstName: "Grace",
      LegalRepresentativeLastName: "Hopper",
      HeadquartersAddress: ADDRESS,
      UserCategory: "PAYER",
    });
    await record(client, "user-legal", "LegalUser", get("/users/{id}", { id: legal.Id }));
    const declaration = await ubo.createDeclaration(client, legal.Id);
    await ubo.createUbo(client, legal.Id, declaration.Id, {
      FirstName: "Ada",
      LastName: "Owner",
      Birthday: 315_532_800,
      Nationality: "FR",
      Address: ADDRESS,
      Birthplace: { City: "Paris", Country: "FR" },
    });
    await record(client, "ubo-declaration", "UboDeclaration", get("/kyc/ubodeclarations/{id}", { id: declaration.Id }));
  });
  await record(
    client,
    "wallet",
    "Wallet",
    get("/wallets/{id}", { id: w.payerWallet.Id }, { ScaContext: "USER_NOT_PRESENT" }),
  );
  await record(client, "client-wallets", "ClientWallet", get("/clients/wallets"), true);
  await record(client, "card", "Card", get("/cards/{id}", { id: w.card.Id }));
  await record(client, "payin-card-direct", "PayIn", get("/payins/{id}", { id: w.payIn.Id }));
  await record(
    client,
    "bank-account-iban",
    "BankAccount",
    get("/users/{userId}/bankaccounts/{id}", { userId: w.owner.Id, id: w.bankAccount.Id }),
  );

  const transferKey = newKey();
  const transfer = await transfers.create(
    client,
    {
      AuthorId: w.payer.Id,
      DebitedWalletId: w.payerWallet.Id,
      CreditedWalletId: w.ownerWallet.Id,
      DebitedFunds: eur(4000),
      Fees: eur(100),
    },
    { idempotencyKey: transferKey },
  );
  await record(client, "transfer", "Transfer", get("/transfers/{id}", { id: transfer.Id }));
  await record(client, "idempotency-response", "IdempotencyResponse", get("/responses/{key}", { key: transferKey }));
  await record(client, "transfer-failed", "Transfer", {
    method: "POST",
    path: "/transfers",
    body: {
      AuthorId: w.payer.Id,
      DebitedWalletId: w.payerWallet.Id,
      CreditedWalletId: w.ownerWallet.Id,
      DebitedFunds: eur(99_999_999),
      Fees: eur(0),
    },
  });
  await record(client, "refund-transfer", "Refund", {
    method: "POST",
    path: "/transfers/{id}/refunds",
    params: { id: transfer.Id },
    body: { AuthorId: w.payer.Id, DebitedFunds: eur(1000), Fees: eur(-25) },
  });
  await record(client, "refund-payin", "Refund", {
    method: "POST",
    path: "/payins/{id}/refunds",
    params: { id: w.payIn.Id },
    body: { AuthorId: w.payer.Id, DebitedFunds: eur(100), Fees: eur(0) },
  });
  await record(client, "payin-bankwire", "PayIn", {
    method: "POST",
    path: "/payins/bankwire/direct",
    body: {
      AuthorId: w.owner.Id,
      CreditedWalletId: w.ownerWallet.Id,
      DeclaredDebitedFunds: eur(2000),
      DeclaredFees: eur(0),
    },
  });
  const payout = (await record(client, "payout", "PayOut", {
    method: "POST",
    path: "/payouts/bankwire",
    body: {
      AuthorId: w.owner.Id,
      DebitedWalletId: w.ownerWallet.Id,
      DebitedFunds: eur(1000),
      Fees: eur(0),
      BankAccountId: w.bankAccount.Id,
      BankWireRef: "Invoice 42",
    },
  })) as { Id: string };
  await record(client, "payout-bankwire-view", "PayOut", get("/payouts/bankwire/{id}", { id: payout.Id }));
  const instant = (await record(client, "payout-instant", "PayOut", {
    method: "POST",
    path: "/payouts/bankwire",
    body: {
      AuthorId: w.owner.Id,
      DebitedWalletId: w.ownerWallet.Id,
      DebitedFunds: eur(500),
      Fees: eur(0),
      BankAccountId: w.bankAccount.Id,
      PayoutModeRequested: "INSTANT_PAYMENT",
    },
  })) as { Id: string };
  await record(client, "payout-instant-bankwire-view", "PayOut", get("/payouts/bankwire/{id}", { id: instant.Id }));
  await record(client, "user-regulatory", "UserRegulatory", get("/users/{id}/regulatory", { id: w.owner.Id }));
  await record(
    client,
    "transactions-user",
    "Transaction",
    get("/users/{id}/transactions", { id: w.payer.Id }, { ScaContext: "USER_NOT_PRESENT", per_page: 100 }),
    true,
  );
  await record(client, "card-registration", "CardRegistration", {
    method: "POST",
    path: "/cardregistrations",
    body: { UserId: w.payer.Id, Currency: "EUR" },
  });

  await attempt(skipped, "preauthorization", async () => {
    const pre = await preauthorizations.create(
      client,
      {
        AuthorId: w.payer.Id,
        DebitedFunds: eur(3000),
        CardId: w.card.Id,
        SecureModeReturnURL: "https://dashboard.example.test/return",
        BrowserInfo: BROWSER,
        IpAddress: "203.0.113.7",
      },
      { idempotencyKey: newKey() },
    );
    await record(client, "preauthorization", "PreAuthorization", get("/preauthorizations/{id}", { id: pre.Id }));
    await record(client, "payin-preauthorized", "PayIn", {
      method: "POST",
      path: "/payins/preauthorized/direct",
      body: {
        AuthorId: w.payer.Id,
        CreditedWalletId: w.payerWallet.Id,
        DebitedFunds: eur(1000),
        Fees: eur(0),
        PreauthorizationId: pre.Id,
      },
    });
  });
  await attempt(skipped, "mandate", async () => {
    const mandate = await mandates.create(client, {
      BankAccountId: w.bankAccount.Id,
      Culture: "EN",
      ReturnURL: "https://dashboard.example.test/mandate",
    });
    await record(client, "mandate", "Mandate", get("/mandates/{id}", { id: mandate.Id }));
    await record(client, "mandate-list", "MandateListItem", get("/users/{id}/mandates", { id: w.owner.Id }), true);
  });
  await attempt(skipped, "hook", async () => {
    const hook = await hooks.create(client, {
      EventType: "PAYIN_NORMAL_SUCCEEDED",
      Url: "https://dashboard.example.test/hooks",
    });
    await record(client, "hook", "Hook", get("/hooks/{id}", { id: hook.Id }));
  });
  await attempt(skipped, "events", () => record(client, "events", "Event", get("/events"), true));
  await attempt(skipped, "kyc document", async () => {
    const doc = await kycDocuments.create(client, w.owner.Id, { Type: "IDENTITY_PROOF", Tag: "accept" });
    await record(client, "kyc-document", "KycDocument", get("/kyc/documents/{id}", { id: doc.Id }));
    await record(
      client,
      "kyc-documents-refused",
      "KycDocument",
      get("/kyc/documents", {}, { Status: "REFUSED", Type: "IDENTITY_PROOF", per_page: 3 }),
      true,
    );
  });
  await attempt(skipped, "client", () => record(client, "client", "Client", get("/clients")));
  await attempt(skipped, "disputes", () => record(client, "disputes", "Dispute", get("/disputes"), true));
  await attempt(skipped, "dispute documents", () =>
    record(client, "dispute-documents", "DisputeDocument", get("/dispute-documents"), true),
  );
  await attempt(skipped, "repudiation and settlement", async () => {
    const opened = (await emu.control("POST", `/clients/${client.clientId}/disputes`, {
      PayInId: w.payIn.Id,
      DisputeType: "CONTESTABLE",
      Amount: 500,
      advance: false,
    })) as { Id: string };
    await emu.control("POST", `/clients/${client.clientId}/disputes/${opened.Id}/status`, {
      Status: "PENDING_CLIENT_ACTION",
    });
    const closed = (await record(client, "dispute-closed", "Dispute", {
      method: "PUT",
      path: "/disputes/{id}/close",
      params: { id: opened.Id },
      body: {},
    })) as { RepudiationId: string };
    const repudiation = (await record(
      client,
      "repudiation",
      "Repudiation",
      get("/repudiations/{id}", { id: closed.RepudiationId }),
    )) as { DebitedFunds: unknown };
    const won = (await emu.control("POST", `/clients/${client.clientId}/disputes`, {
      PayInId: w.payIn.Id,
      DisputeType: "CONTESTABLE",
      Amount: 300,
      advance: false,
    })) as { Id: string; RepudiationId: string };
    await emu.control("POST", `/clients/${client.clientId}/disputes/${won.Id}/status`, {
      Status: "CLOSED",
      ResultCode: "WON",
    });
    await record(
      client,
      "refunds-repudiation",
      "Refund",
      get("/repudiations/{id}/refunds", { id: won.RepudiationId }),
      true,
    );
    await record(client, "settlement", "Settlement", {
      method: "POST",
      path: "/repudiations/{id}/settlementtransfer",
      params: { id: closed.RepudiationId },
      body: { AuthorId: w.payer.Id, DebitedFunds: repudiation.DebitedFunds, Fees: eur(0) },
    });
  });
  await attempt(skipped, "reporting service", async () => {
    const now = Math.floor(Date.now() / 1000);
    await record(client, "report-v2", "Report", {
      method: "POST",
      path: "/reporting/reports",
      body: { ReportType: "USER_WALLET_TRANSACTIONS", AfterDate: now - 86_400, BeforeDate: now },
    });
    await record(client, "report-v2-list", "ReportListItem", get("/reporting/reports", {}, { per_page: 3 }), true);
  });
  await attempt(skipped, "reports", async () => {
    await record(client, "report", "Report", {
      method: "POST",
      path: "/reports/transactions",
      body: { DownloadFormat: "CSV", Filters: {} },
    });
  });
  await attempt(skipped, "sso", () => record(client, "ssos", "Sso", get("/clients/ssos"), true));
  await attempt(skipped, "permission groups", () =>
    record(client, "permission-groups", "PermissionGroup", get("/clients/permissiongroups"), true),
  );

  if (skipped.length > 0) console.warn(`not recorded (emulator lacks them?):\n${skipped.join("\n")}`);
});
