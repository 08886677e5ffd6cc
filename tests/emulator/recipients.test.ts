// Recipients (payouts v2) over real HTTP and through the official SDK: schema and payout methods,
// validate, create (an OWNER's USER_PRESENT registration waits for SCA), list, view, deactivate, events.
import type Mangopay from "mangopay4-nodejs-sdk";
import { eventTypesFor, fund, list, natural, num, SMALL_SEED, startApi, str, type Api } from "./helpers";
import { sdkFor } from "./sdk-setup";

let api: Api;
let sdk: Mangopay;
let ownerId = "";
let payerId = "";

const address = { AddressLine1: "1 Main St", City: "Paris", PostalCode: "75001", Country: "FR" };
const eurRecipient = (over: Record<string, unknown> = {}) => ({
  DisplayName: "Ada's account",
  PayoutMethodType: "LocalBankTransfer",
  RecipientType: "Individual",
  Currency: "EUR",
  IndividualRecipient: { FirstName: "Ada", LastName: "Lovelace", Address: address },
  LocalBankTransfer: { EUR: { IBAN: "FR7630004000031234567890143", BIC: "BNPAFRPP" } },
  ...over,
});

beforeAll(async () => {
  api = await startApi(SMALL_SEED);
  sdk = sdkFor(api);
  ownerId = str((await api.call("POST", "/users/natural", natural())).body.Id);
  payerId = str(
    (await api.call("POST", "/users/natural", natural({ UserCategory: "PAYER", TermsAndConditionsAccepted: false })))
      .body.Id,
  );
});
afterAll(async () => {
  await api.emu.close();
});

const eventsOf = (resourceId: string) => eventTypesFor(api, resourceId);

it("schema per method, type and currency; payout methods per currency", async () => {
  const local = await api.call(
    "GET",
    "/recipients/schema?payoutMethodType=LocalBankTransfer&recipientType=Individual&currency=GBP&country=GB",
  );
  expect(local.status).toBe(200);
  expect(Object.keys(local.body.LocalBankTransfer.GBP).sort()).toEqual(["AccountNumber", "SortCode"]);
  expect(local.body.IndividualRecipient.FirstName.Required).toBe(true);
  const intl = await api.call(
    "GET",
    "/recipients/schema?payoutMethodType=InternationalBankTransfer&recipientType=Business&currency=CHF&country=CH",
  );
  expect(intl.body.InternationalBankTransfer.BIC.Required).toBe(true);
  expect(intl.body.BusinessRecipient.BusinessName.Required).toBe(true);
  const none = await api.call(
    "GET",
    "/recipients/schema?payoutMethodType=LocalBankTransfer&recipientType=Individual&currency=CHF&country=CH",
  );
  expect(none.status).toBe(400);
  const methods = await api.call("GET", "/recipients/payout-methods?country=CH&currency=CHF");
  expect(methods.body).toEqual({ AvailablePayoutMethods: ["InternationalBankTransfer"] });
});

it("validate answers 204 for a valid body and names every invalid field", async () => {
  expect((await api.call("POST", `/users/${payerId}/recipients/validate`, eurRecipient())).status).toBe(204);
  const bad = await api.call(
    "POST",
    `/users/${payerId}/recipients/validate`,
    eurRecipient({
      LocalBankTransfer: { EUR: { IBAN: "FR7630004000031234567890144" } },
      IndividualRecipient: { FirstName: "A" },
    }),
  );
  expect(bad.status).toBe(400);
  expect(Object.keys(bad.body.errors)).toEqual(
    expect.arrayContaining([
      "LocalBankTransfer.EUR.IBAN",
      "IndividualRecipient.LastName",
      "IndividualRecipient.Address.City",
    ]),
  );
});

it("a PAYER's recipient is ACTIVE at once; an OWNER's USER_PRESENT one waits for SCA, then is ACTIVE", async () => {
  const payer = await api.call("POST", `/users/${payerId}/recipients`, eurRecipient());
  expect(payer.body).toMatchObject({
    Status: "ACTIVE",
    UserId: payerId,
    PendingUserAction: null,
    RecipientScope: "PAYOUT",
  });
  expect(await eventsOf(str(payer.body.Id))).toEqual(["RECIPIENT_ACTIVE"]);

  const owned = await api.call("POST", `/users/${ownerId}/recipients`, eurRecipient({ ScaContext: "USER_PRESENT" }));
  expect(owned.body.Status).toBe("PENDING");
  const redirect = str(owned.body.PendingUserAction.RedirectUrl);
  const page = await fetch(redirect);
  expect(await page.text()).toContain("Confirm the new recipient");
  await fetch(redirect, { method: "POST", body: "outcome=SUCCEEDED", redirect: "manual" });
  expect((await api.call("GET", `/recipients/${owned.body.Id}`)).body.Status).toBe("ACTIVE");

  const refused = await api.call("POST", `/users/${ownerId}/recipients`, eurRecipient({ ScaContext: "USER_PRESENT" }));
  await fetch(str(refused.body.PendingUserAction.RedirectUrl), { method: "POST", body: "outcome=FAILED" });
  expect((await api.call("GET", `/recipients/${refused.body.Id}`)).body.Status).toBe("CANCELED");
  expect(await eventsOf(str(refused.body.Id))).toEqual(["RECIPIENT_CANCELED"]);

  const listed = list((await api.call("GET", `/users/${ownerId}/recipients`)).body);
  expect(listed.map((r) => r.Id).sort()).toEqual([owned.body.Id, refused.body.Id].sort());
  const off = await api.call("PUT", `/recipients/${owned.body.Id}`, { Status: "DEACTIVATED" });
  expect(off.body.Status).toBe("DEACTIVATED");
  expect((await api.call("PUT", `/recipients/${owned.body.Id}`, { Status: "DEACTIVATED" })).status).toBe(400);
  expect((await api.call("GET", "/recipients/nope")).status).toBe(404);
});

it("SDK: Recipients.getSchema, getPayoutMethods, validate, create, get, getUserRecipients, deactivate", async () => {
  const schema = await sdk.Recipients.getSchema("LocalBankTransfer", "Individual", "EUR", "FR");
  expect(schema.LocalBankTransfer.EUR.IBAN.Required).toBe(true);
  const methods = await sdk.Recipients.getPayoutMethods("FR", "EUR");
  expect(methods.AvailablePayoutMethods).toContain("LocalBankTransfer");
  await sdk.Recipients.validate(eurRecipient() as never, payerId);
  const created = await sdk.Recipients.create(eurRecipient() as never, payerId);
  expect(created.Status).toBe("ACTIVE");
  expect((await sdk.Recipients.get(created.Id)).DisplayName).toBe("Ada's account");
  expect((await sdk.Recipients.getUserRecipients(payerId)).map((r) => r.Id)).toContain(created.Id);
  expect((await sdk.Recipients.deactivate(created.Id)).Status).toBe("DEACTIVATED");
});

it("payouts v2: a payout to an ACTIVE recipient (BankAccountId null), instant when reachable; refusals", async () => {
  const wallet = str(
    (await api.call("POST", "/wallets", { Owners: [payerId], Currency: "EUR", Description: "w" })).body.Id,
  );
  await fund(api, payerId, wallet, 10_000);
  const recipient = await api.call("POST", `/users/${payerId}/recipients`, eurRecipient());
  const payout = await api.call("POST", "/payouts/bankwire", {
    AuthorId: payerId,
    DebitedWalletId: wallet,
    DebitedFunds: { Currency: "EUR", Amount: 3_000 },
    Fees: { Currency: "EUR", Amount: 0 },
    RecipientId: recipient.body.Id,
    PayoutModeRequested: "INSTANT_PAYMENT",
  });
  expect(payout.status).toBe(200);
  expect(payout.body).toMatchObject({ RecipientId: recipient.body.Id, BankAccountId: null });
  const full = await api.call("GET", `/payouts/bankwire/${payout.body.Id}`);
  expect(full.body).toMatchObject({ ModeApplied: "INSTANT_PAYMENT", Status: "SUCCEEDED" });
  expect(num((await api.call("GET", `/wallets/${wallet}`)).body.Balance.Amount)).toBe(7_000);

  await api.call("PUT", `/recipients/${recipient.body.Id}`, { Status: "DEACTIVATED" });
  const inactive = await api.call("POST", "/payouts/bankwire", {
    AuthorId: payerId,
    DebitedWalletId: wallet,
    DebitedFunds: { Currency: "EUR", Amount: 100 },
    Fees: { Currency: "EUR", Amount: 0 },
    RecipientId: recipient.body.Id,
  });
  expect(inactive.status).toBe(400);
  expect(inactive.body.Type).toBe("invalid_action");
  const neither = await api.call("POST", "/payouts/bankwire", {
    AuthorId: payerId,
    DebitedWalletId: wallet,
    DebitedFunds: { Currency: "EUR", Amount: 100 },
    Fees: { Currency: "EUR", Amount: 0 },
  });
  expect(neither.body.errors).toHaveProperty("BankAccountId");
  const ownersRecipient = await api.call("POST", `/users/${ownerId}/recipients`, eurRecipient());
  const foreign = await api.call("POST", "/payouts/bankwire", {
    AuthorId: payerId,
    DebitedWalletId: wallet,
    DebitedFunds: { Currency: "EUR", Amount: 100 },
    Fees: { Currency: "EUR", Amount: 0 },
    RecipientId: ownersRecipient.body.Id,
  });
  expect(foreign.body.Type).toBe("invalid_action");
});
