/** @jest-environment node */
// The typed client parses the emulator's FX answers (rates, quotes, conversions) through the real HTTP
// stack, and conversions come back in the transaction lists the dashboard reads.
import * as conversions from "@/lib/mangopay/conversions";
import * as payins from "@/lib/mangopay/payins";
import * as transactions from "@/lib/mangopay/transactions";
import * as wallets from "@/lib/mangopay/wallets";
import type { MangopayClient } from "@/lib/mangopay/client";
import { startTestEmulator, type TestEmulator } from "./helpers";
import { createOwner } from "./world";

let emu: TestEmulator;
let client: MangopayClient;
beforeAll(async () => {
  emu = await startTestEmulator(5, { seedUsers: 20, delays: { payoutMs: null, directDebitMs: null, mandateMs: null } });
  client = emu.client().client;
});
afterAll(async () => {
  await emu.close();
});

let keys = 0;
const key = () => `fx-answers-key-${Date.now()}-${++keys}`.slice(0, 36);

it("rates, quotes and conversions parse; a conversion shows in the user's and wallets' transactions", async () => {
  const rate = await conversions.getRate(client, "EUR", "GBP");
  expect(typeof rate.MarketRate).toBe("number");
  expect(rate.MarketRateDate).toBeInstanceOf(Date);

  const user = await createOwner(client, "Fx");
  const eur = await wallets.create(client, { Owners: [user.Id], Currency: "EUR", Description: "EUR" });
  const gbp = await wallets.create(client, { Owners: [user.Id], Currency: "GBP", Description: "GBP" });
  const wire = await payins.createBankWireDirect(
    client,
    {
      AuthorId: user.Id,
      CreditedWalletId: eur.Id,
      DeclaredDebitedFunds: { Currency: "EUR", Amount: 20_000 },
      DeclaredFees: { Currency: "EUR", Amount: 0 },
    },
    { idempotencyKey: key() },
  );
  await emu.control("POST", `/clients/demo-marketplace/payins/${wire.Id}/settle`, {});

  const instant = await conversions.createInstant(
    client,
    {
      AuthorId: user.Id,
      DebitedWalletId: eur.Id,
      CreditedWalletId: gbp.Id,
      DebitedFunds: { Currency: "EUR", Amount: 5_000 },
      CreditedFunds: { Currency: "GBP" },
      Fees: { Type: "FIXED", Value: 100 },
    },
    { idempotencyKey: key() },
  );
  expect(instant.Status).toBe("SUCCEEDED");
  expect(instant.Type).toBe("CONVERSION");
  expect(instant.Fees).toEqual({ Currency: "EUR", Amount: 100 });
  expect(instant.CreditedFunds?.Amount).toBe(Math.floor(4_900 * instant.ConversionRateResponse.MarketRate));

  const quote = await conversions.createQuote(client, {
    DebitedFunds: { Currency: "EUR", Amount: 1_000 },
    CreditedFunds: { Currency: "GBP" },
    Duration: 60,
  });
  expect(quote.Status).toBe("ACTIVE");
  expect(quote.ExpirationDate.getTime() - quote.CreationDate.getTime()).toBe(60_000);
  expect((await conversions.getQuote(client, quote.Id)).Id).toBe(quote.Id);
  const quoted = await conversions.createQuoted(
    client,
    { QuoteId: quote.Id, AuthorId: user.Id, DebitedWalletId: eur.Id, CreditedWalletId: gbp.Id },
    { idempotencyKey: key() },
  );
  expect(quoted.QuoteId).toBe(quote.Id);
  expect((await conversions.get(client, quoted.Id)).CreditedFunds).toEqual(quote.CreditedFunds);

  const byUser = await transactions.listByUser(client, user.Id, { filters: { Type: ["CONVERSION"] } });
  expect(byUser.items.map((t) => t.Id).sort()).toEqual([instant.Id, quoted.Id].sort());
  const byWallet = await transactions.listByWallet(client, gbp.Id);
  expect(byWallet.items.every((t) => t.Type === "CONVERSION" && t.CreditedWalletId === gbp.Id)).toBe(true);
  expect((await wallets.get(client, gbp.Id)).Balance.Amount).toBe(
    (instant.CreditedFunds?.Amount ?? 0) + (quoted.CreditedFunds?.Amount ?? 0),
  );
});
