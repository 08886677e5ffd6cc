/** @jest-environment node */
// The dashboard's reads of the newer MANGOPAY kinds (deposit preauthorizations, card validations,
// recurring registrations, identity verifications, conversions, APM pay-ins, virtual accounts) against
// a private emulator over real HTTP and a real database: values as MANGOPAY sent them, found by search,
// Forbidden without the permission, NotFound for an unknown id, another MANGOPAY client's account and
// another Hub's account.
import * as apmPayins from "@/lib/mangopay/apm-payins";
import type { MangopayClient } from "@/lib/mangopay/client";
import * as conversions from "@/lib/mangopay/conversions";
import * as deposits from "@/lib/mangopay/deposits";
import * as identityVerifications from "@/lib/mangopay/identity-verifications";
import * as payins from "@/lib/mangopay/payins";
import * as recurring from "@/lib/mangopay/recurring";
import * as virtualAccounts from "@/lib/mangopay/virtual-accounts";
import * as wallets from "@/lib/mangopay/wallets";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { ForbiddenError, NotFoundError } from "@/lib/server/errors";
import { getCardValidation } from "@/lib/services/card-validations/get";
import { getDeposit } from "@/lib/services/deposits/get";
import { listUserDeposits } from "@/lib/services/deposits/list-by-user";
import { listDepositTransactions } from "@/lib/services/deposits/list-transactions";
import { getIdentityVerification } from "@/lib/services/identity-verifications/get";
import { listUserIdentityVerifications } from "@/lib/services/identity-verifications/list-by-user";
import { getRecurringRegistration } from "@/lib/services/recurring-registrations/get";
import { findById } from "@/lib/services/search/find-by-id";
import { getTransaction } from "@/lib/services/transactions/get";
import { listUserTransactions } from "@/lib/services/transactions/list-by-user";
import { getVirtualAccount } from "@/lib/services/virtual-accounts/get";
import { accountContextFor, createTestAccount, createTestHub, type TestHub } from "../hub/factories";
import { newKey, startTestEmulator, type TestEmulator } from "../mangopay/helpers";
import { BROWSER, createOwner, createPayer, eur, registerCard } from "../mangopay/world";

const MINE = "demo-marketplace";
const THEIRS = "demo-crowdfunding";
const RETURN = "https://platform.example/back";

let emu: TestEmulator;
let client: MangopayClient;
let hub: TestHub;
let account: Awaited<ReturnType<typeof createTestAccount>>;
let otherClientCtx: AccountContext;
let otherHubCtx: AccountContext;

const ids = {
  payer: "",
  owner: "",
  payerWallet: "",
  eurWallet: "",
  gbpWallet: "",
  card: "",
  deposit: "",
  capture: "",
  validation: "",
  registration: "",
  cit: "",
  session: "",
  conversion: "",
  mbway: "",
  paypal: "",
  virtualAccount: "",
  iban: "",
};
let creditedGbpMinor = 0;

beforeAll(async () => {
  emu = await startTestEmulator(11, { delays: { payoutMs: null, directDebitMs: null, mandateMs: null } });
  client = emu.client().client;
  const key = (id: string) => emu.clients.find((c) => c.ClientId === id)?.ApiKey;
  hub = await createTestHub();
  account = await createTestAccount(hub, { baseUrl: emu.url, clientId: MINE, apiKey: key(MINE) });
  const theirs = await createTestAccount(hub, { baseUrl: emu.url, clientId: THEIRS, apiKey: key(THEIRS) });
  otherClientCtx = accountContextFor(hub, "OWNER", theirs);
  const otherHub = await createTestHub();
  const foreign = await createTestAccount(otherHub, { baseUrl: emu.url, clientId: MINE, apiKey: key(MINE) });
  otherHubCtx = accountContextFor(hub, "OWNER", foreign);

  const payer = await createPayer(client, "Kinds");
  ids.payer = payer.Id;
  ids.payerWallet = (await wallets.create(client, { Owners: [payer.Id], Currency: "EUR", Description: "EUR" })).Id;
  const card = await registerCard(client, payer.Id);
  ids.card = card.Id;

  // A deposit preauthorization of 42.50 EUR, fully captured.
  const held = await deposits.create(
    client,
    {
      AuthorId: payer.Id,
      DebitedFunds: eur(4250),
      CardId: card.Id,
      SecureModeReturnURL: RETURN,
      IpAddress: "192.0.2.1",
      BrowserInfo: BROWSER,
    },
    { idempotencyKey: newKey() },
  );
  ids.deposit = held.Id;
  const capture = await deposits.capture(
    client,
    "full",
    { AuthorId: payer.Id, CreditedWalletId: ids.payerWallet, DepositId: held.Id, Fees: eur(0) },
    { idempotencyKey: newKey() },
  );
  ids.capture = capture.Id;

  ids.validation = (
    await deposits.validateCard(
      client,
      card.Id,
      { AuthorId: payer.Id, SecureModeReturnURL: RETURN, IpAddress: "192.0.2.1", BrowserInfo: BROWSER },
      { idempotencyKey: newKey() },
    )
  ).Id;

  const reg = await recurring.createRegistration(
    client,
    {
      AuthorId: payer.Id,
      CardId: card.Id,
      CreditedWalletId: ids.payerWallet,
      FirstTransactionDebitedFunds: eur(1200),
      FirstTransactionFees: eur(100),
      NextTransactionDebitedFunds: eur(990),
      NextTransactionFees: eur(90),
      Frequency: "Monthly",
    },
    { idempotencyKey: newKey() },
  );
  ids.registration = reg.Id;
  ids.cit = (
    await recurring.payCit(
      client,
      {
        RecurringPayinRegistrationId: reg.Id,
        BrowserInfo: BROWSER,
        IpAddress: "192.0.2.1",
        SecureModeReturnURL: RETURN,
      },
      { idempotencyKey: newKey() },
    )
  ).Id;

  ids.session = (await identityVerifications.create(client, payer.Id, { ReturnUrl: RETURN })).Id;

  // A conversion of 50.00 EUR to GBP between an owner's wallets (funded by a settled bank wire).
  const owner = await createOwner(client, "Kinds");
  ids.owner = owner.Id;
  ids.eurWallet = (await wallets.create(client, { Owners: [owner.Id], Currency: "EUR", Description: "EUR" })).Id;
  ids.gbpWallet = (await wallets.create(client, { Owners: [owner.Id], Currency: "GBP", Description: "GBP" })).Id;
  const wire = await payins.createBankWireDirect(
    client,
    { AuthorId: owner.Id, CreditedWalletId: ids.eurWallet, DeclaredDebitedFunds: eur(20_000), DeclaredFees: eur(0) },
    { idempotencyKey: newKey() },
  );
  await emu.control("POST", `/clients/${MINE}/payins/${wire.Id}/settle`, {});
  const conversion = await conversions.createInstant(
    client,
    {
      AuthorId: owner.Id,
      DebitedWalletId: ids.eurWallet,
      CreditedWalletId: ids.gbpWallet,
      DebitedFunds: eur(5_000),
      CreditedFunds: { Currency: "GBP" },
    },
    { idempotencyKey: newKey() },
  );
  ids.conversion = conversion.Id;
  creditedGbpMinor = conversion.CreditedFunds?.Amount ?? -1;

  const apm = (method: apmPayins.ApmMethod, fields: Record<string, unknown>) =>
    apmPayins.create(
      client,
      method,
      { AuthorId: payer.Id, CreditedWalletId: ids.payerWallet, DebitedFunds: eur(1500), Fees: eur(50), ...fields },
      { idempotencyKey: newKey() },
    );
  ids.mbway = (await apm("MBWAY", { Phone: "351#912345678" })).Id;
  ids.paypal = (await apm("PAYPAL", { ReturnURL: RETURN, Reference: "order-1" })).Id;

  const va = await virtualAccounts.create(client, ids.eurWallet, {
    Country: "LU",
    VirtualAccountPurpose: "USER_OWNED",
  });
  ids.virtualAccount = va.Id;
  ids.iban = (va.LocalAccountDetails ?? va.LocalAccountsDetails)?.Account?.Iban ?? "";
}, 90_000);

afterAll(async () => {
  await db.$disconnect();
  await emu?.close();
});

const ctxAs = (grants?: string[]) => accountContextFor(hub, "OWNER", account, grants);

describe("deposit preauthorizations", () => {
  it("reads the hold with its amount, card, author and capture", async () => {
    const d = await getDeposit({ ctx: ctxAs(), input: { depositId: ids.deposit } });
    expect(d).toMatchObject({
      id: ids.deposit,
      authorId: ids.payer,
      cardId: ids.card,
      status: "SUCCEEDED",
      paymentStatus: "VALIDATED",
      debited: { amountMinor: 4250, currency: "EUR" },
      captureId: ids.capture,
      complementId: null,
    });
    expect(Date.parse(d.expiresAt ?? "") - Date.parse(d.createdAt)).toBe(30 * 86_400_000);
  });

  it("lists the user's holds and the pay-ins that captured one", async () => {
    const page = await listUserDeposits({ ctx: ctxAs(), input: { userId: ids.payer } });
    expect(page.items.map((d) => [d.id, d.debited.amountMinor])).toEqual([[ids.deposit, 4250]]);
    const txs = await listDepositTransactions({ ctx: ctxAs(), input: { depositId: ids.deposit } });
    expect(txs.map((t) => [t.id, t.type, t.debited.amountMinor, t.kind])).toEqual([
      [ids.capture, "PAYIN", 4250, "PAYIN"],
    ]);
    const capture = await getTransaction({ ctx: ctxAs(), input: { transactionId: ids.capture, kind: "PAYIN" } });
    expect(capture.payIn?.depositId).toBe(ids.deposit);
  });
});

it("reads a card validation through its card", async () => {
  const v = await getCardValidation({ ctx: ctxAs(), input: { cardId: ids.card, validationId: ids.validation } });
  expect(v).toMatchObject({ id: ids.validation, cardId: ids.card, authorId: ids.payer, validity: "VALID" });
  expect(v.status).toBe("SUCCEEDED");
});

it("reads a recurring registration with its amounts and the pay-ins made", async () => {
  const r = await getRecurringRegistration({ ctx: ctxAs(), input: { registrationId: ids.registration } });
  expect(r).toMatchObject({
    id: ids.registration,
    authorId: ids.payer,
    cardId: ids.card,
    creditedWalletId: ids.payerWallet,
    frequency: "Monthly",
    firstDebited: { amountMinor: 1200, currency: "EUR" },
    firstFees: { amountMinor: 100, currency: "EUR" },
    nextDebited: { amountMinor: 990, currency: "EUR" },
    payinsLinked: 1,
    lastPayinId: ids.cit,
  });
  const cit = await getTransaction({ ctx: ctxAs(), input: { transactionId: ids.cit, kind: "PAYIN" } });
  expect(cit.payIn?.recurringRegistrationId).toBe(ids.registration);
});

it("reads and lists a user's identity verification sessions", async () => {
  const v = await getIdentityVerification({ ctx: ctxAs(), input: { sessionId: ids.session } });
  expect(v).toMatchObject({ id: ids.session, userId: ids.payer, status: "PENDING", returnUrl: RETURN });
  expect(v.hostedUrl).toMatch(/^https?:\/\//);
  const page = await listUserIdentityVerifications({ ctx: ctxAs(), input: { userId: ids.payer } });
  expect(page.items.map((s) => [s.id, s.status])).toEqual([[ids.session, "PENDING"]]);
});

describe("conversions are transactions", () => {
  it("opens with kind CONVERSION, and without a kind, showing both amounts and the rate", async () => {
    for (const kind of ["CONVERSION", undefined] as const) {
      const t = await getTransaction({ ctx: ctxAs(), input: { transactionId: ids.conversion, kind } });
      expect(t).toMatchObject({
        id: ids.conversion,
        kind: "CONVERSION",
        type: "CONVERSION",
        status: "SUCCEEDED",
        debited: { amountMinor: 5000, currency: "EUR" },
        credited: { amountMinor: creditedGbpMinor, currency: "GBP" },
        payIn: null,
      });
      expect(t.conversion?.quoteId).toBeNull();
      expect(t.conversion?.clientRate).toBeGreaterThan(0);
    }
  });

  it("is listed among the user's transactions with a link kind", async () => {
    const page = await listUserTransactions({ ctx: ctxAs(), input: { userId: ids.owner, query: {} } });
    expect(page.items.find((t) => t.id === ids.conversion)).toMatchObject({ type: "CONVERSION", kind: "CONVERSION" });
  });
});

it("shows an APM pay-in's method and its own fields (MB WAY phone, PayPal redirect)", async () => {
  const mbway = await getTransaction({ ctx: ctxAs(), input: { transactionId: ids.mbway } });
  expect(mbway.payIn).toMatchObject({ paymentType: "MBWAY" });
  expect(mbway.payIn?.method).toMatchObject({ phone: "351#912345678", redirectUrl: null });
  const paypal = await getTransaction({ ctx: ctxAs(), input: { transactionId: ids.paypal, kind: "PAYIN" } });
  expect(paypal.payIn?.paymentType).toBe("PAYPAL");
  expect(paypal.payIn?.method).toMatchObject({
    redirectUrl: `${emu.url}/apm/${MINE}/${ids.paypal}`,
    returnUrl: expect.stringContaining(RETURN),
    reference: "order-1",
  });
  expect(paypal.status).toBe("CREATED");
});

it("reads a virtual account through its wallet", async () => {
  const va = await getVirtualAccount({
    ctx: ctxAs(),
    input: { walletId: ids.eurWallet, virtualAccountId: ids.virtualAccount },
  });
  expect(va).toMatchObject({
    id: ids.virtualAccount,
    walletId: ids.eurWallet,
    purpose: "USER_OWNED",
    country: "LU",
    active: true,
    identifier: ids.iban,
  });
  expect(ids.iban).not.toBe("");
});

describe("search", () => {
  const hit = async (query: string, type: string) => {
    const result = await findById({ ctx: ctxAs(), input: { query } });
    expect(result.failures).toEqual([]);
    return result.hits.find((h) => h.type === type);
  };

  it("finds a deposit, a conversion, a registration and a session by their Id", async () => {
    expect(await hit(ids.deposit, "deposit")).toMatchObject({
      status: "VALIDATED",
      amount: { amountMinor: 4250, currency: "EUR" },
      userId: ids.payer,
    });
    expect(await hit(ids.conversion, "conversion")).toMatchObject({
      status: "SUCCEEDED",
      amount: { amountMinor: 5000, currency: "EUR" },
      userId: ids.owner,
    });
    expect(await hit(ids.registration, "recurringRegistration")).toMatchObject({
      status: "IN_PROGRESS",
      amount: { amountMinor: 990, currency: "EUR" },
    });
    expect(await hit(ids.session, "identityVerification")).toMatchObject({ status: "PENDING", userId: ids.payer });
  });

  it("finds a card validation and a virtual account by PARENT/ID", async () => {
    expect(await hit(`${ids.card}/${ids.validation}`, "cardValidation")).toMatchObject({
      parentId: ids.card,
      status: "VALID",
    });
    expect(await hit(`${ids.eurWallet}/${ids.virtualAccount}`, "virtualAccount")).toMatchObject({
      parentId: ids.eurWallet,
      walletId: ids.eurWallet,
      status: "ACTIVE",
    });
  });

  it("names an APM pay-in's method", async () => {
    expect(await hit(ids.mbway, "payin")).toMatchObject({
      status: "CREATED",
      amount: { amountMinor: 1500, currency: "EUR" },
      summary: "PAYIN · REGULAR · MB WAY",
    });
  });

  it("skips the kinds the member may not read", async () => {
    const result = await findById({ ctx: ctxAs(["users.read"]), input: { query: ids.deposit } });
    expect(result.hits).toEqual([]);
    expect(result.skipped).toContain("Deposit preauthorization");
  });
});

it("Forbidden without the permission of each kind", async () => {
  const without = (perm: string) =>
    ctxAs(["users.read", "transactions.read", "wallets.read"].filter((p) => p !== perm));
  const base = ctxAs(["users.read"]);
  await expect(getDeposit({ ctx: base, input: { depositId: ids.deposit } })).rejects.toBeInstanceOf(ForbiddenError);
  await expect(listUserDeposits({ ctx: base, input: { userId: ids.payer } })).rejects.toBeInstanceOf(ForbiddenError);
  await expect(
    listDepositTransactions({ ctx: without("transactions.read"), input: { depositId: ids.deposit } }),
  ).rejects.toBeInstanceOf(ForbiddenError);
  await expect(
    getCardValidation({ ctx: base, input: { cardId: ids.card, validationId: ids.validation } }),
  ).rejects.toBeInstanceOf(ForbiddenError);
  await expect(
    getRecurringRegistration({ ctx: base, input: { registrationId: ids.registration } }),
  ).rejects.toBeInstanceOf(ForbiddenError);
  await expect(getIdentityVerification({ ctx: base, input: { sessionId: ids.session } })).rejects.toBeInstanceOf(
    ForbiddenError,
  );
  await expect(listUserIdentityVerifications({ ctx: base, input: { userId: ids.payer } })).rejects.toBeInstanceOf(
    ForbiddenError,
  );
  await expect(
    getTransaction({ ctx: without("transactions.read"), input: { transactionId: ids.conversion } }),
  ).rejects.toBeInstanceOf(ForbiddenError);
  await expect(
    getVirtualAccount({
      ctx: without("wallets.read"),
      input: { walletId: ids.eurWallet, virtualAccountId: ids.virtualAccount },
    }),
  ).rejects.toBeInstanceOf(ForbiddenError);
});

it("NotFound for an unknown id, another MANGOPAY client's account and another Hub's account", async () => {
  const reads = (ctx: AccountContext) => [
    getDeposit({ ctx, input: { depositId: ids.deposit } }),
    listDepositTransactions({ ctx, input: { depositId: ids.deposit } }),
    getCardValidation({ ctx, input: { cardId: ids.card, validationId: ids.validation } }),
    getRecurringRegistration({ ctx, input: { registrationId: ids.registration } }),
    getIdentityVerification({ ctx, input: { sessionId: ids.session } }),
    getTransaction({ ctx, input: { transactionId: ids.conversion, kind: "CONVERSION" } }),
    getVirtualAccount({ ctx, input: { walletId: ids.eurWallet, virtualAccountId: ids.virtualAccount } }),
  ];
  for (const ctx of [otherClientCtx, otherHubCtx]) {
    const settled = await Promise.allSettled(reads(ctx));
    expect(settled.map((s) => (s.status === "rejected" ? s.reason?.constructor?.name : "fulfilled"))).toEqual(
      settled.map(() => NotFoundError.name),
    );
  }
  await expect(listUserDeposits({ ctx: otherClientCtx, input: { userId: ids.payer } })).rejects.toBeInstanceOf(
    NotFoundError,
  );
  await expect(
    listUserIdentityVerifications({ ctx: otherHubCtx, input: { userId: ids.payer } }),
  ).rejects.toBeInstanceOf(NotFoundError);
  const mine = ctxAs();
  await expect(getDeposit({ ctx: mine, input: { depositId: "999999999" } })).rejects.toBeInstanceOf(NotFoundError);
  await expect(getDeposit({ ctx: mine, input: { depositId: "../users" } })).rejects.toBeInstanceOf(NotFoundError);
  await expect(getRecurringRegistration({ ctx: mine, input: { registrationId: "999999999" } })).rejects.toBeInstanceOf(
    NotFoundError,
  );
  await expect(
    getIdentityVerification({ ctx: mine, input: { sessionId: "idnver_m_01J000000000000000000000" } }),
  ).rejects.toBeInstanceOf(NotFoundError);
});
