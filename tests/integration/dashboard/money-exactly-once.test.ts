/** @jest-environment node */
// Exactly once: 50 parallel submissions of one payout form, a lost answer (the emulator's `drop`
// fault on the POST) and a process dying between the call and the record must each end with exactly
// one payout at MANGOPAY and one settled operation row — reconciled from GET /responses/{key}, never
// re-sent with a new key. The three results are printed.
import { defaultCallRecorder } from "@/lib/mangopay/recorder";
import { RESPONSES_PATH } from "@/lib/mangopay/stored-response";
import { db } from "@/lib/server/db";
import { getOperation } from "@/lib/services/operations/get";
import { listOperations } from "@/lib/services/operations/list";
import { reconcilePendingOperations } from "@/lib/services/operations/reconcile";
import { createPayout } from "@/lib/services/payouts/create";
import { createTransfer } from "@/lib/services/transfers/create";
import { moneyWorld, newOperationKey, walletTransactions, type MoneyWorld } from "./money-world";

// The process "dies" after MANGOPAY answered and before the result is recorded: the record step of the
// sending request throws (as a killed process would never run it); later views and the sweep record normally.
let crashAfterCall = false;
jest.mock("@/lib/services/operations/record-outcome", () => {
  const actual = jest.requireActual<typeof import("@/lib/services/operations/record-outcome")>(
    "@/lib/services/operations/record-outcome",
  );
  return {
    ...actual,
    settleOperation: (...args: Parameters<typeof actual.settleOperation>) => {
      if (crashAfterCall && args[3] === "call") throw new Error("process killed between the call and the record");
      return actual.settleOperation(...args);
    },
  };
});

afterAll(() => db.$disconnect());

let w: MoneyWorld;
beforeAll(async () => {
  w = await moneyWorld(47);
  // Fund the owner's wallet from the payer's (100.00 EUR pay-in) so payouts succeed.
  await createTransfer({
    ctx: w.ctx(),
    input: {
      accountId: w.account.id,
      operationKey: newOperationKey(),
      walletId: w.world.payerWallet.Id,
      creditedWalletId: w.world.ownerWallet.Id,
      amount: "90.00",
    },
  });
}, 60_000);
afterAll(() => w.emulator.close());
afterEach(async () => {
  crashAfterCall = false;
  await w.emulator.clearFaults();
});

const payoutInput = (operationKey: string, amount: string) => ({
  accountId: w.account.id,
  operationKey,
  walletId: w.world.ownerWallet.Id,
  bankAccountId: w.world.bankAccount.Id,
  amount,
});
const payoutsOf = async (amountMinor: number) =>
  (await walletTransactions(w.direct, w.world.ownerWallet.Id, "PAYOUT")).filter(
    (p) => p.DebitedFunds.Amount === amountMinor,
  );
const rowsFor = (operationKey: string) =>
  db.upstreamOperation.findMany({ where: { apiAccountId: w.account.id, operationKey } });

it("50 parallel submissions of one payout form create one payout and one operation row", async () => {
  const key = newOperationKey();
  const results = await Promise.allSettled(
    Array.from({ length: 50 }, () => createPayout({ ctx: w.ctx(), input: payoutInput(key, "1.11") })),
  );
  const fulfilled = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const payouts = await payoutsOf(111);
  const rows = await rowsFor(key);
  console.log(
    `[exactly-once] 50 parallel submissions, one key → ${payouts.length} payout(s) at MANGOPAY, ${rows.length} operation row(s) (${rows.map((r) => `${r.status}/${r.upstreamStatus}`).join(", ")}), ${fulfilled.length}/50 answered with it`,
  );
  expect(results.filter((r) => r.status === "rejected")).toEqual([]);
  expect(payouts).toHaveLength(1);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ status: "SUCCEEDED", upstreamId: payouts[0]?.Id });
  expect(["CREATED", "SUCCEEDED"]).toContain(rows[0]?.upstreamStatus);
  expect(new Set(fulfilled.map((o) => o.upstreamId))).toEqual(new Set([payouts[0]?.Id]));
  const intents = await db.auditEvent.count({
    where: {
      hubId: w.hub.hubId,
      action: "payout.create.intent",
      metadata: { path: ["operationId"], equals: rows[0]?.id },
    },
  });
  expect(intents).toBe(1);
}, 60_000);

it("a lost answer (drop fault on the POST) is recovered from the stored response, not sent twice", async () => {
  await w.emulator.control("POST", "/faults", { route: "/payouts/bankwire", method: "POST", kind: "drop", count: 1 });
  const lookups = () =>
    defaultCallRecorder()
      .list({})
      .filter((c) => c.pathTemplate === RESPONSES_PATH).length;
  const lookupsBefore = lookups();
  const key = newOperationKey();
  const op = await createPayout({ ctx: w.ctx(), input: payoutInput(key, "2.22") });
  const viewed = await getOperation({ ctx: w.ctx("READ_ONLY"), input: { operationId: op.id } });
  const payouts = await payoutsOf(222);
  // The answer was lost and asked again under the operation's own key.
  const recoveries = { length: lookups() - lookupsBefore };
  console.log(
    `[exactly-once] drop fault on POST /payouts/bankwire → operation ${viewed.operation.status}/${viewed.operation.upstreamStatus}, ${payouts.length} payout(s) at MANGOPAY, ${recoveries.length} GET /responses/{key} recovery call(s)`,
  );
  expect(recoveries.length).toBeGreaterThanOrEqual(1);
  expect(payouts).toHaveLength(1);
  expect(viewed.operation).toMatchObject({ status: "SUCCEEDED", upstreamId: payouts[0]?.Id });
  expect(await rowsFor(key)).toHaveLength(1);
}, 60_000);

it("a process killed between the call and the record: the next view reconciles it, a resubmit does not resend", async () => {
  const key = newOperationKey();
  crashAfterCall = true;
  await expect(createPayout({ ctx: w.ctx(), input: payoutInput(key, "3.33") })).rejects.toThrow(/process killed/);
  crashAfterCall = false;
  const [stuck] = await rowsFor(key);
  expect(stuck).toMatchObject({ status: "PENDING", upstreamId: null });
  expect(await payoutsOf(333)).toHaveLength(1); // MANGOPAY did it; the dashboard does not know yet

  const log = await listOperations({ ctx: w.ctx("READ_ONLY"), input: { kind: "PAYOUT" } });
  const seen = log.items.find((o) => o.id === stuck?.id);
  const payouts = await payoutsOf(333);
  console.log(
    `[exactly-once] killed between call and record → row was PENDING; after the next view of the log: ${seen?.status}/${seen?.upstreamStatus}, ${payouts.length} payout(s) at MANGOPAY, MANGOPAY id ${seen?.upstreamId === payouts[0]?.Id ? "matches" : "DIFFERS"}`,
  );
  expect(seen).toMatchObject({ status: "SUCCEEDED", upstreamId: payouts[0]?.Id });
  const trail = await getOperation({ ctx: w.ctx(), input: { operationId: stuck?.id ?? "" } });
  expect(trail.audit.map((a) => [a.action, a.trigger])).toEqual([
    ["payout.create.intent", null],
    ["payout.create.result", "view"],
  ]);
  // The same form resubmitted: the recorded outcome, no second payout.
  const again = await createPayout({ ctx: w.ctx(), input: payoutInput(key, "3.33") });
  expect(again.upstreamId).toBe(payouts[0]?.Id);
  expect(await payoutsOf(333)).toHaveLength(1);
}, 60_000);

it("the periodic sweep settles a crashed operation, and marks one MANGOPAY never received NOT_SENT after the grace period", async () => {
  const key = newOperationKey();
  crashAfterCall = true;
  await expect(createPayout({ ctx: w.ctx(), input: payoutInput(key, "4.44") })).rejects.toThrow();
  crashAfterCall = false;
  // A row whose request never reached MANGOPAY (killed before the call), sent long ago.
  const [crashed] = await rowsFor(key);
  const never = await db.$transaction(async (tx) => {
    const row = await tx.upstreamOperation.create({
      data: {
        hubId: w.hub.hubId,
        apiAccountId: w.account.id,
        actorUserId: w.hub.members.OPERATOR.userId,
        action: "payout.create",
        kind: "PAYOUT",
        operationKey: newOperationKey(),
        idempotencyKey: newOperationKey(),
        sentAt: new Date(Date.now() - 10 * 60_000),
        createdAt: new Date(Date.now() - 10 * 60_000),
        request: { method: "POST", path: "/payouts/bankwire", params: {}, body: {} },
      },
    });
    await tx.auditEvent.create({
      data: { hubId: w.hub.hubId, action: "payout.create.intent", metadata: { operationId: row.id } },
    });
    return row;
  });
  const swept = await reconcilePendingOperations({ olderThanMs: 0 });
  const after = await db.upstreamOperation.findMany({ where: { id: { in: [crashed?.id ?? "", never.id] } } });
  const byId = new Map(after.map((r) => [r.id, r]));
  expect(swept.settled).toBeGreaterThanOrEqual(2);
  expect(byId.get(crashed?.id ?? "")).toMatchObject({ status: "SUCCEEDED" });
  expect(byId.get(never.id)).toMatchObject({ status: "NOT_SENT", resultCode: "NOT_RECEIVED" });
  expect(byId.get(never.id)?.resultMessage).toMatch(/no record of this request/);
  expect(await payoutsOf(444)).toHaveLength(1);
}, 60_000);

it("the same form resubmitted with another amount is refused, nothing sent", async () => {
  const key = newOperationKey();
  await createPayout({ ctx: w.ctx(), input: payoutInput(key, "5.55") });
  await expect(createPayout({ ctx: w.ctx(), input: payoutInput(key, "6.66") })).rejects.toThrow(/already submitted/);
  expect(await payoutsOf(666)).toHaveLength(0);
});

const transferInput = (amount: string) => ({
  accountId: w.account.id,
  operationKey: newOperationKey(),
  walletId: w.world.payerWallet.Id,
  creditedWalletId: w.world.ownerWallet.Id,
  amount,
});
const transfersOf = async (amountMinor: number) =>
  (await walletTransactions(w.direct, w.world.payerWallet.Id, "TRANSFER")).filter(
    (t) => t.DebitedFunds.Amount === amountMinor,
  );

it("a 503 on the POST is retried under the same key: one transfer, recorded", async () => {
  await w.emulator.control("POST", "/faults", {
    route: "/transfers",
    method: "POST",
    kind: "error",
    status: 503,
    count: 1,
  });
  const op = await createTransfer({ ctx: w.ctx(), input: transferInput("0.07") });
  const transfers = await transfersOf(7);
  expect(transfers).toHaveLength(1);
  expect(op).toMatchObject({ status: "SUCCEEDED", upstreamId: transfers[0]?.Id });
});

it("a rate-limited POST is NOT_SENT with a clear message, and nothing moved", async () => {
  await w.emulator.control("POST", "/faults", { route: "/transfers", method: "POST", kind: "rate_limit" });
  const op = await createTransfer({ ctx: w.ctx(), input: transferInput("0.08") });
  expect(op.status).toBe("NOT_SENT");
  expect(op.resultMessage).toMatch(/rate limit.*Nothing was sent/);
  expect(await transfersOf(8)).toHaveLength(0);
  await w.emulator.clearFaults();
  // A new form (new key) goes through once the limit lifts.
  const again = await createTransfer({ ctx: w.ctx(), input: transferInput("0.08") });
  expect(again.status).toBe("SUCCEEDED");
  expect(await transfersOf(8)).toHaveLength(1);
});
