/** @jest-environment node */
import * as bankAccounts from "@/lib/mangopay/bank-accounts";
import { ParseError } from "@/lib/mangopay/errors";
import * as transactions from "@/lib/mangopay/transactions";
import * as transfers from "@/lib/mangopay/transfers";
import * as wallets from "@/lib/mangopay/wallets";
import { fakeApi, json, makeClient } from "./fake-api";

const wallet = {
  Id: "w1",
  Tag: null,
  CreationDate: 1,
  Owners: ["u1"],
  Balance: { Currency: "EUR", Amount: 0 },
  Currency: "EUR",
  FundsType: "DEFAULT",
  Description: "d",
};

describe("resource functions", () => {
  it("sends ScaContext=USER_NOT_PRESENT on OWNER-scoped wallet and transaction reads by default", async () => {
    const api = fakeApi();
    api.on("GET", /^\/wallets\/w1$/, () => json(200, wallet));
    api.on("GET", /\/transactions$/, () => json(200, []));
    const { client } = makeClient(api);
    await wallets.get(client, "w1");
    await transactions.listByUser(client, "u1");
    await transactions.listByWallet(client, "w1", { scaContext: "USER_PRESENT" });
    await transactions.listByCard(client, "c1");
    expect(api.apiCalls().map((c) => c.url.searchParams.get("ScaContext"))).toEqual([
      "USER_NOT_PRESENT",
      "USER_NOT_PRESENT",
      "USER_PRESENT",
      null,
    ]);
  });

  it("can omit ScaContext when asked", async () => {
    const api = fakeApi();
    api.on("GET", /^\/users\/u1\/wallets$/, () => json(200, [wallet]));
    const { client } = makeClient(api);
    await wallets.listByUser(client, "u1", { scaContext: null });
    expect(api.apiCalls()[0].url.searchParams.has("ScaContext")).toBe(false);
  });

  it("posts a bank account to the path of its type without sending Type in the body", async () => {
    const api = fakeApi();
    api.on("POST", /^\/users\/u1\/bankaccounts\/gb$/, (call) =>
      json(200, {
        Id: "b1",
        CreationDate: 1,
        UserId: "u1",
        Type: "GB",
        OwnerName: "O",
        Active: true,
        ...JSON.parse(call.body ?? "{}"),
      }),
    );
    const { client, recorder } = makeClient(api);
    await bankAccounts.create(client, "u1", {
      Type: "GB",
      OwnerName: "O",
      OwnerAddress: { City: "London" },
      AccountNumber: "55779911",
      SortCode: "200000",
    });
    expect(JSON.parse(api.apiCalls()[0].body ?? "{}")).not.toHaveProperty("Type");
    expect(recorder.list({ method: "POST" }).map((c) => c.pathTemplate)).toContain(
      "/users/{userId}/bankaccounts/{type}",
    );
  });

  it("sends the caller's idempotency key on money actions", async () => {
    const api = fakeApi();
    api.on("POST", /^\/transfers$/, () =>
      json(200, {
        Id: "t1",
        CreationDate: 1,
        DebitedFunds: { Currency: "EUR", Amount: 1 },
        Status: "SUCCEEDED",
        Type: "TRANSFER",
        Nature: "REGULAR",
      }),
    );
    const { client } = makeClient(api);
    const key = "op-0000000000000001";
    await transfers.create(
      client,
      {
        AuthorId: "u1",
        DebitedWalletId: "w1",
        CreditedWalletId: "w2",
        DebitedFunds: { Currency: "EUR", Amount: 1 },
        Fees: { Currency: "EUR", Amount: 0 },
      },
      { idempotencyKey: key },
    );
    expect(api.apiCalls()[0].headers.get("idempotency-key")).toBe(key);
  });

  it("reports a malformed 2xx body as ParseError naming the resource and path", async () => {
    const api = fakeApi();
    api.on("GET", /^\/wallets\/w1$/, () => json(200, { ...wallet, Balance: { Currency: "EUR" } }));
    const { client } = makeClient(api);
    const error = await wallets.get(client, "w1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParseError);
    expect(error).toMatchObject({ schemaName: "wallet", path: "Balance.Amount" });
  });
});
