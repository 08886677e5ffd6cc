/** @jest-environment node */
// The typed client parses the emulator's deposit preauthorizations, deposit pay-ins and card validations.
import * as deposits from "@/lib/mangopay/deposits";
import * as wallets from "@/lib/mangopay/wallets";
import type { MangopayClient } from "@/lib/mangopay/client";
import { newKey, startTestEmulator, type TestEmulator } from "./helpers";
import { BROWSER, createPayer, eur, registerCard } from "./world";

let emu: TestEmulator;
let client: MangopayClient;
beforeAll(async () => {
  emu = await startTestEmulator(7, { seedUsers: 20 });
  client = emu.client().client;
});
afterAll(async () => {
  await emu.close();
});

const RETURN = "https://platform.example/3ds";

it("holds, captures with a complement, lists, cancels; dates and links parse", async () => {
  const payer = await createPayer(client, "Depositor");
  const wallet = await wallets.create(client, { Owners: [payer.Id], Currency: "EUR", Description: "EUR" });
  const card = await registerCard(client, payer.Id);
  const input = {
    AuthorId: payer.Id,
    DebitedFunds: eur(3000),
    CardId: card.Id,
    SecureModeReturnURL: RETURN,
    IpAddress: "192.0.2.1",
    BrowserInfo: BROWSER,
  };
  const held = await deposits.create(client, input, { idempotencyKey: newKey() });
  expect(held).toMatchObject({ Status: "SUCCEEDED", PaymentStatus: "WAITING" });
  expect(held.ExpirationDate).toBeInstanceOf(Date);
  expect(held.ExpirationDate!.getTime() - held.CreationDate.getTime()).toBe(30 * 86400 * 1000);
  const base = { AuthorId: payer.Id, CreditedWalletId: wallet.Id, DepositId: held.Id, Fees: eur(0) };
  const first = await deposits.capture(client, "priorToComplement", base, { idempotencyKey: newKey() });
  expect(first).toMatchObject({ Status: "SUCCEEDED", DebitedFunds: eur(3000) });
  expect((await deposits.get(client, held.Id)).PaymentStatus).toBe("TO_BE_COMPLETED");
  const extra = await deposits.capture(
    client,
    "complement",
    { ...base, DebitedFunds: eur(500) },
    { idempotencyKey: newKey() },
  );
  const done = await deposits.get(client, held.Id);
  expect(done.PayinsLinked).toEqual({ PayinCaptureId: first.Id, PayinComplementId: extra.Id });
  const txs = await deposits.listTransactions(client, held.Id);
  expect(txs.items.map((t) => [t.Id, t.DepositId])).toEqual([
    [first.Id, held.Id],
    [extra.Id, held.Id],
  ]);
  const other = await deposits.create(client, input, { idempotencyKey: newKey() });
  expect((await deposits.cancel(client, other.Id)).PaymentStatus).toBe("CANCELED");
  const waiting = await deposits.listByUser(client, payer.Id, { filters: { PaymentStatus: "CANCELED" } });
  expect(waiting.items.map((d) => d.Id)).toEqual([other.Id]);
  expect((await deposits.listByCard(client, card.Id)).items).toHaveLength(2);
  expect((await wallets.get(client, wallet.Id)).Balance.Amount).toBe(3500);
});

it("validates a card: VALID, then readable by id", async () => {
  const payer = await createPayer(client, "Validator");
  const card = await registerCard(client, payer.Id);
  const validation = await deposits.validateCard(
    client,
    card.Id,
    { AuthorId: payer.Id, SecureModeReturnURL: RETURN, IpAddress: "192.0.2.1", BrowserInfo: BROWSER },
    { idempotencyKey: newKey() },
  );
  expect(validation).toMatchObject({ Status: "SUCCEEDED", Validity: "VALID", CardId: card.Id });
  expect((await deposits.getCardValidation(client, card.Id, validation.Id)).CreationDate).toBeInstanceOf(Date);
});
