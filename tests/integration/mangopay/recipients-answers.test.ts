/** @jest-environment node */
// The typed client parses the emulator's recipients (payouts v2), a payout naming a RecipientId, and
// the platform's own bank account and client payout, over real HTTP.
import type { MangopayClient } from "@/lib/mangopay/client";
import * as payins from "@/lib/mangopay/payins";
import * as payouts from "@/lib/mangopay/payouts";
import * as platform from "@/lib/mangopay/platform";
import * as recipients from "@/lib/mangopay/recipients";
import { recipientBankDetails, recipientHolder } from "@/lib/mangopay/schemas/recipients";
import * as wallets from "@/lib/mangopay/wallets";
import { newKey, startTestEmulator, type TestEmulator } from "./helpers";
import { ADDRESS, BROWSER, createOwner, createPayer, eur, registerCard } from "./world";

let emu: TestEmulator;
let client: MangopayClient;
beforeAll(async () => {
  emu = await startTestEmulator(8, { delays: { payoutMs: null, directDebitMs: null, mandateMs: null } });
  client = emu.client().client;
});
afterAll(async () => {
  await emu.close();
});

const IBAN = "FR7630004000031234567890143";

it("creates, lists and reads a user's recipients; the schema and payout methods parse", async () => {
  const owner = await createOwner(client, "Rec");
  const local = await recipients.create(client, owner.Id, {
    DisplayName: "Main account",
    PayoutMethodType: "LocalBankTransfer",
    RecipientType: "Individual",
    Currency: "EUR",
    IndividualRecipient: { FirstName: "Rec", LastName: "Seller", Address: ADDRESS },
    LocalBankTransfer: { EUR: { IBAN, BIC: "BNPAFRPP" } },
  });
  expect(local).toMatchObject({ Status: "ACTIVE", UserId: owner.Id, Currency: "EUR", RecipientScope: "PAYOUT" });
  expect(local.Id).toMatch(/^rec_/);
  expect(recipientBankDetails(local)).toEqual([
    ["IBAN", IBAN],
    ["BIC", "BNPAFRPP"],
  ]);
  expect(recipientHolder(local)).toBe("Rec Seller");
  const business = await recipients.create(client, owner.Id, {
    DisplayName: "US supplier",
    PayoutMethodType: "InternationalBankTransfer",
    RecipientType: "Business",
    Currency: "USD",
    Country: "US",
    BusinessRecipient: { BusinessName: "Acme Inc", Address: { ...ADDRESS, Country: "US" } },
    InternationalBankTransfer: { AccountNumber: "000123456789", BIC: "CHASUS33" },
  });
  expect(recipientHolder(business)).toBe("Acme Inc");
  expect(recipientBankDetails(business)).toEqual([
    ["AccountNumber", "000123456789"],
    ["BIC", "CHASUS33"],
  ]);

  const page = await recipients.listByUser(client, owner.Id);
  expect(page.items.map((r) => r.Id).sort()).toEqual([local.Id, business.Id].sort());
  const read = await recipients.get(client, local.Id);
  expect(read.CreationDate).toBeInstanceOf(Date);
  expect(read.DisplayName).toBe("Main account");

  const schema = await recipients.getSchema(client, {
    payoutMethodType: "LocalBankTransfer",
    recipientType: "Individual",
    currency: "GBP",
    country: "GB",
  });
  expect(schema.LocalBankTransfer).toMatchObject({ GBP: { SortCode: { Required: true } } });
  await expect(recipients.getPayoutMethods(client, { country: "US", currency: "JPY" })).resolves.toEqual({
    AvailablePayoutMethods: ["InternationalBankTransfer"],
  });
});

it("reads a payout v2 with its RecipientId and no bank account, and a client payout to the platform's account", async () => {
  const owner = await createOwner(client, "Payee");
  const payer = await createPayer(client, "Funder");
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
  const recipient = await recipients.create(client, owner.Id, {
    DisplayName: "Payee IBAN",
    PayoutMethodType: "LocalBankTransfer",
    RecipientType: "Individual",
    Currency: "EUR",
    IndividualRecipient: { FirstName: "Payee", LastName: "Seller", Address: ADDRESS },
    LocalBankTransfer: { EUR: { IBAN } },
  });
  const created = await payouts.create(
    client,
    {
      AuthorId: owner.Id,
      DebitedWalletId: wallet.Id,
      DebitedFunds: eur(2_500),
      Fees: eur(0),
      RecipientId: recipient.Id,
    },
    { idempotencyKey: newKey() },
  );
  const payout = await payouts.get(client, created.Id);
  expect(payout).toMatchObject({ RecipientId: recipient.Id, BankAccountId: null, Type: "PAYOUT" });

  const own = await platform.createBankAccount(client, {
    OwnerName: "Demo Marketplace SAS",
    OwnerAddress: ADDRESS,
    IBAN,
    BIC: "BNPAFRPP",
  });
  expect(own.UserId).toBe("demo-marketplace");
  const clientPayout = await platform.createPayout(
    client,
    { DebitedWalletId: "FEES_EUR", DebitedFunds: eur(500), BankAccountId: own.Id, BankWireRef: "FEES NOV" },
    { idempotencyKey: newKey() },
  );
  const read = await payouts.get(client, clientPayout.Id);
  expect(read).toMatchObject({
    AuthorId: "demo-marketplace",
    DebitedWalletId: "FEES_EUR",
    BankAccountId: own.Id,
    RecipientId: null,
    DebitedFunds: { Amount: 500, Currency: "EUR" },
  });
});
