// Demo disputes over the seeded card and direct-debit pay-ins: every status and type, dated in the
// past with their events, repudiations, settlement transfers and repudiation-wallet bank wires.
import type { Emulator } from "../core/emulator";
import type { Random } from "../core/random";
import { createDisputeDocument, reviewDisputeDocument, submitDisputeDocument } from "../domain/dispute-documents";
import { moveDispute, openDispute, submitDispute } from "../domain/disputes";
import { canDebit } from "../domain/ledger";
import { createClientBankWire, createSettlementTransfer, getRepudiation } from "../domain/repudiations";
import { succeed } from "../domain/transactions";
import type { ClientStore } from "../store/client-store";
import { DISPUTE_DOC_TYPES, DISPUTE_REASONS, type Dispute, type DisputeStatus } from "../store/compliance-types";
import type { PayIn } from "../store/types";

const DAY = 86_400;
const HOUR = 3600;

/** Target outcome of one seeded dispute; open ones are recent so their deadline is still ahead. */
type Plan =
  | "CREATED"
  | "PENDING_CLIENT_ACTION"
  | "SUBMITTED"
  | "PENDING_BANK_ACTION"
  | "REOPENED_PENDING_CLIENT_ACTION"
  | "CLOSED_NOT_CONTESTABLE"
  | "CLOSED_BY_PLATFORM"
  | "CLOSED_WON"
  | "CLOSED_LOST"
  | "CLOSED_RETRIEVAL";

const PLANS: ReadonlyArray<[Plan, number]> = [
  ["CREATED", 4],
  ["PENDING_CLIENT_ACTION", 18],
  ["SUBMITTED", 14],
  ["PENDING_BANK_ACTION", 12],
  ["REOPENED_PENDING_CLIENT_ACTION", 8],
  ["CLOSED_NOT_CONTESTABLE", 16],
  ["CLOSED_BY_PLATFORM", 10],
  ["CLOSED_WON", 18],
  ["CLOSED_LOST", 22],
  ["CLOSED_RETRIEVAL", 8],
];

function disputablePayIns(store: ClientStore): PayIn[] {
  const out: PayIn[] = [];
  for (const tx of store.transactions.values()) {
    if (
      tx.Type === "PAYIN" &&
      tx.Nature === "REGULAR" &&
      tx.Status === "SUCCEEDED" &&
      (tx.PaymentType === "CARD" || tx.PaymentType === "DIRECT_DEBIT")
    ) {
      out.push(tx as PayIn);
    }
  }
  return out;
}

function addDocuments(
  emu: Emulator,
  store: ClientStore,
  rnd: Random,
  dispute: Dispute,
  at: number,
  submit: boolean,
): void {
  for (let i = rnd.int(1, 2); i > 0; i--) {
    const doc = createDisputeDocument(emu, store, dispute, rnd.pick(DISPUTE_DOC_TYPES), null, at);
    store.pages.set(doc.Id, [
      { bytes: rnd.int(40_000, 900_000), kind: rnd.pick(["PDF", "JPEG", "PNG"] as const), uploadedAt: at },
    ]);
    if (submit) {
      submitDisputeDocument(emu, store, doc, at + 60);
      reviewDisputeDocument(emu, store, doc, rnd.chance(0.85), at + 2 * HOUR);
    }
  }
}

function isRecent(plan: Plan): boolean {
  return (
    plan === "CREATED" ||
    plan === "PENDING_CLIENT_ACTION" ||
    plan === "REOPENED_PENDING_CLIENT_ACTION" ||
    plan === "SUBMITTED"
  );
}

function openingTime(rnd: Random, plan: Plan, now: number): number {
  if (plan === "CREATED") return now - rnd.int(1, 6 * HOUR);
  return isRecent(plan) ? now - rnd.int(2 * DAY, 5 * DAY) : now - rnd.int(10 * DAY, 60 * DAY);
}

function hasFailedRepudiation(store: ClientStore): boolean {
  for (const d of store.disputes.values())
    if (d.RepudiationId && store.transactions.get(d.RepudiationId)?.Status === "FAILED") return true;
  return false;
}

function seedOne(
  emu: Emulator,
  store: ClientStore,
  rnd: Random,
  payin: PayIn,
  plan: Plan,
  opened: number,
  now: number,
): Dispute {
  const recent = isRecent(plan);
  const type =
    plan === "CLOSED_NOT_CONTESTABLE"
      ? "NOT_CONTESTABLE"
      : plan === "CLOSED_RETRIEVAL" || (recent && rnd.chance(0.15))
        ? "RETRIEVAL"
        : "CONTESTABLE";
  const partial = rnd.chance(0.2)
    ? rnd.int(Math.ceil(payin.DebitedFunds.Amount / 3), payin.DebitedFunds.Amount)
    : undefined;
  const dispute = openDispute(
    emu,
    store,
    {
      // One dispute left CREATED has a failed repudiation (PAYIN_REPUDIATION_FAILED), so that event has seeded data.
      RepudiationFails: plan === "CREATED" && type !== "RETRIEVAL" && !hasFailedRepudiation(store),
      PayInId: payin.Id,
      DisputeType: type,
      DisputeReasonType: rnd.pick(DISPUTE_REASONS),
      Amount: partial,
      DisputeReasonMessage: rnd.chance(0.5) ? "Cardholder disputes the transaction" : null,
      DeadlineDays: 7,
    },
    opened,
    "never",
  );
  dispute.Tag = rnd.chance(0.25) ? `case-${rnd.digits(5)}` : null;
  if (plan === "CREATED") return dispute;
  const acted = Math.min(opened + rnd.int(HOUR, 2 * DAY), now - 2 * HOUR);
  const step = (status: DisputeStatus, at: number, extra = {}): void =>
    void moveDispute(emu, store, dispute, status, at, extra);
  if (type === "NOT_CONTESTABLE") {
    step("CLOSED", opened + 10 * 60, { ResultCode: "LOST" });
    return dispute;
  }
  step("PENDING_CLIENT_ACTION", opened + 5 * 60);
  if (plan === "PENDING_CLIENT_ACTION") return dispute;
  if (plan === "CLOSED_BY_PLATFORM" || (plan === "CLOSED_RETRIEVAL" && rnd.chance(0.5))) {
    step("CLOSED", acted, { StatusMessage: "Closed by the platform" });
    return dispute;
  }
  addDocuments(emu, store, rnd, dispute, opened + HOUR, true);
  submitDispute(emu, store, dispute, type === "CONTESTABLE" ? { ...dispute.DisputedFunds } : null, acted);
  if (plan === "SUBMITTED") return dispute;
  if (plan === "REOPENED_PENDING_CLIENT_ACTION") {
    step("REOPENED_PENDING_CLIENT_ACTION", Math.min(now - HOUR, acted + DAY), {
      StatusMessage: "Please provide the delivery proof signed by the customer",
    });
    return dispute;
  }
  step("PENDING_BANK_ACTION", acted + DAY);
  if (plan === "PENDING_BANK_ACTION") return dispute;
  const result = plan === "CLOSED_WON" ? "WON" : plan === "CLOSED_RETRIEVAL" ? "VOID" : "LOST";
  step("CLOSED", acted + rnd.int(3 * DAY, 8 * DAY), {
    ResultCode: result,
    ResultMessage: result === "WON" ? "The bank accepted the evidence" : null,
  });
  return dispute;
}

/** Settles some LOST disputes (others stay pending settlement) and wires funds to the repudiation wallet. */
function settleSome(emu: Emulator, store: ClientStore, rnd: Random, disputes: Dispute[], now: number): number {
  let settled = 0;
  for (const d of disputes) {
    if (d.Status !== "CLOSED" || d.ResultCode !== "LOST" || !d.RepudiationId || !rnd.chance(0.5)) continue;
    const repudiation = getRepudiation(store, d.RepudiationId);
    const payin = store.transactions.get(repudiation.InitialTransactionId);
    const walletId = payin?.CreditedWalletId;
    const amount = repudiation.DebitedFunds.Amount;
    if (!payin || !walletId || !canDebit(store, walletId, amount) || (d.ClosedDate ?? now) >= now) continue;
    const ownerId = store.wallets.get(walletId)?.Owners[0] ?? payin.AuthorId;
    createSettlementTransfer(
      emu,
      store,
      repudiation,
      {
        AuthorId: ownerId,
        DebitedFunds: { ...repudiation.DebitedFunds },
        Fees: { Currency: repudiation.DebitedFunds.Currency, Amount: 0 },
      },
      Math.min(now - 1, (d.ClosedDate ?? now) + rnd.int(HOUR, 5 * DAY)),
    );
    settled++;
  }
  return settled;
}

export function seedDisputes(
  emu: Emulator,
  store: ClientStore,
  rnd: Random,
  now: number,
  target: number,
): Record<string, number> {
  const payins = disputablePayIns(store);
  const used = new Set<string>();
  const planned: Array<{ payin: PayIn; plan: Plan; opened: number }> = [];
  const total = PLANS.reduce((s, [, w]) => s + w, 0);
  for (let attempt = 0; planned.length < target && attempt < target * 4 && used.size < payins.length; attempt++) {
    const payin = payins[rnd.int(0, payins.length - 1)];
    if (used.has(payin.Id)) continue;
    let roll = rnd.int(1, total);
    const plan = PLANS.find(([, w]) => (roll -= w) <= 0)?.[0] ?? "CLOSED_LOST";
    const opened = openingTime(rnd, plan, now);
    if (opened <= payin.CreationDate + HOUR) continue;
    used.add(payin.Id);
    planned.push({ payin, plan, opened });
  }
  // Opened in date order, so ids grow with CreationDate as MANGOPAY's do.
  planned.sort((a, b) => a.opened - b.opened);
  const disputes = planned.map(({ payin, plan, opened }) => seedOne(emu, store, rnd, payin, plan, opened, now));
  const settlements = settleSome(emu, store, rnd, disputes, now);
  return { disputes: disputes.length, settlementTransfers: settlements };
}

/** Two bank wires from the platform to its repudiation wallet: one received, one awaiting funds. */
export function seedRepudiationWires(emu: Emulator, store: ClientStore, now: number): void {
  const wire = (at: number, amount: number): PayIn =>
    createClientBankWire(
      emu,
      store,
      { CreditedWalletId: "CREDIT_EUR", DeclaredDebitedFunds: { Currency: "EUR", Amount: amount } },
      at,
    );
  succeed(emu, store, wire(now - 20 * DAY, 50_000), now - 18 * DAY);
  wire(now - 2 * DAY, 25_000);
}
