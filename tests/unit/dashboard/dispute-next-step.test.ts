/** @jest-environment node */
import { nextStep, timeUntil } from "@/lib/services/disputes/next-step";
import { earliestEventDay, eventFiltersFor } from "@/lib/services/events/schemas";
import { transactionActionsFor } from "@/lib/services/transactions/actions";
import { refundableAmount } from "@/lib/services/transactions/list-refunds";
import { settlementState } from "@/lib/services/disputes/list-transactions";
import { effectivePermissions, roleAccountPermissions } from "@/lib/server/permissions";
import type { TransactionDTO } from "@/lib/services/transactions/dto";

const NOW = Date.parse("2026-11-30T12:00:00Z");
const inDays = (d: number) => new Date(NOW + d * 86_400_000).toISOString();
const dispute = (over: Partial<Parameters<typeof nextStep>[0]>) => ({
  status: "PENDING_CLIENT_ACTION",
  type: "CONTESTABLE",
  statusMessage: null,
  resultCode: null,
  contestDeadline: inDays(3),
  ...over,
});
const none = { state: "not-applicable" };

describe("a dispute's next step", () => {
  it("asks to contest a contestable dispute before its deadline, in plain words", () => {
    const s = nextStep(dispute({}), none, NOW);
    expect(s).toMatchObject({
      actionNeeded: true,
      title: "Contest or accept this dispute",
      deadline: inDays(3),
      deadlineInWords: "in 3 days",
    });
  });

  it("asks for documents on a retrieval request, and quotes MANGOPAY on a reopened dispute", () => {
    expect(nextStep(dispute({ type: "RETRIEVAL" }), none, NOW).title).toBe("Send the documents the bank asks for");
    const reopened = nextStep(
      dispute({ status: "REOPENED_PENDING_CLIENT_ACTION", statusMessage: "Signed delivery proof" }),
      none,
      NOW,
    );
    expect(reopened.actionNeeded).toBe(true);
    expect(reopened.detail).toContain("“Signed delivery proof”");
  });

  it("needs nothing while MANGOPAY or the bank decide, or once the deadline has passed", () => {
    expect(nextStep(dispute({ status: "CREATED" }), none, NOW)).toMatchObject({
      actionNeeded: false,
      title: "Nothing to do yet",
    });
    expect(nextStep(dispute({ status: "SUBMITTED" }), none, NOW)).toMatchObject({
      actionNeeded: false,
      title: "Waiting for MANGOPAY",
    });
    expect(nextStep(dispute({ status: "PENDING_BANK_ACTION" }), none, NOW)).toMatchObject({
      actionNeeded: false,
      title: "Waiting for the bank",
    });
    expect(nextStep(dispute({ contestDeadline: inDays(-2) }), none, NOW)).toMatchObject({
      actionNeeded: false,
      title: "Contest deadline passed",
      deadlineInWords: "passed 2 days ago",
    });
    expect(nextStep(dispute({ type: "NOT_CONTESTABLE" }), none, NOW).title).toBe("Nothing to contest");
  });

  it("asks to settle a lost dispute until settlement transfers cover its repudiation", () => {
    const lost = dispute({ status: "CLOSED", resultCode: "LOST" });
    expect(nextStep(lost, { state: "to-settle" }, NOW)).toMatchObject({
      actionNeeded: true,
      title: "Settle the lost dispute",
    });
    expect(nextStep(lost, { state: "settled" }, NOW)).toMatchObject({ actionNeeded: false, title: "Closed — lost" });
    expect(nextStep(dispute({ status: "CLOSED", resultCode: "WON" }), none, NOW).title).toBe("Closed — won");
  });

  it("says hours and minutes when the deadline is close", () => {
    expect(timeUntil(new Date(NOW + 5 * 3_600_000).toISOString(), NOW)).toBe("in 5 hours");
    expect(timeUntil(new Date(NOW + 30 * 60_000).toISOString(), NOW)).toBe("in 30 minutes");
  });
});

const row = (over: Partial<TransactionDTO>): TransactionDTO => ({
  id: "1",
  kind: "PAYIN",
  tag: null,
  createdAt: inDays(-1),
  executedAt: null,
  status: "SUCCEEDED",
  type: "PAYIN",
  nature: "REGULAR",
  resultCode: null,
  resultMessage: null,
  authorId: null,
  creditedUserId: null,
  debitedWalletId: null,
  creditedWalletId: null,
  debited: { currency: "EUR", amountMinor: 1000 },
  credited: null,
  fees: null,
  ...over,
});

describe("money left and money owed", () => {
  it("counts succeeded and pending refunds against the refundable amount, not failed ones", () => {
    const refunds = [
      row({ status: "SUCCEEDED", debited: { currency: "EUR", amountMinor: 300 } }),
      row({ status: "FAILED", debited: { currency: "EUR", amountMinor: 500 } }),
      row({ status: "CREATED", debited: { currency: "EUR", amountMinor: 200 } }),
    ];
    expect(refundableAmount(row({}), refunds)).toEqual({ currency: "EUR", amountMinor: 500 });
    expect(refundableAmount(row({ status: "FAILED" }), [])).toEqual({ currency: "EUR", amountMinor: 0 });
  });

  it("is settled only when settlements cover the repudiation", () => {
    const d = { status: "CLOSED", resultCode: "LOST", repudiationId: "R" };
    const rep = row({ id: "R", nature: "REPUDIATION", debited: { currency: "EUR", amountMinor: 900 } });
    expect(settlementState(d, [rep])).toEqual({
      state: "to-settle",
      owed: { currency: "EUR", amountMinor: 900 },
      settled: { currency: "EUR", amountMinor: 0 },
    });
    expect(
      settlementState(d, [rep, row({ nature: "SETTLEMENT", debited: { currency: "EUR", amountMinor: 900 } })]).state,
    ).toBe("settled");
    expect(settlementState({ ...d, resultCode: "WON" }, [rep]).state).toBe("not-applicable");
  });
});

describe("the events form's 45-day window", () => {
  it("accepts the earliest allowed day and refuses the day before, naming the limit", () => {
    const earliest = earliestEventDay(NOW);
    expect(earliest).toBe("2026-10-17");
    expect(eventFiltersFor(NOW).safeParse({ types: [], from: earliest }).success).toBe(true);
    const refused = eventFiltersFor(NOW).safeParse({ types: [], from: "2026-10-16" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({
      path: ["from"],
      message: "MANGOPAY keeps events for 45 days: pick 2026-10-17 or later.",
    });
    expect(eventFiltersFor(NOW).safeParse({ types: ["NOT_AN_EVENT"] }).success).toBe(false);
  });
});

describe("a transaction's action places", () => {
  it("offers refund only to members allowed to refund, and only on a succeeded pay-in or transfer", () => {
    const payin = { kind: "PAYIN", status: "SUCCEEDED", nature: "REGULAR", payIn: { paymentType: "CARD" } };
    const operator = { permissions: effectivePermissions("OPERATOR", roleAccountPermissions("OPERATOR")) };
    const finance = { permissions: effectivePermissions("FINANCE", roleAccountPermissions("FINANCE")) };
    expect(transactionActionsFor(operator, payin, null)).toEqual(["refund", "proof", "repeat"]);
    expect(transactionActionsFor(finance, payin, null)).toEqual(["proof"]);
    expect(transactionActionsFor(operator, { ...payin, status: "FAILED" }, null)).toEqual(["repeat"]);
    expect(transactionActionsFor(operator, payin, { amountMinor: 0 })).toEqual(["proof", "repeat"]);
  });
});
