/** @jest-environment node */
// The typed client parses the emulator's virtual accounts and banking aliases, seeded and new.
import * as virtualAccounts from "@/lib/mangopay/virtual-accounts";
import * as wallets from "@/lib/mangopay/wallets";
import { accountIdentifier } from "@/lib/mangopay/schemas/virtual-accounts";
import type { MangopayClient } from "@/lib/mangopay/client";
import { startTestEmulator, type TestEmulator } from "./helpers";
import { createOwner } from "./world";

let emu: TestEmulator;
let client: MangopayClient;
beforeAll(async () => {
  emu = await startTestEmulator(6, { seedUsers: 20 });
  client = emu.client().client;
});
afterAll(async () => {
  await emu.close();
});

it("creates, lists, reads and closes a virtual account; the identifier is its IBAN or UK account number", async () => {
  const user = await createOwner(client, "Va");
  const eur = await wallets.create(client, { Owners: [user.Id], Currency: "EUR", Description: "EUR" });
  const gbp = await wallets.create(client, { Owners: [user.Id], Currency: "GBP", Description: "GBP" });
  const fr = await virtualAccounts.create(client, eur.Id, { Country: "FR", VirtualAccountPurpose: "USER_OWNED" });
  expect(fr.Status).toBe("ACTIVE");
  expect(accountIdentifier(fr)).toMatch(/^FR\d{25}$/);
  const gb = await virtualAccounts.create(client, gbp.Id, { Country: "GB", VirtualAccountPurpose: "COLLECTION" });
  expect(accountIdentifier(gb)).toMatch(/^GB\d{2}SAPY\d{14}$/);
  expect(gb.LocalAccountDetails?.Account?.SortCode).toMatch(/^\d{6}$/);
  expect((await virtualAccounts.listByWallet(client, eur.Id)).items.map((a) => a.Id)).toEqual([fr.Id]);
  expect((await virtualAccounts.get(client, eur.Id, fr.Id)).CreationDate).toBeInstanceOf(Date);
  const closed = await virtualAccounts.deactivate(client, eur.Id, fr.Id);
  expect(closed).toMatchObject({ Active: false, Status: "CLOSED" });
  expect((await virtualAccounts.listBankingAliases(client, eur.Id)).items).toEqual([]);
});
