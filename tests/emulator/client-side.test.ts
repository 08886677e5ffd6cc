// The platform's own bank account and payouts, and country authorizations, over real HTTP (answers
// checked against the SDK's typings when the file ends).
import { checkAnswer, summarize } from "./conformance-kinds";
import { list, SMALL_SEED, startApi, str, type Api } from "./helpers";

let api: Api;
beforeAll(async () => {
  api = await startApi(SMALL_SEED);
});
afterAll(async () => {
  await api.emu.close();
});

async function countries(path: string) {
  const res = await fetch(`${api.emu.url}/v2.01${path}`, { headers: { authorization: `Bearer ${api.token}` } });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

it("client bank account (IBAN checked), client payout from a client wallet, refusals", async () => {
  const bad = await api.call("POST", "/clients/bankaccounts/iban", {
    OwnerName: "Platform",
    OwnerAddress: { AddressLine1: "1 Main St", City: "Paris", PostalCode: "75001", Country: "FR" },
    IBAN: "FR000",
  });
  expect(bad.status).toBe(400);
  expect(bad.body.errors).toHaveProperty("IBAN");
  const account = await api.call("POST", "/clients/bankaccounts/iban", {
    OwnerName: "Platform",
    OwnerAddress: { AddressLine1: "1 Main St", City: "Paris", PostalCode: "75001", Country: "FR" },
    IBAN: "FR7630004000031234567890143",
  });
  expect(account.body).toMatchObject({ Type: "IBAN", UserId: api.clientId });
  const payout = await api.call("POST", "/clients/payouts", {
    DebitedWalletId: "FEES_EUR",
    DebitedFunds: { Currency: "EUR", Amount: 500 },
    BankAccountId: account.body.Id,
    BankWireRef: "fees",
  });
  expect(payout.body).toMatchObject({ Status: "CREATED", AuthorId: api.clientId, Type: "PAYOUT" });
  const tooMuch = await api.call("POST", "/clients/payouts", {
    DebitedWalletId: "FEES_EUR",
    DebitedFunds: { Currency: "EUR", Amount: 999_999_999 },
    BankAccountId: account.body.Id,
  });
  expect(tooMuch.body).toMatchObject({ Status: "FAILED", ResultCode: "001001" });
  const users = list((await api.call("GET", "/users?per_page=5")).body);
  const userWallet = list((await api.call("GET", `/users/${str(users[0].Id)}/wallets`)).body)[0];
  const fromUser = await api.call("POST", "/clients/payouts", {
    DebitedWalletId: userWallet.Id,
    DebitedFunds: { Currency: str(userWallet.Currency), Amount: 1 },
    BankAccountId: account.body.Id,
  });
  expect(fromUser.status).toBe(400);
  expect(fromUser.body.errors).toHaveProperty("DebitedWalletId");
});

it("country authorizations: one country, all countries with pagination, unknown code", async () => {
  const fr = await countries("/countries/fr/authorizations");
  expect(fr.status).toBe(200);
  expect(fr.body).toMatchObject({ CountryCode: "FR", CountryName: "France" });
  const all = await countries("/countries/authorizations?per_page=50&page=2");
  expect(all.status).toBe(200);
  expect(all.body).toHaveLength(50);
  expect(Number(all.headers.get("x-number-of-items"))).toBeGreaterThan(240);
  expect((await countries("/countries/ZZ/authorizations")).status).toBe(404);
  // These answers bypass api.call (no ClientId in the URL): checked against the SDK's typings here.
  const problems = [
    ...checkAnswer("GET", "/countries/fr/authorizations", fr.body),
    ...checkAnswer("GET", "/countries/authorizations", all.body),
  ];
  expect(summarize(problems)).toEqual([]);
});
