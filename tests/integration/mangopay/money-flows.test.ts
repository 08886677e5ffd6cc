/** @jest-environment node */
// Wallets, cards, pay-ins, transfers, refunds, payouts and transaction lists against the emulator.
import * as bankAccounts from "@/lib/mangopay/bank-accounts";
import * as cardRegistrations from "@/lib/mangopay/card-registrations";
import * as cards from "@/lib/mangopay/cards";
import * as clientWallets from "@/lib/mangopay/client-wallets";
import { InvalidRequestError, UpstreamError } from "@/lib/mangopay/errors";
import * as payins from "@/lib/mangopay/payins";
import * as payouts from "@/lib/mangopay/payouts";
import * as refunds from "@/lib/mangopay/refunds";
import { isFailed } from "@/lib/mangopay/schemas/transactions";
import * as transactions from "@/lib/mangopay/transactions";
import * as transfers from "@/lib/mangopay/transfers";
import * as users from "@/lib/mangopay/users";
import * as wallets from "@/lib/mangopay/wallets";
import { newKey, startTestEmulator, type TestEmulator } from "./helpers";
import { BROWSER, buildWorld, eur, registerCard, type World } from "./world";

let emu: TestEmulator;
let world: World;

beforeAll(async () => {
  emu = await startTestEmulator(13);
  world = await buildWorld(emu.client().client);
});
afterAll(async () => {
  await emu.close();
});

describe("wallets", () => {
  it("reads a wallet and a user's wallets with ScaContext=USER_NOT_PRESENT", async () => {
    const urls: string[] = [];
    const { client } = emu.client({ deps: { fetch: (input, init) => (urls.push(String(input)), fetch(input, init)) } });
    const wallet = await wallets.get(client, world.payerWallet.Id);
    expect(wallet.Balance).toEqual(eur(10_000));
    const page = await wallets.listByUser(client, world.owner.Id);
    expect(page.items.map((w) => w.Id)).toEqual([world.ownerWallet.Id]);
    expect(
      urls
        .filter((u) => u.includes("/wallets"))
        .every((u) => new URL(u).searchParams.get("ScaContext") === "USER_NOT_PRESENT"),
    ).toBe(true);
  });

  it("updates a wallet's description", async () => {
    const { client } = emu.client();
    await expect(wallets.update(client, world.ownerWallet.Id, { Description: "Renamed" })).resolves.toMatchObject({
      Description: "Renamed",
    });
  });

  it("lists the platform's client wallets and their transactions", async () => {
    const { client } = emu.client();
    const all = await clientWallets.list(client);
    expect(all.length).toBeGreaterThan(0);
    const fees = await clientWallets.listByFundsType(client, "FEES");
    expect(fees.every((w) => w.FundsType === "FEES")).toBe(true);
    const feesEur = await clientWallets.get(client, "FEES", "EUR");
    expect(feesEur.Id).toBe("FEES_EUR");
    await expect(transactions.listByClientWallet(client, "FEES", "EUR")).resolves.toMatchObject({ page: 1 });
  });
});

describe("cards", () => {
  it("registers a card through the tokenizer and reads it back", async () => {
    const { client } = emu.client();
    expect(world.card).toMatchObject({ UserId: world.payer.Id, Active: true, Currency: "EUR" });
    const registration = await cardRegistrations.create(client, { UserId: world.payer.Id, Currency: "EUR" });
    await expect(cardRegistrations.get(client, registration.Id)).resolves.toMatchObject({ Status: "CREATED" });
    const page = await cards.listByUser(client, world.payer.Id);
    expect(page.items.map((c) => c.Id)).toContain(world.card.Id);
    if (world.card.Fingerprint) {
      await expect(cards.listByFingerprint(client, world.card.Fingerprint)).resolves.toMatchObject({ page: 1 });
    }
    await expect(transactions.listByCard(client, world.card.Id)).resolves.toMatchObject({ totalItems: 1 });
  });

  it("deactivates a card", async () => {
    const { client } = emu.client();
    const spare = await registerCard(client, world.payer.Id, "4970101122334422");
    await expect(cards.deactivate(client, spare.Id)).resolves.toMatchObject({ Active: false });
  });
});

describe("pay-ins", () => {
  it("creates a succeeded card pay-in and reads it by id", async () => {
    const { client } = emu.client();
    expect(world.payIn).toMatchObject({
      Status: "SUCCEEDED",
      Type: "PAYIN",
      PaymentType: "CARD",
      DebitedFunds: eur(10_000),
    });
    await expect(payins.get(client, world.payIn.Id)).resolves.toMatchObject({ Id: world.payIn.Id });
  });

  it("returns a refused card payment as a FAILED pay-in with its ResultCode, not an exception", async () => {
    const { client } = emu.client();
    const refused = await registerCard(client, world.payer.Id, "4970105111111113");
    const payIn = await payins.createCardDirect(
      client,
      {
        AuthorId: world.payer.Id,
        CreditedWalletId: world.payerWallet.Id,
        DebitedFunds: eur(500),
        Fees: eur(0),
        CardId: refused.Id,
        SecureModeReturnURL: "https://dashboard.example.test/return",
        IpAddress: "203.0.113.7",
        BrowserInfo: BROWSER,
      },
      { idempotencyKey: newKey() },
    );
    expect(isFailed(payIn)).toBe(true);
    expect(payIn.ResultCode).toBe("101101");
    expect(payIn.ResultMessage).toBeTruthy();
  });

  it("creates a bank wire pay-in that waits for the funds with a wire reference", async () => {
    const { client } = emu.client();
    const payIn = await payins.createBankWireDirect(
      client,
      {
        AuthorId: world.owner.Id,
        CreditedWalletId: world.ownerWallet.Id,
        DeclaredDebitedFunds: eur(2000),
        DeclaredFees: eur(0),
      },
      { idempotencyKey: newKey() },
    );
    expect(payIn).toMatchObject({ Status: "CREATED", PaymentType: "BANK_WIRE" });
    expect(payIn.WireReference).toBeTruthy();
  });

  it("refuses a money action without a well-formed idempotency key before calling", async () => {
    const { client, recorder } = emu.client();
    await expect(
      payins.createBankWireDirect(
        client,
        { AuthorId: "x", CreditedWalletId: "y", DeclaredDebitedFunds: eur(1), DeclaredFees: eur(0) },
        { idempotencyKey: "x" },
      ),
    ).rejects.toBeInstanceOf(InvalidRequestError);
    expect(recorder.countUpstream()).toBe(0);
  });
});

describe("transfers and refunds", () => {
  it("transfers between wallets, refunds it and lists the refund", async () => {
    const { client } = emu.client();
    const transfer = await transfers.create(
      client,
      {
        AuthorId: world.payer.Id,
        DebitedWalletId: world.payerWallet.Id,
        CreditedWalletId: world.ownerWallet.Id,
        DebitedFunds: eur(3000),
        Fees: eur(100),
      },
      { idempotencyKey: newKey() },
    );
    expect(transfer).toMatchObject({ Status: "SUCCEEDED", CreditedFunds: eur(2900) });
    await expect(transfers.get(client, transfer.Id)).resolves.toMatchObject({ Id: transfer.Id });
    const refund = await refunds.createForTransfer(
      client,
      transfer.Id,
      { AuthorId: world.payer.Id },
      { idempotencyKey: newKey() },
    );
    expect(refund).toMatchObject({ Nature: "REFUND", InitialTransactionId: transfer.Id });
    await expect(refunds.get(client, refund.Id)).resolves.toMatchObject({ Id: refund.Id });
    await expect(refunds.listByTransfer(client, transfer.Id)).resolves.toMatchObject({ totalItems: 1 });
  });

  it("moves money exactly once when a transfer's answer is dropped, recovering it through /responses", async () => {
    const { client, recorder } = emu.client();
    const before = await wallets.get(client, world.ownerWallet.Id);
    await emu.control("POST", "/faults", { route: "/transfers", method: "POST", kind: "drop", count: 1 });
    const key = newKey();
    const transfer = await transfers.create(
      client,
      {
        AuthorId: world.payer.Id,
        DebitedWalletId: world.payerWallet.Id,
        CreditedWalletId: world.ownerWallet.Id,
        DebitedFunds: eur(250),
        Fees: eur(0),
      },
      { idempotencyKey: key },
    );
    expect(transfer.Status).toBe("SUCCEEDED");
    expect(recorder.list({ method: "POST", pathTemplate: "/transfers" })).toHaveLength(1);
    expect(recorder.list({ pathTemplate: "/responses/{key}" })).toHaveLength(1);
    const after = await wallets.get(client, world.ownerWallet.Id);
    expect(after.Balance.Amount - before.Balance.Amount).toBe(250);
  });

  it("returns an over-balance transfer as FAILED 001001", async () => {
    const { client } = emu.client();
    const transfer = await transfers.create(
      client,
      {
        AuthorId: world.payer.Id,
        DebitedWalletId: world.payerWallet.Id,
        CreditedWalletId: world.ownerWallet.Id,
        DebitedFunds: eur(10_000_000),
        Fees: eur(0),
      },
      { idempotencyKey: newKey() },
    );
    expect(transfer).toMatchObject({ Status: "FAILED", ResultCode: "001001" });
  });

  it("partially refunds a pay-in and lists it", async () => {
    const { client } = emu.client();
    const refund = await refunds.createForPayIn(
      client,
      world.payIn.Id,
      { AuthorId: world.payer.Id, DebitedFunds: eur(100), Fees: eur(0) },
      { idempotencyKey: newKey() },
    );
    expect(refund).toMatchObject({ InitialTransactionType: "PAYIN", DebitedFunds: eur(100) });
    const page = await refunds.listByPayIn(client, world.payIn.Id);
    expect(page.items.map((r) => r.Id)).toContain(refund.Id);
  });

  it("rejects a transfer in another currency with a typed UpstreamError", async () => {
    const { client } = emu.client();
    const gbp = await wallets.create(client, { Owners: [world.owner.Id], Currency: "GBP", Description: "GBP" });
    const error = await transfers
      .create(
        client,
        {
          AuthorId: world.payer.Id,
          DebitedWalletId: world.payerWallet.Id,
          CreditedWalletId: gbp.Id,
          DebitedFunds: eur(10),
          Fees: eur(0),
        },
        { idempotencyKey: newKey() },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).status).toBe(400);
  });
});

describe("bank accounts and payouts", () => {
  it("lists and reads bank accounts", async () => {
    const { client } = emu.client();
    await expect(bankAccounts.get(client, world.owner.Id, world.bankAccount.Id)).resolves.toMatchObject({
      Type: "IBAN",
      Active: true,
    });
    const page = await bankAccounts.listByUser(client, world.owner.Id);
    expect(page.items.map((b) => b.Id)).toContain(world.bankAccount.Id);
  });

  it("pays out to a bank account and reads the payout in both views", async () => {
    const { client } = emu.client();
    await transfers.create(
      client,
      {
        AuthorId: world.payer.Id,
        DebitedWalletId: world.payerWallet.Id,
        CreditedWalletId: world.ownerWallet.Id,
        DebitedFunds: eur(1000),
        Fees: eur(0),
      },
      { idempotencyKey: newKey() },
    );
    const payout = await payouts.create(
      client,
      {
        AuthorId: world.owner.Id,
        DebitedWalletId: world.ownerWallet.Id,
        DebitedFunds: eur(500),
        Fees: eur(0),
        BankAccountId: world.bankAccount.Id,
        BankWireRef: "Invoice 42",
      },
      { idempotencyKey: newKey() },
    );
    expect(payout).toMatchObject({ Type: "PAYOUT", Status: "CREATED", BankAccountId: world.bankAccount.Id });
    await expect(payouts.get(client, payout.Id)).resolves.toMatchObject({ Id: payout.Id });
    await expect(payouts.getBankWire(client, payout.Id)).resolves.toMatchObject({ Id: payout.Id });
    await expect(refunds.listByPayOut(client, payout.Id)).resolves.toMatchObject({ page: 1 });
    await expect(transactions.listByBankAccount(client, world.bankAccount.Id)).resolves.toMatchObject({ page: 1 });
  });

  it("deactivates a bank account", async () => {
    const { client } = emu.client();
    const other = await bankAccounts.create(client, world.owner.Id, {
      Type: "GB",
      OwnerName: "Owner Seller",
      OwnerAddress: { AddressLine1: "1 High St", City: "London", PostalCode: "SW1A 1AA", Country: "GB" },
      AccountNumber: "55779911",
      SortCode: "200000",
    });
    await expect(bankAccounts.deactivate(client, world.owner.Id, other.Id)).resolves.toMatchObject({ Active: false });
  });
});

describe("transaction lists", () => {
  it("lists a user's and a wallet's transactions with filters", async () => {
    const { client } = emu.client();
    const byUser = await transactions.listByUser(client, world.payer.Id, { perPage: 100 });
    expect(byUser.items.length).toBeGreaterThan(0);
    const succeeded = await transactions.listByWallet(client, world.payerWallet.Id, {
      filters: { Status: "SUCCEEDED", Type: ["PAYIN", "TRANSFER"] },
    });
    expect(succeeded.items.every((t) => t.Status === "SUCCEEDED" && ["PAYIN", "TRANSFER"].includes(t.Type))).toBe(true);
    const failed = await transactions.listByWallet(client, world.payerWallet.Id, { filters: { Status: "FAILED" } });
    expect(failed.items.every((t) => t.Status === "FAILED")).toBe(true);
  });
});

describe("user closure", () => {
  it("refuses to close a user whose wallet holds money with user_closure_not_possible", async () => {
    const { client } = emu.client();
    const error = await users.close(client, world.payer.Id, "NATURAL").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ status: 400, type: "user_closure_not_possible" });
  });
});
