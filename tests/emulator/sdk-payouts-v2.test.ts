/**
 * The official SDK (mangopay4-nodejs-sdk 1.68.0) on payouts v2 and their neighbours: Recipients (getSchema,
 * getPayoutMethods, validate, create with and without the owner's SCA, get, getUserRecipients, deactivate — errors
 * and events included), PayOuts.create with a RecipientId (standard, instant, fallback; refusals), and
 * PayOuts.checkEligibility's refusals. Answers are checked against the SDK's typings (conformance-kinds.ts).
 */
import type Mangopay from "mangopay4-nodejs-sdk";
import type { RunningEmulator } from "@/emulator/server";
import { checkAnswer, summarize } from "./conformance-kinds";
import { createSdkOwner, sdkEventTypes, startSdkEmulator, type SdkError } from "./sdk-setup";

let emu: RunningEmulator;
let api: Mangopay;
let clientId = "";
let ownerId = "";
let payerId = "";
let payerWallet = "";

const FALLBACK_IBAN = "FR541558929750ZZZZZZAC01915";
const address = { AddressLine1: "1 Main St", City: "Paris", PostalCode: "75001", Country: "FR" };
const eurRecipient = (over: Record<string, unknown> = {}) => ({
  DisplayName: "Ada's account",
  PayoutMethodType: "LocalBankTransfer",
  RecipientType: "Individual",
  Currency: "EUR",
  IndividualRecipient: { FirstName: "Ada", LastName: "Lovelace", Address: { ...address } },
  LocalBankTransfer: { EUR: { IBAN: "FR7630004000031234567890143", BIC: "BNPAFRPP" } },
  ...over,
});
const usdRecipient = () => ({
  DisplayName: "US account",
  PayoutMethodType: "LocalBankTransfer",
  RecipientType: "Business",
  Currency: "USD",
  BusinessRecipient: { BusinessName: "Ada Inc", Address: { ...address } },
  LocalBankTransfer: { USD: { AccountNumber: "12345678", ABA: "026009593", AccountType: "CHECKING" } },
});

const sdkError = (promise: Promise<unknown>) => promise.then(() => null).catch((e: unknown) => e as SdkError);

function expectConformant(method: string, path: string, body: unknown): void {
  expect(summarize(checkAnswer(method, path, body))).toEqual([]);
}

interface Recipient {
  Id: string;
  Status: string;
  UserId: string;
  PendingUserAction: { RedirectUrl: string } | null;
}
const createRecipient = async (body: object, userId: string) =>
  (await api.Recipients.create(body as never, userId)) as unknown as Recipient;

interface PayOutAnswer {
  Id: string;
  Status: string;
  BankAccountId: string | null;
  RecipientId: string | null;
}
const payout = async (fields: Record<string, unknown>) =>
  (await api.PayOuts.create({
    AuthorId: payerId,
    DebitedWalletId: payerWallet,
    DebitedFunds: { Currency: "EUR", Amount: 1_000 },
    Fees: { Currency: "EUR", Amount: 0 },
    PaymentType: "BANK_WIRE",
    ...fields,
  } as never)) as unknown as PayOutAnswer;

/** GET /payouts/bankwire/{id}: the only view with the mode fields (the SDK has no method for it). */
async function bankwireView(id: string): Promise<Record<string, unknown>> {
  const token = await tokenFor();
  const res = await fetch(`${emu.url}/v2.01/${clientId}/payouts/bankwire/${id}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await res.json()) as Record<string, unknown>;
}
async function tokenFor(): Promise<string> {
  const clients = (await (await fetch(`${emu.url}/_emulator/clients`)).json()) as Array<{ ApiKey: string }>;
  const res = await fetch(`${emu.url}/v2.01/oauth/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clients[0].ApiKey}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials",
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

beforeAll(async () => {
  ({ emu, api, clientId } = await startSdkEmulator({ seedUsers: 20 }));
  ownerId = await createSdkOwner(api, { FirstName: "Olga", LastName: "Owner", Email: "owner@example.com" });
  const payer = await api.Users.create({
    PersonType: "NATURAL",
    FirstName: "Paul",
    LastName: "Payer",
    Email: "payer@example.com",
    UserCategory: "PAYER",
  } as never);
  payerId = payer.Id;
  payerWallet = (await api.Wallets.create({ Owners: [payerId], Currency: "EUR", Description: "payer" })).Id;
  // Funds through the sandbox's bank wire: declared, then received (control call).
  const wire = await api.PayIns.create({
    PaymentType: "BANK_WIRE",
    ExecutionType: "DIRECT",
    AuthorId: payerId,
    CreditedWalletId: payerWallet,
    DeclaredDebitedFunds: { Currency: "EUR", Amount: 50_000 },
    DeclaredFees: { Currency: "EUR", Amount: 0 },
  } as never);
  await fetch(`${emu.url}/_emulator/clients/${clientId}/payins/${wire.Id}/settle`, { method: "POST" });
});
afterAll(async () => {
  await emu.close();
});

describe("SDK: recipients", () => {
  it("getSchema for a business abroad, getPayoutMethods; bad arguments are param_error", async () => {
    const schema = await api.Recipients.getSchema("InternationalBankTransfer", "Business", "CHF", "CH");
    expect(schema).toMatchObject({
      BusinessRecipient: { BusinessName: { Required: true } },
      InternationalBankTransfer: { BIC: { Required: true } },
    });
    expectConformant("GET", "/recipients/schema", schema);
    expect(await api.Recipients.getPayoutMethods("GB", "GBP")).toEqual({
      AvailablePayoutMethods: ["LocalBankTransfer", "InternationalBankTransfer"],
    });
    const noLocal = await sdkError(api.Recipients.getSchema("LocalBankTransfer", "Individual", "CHF", "CH"));
    expect(noLocal?.Type).toBe("param_error");
    const noCountry = await sdkError(api.Recipients.getPayoutMethods("", "EUR"));
    expect(noCountry?.Type).toBe("param_error");
  });

  it("validate: nothing for a valid body, every wrong field in one param_error; an unknown user 404", async () => {
    await expect(api.Recipients.validate(eurRecipient() as never, payerId)).resolves.not.toThrow();
    const bad = await sdkError(
      api.Recipients.validate(
        eurRecipient({ LocalBankTransfer: { EUR: { IBAN: "FR7630004000031234567890144" } } }) as never,
        payerId,
      ),
    );
    expect(bad?.Type).toBe("param_error");
    expect(Object.keys(bad?.errors ?? {})).toEqual(["LocalBankTransfer.EUR.IBAN"]);
    const unknown = await sdkError(api.Recipients.validate(eurRecipient() as never, "999999999"));
    expect(unknown?.Type).toBe("ressource_not_found");
  });

  it("create: a PAYER's is ACTIVE at once; an OWNER's USER_PRESENT one waits for SCA; list and scope filter; events", async () => {
    const before = (await api.Recipients.getUserRecipients(payerId)).length;
    const invalid = await sdkError(
      createRecipient(eurRecipient({ Currency: "EUR", IndividualRecipient: {} }), payerId),
    );
    expect(invalid?.Type).toBe("param_error");
    expect(Object.keys(invalid?.errors ?? {})).toEqual(
      expect.arrayContaining(["IndividualRecipient.FirstName", "IndividualRecipient.LastName"]),
    );
    expect(await api.Recipients.getUserRecipients(payerId)).toHaveLength(before);

    const active = await createRecipient(eurRecipient(), payerId);
    expect(active).toMatchObject({ Status: "ACTIVE", UserId: payerId, PendingUserAction: null });
    expect(active.Id).toMatch(/^rec_m_/);
    expectConformant("POST", `/users/${payerId}/recipients`, active);
    expect(await sdkEventTypes(api, active.Id)).toEqual(["RECIPIENT_ACTIVE"]);

    const pending = await createRecipient(eurRecipient({ ScaContext: "USER_PRESENT" }), ownerId);
    expect(pending.Status).toBe("PENDING");
    expect(pending.PendingUserAction?.RedirectUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    await fetch(String(pending.PendingUserAction?.RedirectUrl), {
      method: "POST",
      body: "outcome=SUCCEEDED",
      redirect: "manual",
    });
    const confirmed = (await api.Recipients.get(pending.Id)) as unknown as Recipient;
    expect(confirmed).toMatchObject({ Id: pending.Id, Status: "ACTIVE", UserId: ownerId });
    expect(await sdkEventTypes(api, pending.Id)).toEqual(["RECIPIENT_ACTIVE"]);

    const payin = await createRecipient(eurRecipient({ RecipientScope: "PAYIN", DisplayName: "refunds" }), payerId);
    const payoutScope = await api.Recipients.getUserRecipients(payerId, { parameters: { RecipientScope: "PAYOUT" } });
    expect(payoutScope.map((r) => r.Id)).toContain(active.Id);
    expect(payoutScope.map((r) => r.Id)).not.toContain(payin.Id);
  });

  it("deactivate once (RECIPIENT_DEACTIVATED), not twice; an unknown id is 404", async () => {
    const recipient = await createRecipient(eurRecipient({ DisplayName: "old account" }), payerId);
    const off = (await api.Recipients.deactivate(recipient.Id)) as unknown as Recipient;
    expect(off.Status).toBe("DEACTIVATED");
    expectConformant("PUT", `/recipients/${recipient.Id}`, off);
    expect(await sdkEventTypes(api, recipient.Id)).toEqual(["RECIPIENT_ACTIVE", "RECIPIENT_DEACTIVATED"]);
    const again = await sdkError(api.Recipients.deactivate(recipient.Id));
    expect(again?.Type).toBe("invalid_action");
    const unknown = await sdkError(api.Recipients.get("rec_m_unknown"));
    expect(unknown?.Type).toBe("ressource_not_found");
  });
});

describe("SDK: payouts to a recipient", () => {
  it("standard: CREATED with RecipientId and no bank account, then SUCCEEDED; events", async () => {
    const recipient = await createRecipient(eurRecipient({ DisplayName: "standard" }), payerId);
    const created = await payout({ RecipientId: recipient.Id, Tag: "to recipient" });
    expect(created).toMatchObject({ Status: "CREATED", RecipientId: recipient.Id, BankAccountId: null });
    expectConformant("POST", "/payouts/bankwire", created);
    await fetch(`${emu.url}/_emulator/clients/${clientId}/payouts/${created.Id}/succeed`, { method: "POST" });
    const read = (await api.PayOuts.get(created.Id)) as unknown as PayOutAnswer;
    expect(read).toMatchObject({ Status: "SUCCEEDED", RecipientId: recipient.Id, BankAccountId: null });
    expect(await sdkEventTypes(api, created.Id)).toEqual(["PAYOUT_NORMAL_CREATED", "PAYOUT_NORMAL_SUCCEEDED"]);
  });

  it("instant: SUCCEEDED at once to a reachable IBAN, falls back to STANDARD for the sandbox's fallback IBAN", async () => {
    const reachable = await createRecipient(eurRecipient({ DisplayName: "instant" }), payerId);
    const instant = await payout({ RecipientId: reachable.Id, PayoutModeRequested: "INSTANT_PAYMENT" });
    expect(instant.Status).toBe("SUCCEEDED");
    expect(await bankwireView(instant.Id)).toMatchObject({ ModeApplied: "INSTANT_PAYMENT", RecipientId: reachable.Id });
    expect(await sdkEventTypes(api, instant.Id)).toEqual([
      "PAYOUT_NORMAL_CREATED",
      "PAYOUT_NORMAL_SUCCEEDED",
      "INSTANT_PAYOUT_SUCCEEDED",
    ]);

    const slow = await createRecipient(
      eurRecipient({ DisplayName: "fallback", LocalBankTransfer: { EUR: { IBAN: FALLBACK_IBAN } } }),
      payerId,
    );
    const fallback = await payout({ RecipientId: slow.Id, PayoutModeRequested: "INSTANT_PAYMENT" });
    expect(fallback.Status).toBe("CREATED");
    expect(await bankwireView(fallback.Id)).toMatchObject({
      ModeApplied: "STANDARD",
      FallbackReason: { Code: "001" },
    });
    expect(await sdkEventTypes(api, fallback.Id)).toEqual(["PAYOUT_NORMAL_CREATED", "INSTANT_PAYOUT_FALLBACKED"]);
  });

  it("refuses another user's recipient, a deactivated one, another currency's, an unknown one; no money moves", async () => {
    const balance = async () => (await api.Wallets.get(payerWallet)).Balance.Amount;
    const start = await balance();
    const owners = await createRecipient(eurRecipient({ DisplayName: "owner's" }), ownerId);
    const foreign = await sdkError(payout({ RecipientId: owners.Id }));
    expect(foreign).toMatchObject({ Type: "invalid_action", Message: "The recipient does not belong to the author" });
    const old = await createRecipient(eurRecipient({ DisplayName: "closed" }), payerId);
    await api.Recipients.deactivate(old.Id);
    expect(await sdkError(payout({ RecipientId: old.Id }))).toMatchObject({
      Type: "invalid_action",
      Message: "The recipient is DEACTIVATED",
    });
    const usd = await createRecipient(usdRecipient(), payerId);
    expect((await sdkError(payout({ RecipientId: usd.Id })))?.Type).toBe("currency_incompatibility");
    expect((await sdkError(payout({ RecipientId: "rec_m_unknown" })))?.Type).toBe("ressource_not_found");
    const neither = await sdkError(payout({}));
    expect(neither?.Type).toBe("param_error");
    expect(neither?.errors).toHaveProperty("BankAccountId");
    expect(await balance()).toBe(start);
  });
});

describe("SDK: PayOuts.checkEligibility", () => {
  it("reachable and unreachable IBAN accounts; refusals of a missing account, another user's wallet", async () => {
    const account = async (IBAN: string) =>
      (
        await api.Users.createBankAccount(payerId, {
          Type: "IBAN",
          OwnerName: "Paul Payer",
          OwnerAddress: { ...address },
          IBAN,
        } as never)
      ).Id;
    const body = (BankAccountId: string) => ({
      AuthorId: payerId,
      DebitedWalletId: payerWallet,
      DebitedFunds: { Currency: "EUR", Amount: 500 },
      BankAccountId,
      PayoutModeRequested: "INSTANT_PAYMENT",
    });
    const yes = await api.PayOuts.checkEligibility(body(await account("FR7630004000031234567890143")) as never);
    expect(yes).toEqual({ InstantPayout: { IsReachable: true } });
    expectConformant("POST", "/payouts/reachability", yes);
    const no = await api.PayOuts.checkEligibility(body(await account(FALLBACK_IBAN)) as never);
    expect(no).toMatchObject({ InstantPayout: { IsReachable: false, UnreachableReason: { Code: "001" } } });

    const missing = await sdkError(
      api.PayOuts.checkEligibility({ AuthorId: payerId, DebitedWalletId: payerWallet } as never),
    );
    expect(missing?.Type).toBe("param_error");
    expect(Object.keys(missing?.errors ?? {}).sort()).toEqual(["BankAccountId", "DebitedFunds"]);
    const notHis = await sdkError(
      api.PayOuts.checkEligibility({ ...body(await account(FALLBACK_IBAN)), AuthorId: ownerId } as never),
    );
    expect(notHis?.Type).toBe("author_is_not_debited_wallet_owner");
  });
});
