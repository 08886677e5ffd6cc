// Instant payout eligibility (`POST /payouts/reachability`) over HTTP and through the official SDK
// (PayOuts.checkEligibility): reachable IBAN, the sandbox fallback IBAN, ownership errors; nothing moves.
import type Mangopay from "mangopay4-nodejs-sdk";
import { fund, natural, num, SMALL_SEED, startApi, str, type Api } from "./helpers";
import { sdkFor } from "./sdk-setup";

let api: Api;
let sdk: Mangopay;
let userId = "";
let walletId = "";
const address = { AddressLine1: "1 Main St", City: "Paris", PostalCode: "75001", Country: "FR" };

beforeAll(async () => {
  api = await startApi(SMALL_SEED);
  sdk = sdkFor(api);
  userId = str((await api.call("POST", "/users/natural", natural())).body.Id);
  walletId = str((await api.call("POST", "/wallets", { Owners: [userId], Currency: "EUR", Description: "w" })).body.Id);
  await fund(api, userId, walletId, 5_000);
});
afterAll(async () => {
  await api.emu.close();
});

async function account(IBAN: string): Promise<string> {
  const res = await api.call("POST", `/users/${userId}/bankaccounts/iban`, {
    OwnerName: "Ada",
    OwnerAddress: address,
    IBAN,
  });
  return str(res.body.Id);
}

it("answers IsReachable for an IBAN account and the fallback reason for the sandbox's unreachable IBAN", async () => {
  const reachable = await api.call("POST", "/payouts/reachability", {
    AuthorId: userId,
    DebitedWalletId: walletId,
    DebitedFunds: { Currency: "EUR", Amount: 1_000 },
    BankAccountId: await account("FR7630004000031234567890143"),
    PayoutModeRequested: "INSTANT_PAYMENT",
  });
  expect(reachable.status).toBe(200);
  expect(reachable.body).toEqual({ InstantPayout: { IsReachable: true } });
  const fallback = await api.call("POST", "/payouts/reachability", {
    AuthorId: userId,
    DebitedWalletId: walletId,
    DebitedFunds: { Currency: "EUR", Amount: 1_000 },
    BankAccountId: await account("FR541558929750ZZZZZZAC01915"),
    PayoutModeRequested: "INSTANT_PAYMENT",
  });
  expect(fallback.body.InstantPayout.IsReachable).toBe(false);
  expect(str(fallback.body.InstantPayout.UnreachableReason.Code)).toBe("001");
  expect(num((await api.call("GET", `/wallets/${walletId}`)).body.Balance.Amount)).toBe(5_000);
});

it("refuses missing fields and another user's wallet", async () => {
  const missing = await api.call("POST", "/payouts/reachability", { AuthorId: userId });
  expect(missing.status).toBe(400);
  expect(Object.keys(missing.body.errors)).toEqual(
    expect.arrayContaining(["DebitedWalletId", "DebitedFunds", "BankAccountId"]),
  );
  const other = str((await api.call("POST", "/users/natural", natural({ Email: "o@example.com" }))).body.Id);
  const foreign = await api.call("POST", "/payouts/reachability", {
    AuthorId: other,
    DebitedWalletId: walletId,
    DebitedFunds: { Currency: "EUR", Amount: 1 },
    BankAccountId: await account("FR7630004000031234567890143"),
  });
  expect(foreign.body.Type).toBe("author_is_not_debited_wallet_owner");
});

it("SDK: PayOuts.checkEligibility", async () => {
  const result = await sdk.PayOuts.checkEligibility({
    AuthorId: userId,
    DebitedWalletId: walletId,
    DebitedFunds: { Currency: "EUR", Amount: 500 },
    BankAccountId: await account("FR7630004000031234567890143"),
    PayoutModeRequested: "INSTANT_PAYMENT",
    PaymentType: "BANK_WIRE",
  });
  expect((result as unknown as { InstantPayout: { IsReachable: boolean } }).InstantPayout.IsReachable).toBe(true);
});
