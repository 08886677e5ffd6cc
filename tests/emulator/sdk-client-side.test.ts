/**
 * The official SDK (mangopay4-nodejs-sdk 1.68.0) on the platform's own side: Clients.createBankAccountIBAN
 * and Clients.createPayOut (untyped in the SDK's typings, present in its services), client wallet
 * transactions, and Regulatory country authorizations (URLs without a ClientId).
 */
import type Mangopay from "mangopay4-nodejs-sdk";
import type { RunningEmulator } from "@/emulator/server";
import { startSdkEmulator, type SdkError } from "./sdk-setup";

let emu: RunningEmulator;
let api: Mangopay;
let clientId = "";

interface Obj {
  [k: string]: unknown;
  Id: string;
}
/** The JS services the SDK's typings omit. */
interface UntypedClients {
  createBankAccountIBAN(body: Record<string, unknown>): Promise<Obj>;
  createPayOut(body: Record<string, unknown>): Promise<Obj>;
}

beforeAll(async () => {
  ({ emu, api, clientId } = await startSdkEmulator({ seedUsers: 30 }));
});
afterAll(async () => {
  await emu.close();
});

describe("SDK: the platform's bank account and payouts", () => {
  it("createBankAccountIBAN, createPayOut from FEES_EUR; the payout settles and shows in the client wallet's transactions", async () => {
    const clients = api.Clients as unknown as UntypedClients;
    const account = await clients.createBankAccountIBAN({
      OwnerName: "Demo Marketplace SAS",
      OwnerAddress: { AddressLine1: "1 rue de la Paix", City: "Paris", PostalCode: "75002", Country: "FR" },
      IBAN: "FR7630004000031234567890143",
      BIC: "BNPAFRPP",
      Tag: "platform account",
    });
    expect(account).toMatchObject({ Type: "IBAN", UserId: clientId, Active: true, Tag: "platform account" });

    const fees = await api.Clients.getClientWallet("FEES", "EUR");
    expect(fees.Balance.Amount).toBeGreaterThan(1000);
    const payout = await clients.createPayOut({
      DebitedWalletId: "FEES_EUR",
      DebitedFunds: { Currency: "EUR", Amount: 1000 },
      BankAccountId: account.Id,
      BankWireRef: "FEES NOV",
    });
    expect(payout).toMatchObject({
      Status: "CREATED",
      AuthorId: clientId,
      DebitedWalletId: "FEES_EUR",
      BankAccountId: account.Id,
      Fees: { Currency: "EUR", Amount: 0 },
    });
    expect((await api.Clients.getClientWallet("FEES", "EUR")).Balance.Amount).toBe(fees.Balance.Amount - 1000);
    await fetch(`${emu.url}/_emulator/clients/${clientId}/payouts/${payout.Id}/succeed`, { method: "POST" });
    expect((await api.PayOuts.get(payout.Id)).Status).toBe("SUCCEEDED");
    const txs = await api.Clients.getClientWalletTransactions("FEES", "EUR", {
      parameters: { per_page: 100, Sort: "CreationDate:DESC" },
    });
    expect(txs.map((t) => t.Id)).toContain(payout.Id);

    const fromUserWallet = (await clients
      .createPayOut({
        DebitedWalletId: "1",
        DebitedFunds: { Currency: "EUR", Amount: 10 },
        BankAccountId: account.Id,
      })
      .catch((e: unknown) => e)) as SdkError;
    expect(fromUserWallet.Type).toBe("ressource_not_found");
    const missing = (await clients.createPayOut({ DebitedWalletId: "FEES_EUR" }).catch((e: unknown) => e)) as SdkError;
    expect(missing.Type).toBe("param_error");
    expect(missing.errors).toHaveProperty("BankAccountId");
  });

  it("refuses a bad IBAN, a user's bank account; a payout beyond the wallet's balance FAILS with 001001", async () => {
    const clients = api.Clients as unknown as UntypedClients;
    const badIban = (await clients
      .createBankAccountIBAN({
        OwnerName: "Demo Marketplace SAS",
        OwnerAddress: { AddressLine1: "1 rue de la Paix", City: "Paris", PostalCode: "75002", Country: "FR" },
        IBAN: "FR7630004000031234567890144",
      })
      .catch((e: unknown) => e)) as SdkError;
    expect(badIban.Type).toBe("param_error");
    expect(badIban.errors).toHaveProperty("IBAN");

    const account = await clients.createBankAccountIBAN({
      OwnerName: "Demo Marketplace SAS",
      OwnerAddress: { AddressLine1: "1 rue de la Paix", City: "Paris", PostalCode: "75002", Country: "FR" },
      IBAN: "FR7630004000031234567890143",
    });
    const userId = (
      await api.Users.create({
        PersonType: "NATURAL",
        FirstName: "Una",
        LastName: "User",
        Email: "una@example.com",
        UserCategory: "PAYER",
      } as never)
    ).Id;
    const usersAccount = await api.Users.createBankAccount(userId, {
      Type: "IBAN",
      OwnerName: "Una User",
      OwnerAddress: { AddressLine1: "2 rue", City: "Paris", PostalCode: "75001", Country: "FR" },
      IBAN: "FR7630004000031234567890143",
    } as never);
    const toUser = (await clients
      .createPayOut({
        DebitedWalletId: "FEES_EUR",
        DebitedFunds: { Currency: "EUR", Amount: 10 },
        BankAccountId: usersAccount.Id,
      })
      .catch((e: unknown) => e)) as SdkError;
    expect(toUser.Type).toBe("bankaccount_error");

    const fees = await api.Clients.getClientWallet("FEES", "EUR");
    const tooMuch = await clients.createPayOut({
      DebitedWalletId: "FEES_EUR",
      DebitedFunds: { Currency: "EUR", Amount: fees.Balance.Amount + 1 },
      BankAccountId: account.Id,
    });
    expect(tooMuch).toMatchObject({ Status: "FAILED", ResultCode: "001001" });
    expect((await api.Clients.getClientWallet("FEES", "EUR")).Balance.Amount).toBe(fees.Balance.Amount);
  });
});

describe("SDK: Regulatory country authorizations", () => {
  it("getCountryAuthorizations and getAllCountriesAuthorizations", async () => {
    const fr = await api.Regulatory.getCountryAuthorizations("FR");
    expect(fr).toMatchObject({
      CountryCode: "FR",
      CountryName: "France",
      Authorization: { BlockUserCreation: false, BlockBankAccountCreation: false, BlockPayout: false },
    });
    const kp = await api.Regulatory.getCountryAuthorizations("KP");
    expect(kp.Authorization).toEqual({ BlockUserCreation: true, BlockBankAccountCreation: true, BlockPayout: true });
    const all = await api.Regulatory.getAllCountriesAuthorizations({ parameters: { per_page: 100 } });
    expect(all).toHaveLength(100);
    const unknown = (await api.Regulatory.getCountryAuthorizations("ZZ").catch((e: unknown) => e)) as SdkError;
    expect(unknown.Type).toBe("ressource_not_found");
  });

  it("answers 401 without credentials on the ClientId-less URL", async () => {
    const res = await fetch(`${emu.url}/v2.01/countries/FR/authorizations`);
    expect(res.status).toBe(401);
  });
});
