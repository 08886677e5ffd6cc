/** @jest-environment node */
// The typed client parses the emulator's recurring registrations and recurring pay-ins (CIT, then MIT).
import * as recurring from "@/lib/mangopay/recurring";
import * as wallets from "@/lib/mangopay/wallets";
import type { MangopayClient } from "@/lib/mangopay/client";
import { newKey, startTestEmulator, type TestEmulator } from "./helpers";
import { BROWSER, createPayer, eur, registerCard } from "./world";

let emu: TestEmulator;
let client: MangopayClient;
beforeAll(async () => {
  emu = await startTestEmulator(8, { seedUsers: 20 });
  client = emu.client().client;
});
afterAll(async () => {
  await emu.close();
});

it("registers, pays a CIT then a MIT, reads the state, ends", async () => {
  const payer = await createPayer(client, "Subscriber");
  const wallet = await wallets.create(client, { Owners: [payer.Id], Currency: "EUR", Description: "EUR" });
  const card = await registerCard(client, payer.Id);
  const reg = await recurring.createRegistration(
    client,
    {
      AuthorId: payer.Id,
      CardId: card.Id,
      CreditedWalletId: wallet.Id,
      FirstTransactionDebitedFunds: eur(1200),
      FirstTransactionFees: eur(0),
      Frequency: "Monthly",
    },
    { idempotencyKey: newKey() },
  );
  expect(reg).toMatchObject({ Status: "CREATED", RecurringType: "CLASSIC_SUBSCRIPTION" });
  const cit = await recurring.payCit(
    client,
    {
      RecurringPayinRegistrationId: reg.Id,
      BrowserInfo: BROWSER,
      IpAddress: "192.0.2.1",
      SecureModeReturnURL: "https://platform.example/3ds",
    },
    { idempotencyKey: newKey() },
  );
  expect(cit.Status).toBe("SUCCEEDED");
  const mit = await recurring.payMit(client, { RecurringPayinRegistrationId: reg.Id }, { idempotencyKey: newKey() });
  expect(mit).toMatchObject({ Status: "SUCCEEDED", DebitedFunds: eur(1200) });
  const state = await recurring.getRegistration(client, reg.Id);
  expect(state.Status).toBe("IN_PROGRESS");
  expect(state.CurrentState).toMatchObject({ PayinsLinked: 2, CumulatedDebitedAmount: eur(2400), LastPayinId: mit.Id });
  expect((await recurring.endRegistration(client, reg.Id)).Status).toBe("ENDED");
  expect((await wallets.get(client, wallet.Id)).Balance.Amount).toBe(2400);
});
