/** @jest-environment node */
// The dashboard's reads of recipients (payouts v2) and of the platform's own payouts, against a private
// emulator over real HTTP and a real database: values as MANGOPAY sent them, found by search, Forbidden
// without bankAccounts.read, NotFound for an unknown id, another MANGOPAY client's account and another
// Hub's account.
import type { MangopayClient } from "@/lib/mangopay/client";
import * as payins from "@/lib/mangopay/payins";
import * as payouts from "@/lib/mangopay/payouts";
import * as platform from "@/lib/mangopay/platform";
import * as recipients from "@/lib/mangopay/recipients";
import * as wallets from "@/lib/mangopay/wallets";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { ForbiddenError, NotFoundError } from "@/lib/server/errors";
import { listClientPayouts } from "@/lib/services/client-wallets/list-client-payouts";
import { getRecipient } from "@/lib/services/recipients/get";
import { listUserRecipients } from "@/lib/services/recipients/list-by-user";
import { findById } from "@/lib/services/search/find-by-id";
import { getTransaction } from "@/lib/services/transactions/get";
import { accountContextFor, createTestAccount, createTestHub, type TestHub } from "../hub/factories";
import { newKey, startTestEmulator, type TestEmulator } from "../mangopay/helpers";
import { ADDRESS, BROWSER, createOwner, createPayer, eur, registerCard } from "../mangopay/world";

const MINE = "demo-marketplace";
const THEIRS = "demo-crowdfunding";
const IBAN = "FR7630004000031234567890143";

let emu: TestEmulator;
let client: MangopayClient;
let hub: TestHub;
let account: Awaited<ReturnType<typeof createTestAccount>>;
let otherClientCtx: AccountContext;
let otherHubCtx: AccountContext;
const ids = { owner: "", recipient: "", supplier: "", payout: "", clientPayout: "", platformAccount: "" };

beforeAll(async () => {
  emu = await startTestEmulator(12, { delays: { payoutMs: null, directDebitMs: null, mandateMs: null } });
  client = emu.client().client;
  const key = (id: string) => emu.clients.find((c) => c.ClientId === id)?.ApiKey;
  hub = await createTestHub();
  account = await createTestAccount(hub, { baseUrl: emu.url, clientId: MINE, apiKey: key(MINE) });
  const theirs = await createTestAccount(hub, { baseUrl: emu.url, clientId: THEIRS, apiKey: key(THEIRS) });
  otherClientCtx = accountContextFor(hub, "OWNER", theirs);
  const otherHub = await createTestHub();
  const foreign = await createTestAccount(otherHub, { baseUrl: emu.url, clientId: MINE, apiKey: key(MINE) });
  otherHubCtx = accountContextFor(hub, "OWNER", foreign);

  const owner = await createOwner(client, "Recipient");
  ids.owner = owner.Id;
  ids.recipient = (
    await recipients.create(client, owner.Id, {
      DisplayName: "Savings",
      PayoutMethodType: "LocalBankTransfer",
      RecipientType: "Individual",
      Currency: "EUR",
      IndividualRecipient: { FirstName: "Rita", LastName: "Cipient", Address: ADDRESS },
      LocalBankTransfer: { EUR: { IBAN, BIC: "BNPAFRPP" } },
    })
  ).Id;
  ids.supplier = (
    await recipients.create(client, owner.Id, {
      DisplayName: "Supplier GBP",
      PayoutMethodType: "LocalBankTransfer",
      RecipientType: "Business",
      Currency: "GBP",
      BusinessRecipient: { BusinessName: "Tea Ltd", Address: { ...ADDRESS, Country: "GB" } },
      LocalBankTransfer: { GBP: { SortCode: "200000", AccountNumber: "55779911" } },
    })
  ).Id;

  // 100.00 EUR paid in to the owner's wallet (8.00 of fees to the platform), then 25.00 EUR paid out to the recipient.
  const payer = await createPayer(client, "RecipientFunder");
  const wallet = await wallets.create(client, { Owners: [owner.Id], Currency: "EUR", Description: "Sales" });
  const card = await registerCard(client, payer.Id);
  await payins.createCardDirect(
    client,
    {
      AuthorId: payer.Id,
      CreditedWalletId: wallet.Id,
      DebitedFunds: eur(10_000),
      Fees: eur(800),
      CardId: card.Id,
      SecureModeReturnURL: "https://dashboard.example.test/return",
      SecureMode: "DEFAULT",
      BrowserInfo: BROWSER,
      IpAddress: "203.0.113.7",
    },
    { idempotencyKey: newKey() },
  );
  ids.payout = (
    await payouts.create(
      client,
      {
        AuthorId: owner.Id,
        DebitedWalletId: wallet.Id,
        DebitedFunds: eur(2_500),
        Fees: eur(0),
        RecipientId: ids.recipient,
      },
      { idempotencyKey: newKey() },
    )
  ).Id;
  ids.platformAccount = (
    await platform.createBankAccount(client, { OwnerName: "Demo Marketplace SAS", OwnerAddress: ADDRESS, IBAN })
  ).Id;
  ids.clientPayout = (
    await platform.createPayout(
      client,
      { DebitedWalletId: "FEES_EUR", DebitedFunds: eur(500), BankAccountId: ids.platformAccount },
      { idempotencyKey: newKey() },
    )
  ).Id;
}, 60_000);

afterAll(async () => {
  await db.$disconnect();
  await emu?.close();
});

const ctxAs = (grants?: string[]) => accountContextFor(hub, "OWNER", account, grants);

it("lists a user's recipients, newest first, with the holder and bank details a member reads", async () => {
  const page = await listUserRecipients({ ctx: ctxAs(), input: { userId: ids.owner } });
  expect(page.totalItems).toBe(2);
  expect(page.items.map((r) => r.displayName)).toEqual(["Supplier GBP", "Savings"]);
  expect(page.items[0]).toMatchObject({
    holder: "Tea Ltd",
    currency: "GBP",
    payoutMethodLabel: "Local bank transfer",
    status: "ACTIVE",
    bankDetails: [
      { name: "SortCode", label: "Sort code", value: "200000" },
      { name: "AccountNumber", label: "Account number", value: "55779911" },
    ],
  });
});

it("reads one recipient: holder, address, rail and IBAN", async () => {
  const r = await getRecipient({ ctx: ctxAs(), input: { recipientId: ids.recipient } });
  expect(r).toMatchObject({
    id: ids.recipient,
    userId: ids.owner,
    displayName: "Savings",
    holder: "Rita Cipient",
    recipientType: "Individual",
    status: "ACTIVE",
    scope: "PAYOUT",
    bankDetails: [
      { label: "IBAN", value: IBAN },
      { label: "BIC", value: "BNPAFRPP" },
    ],
    address: ["1 rue de la Paix", "75002 Paris", "FR"],
  });
});

it("shows a payout v2's recipient, and a client payout's author as the platform's ClientId", async () => {
  const v2 = await getTransaction({ ctx: ctxAs(), input: { transactionId: ids.payout, kind: "PAYOUT" } });
  expect(v2.payOut).toMatchObject({ recipientId: ids.recipient, bankAccountId: null });
  expect(v2.debited).toEqual({ amountMinor: 2_500, currency: "EUR" });
  const own = await getTransaction({ ctx: ctxAs(), input: { transactionId: ids.clientPayout, kind: "PAYOUT" } });
  expect(own.authorId).toBe(MINE);
  expect(own.debitedWalletId).toBe("FEES_EUR");
  expect(own.payOut).toMatchObject({ bankAccountId: ids.platformAccount, recipientId: null });
});

it("finds a recipient by its id; a member without bankAccounts.read is told it was not searched", async () => {
  const found = await findById({ ctx: ctxAs(), input: { query: ids.recipient } });
  expect(found.hits).toEqual([
    expect.objectContaining({
      type: "recipient",
      typeLabel: "Recipient",
      id: ids.recipient,
      status: "ACTIVE",
      userId: ids.owner,
      summary: "Savings · EUR · LocalBankTransfer",
    }),
  ]);
  const finance = accountContextFor(hub, "FINANCE", account);
  const skipped = await findById({ ctx: finance, input: { query: ids.recipient } });
  expect(skipped.hits).toEqual([]);
  expect(skipped.skipped).toEqual(["Recipient"]);
});

it("refuses the reads without bankAccounts.read (FINANCE, or a grant without it)", async () => {
  const finance = accountContextFor(hub, "FINANCE", account);
  await expect(getRecipient({ ctx: finance, input: { recipientId: ids.recipient } })).rejects.toBeInstanceOf(
    ForbiddenError,
  );
  await expect(listUserRecipients({ ctx: finance, input: { userId: ids.owner } })).rejects.toBeInstanceOf(
    ForbiddenError,
  );
  const noBankAccounts = ctxAs(["users.read", "wallets.read", "transactions.read"]);
  await expect(getRecipient({ ctx: noBankAccounts, input: { recipientId: ids.recipient } })).rejects.toBeInstanceOf(
    ForbiddenError,
  );
});

it("answers NotFound for an unknown or malformed id, another MANGOPAY client's account and another Hub's", async () => {
  for (const ctx of [otherClientCtx, otherHubCtx]) {
    await expect(getRecipient({ ctx, input: { recipientId: ids.recipient } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listUserRecipients({ ctx, input: { userId: ids.owner } })).rejects.toBeInstanceOf(NotFoundError);
  }
  const mine = ctxAs();
  await expect(
    getRecipient({ ctx: mine, input: { recipientId: "rec_m_01J0000000000000000000000" } }),
  ).rejects.toBeInstanceOf(NotFoundError);
  await expect(getRecipient({ ctx: mine, input: { recipientId: "../users" } })).rejects.toBeInstanceOf(NotFoundError);
  await expect(listUserRecipients({ ctx: mine, input: { userId: "999999999" } })).rejects.toBeInstanceOf(NotFoundError);
});

it("lists the platform's own payouts and the bank account they went to, with clientWallets.read only", async () => {
  const r = await listClientPayouts({ ctx: ctxAs() });
  // Newest first: this test's payout, then the seed's (the demo data has one client payout).
  expect(r.payouts[0]).toEqual(
    expect.objectContaining({
      id: ids.clientPayout,
      debited: { amountMinor: 500, currency: "EUR" },
      debitedWalletId: "FEES_EUR",
      bankAccountId: ids.platformAccount,
      status: "CREATED",
    }),
  );
  expect(
    r.payouts.every((p) => p.debitedWalletId?.startsWith("FEES_") || p.debitedWalletId?.startsWith("CREDIT_")),
  ).toBe(true);
  expect(r.bankAccounts[0]).toEqual(expect.objectContaining({ id: ids.platformAccount, payoutCount: 1 }));
  // The owner's own payout (no fees) is not the platform's.
  expect(r.payouts.map((p) => p.id)).not.toContain(ids.payout);
  await expect(listClientPayouts({ ctx: ctxAs(["users.read", "transactions.read"]) })).rejects.toBeInstanceOf(
    ForbiddenError,
  );
  await expect(listClientPayouts({ ctx: otherHubCtx })).rejects.toBeInstanceOf(NotFoundError);
  const theirs = await listClientPayouts({ ctx: otherClientCtx });
  expect(theirs.payouts.map((p) => p.id)).not.toContain(ids.clientPayout);
});
