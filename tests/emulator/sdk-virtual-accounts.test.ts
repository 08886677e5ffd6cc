/**
 * The official SDK (mangopay4-nodejs-sdk 1.68.0) on VirtualAccounts (create, get, getAll, deactivate,
 * getAvailabilities) and legacy BankingAliases (create, get, getAll, deactivate, activate).
 */
import type Mangopay from "mangopay4-nodejs-sdk";
import type { RunningEmulator } from "@/emulator/server";
import { createSdkOwner, startSdkEmulator, type SdkError } from "./sdk-setup";

let emu: RunningEmulator;
let api: Mangopay;
let clientId = "";
let walletId = "";

beforeAll(async () => {
  ({ emu, api, clientId } = await startSdkEmulator({ seedUsers: 20 }));
  const userId = await createSdkOwner(api, { FirstName: "Sdk", LastName: "Iban", Email: "iban@example.com" });
  walletId = (await api.Wallets.create({ Owners: [userId], Currency: "EUR", Description: "EUR" })).Id;
});
afterAll(async () => {
  await emu.close();
});

describe("SDK: VirtualAccounts", () => {
  it("create, get, getAll, deactivate; a wire on it credits the wallet", async () => {
    const account = await api.VirtualAccounts.create(walletId, { Country: "LU", VirtualAccountPurpose: "USER_OWNED" });
    expect(account).toMatchObject({ WalletId: walletId, Status: "ACTIVE", Active: true, AccountOwner: "Sdk Iban" });
    expect((await api.VirtualAccounts.get(walletId, account.Id)).Id).toBe(account.Id);
    expect((await api.VirtualAccounts.getAll(walletId)).map((a) => a.Id)).toEqual([account.Id]);
    await fetch(`${emu.url}/_emulator/clients/${clientId}/virtual-accounts/${account.Id}/wire`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ Amount: 2500 }),
    });
    expect((await api.Wallets.get(walletId)).Balance.Amount).toBe(2500);
    const closed = await api.VirtualAccounts.deactivate(walletId, account.Id);
    expect(closed).toMatchObject({ Active: false, Status: "CLOSED" });
    const unknown = (await api.VirtualAccounts.get(walletId, "nope").catch((e: unknown) => e)) as SdkError;
    expect(unknown.Type).toBe("ressource_not_found");
  });

  it("getAvailabilities", async () => {
    const availability = (await api.VirtualAccounts.getAvailabilities()) as unknown as {
      Collection: Array<{ Country: string; Available: boolean; Currencies: string[] }>;
    };
    expect(availability.Collection).toEqual(
      expect.arrayContaining([{ Country: "GB", Available: true, Currencies: ["GBP"] }]),
    );
  });
});

describe("SDK: BankingAliases (legacy)", () => {
  it("create, get, getAll, deactivate, activate", async () => {
    const alias = await api.BankingAliases.create({
      Type: "IBAN",
      WalletId: walletId,
      OwnerName: "Sdk Iban",
      Country: "FR",
    });
    expect(alias).toMatchObject({ Type: "IBAN", WalletId: walletId, Active: true });
    expect(alias.IBAN).toMatch(/^FR\d{25}$/);
    expect((await api.BankingAliases.get(alias.Id)).IBAN).toBe(alias.IBAN);
    expect((await api.BankingAliases.getAll(walletId)).map((a) => a.Id)).toEqual([alias.Id]);
    expect((await api.BankingAliases.deactivate(alias.Id)).Active).toBe(false);
    expect((await api.BankingAliases.activate(alias.Id)).Active).toBe(true);
  });
});
