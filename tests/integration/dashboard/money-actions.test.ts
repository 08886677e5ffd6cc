/** @jest-environment node */
// Every money action against a private emulator over real HTTP and a real database: the success path
// with its operation row and audit rows (intent, result), invalid input changing nothing anywhere, a
// forbidden role, ids of another user or another API account → NotFound, and a FAILED result shown
// with MANGOPAY's message.
import { db } from "@/lib/server/db";
import { ForbiddenError, NotFoundError, PreconditionError, ValidationError } from "@/lib/server/errors";
import { settleDispute } from "@/lib/services/disputes/settle";
import { getOperation } from "@/lib/services/operations/get";
import { listOperations } from "@/lib/services/operations/list";
import { listRecentTransferDestinations } from "@/lib/services/operations/list-recent-destinations";
import { createBankWirePayIn } from "@/lib/services/payins/create-bank-wire";
import { createCardPayIn } from "@/lib/services/payins/create-card";
import { createDirectDebitPayIn } from "@/lib/services/payins/create-direct-debit";
import { createPayout } from "@/lib/services/payouts/create";
import { createRefund } from "@/lib/services/refunds/create";
import { createTransfer } from "@/lib/services/transfers/create";
import { createWallet } from "@/lib/services/wallets/create";
import { mandates, payins, payouts, recipients, wallets } from "@/lib/mangopay";
import type { RecipientInput } from "@/lib/mangopay/recipients";
import { BROWSER } from "../mangopay/world";
import {
  countAllRows,
  mangopayWrites,
  moneyWorld,
  newOperationKey,
  walletTransactions,
  type MoneyWorld,
} from "./money-world";

afterAll(() => db.$disconnect());

let w: MoneyWorld;
beforeAll(async () => {
  w = await moneyWorld(31);
}, 60_000);
afterAll(() => w.emulator.close());

const base = () => ({ accountId: w.account.id, operationKey: newOperationKey() });
const audits = (operationId: string) =>
  db.auditEvent.findMany({
    where: { hubId: w.hub.hubId, metadata: { path: ["operationId"], equals: operationId } },
    orderBy: { createdAt: "asc" },
  });

/** Runs `fn`, which must throw `type`, and proves nothing changed: rows, MANGOPAY writes, balances. */
async function expectNothingChanged(fn: () => Promise<unknown>, type: new (...args: never[]) => Error) {
  const rows = await countAllRows([w.hub.hubId]);
  const writes = mangopayWrites();
  const balances = await Promise.all(
    [w.world.ownerWallet.Id, w.world.payerWallet.Id].map(
      async (id) => (await wallets.get(w.direct, id)).Balance.Amount,
    ),
  );
  await expect(fn()).rejects.toThrow(type);
  expect(await countAllRows([w.hub.hubId])).toEqual(rows);
  expect(mangopayWrites()).toBe(writes);
  expect(
    await Promise.all(
      [w.world.ownerWallet.Id, w.world.payerWallet.Id].map(
        async (id) => (await wallets.get(w.direct, id)).Balance.Amount,
      ),
    ),
  ).toEqual(balances);
}

/** A card pay-in of `amountMinor` EUR into the payer's wallet, made directly at MANGOPAY. */
const cardPayIn = (amountMinor: number) =>
  payins.createCardDirect(
    w.direct,
    {
      AuthorId: w.world.payer.Id,
      CreditedWalletId: w.world.payerWallet.Id,
      DebitedFunds: { Currency: "EUR", Amount: amountMinor },
      Fees: { Currency: "EUR", Amount: 0 },
      CardId: w.world.card.Id,
      SecureModeReturnURL: "https://dashboard.example.test/return",
      BrowserInfo: BROWSER,
      IpAddress: "203.0.113.7",
    },
    { idempotencyKey: newOperationKey() },
  );

describe("create a wallet", () => {
  it("creates one wallet for the user, with the operation row and the intent and result audit rows", async () => {
    const op = await createWallet({
      ctx: w.ctx(),
      input: { ...base(), userId: w.world.owner.Id, currency: "GBP", description: "Owner GBP" },
    });
    expect(op).toMatchObject({ status: "SUCCEEDED", kind: "WALLET", currency: "GBP" });
    const created = await wallets.get(w.direct, op.upstreamId ?? "");
    expect(created).toMatchObject({ Owners: [w.world.owner.Id], Currency: "GBP", Description: "Owner GBP" });
    expect((await audits(op.id)).map((a) => a.action)).toEqual(["wallet.create.intent", "wallet.create.result"]);
  });

  it("refuses an unknown currency and another API account's user, changing nothing", async () => {
    await expectNothingChanged(
      () =>
        createWallet({
          ctx: w.ctx(),
          input: { ...base(), userId: w.world.owner.Id, currency: "XXX" as "EUR", description: "x" },
        }),
      ValidationError,
    );
    await expectNothingChanged(
      () =>
        createWallet({ ctx: w.ctx(), input: { ...base(), userId: "999999999", currency: "EUR", description: "x" } }),
      NotFoundError,
    );
  });
});

describe("bank-wire pay-in", () => {
  it("declares the wire and shows the bank details and wire reference to give the payer", async () => {
    const op = await createBankWirePayIn({
      ctx: w.ctx(),
      input: { ...base(), walletId: w.world.ownerWallet.Id, amount: "25.00" },
    });
    expect(op).toMatchObject({ status: "SUCCEEDED", upstreamStatus: "CREATED", amountMinor: 2500, currency: "EUR" });
    expect(op.wireReference).toEqual(expect.any(String));
    expect(op.bankAccount?.iban).toEqual(expect.any(String));
    const detail = await getOperation({ ctx: w.ctx("READ_ONLY"), input: { operationId: op.id } });
    expect(detail.operation.wireReference).toBe(op.wireReference);
    expect(detail.audit.map((a) => a.action)).toEqual(["payin.bankwire.create.intent", "payin.bankwire.create.result"]);
  });
});

describe("card pay-in with a registered card", () => {
  it("charges the payer's card; another user's card is NotFound", async () => {
    const op = await createCardPayIn({
      ctx: w.ctx(),
      input: { ...base(), walletId: w.world.payerWallet.Id, cardId: w.world.card.Id, amount: "5" },
    });
    expect(op).toMatchObject({ status: "SUCCEEDED", upstreamStatus: "SUCCEEDED", amountMinor: 500 });
    await expectNothingChanged(
      () =>
        createCardPayIn({
          ctx: w.ctx(),
          input: { ...base(), walletId: w.world.ownerWallet.Id, cardId: w.world.card.Id, amount: "5" },
        }),
      NotFoundError,
    );
  });
});

describe("direct-debit pay-in through a mandate", () => {
  it("debits the owner's bank account into their wallet once the mandate is active, not before", async () => {
    const mandate = await mandates.create(w.direct, {
      BankAccountId: w.world.bankAccount.Id,
      Culture: "EN",
      ReturnURL: "https://dashboard.example.test/mandate",
    });
    const input = () => ({ ...base(), walletId: w.world.ownerWallet.Id, mandateId: mandate.Id, amount: "12.50" });
    await expectNothingChanged(() => createDirectDebitPayIn({ ctx: w.ctx(), input: input() }), PreconditionError);
    await w.emulator.control("POST", `/clients/${w.direct.clientId}/mandates/${mandate.Id}/activate`);
    const op = await createDirectDebitPayIn({ ctx: w.ctx(), input: { ...input(), fees: "0.50" } });
    expect(op).toMatchObject({ status: "SUCCEEDED", amountMinor: 1250, feesMinor: 50, currency: "EUR" });
    expect(await payins.get(w.direct, op.upstreamId ?? "")).toMatchObject({
      PaymentType: "DIRECT_DEBIT",
      MandateId: mandate.Id,
      AuthorId: w.world.owner.Id,
      CreditedWalletId: w.world.ownerWallet.Id,
      DebitedFunds: { Amount: 1250, Currency: "EUR" },
      Fees: { Amount: 50, Currency: "EUR" },
    });
    expect((await audits(op.id)).map((a) => a.action)).toEqual([
      "payin.directdebit.create.intent",
      "payin.directdebit.create.result",
    ]);
    // The debit settles at MANGOPAY a few seconds later (the emulator: 3 s) and credits the wallet
    // 12.50 − 0.50. Waited for here, so that the credit cannot land in a later test's before/after.
    let settled = await payins.get(w.direct, op.upstreamId ?? "");
    for (let i = 0; i < 100 && settled.Status === "CREATED"; i++) {
      await new Promise((r) => setTimeout(r, 200));
      settled = await payins.get(w.direct, op.upstreamId ?? "");
    }
    expect(settled.Status).toBe("SUCCEEDED");
    expect((await wallets.get(w.direct, w.world.ownerWallet.Id)).Balance.Amount).toBe(1200);
  });
});

describe("transfer", () => {
  it("moves money between two wallets of the same currency", async () => {
    const before = (await wallets.get(w.direct, w.world.ownerWallet.Id)).Balance.Amount;
    const op = await createTransfer({
      ctx: w.ctx(),
      input: {
        ...base(),
        walletId: w.world.payerWallet.Id,
        creditedWalletId: w.world.ownerWallet.Id,
        amount: "30.00",
        fees: "1.00",
      },
    });
    expect(op).toMatchObject({ status: "SUCCEEDED", upstreamStatus: "SUCCEEDED", amountMinor: 3000, feesMinor: 100 });
    expect((await wallets.get(w.direct, w.world.ownerWallet.Id)).Balance.Amount).toBe(before + 2900);
  });

  it("offers the wallets this account recently paid as transfer destinations, per currency, for members who may transfer", async () => {
    expect(await listRecentTransferDestinations({ ctx: w.ctx(), input: { currency: "EUR" } })).toContain(
      w.world.ownerWallet.Id,
    );
    expect(await listRecentTransferDestinations({ ctx: w.ctx(), input: { currency: "GBP" } })).toEqual([]);
    await expect(
      listRecentTransferDestinations({ ctx: w.ctx("READ_ONLY"), input: { currency: "EUR" } }),
    ).rejects.toThrow(ForbiddenError);
  });

  it("records an insufficient balance as FAILED with MANGOPAY's result message, never as a success", async () => {
    const op = await createTransfer({
      ctx: w.ctx(),
      input: {
        ...base(),
        walletId: w.world.payerWallet.Id,
        creditedWalletId: w.world.ownerWallet.Id,
        amount: "900000",
      },
    });
    expect(op.status).toBe("FAILED");
    expect(op.resultCode).toBe("001001");
    expect(op.resultMessage).toMatch(/balance/i);
    const log = await listOperations({ ctx: w.ctx(), input: { status: "FAILED" } });
    expect(log.items.map((o) => o.id)).toContain(op.id);
    expect((await audits(op.id)).map((a) => a.action)).toEqual(["transfer.create.intent", "transfer.create.failed"]);
  });

  it("refuses fees above the amount, negative, fractional and huge amounts, and the same wallet twice", async () => {
    const input = { walletId: w.world.payerWallet.Id, creditedWalletId: w.world.ownerWallet.Id };
    for (const bad of [
      { amount: "-5" },
      { amount: "1.005" },
      { amount: "1e9" },
      { amount: "99999999999999" },
      { amount: "5", fees: "6" },
    ])
      await expectNothingChanged(
        () => createTransfer({ ctx: w.ctx(), input: { ...base(), ...input, ...bad } }),
        ValidationError,
      );
    await expectNothingChanged(
      () =>
        createTransfer({ ctx: w.ctx(), input: { ...base(), ...input, creditedWalletId: input.walletId, amount: "1" } }),
      ValidationError,
    );
  });

  it("refuses a wallet of another currency", async () => {
    const gbp = await wallets.create(w.direct, { Owners: [w.world.owner.Id], Currency: "GBP", Description: "GBP" });
    await expectNothingChanged(
      () =>
        createTransfer({
          ctx: w.ctx(),
          input: { ...base(), walletId: w.world.payerWallet.Id, creditedWalletId: gbp.Id, amount: "1" },
        }),
      PreconditionError,
    );
  });
});

describe("payout", () => {
  it("pays out to the owner's active bank account with a bank wire reference", async () => {
    const op = await createPayout({
      ctx: w.ctx(),
      input: {
        ...base(),
        walletId: w.world.ownerWallet.Id,
        bankAccountId: w.world.bankAccount.Id,
        amount: "10.00",
        bankWireRef: "INV 42",
      },
    });
    expect(op).toMatchObject({
      status: "SUCCEEDED",
      kind: "PAYOUT",
      amountMinor: 1000,
      destinationId: w.world.bankAccount.Id,
    });
    const payouts = await walletTransactions(w.direct, w.world.ownerWallet.Id, "PAYOUT");
    expect(payouts.map((p) => p.Id)).toContain(op.upstreamId);
  });

  it("refuses a bank account of another user (NotFound) and a Read-only or Developer member (Forbidden)", async () => {
    await expectNothingChanged(
      () =>
        createPayout({
          ctx: w.ctx(),
          input: { ...base(), walletId: w.world.payerWallet.Id, bankAccountId: w.world.bankAccount.Id, amount: "1" },
        }),
      NotFoundError,
    );
    for (const role of ["READ_ONLY", "DEVELOPER"] as const)
      await expectNothingChanged(
        () =>
          createPayout({
            ctx: w.ctx(role),
            input: { ...base(), walletId: w.world.ownerWallet.Id, bankAccountId: w.world.bankAccount.Id, amount: "1" },
          }),
        ForbiddenError,
      );
  });

  it("refuses another API account's wallet (an id MANGOPAY does not know here) as NotFound", async () => {
    await expectNothingChanged(
      () =>
        createPayout({
          ctx: w.ctx(),
          input: { ...base(), walletId: "987654321", bankAccountId: w.world.bankAccount.Id, amount: "1" },
        }),
      NotFoundError,
    );
  });
});

describe("payout to a recipient (payouts v2)", () => {
  const ADDRESS = { AddressLine1: "1 rue de la Paix", City: "Paris", PostalCode: "75002", Country: "FR" };
  const eurRecipient = (over: Partial<RecipientInput> = {}): RecipientInput => ({
    DisplayName: "Owner's IBAN",
    PayoutMethodType: "LocalBankTransfer",
    RecipientType: "Individual",
    Currency: "EUR",
    IndividualRecipient: { FirstName: "Olive", LastName: "Owner", Address: ADDRESS },
    LocalBankTransfer: { EUR: { IBAN: "FR7630004000031234567890143", BIC: "BNPAFRPP" } },
    ...over,
  });
  const pay = (recipientId: string, over: Record<string, unknown> = {}) =>
    createPayout({
      ctx: w.ctx(),
      input: { ...base(), walletId: w.world.ownerWallet.Id, recipientId, amount: "4.00", ...over },
    });

  it("pays the owner's active recipient: RecipientId sent instead of a bank account, audited", async () => {
    const recipient = await recipients.create(w.direct, w.world.owner.Id, eurRecipient());
    expect(recipient.Status).toBe("ACTIVE");
    const operationKey = newOperationKey();
    const op = await pay(recipient.Id, { bankWireRef: "V2 PAYOUT", operationKey });
    expect(op).toMatchObject({ status: "SUCCEEDED", kind: "PAYOUT", amountMinor: 400, destinationId: recipient.Id });
    const sent = await payouts.get(w.direct, op.upstreamId ?? "");
    expect(sent).toMatchObject({ RecipientId: recipient.Id, BankAccountId: null, BankWireRef: "V2 PAYOUT" });
    expect(sent.DebitedFunds).toEqual({ Currency: "EUR", Amount: 400 });
    expect((await audits(op.id)).map((a) => a.action)).toEqual(["payout.create.intent", "payout.create.result"]);
    // The same operation key again is the same operation: no second payout.
    const again = await createPayout({
      ctx: w.ctx(),
      input: {
        accountId: w.account.id,
        operationKey,
        walletId: w.world.ownerWallet.Id,
        recipientId: recipient.Id,
        amount: "4.00",
        bankWireRef: "V2 PAYOUT",
      },
    });
    expect(again.id).toBe(op.id);
    const listed = await walletTransactions(w.direct, w.world.ownerWallet.Id, "PAYOUT");
    expect(listed.filter((p) => p.Id === op.upstreamId)).toHaveLength(1);
  });

  it("refuses another user's recipient as NotFound, changing nothing", async () => {
    const payers = await recipients.create(w.direct, w.world.payer.Id, eurRecipient({ DisplayName: "Payer's" }));
    await expectNothingChanged(() => pay(payers.Id), NotFoundError);
    await expectNothingChanged(() => pay("rec_m_01JXXXXXXXXXXXXXXXXXXXXXXX"), NotFoundError);
  });

  it("refuses a recipient of another currency or for pay-ins, and a form naming both or neither destination", async () => {
    const usd = await recipients.create(w.direct, w.world.owner.Id, {
      DisplayName: "US account",
      PayoutMethodType: "LocalBankTransfer",
      RecipientType: "Business",
      Currency: "USD",
      BusinessRecipient: { BusinessName: "Owner Inc", Address: ADDRESS },
      LocalBankTransfer: { USD: { AccountNumber: "12345678", ABA: "026009593", AccountType: "CHECKING" } },
    });
    await expectNothingChanged(() => pay(usd.Id), PreconditionError);
    const payin = await recipients.create(w.direct, w.world.owner.Id, eurRecipient({ RecipientScope: "PAYIN" }));
    await expectNothingChanged(() => pay(payin.Id), PreconditionError);

    const eur = await recipients.create(w.direct, w.world.owner.Id, eurRecipient({ DisplayName: "Second" }));
    const both = await pay(eur.Id, { bankAccountId: w.world.bankAccount.Id }).catch((e: unknown) => e);
    expect(both).toBeInstanceOf(ValidationError);
    expect((both as ValidationError).fieldErrors.recipientId).toEqual([
      "Choose a bank account or a recipient, not both.",
    ]);
    const neither = await createPayout({
      ctx: w.ctx(),
      input: { ...base(), walletId: w.world.ownerWallet.Id, bankAccountId: "", recipientId: "", amount: "1" },
    }).catch((e: unknown) => e);
    expect(neither).toBeInstanceOf(ValidationError);
    expect((neither as ValidationError).fieldErrors.bankAccountId).toEqual(["Choose a bank account or a recipient."]);
  });
});

describe("refund", () => {
  it("refunds part of a pay-in, then at most what is left, with the reason in the audit", async () => {
    const payIn = (await cardPayIn(5000)).Id;
    const first = await createRefund({
      ctx: w.ctx(),
      input: { ...base(), transactionId: payIn, kind: "PAYIN", amount: "20.00", reason: "Customer returned one item" },
    });
    expect(first).toMatchObject({ status: "SUCCEEDED", amountMinor: 2000, reason: "Customer returned one item" });
    const [intent] = (await audits(first.id)).filter((a) => a.action === "refund.create.intent");
    expect(intent?.after).toMatchObject({ reason: "Customer returned one item", amountMinor: 2000 });
    await expectNothingChanged(
      () =>
        createRefund({
          ctx: w.ctx(),
          input: { ...base(), transactionId: payIn, kind: "PAYIN", amount: "30.01", reason: "Too much" },
        }),
      ValidationError,
    );
    const rest = await createRefund({
      ctx: w.ctx(),
      input: { ...base(), transactionId: payIn, kind: "PAYIN", reason: "Full remainder" },
    });
    expect(rest).toMatchObject({ status: "SUCCEEDED", amountMinor: 3000 });
    await expectNothingChanged(
      () => createRefund({ ctx: w.ctx(), input: { ...base(), transactionId: payIn, kind: "PAYIN", reason: "Again" } }),
      PreconditionError,
    );
  });

  it("refunds a transfer in full and refuses a refund without a reason", async () => {
    const transfer = await createTransfer({
      ctx: w.ctx(),
      input: { ...base(), walletId: w.world.payerWallet.Id, creditedWalletId: w.world.ownerWallet.Id, amount: "2.00" },
    });
    await expectNothingChanged(
      () =>
        createRefund({
          ctx: w.ctx(),
          input: { ...base(), transactionId: transfer.upstreamId ?? "", kind: "TRANSFER", reason: "" },
        }),
      ValidationError,
    );
    const refund = await createRefund({
      ctx: w.ctx(),
      input: { ...base(), transactionId: transfer.upstreamId ?? "", kind: "TRANSFER", reason: "Sent by mistake" },
    });
    expect(refund).toMatchObject({ status: "SUCCEEDED", kind: "REFUND_TRANSFER", amountMinor: 200 });
  });
});

describe("dispute settlement", () => {
  it("settles a lost dispute by a transfer from the user's wallet, only while something is left to settle", async () => {
    const client = "demo-marketplace";
    const payIn = await cardPayIn(2000);
    const dispute = (await w.emulator.control("POST", `/clients/${client}/disputes`, { PayInId: payIn.Id })) as {
      Id: string;
    };
    // Still open: nothing to settle.
    await expectNothingChanged(
      () =>
        settleDispute({ ctx: w.ctx(), input: { ...base(), disputeId: dispute.Id, method: "TRANSFER", amount: "1" } }),
      PreconditionError,
    );
    await w.emulator.control("POST", `/clients/${client}/disputes/${dispute.Id}/status`, {
      Status: "CLOSED",
      ResultCode: "LOST",
    });
    const op = await settleDispute({
      ctx: w.ctx(),
      input: { ...base(), disputeId: dispute.Id, method: "TRANSFER", amount: "20.00" },
    });
    expect(op).toMatchObject({
      status: "SUCCEEDED",
      kind: "SETTLEMENT_TRANSFER",
      amountMinor: 2000,
      destinationId: "CREDIT_EUR",
    });
    await expectNothingChanged(
      () =>
        settleDispute({ ctx: w.ctx(), input: { ...base(), disputeId: dispute.Id, method: "BANK_WIRE", amount: "1" } }),
      PreconditionError,
    );
  });
});

describe("operations log", () => {
  it("filters by member, type and status and never shows another account's operations", async () => {
    const mine = await listOperations({ ctx: w.ctx("READ_ONLY"), input: { kind: "PAYOUT" } });
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((o) => o.kind === "PAYOUT")).toBe(true);
    expect(mine.items[0]?.actorEmail).toBe(w.hub.members.OPERATOR.email);
    const byOwner = await listOperations({ ctx: w.ctx(), input: { member: w.hub.members.OWNER.userId } });
    expect(byOwner.items).toEqual([]);
    expect(mine.members.map((m) => m.email)).toEqual([w.hub.members.OPERATOR.email]);
  });
});
