// Virtual accounts and legacy banking aliases over real HTTP: create, list per wallet, view, deactivate,
// availability, a wire received on one credits the wallet (control call), events and errors.
import { list, natural, num, SMALL_SEED, startApi, str, type Api } from "./helpers";

let api: Api;
let ownerId = "";
let eurWallet = "";
let gbpWallet = "";
beforeAll(async () => {
  api = await startApi(SMALL_SEED);
  ownerId = str((await api.call("POST", "/users/natural", natural({ FirstName: "Vera", LastName: "Iban" }))).body.Id);
  eurWallet = str(
    (await api.call("POST", "/wallets", { Owners: [ownerId], Currency: "EUR", Description: "e" })).body.Id,
  );
  gbpWallet = str(
    (await api.call("POST", "/wallets", { Owners: [ownerId], Currency: "GBP", Description: "g" })).body.Id,
  );
});
afterAll(async () => {
  await api.emu.close();
});

function ibanOk(iban: string): boolean {
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (const ch of moved)
    for (const d of ch >= "A" ? String(ch.charCodeAt(0) - 55) : ch) rem = (rem * 10 + Number(d)) % 97;
  return rem === 1;
}

it("creates a USER_OWNED EUR account with a valid IBAN, lists it, receives a wire, then deactivates it", async () => {
  const created = await api.call("POST", `/wallets/${eurWallet}/virtual-accounts`, {
    Country: "FR",
    VirtualAccountPurpose: "USER_OWNED",
    Tag: "main",
  });
  expect(created.status).toBe(200);
  expect(created.body).toMatchObject({
    WalletId: eurWallet,
    CreditedUserId: ownerId,
    VirtualAccountPurpose: "USER_OWNED",
    Country: "FR",
    Status: "ACTIVE",
    Active: true,
    AccountOwner: "Vera Iban",
    Capabilities: { Currencies: ["EUR"] },
  });
  const iban = str(created.body.LocalAccountDetails.Account.Iban);
  expect(iban).toMatch(/^FR\d{25}$/);
  expect(ibanOk(iban)).toBe(true);
  const id = str(created.body.Id);
  expect(id).toMatch(/^wltbank_m_/);

  const listed = await api.call("GET", `/wallets/${eurWallet}/virtual-accounts`);
  expect(list(listed.body).map((a) => a.Id)).toEqual([id]);
  expect(listed.headers.get("x-number-of-items")).toBe("1");
  expect((await api.call("GET", `/wallets/${eurWallet}/virtual-accounts/${id}`)).body.Id).toBe(id);
  expect((await api.call("GET", `/wallets/${gbpWallet}/virtual-accounts/${id}`)).status).toBe(404);

  const wire = await api.control("POST", `/clients/${api.clientId}/virtual-accounts/${id}/wire`, {
    Amount: 12_345,
    WireReference: "INV-42",
  });
  expect(wire.body).toMatchObject({
    Status: "SUCCEEDED",
    PaymentType: "BANK_WIRE",
    ExecutionType: "EXTERNAL_INSTRUCTION",
    BankingAliasId: id,
    WireReference: "INV-42",
    CreditedWalletId: eurWallet,
    Fees: { Amount: 0 },
  });
  expect(num((await api.call("GET", `/wallets/${eurWallet}`)).body.Balance.Amount)).toBe(12_345);
  const payin = await api.call("GET", `/payins/${wire.body.Id}`);
  expect(payin.body.DebitedBankAccount.Type).toBe("IBAN");

  const closed = await api.call("PUT", `/wallets/${eurWallet}/virtual-accounts/${id}`, { Active: false });
  expect(closed.body).toMatchObject({ Active: false, Status: "CLOSED" });
  const again = await api.call("PUT", `/wallets/${eurWallet}/virtual-accounts/${id}`, { Active: true });
  expect(again.status).toBe(400);
  const refused = await api.control("POST", `/clients/${api.clientId}/virtual-accounts/${id}/wire`, { Amount: 1 });
  expect(refused.status).toBe(400);

  const events = list((await api.call("GET", "/events?per_page=100&Sort=Date:DESC")).body)
    .filter((e) => str(e.ResourceId) === id)
    .map((e) => str(e.EventType));
  expect(events.sort()).toEqual(["VIRTUAL_ACCOUNT_ACTIVE", "VIRTUAL_ACCOUNT_CLOSED"]);
});

it("a GB COLLECTION account has a sort code and account number; purposes cannot be mixed on a wallet", async () => {
  const gb = await api.call("POST", `/wallets/${gbpWallet}/virtual-accounts`, {
    Country: "GB",
    VirtualAccountPurpose: "COLLECTION",
  });
  expect(str(gb.body.AccountOwner)).toMatch(/^MGP /);
  expect(str(gb.body.LocalAccountDetails.Account.SortCode)).toMatch(/^\d{6}$/);
  expect(str(gb.body.LocalAccountDetails.Account.AccountNumber)).toMatch(/^\d{8}$/);
  expect(ibanOk(str(gb.body.InternationalAccountDetails[0].Account.Iban))).toBe(true);
  const mixed = await api.call("POST", `/wallets/${gbpWallet}/virtual-accounts`, {
    Country: "GB",
    VirtualAccountPurpose: "USER_OWNED",
  });
  expect(mixed.status).toBe(400);
});

it("refuses a country that does not match the wallet, USER_OWNED for a PAYER, missing fields", async () => {
  const mismatch = await api.call("POST", `/wallets/${eurWallet}/virtual-accounts`, {
    Country: "GB",
    VirtualAccountPurpose: "COLLECTION",
  });
  expect(mismatch.body.Type).toBe("currency_incompatibility");
  const payer = await api.call(
    "POST",
    "/users/natural",
    natural({ UserCategory: "PAYER", TermsAndConditionsAccepted: false }),
  );
  const payerWallet = await api.call("POST", "/wallets", {
    Owners: [payer.body.Id],
    Currency: "EUR",
    Description: "p",
  });
  const userOwned = await api.call("POST", `/wallets/${payerWallet.body.Id}/virtual-accounts`, {
    Country: "FR",
    VirtualAccountPurpose: "USER_OWNED",
  });
  expect(userOwned.body.Type).toBe("not_allowed_for_user_category_payer");
  const missing = await api.call("POST", `/wallets/${eurWallet}/virtual-accounts`, {});
  expect(Object.keys(missing.body.errors).sort()).toEqual(["Country", "VirtualAccountPurpose"]);
  expect((await api.call("GET", "/wallets/999999999/virtual-accounts")).status).toBe(404);
});

it("lists availability per country and purpose", async () => {
  const res = await api.call("GET", "/virtual-accounts/availability");
  expect(list(res.body.Collection).map((c) => c.Country)).toEqual(expect.arrayContaining(["FR", "GB", "LU"]));
  expect(list(res.body.UserOwned).find((c) => str(c.Country) === "GB")).toBeUndefined();
});

it("legacy banking aliases: create, view, list per wallet, deactivate, a wire credits the wallet", async () => {
  const alias = await api.call("POST", `/wallets/${eurWallet}/bankingaliases/iban`, {
    OwnerName: "Vera Iban",
    Country: "LU",
  });
  expect(alias.body).toMatchObject({
    Type: "IBAN",
    Country: "LU",
    Active: true,
    WalletId: eurWallet,
    CreditedUserId: ownerId,
  });
  expect(ibanOk(str(alias.body.IBAN))).toBe(true);
  expect((await api.call("GET", `/bankingaliases/${alias.body.Id}`)).body.IBAN).toBe(alias.body.IBAN);
  expect(list((await api.call("GET", `/wallets/${eurWallet}/bankingaliases`)).body)).toHaveLength(1);
  const before = num((await api.call("GET", `/wallets/${eurWallet}`)).body.Balance.Amount);
  await api.control("POST", `/clients/${api.clientId}/virtual-accounts/${alias.body.Id}/wire`, { Amount: 500 });
  expect(num((await api.call("GET", `/wallets/${eurWallet}`)).body.Balance.Amount)).toBe(before + 500);
  const off = await api.call("PUT", `/bankingaliases/${alias.body.Id}`, { Active: false });
  expect(off.body.Active).toBe(false);
  const gbpAlias = await api.call("POST", `/wallets/${gbpWallet}/bankingaliases/iban`, {
    OwnerName: "V",
    Country: "FR",
  });
  expect(gbpAlias.body.Type).toBe("currency_incompatibility");
});
