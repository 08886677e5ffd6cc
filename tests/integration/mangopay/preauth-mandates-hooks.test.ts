/** @jest-environment node */
// Preauthorizations, mandates and direct debits, hooks and events against the emulator.
import * as events from "@/lib/mangopay/events";
import * as hooks from "@/lib/mangopay/hooks";
import * as mandates from "@/lib/mangopay/mandates";
import * as payins from "@/lib/mangopay/payins";
import * as preauthorizations from "@/lib/mangopay/preauthorizations";
import * as transactions from "@/lib/mangopay/transactions";
import { UpstreamError } from "@/lib/mangopay/errors";
import { newKey, startTestEmulator, type TestEmulator } from "./helpers";
import { BROWSER, buildWorld, eur, type World } from "./world";

let emu: TestEmulator;
let world: World;

beforeAll(async () => {
  emu = await startTestEmulator(14, { delays: { payoutMs: null, directDebitMs: null, mandateMs: null } });
  world = await buildWorld(emu.client().client);
});
afterAll(async () => {
  await emu.close();
});

describe("preauthorizations", () => {
  it("holds funds on a card and captures part of them as a PREAUTHORIZED pay-in", async () => {
    const { client } = emu.client();
    const pre = await preauthorizations.create(
      client,
      {
        AuthorId: world.payer.Id,
        DebitedFunds: eur(3000),
        CardId: world.card.Id,
        SecureModeReturnURL: "https://dashboard.example.test/return",
        BrowserInfo: BROWSER,
        IpAddress: "203.0.113.7",
      },
      { idempotencyKey: newKey() },
    );
    expect(pre).toMatchObject({ Status: "SUCCEEDED", PaymentStatus: "WAITING" });
    await expect(preauthorizations.get(client, pre.Id)).resolves.toMatchObject({ Id: pre.Id });
    expect((await preauthorizations.listByUser(client, world.payer.Id)).items.map((p) => p.Id)).toContain(pre.Id);
    expect((await preauthorizations.listByCard(client, world.card.Id)).items.map((p) => p.Id)).toContain(pre.Id);
    const capture = await payins.createPreauthorized(
      client,
      {
        AuthorId: world.payer.Id,
        CreditedWalletId: world.payerWallet.Id,
        DebitedFunds: eur(1000),
        Fees: eur(0),
        PreauthorizationId: pre.Id,
      },
      { idempotencyKey: newKey() },
    );
    expect(capture).toMatchObject({ Status: "SUCCEEDED", PaymentType: "PREAUTHORIZED" });
    await expect(transactions.listByPreauthorization(client, pre.Id)).resolves.toMatchObject({ totalItems: 1 });
  });

  it("cancels a waiting preauthorization", async () => {
    const { client } = emu.client();
    const pre = await preauthorizations.create(
      client,
      {
        AuthorId: world.payer.Id,
        DebitedFunds: eur(700),
        CardId: world.card.Id,
        SecureModeReturnURL: "https://dashboard.example.test/return",
        BrowserInfo: BROWSER,
        IpAddress: "203.0.113.7",
      },
      { idempotencyKey: newKey() },
    );
    await expect(preauthorizations.cancel(client, pre.Id)).resolves.toMatchObject({ PaymentStatus: "CANCELED" });
  });
});

describe("mandates and direct debits", () => {
  it("creates a mandate with a confirmation URL, lists it three ways and cancels it once active", async () => {
    const { client } = emu.client();
    const mandate = await mandates.create(client, {
      BankAccountId: world.bankAccount.Id,
      Culture: "EN",
      ReturnURL: "https://dashboard.example.test/mandate",
    });
    expect(mandate).toMatchObject({ Status: "CREATED", BankAccountId: world.bankAccount.Id });
    expect(mandate.RedirectURL).toBeTruthy();
    await expect(mandates.get(client, mandate.Id)).resolves.toMatchObject({ Id: mandate.Id });
    expect(
      (await mandates.list(client, { perPage: 100, sort: { field: "CreationDate", direction: "DESC" } })).items.map(
        (m) => m.Id,
      ),
    ).toContain(mandate.Id);
    expect((await mandates.listByUser(client, world.owner.Id)).items.map((m) => m.Id)).toContain(mandate.Id);
    expect(
      (await mandates.listByBankAccount(client, world.owner.Id, world.bankAccount.Id)).items.map((m) => m.Id),
    ).toContain(mandate.Id);

    await emu.control("POST", `/clients/${client.clientId}/mandates/${mandate.Id}/activate`);
    await expect(mandates.get(client, mandate.Id)).resolves.toMatchObject({ Status: "ACTIVE" });
    const debit = await payins.createDirectDebitDirect(
      client,
      {
        AuthorId: world.owner.Id,
        CreditedWalletId: world.ownerWallet.Id,
        DebitedFunds: eur(1500),
        Fees: eur(0),
        MandateId: mandate.Id,
      },
      { idempotencyKey: newKey() },
    );
    expect(debit).toMatchObject({ PaymentType: "DIRECT_DEBIT", MandateId: mandate.Id });
    await expect(transactions.listByMandate(client, mandate.Id)).resolves.toMatchObject({ totalItems: 1 });
    await expect(mandates.cancel(client, mandate.Id)).resolves.toMatchObject({
      Status: expect.stringMatching(/CANCELED|FAILED|EXPIRED/),
    });
  });

  it("refuses to cancel a mandate that is only CREATED with a typed error", async () => {
    const { client } = emu.client();
    const mandate = await mandates.create(client, {
      BankAccountId: world.bankAccount.Id,
      Culture: "FR",
      ReturnURL: "https://dashboard.example.test/mandate",
    });
    const error = await mandates.cancel(client, mandate.Id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).status).toBe(400);
  });
});

describe("hooks and events", () => {
  it("creates, reads, lists and disables a hook", async () => {
    const { client } = emu.client();
    const hook = await hooks.create(client, {
      EventType: "TRANSFER_NORMAL_SUCCEEDED",
      Url: "https://dashboard.example.test/api/webhooks/mangopay/acct",
    });
    expect(hook).toMatchObject({ Status: "ENABLED", Validity: "VALID" });
    await expect(hooks.get(client, hook.Id)).resolves.toMatchObject({ Url: hook.Url });
    expect(
      (await hooks.list(client, { perPage: 100, sort: { field: "CreationDate", direction: "DESC" } })).items.map(
        (h) => h.Id,
      ),
    ).toContain(hook.Id);
    await expect(hooks.update(client, hook.Id, { Status: "DISABLED" })).resolves.toMatchObject({ Status: "DISABLED" });
  });

  it("lists events filtered by type, with Date as a Date", async () => {
    const { client } = emu.client();
    const page = await events.list(client, {
      perPage: 100,
      filters: { EventType: "PAYIN_NORMAL_SUCCEEDED" },
      sort: { field: "Date", direction: "DESC" },
    });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((e) => e.EventType === "PAYIN_NORMAL_SUCCEEDED" && e.Date instanceof Date)).toBe(true);
    expect(page.items.map((e) => e.ResourceId)).toContain(world.payIn.Id);
  });
});
