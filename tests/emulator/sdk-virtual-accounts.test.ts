/**
 * The official SDK (mangopay4-nodejs-sdk 1.68.0) on VirtualAccounts (create, get, getAll, deactivate,
 * getAvailabilities) and legacy BankingAliases (create, get, getAll, deactivate, activate).
 */
import Mangopay from "mangopay4-nodejs-sdk";
import { startEmulator, type RunningEmulator } from "@/emulator/server";

jest.setTimeout(20_000);

let emu: RunningEmulator;
let api: Mangopay;
let clientId = "";
let walletId = "";

interface SdkError {
  Type: string;
}

beforeAll(async () => {
  emu = await startEmulator({
    port: 0,
    seed: 1,
    seedUsers: 20,
    delays: { payoutMs: null, directDebitMs: null, mandateMs: null },
  });
  const clients = (await (await fetch(`${emu.url}/_emulator/clients`)).json()) as Array<{
    ClientId: string;
    ApiKey: string;
  }>;
  clientId = clients[0].ClientId;
  api = new Mangopay({ clientId, clientApiKey: clients[0].ApiKey, baseUrl: emu.url, errorHandler: () => undefined });
  const user = await api.Users.create({
    PersonType: "NATURAL",
    FirstName: "Sdk",
    LastName: "Iban",
    Email: "iban@example.com",
    Birthday: 188352000,
    Nationality: "FR",
    CountryOfResidence: "FR",
    TermsAndConditionsAccepted: true,
    UserCategory: "OWNER",
  });
  walletId = (await api.Wallets.create({ Owners: [user.Id], Currency: "EUR", Description: "EUR" })).Id;
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
