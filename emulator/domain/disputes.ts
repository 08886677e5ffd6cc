// Dispute state machine (docs/mangopay-api.md §3.15, §3.16 DISPUTE_* events). MANGOPAY opens disputes (here: a
// control call or the seed); CREATED → PENDING_CLIENT_ACTION (CONTESTABLE, RETRIEVAL) or CLOSED
// (NOT_CONTESTABLE); the platform submits (→ SUBMITTED) or closes; MANGOPAY/bank move it on
// (PENDING_BANK_ACTION, REOPENED_PENDING_CLIENT_ACTION, CLOSED with WON/LOST) via control calls.
import type { Emulator } from "../core/emulator";
import { ApiError, invalidAction, notFound, paramError } from "../core/errors";
import type { EventType } from "../events/event-types";
import type { ClientStore } from "../store/client-store";
import type { Dispute, DisputeReasonType, DisputeResult, DisputeStatus, DisputeType } from "../store/compliance-types";
import type { Money, PayIn } from "../store/types";
import { createRepudiation, refundRepudiation } from "./repudiations";
import { money } from "./transactions";

const CLIENT_ACTION: readonly DisputeStatus[] = ["PENDING_CLIENT_ACTION", "REOPENED_PENDING_CLIENT_ACTION"];

const STATUS_EVENT: Partial<Record<DisputeStatus, EventType>> = {
  PENDING_CLIENT_ACTION: "DISPUTE_ACTION_REQUIRED",
  SUBMITTED: "DISPUTE_SUBMITTED",
  PENDING_BANK_ACTION: "DISPUTE_SENT_TO_BANK",
  REOPENED_PENDING_CLIENT_ACTION: "DISPUTE_FURTHER_ACTION_REQUIRED",
  CLOSED: "DISPUTE_CLOSED",
};

export interface OpenDisputeInput {
  /** Sandbox: the repudiation fails (PAYIN_REPUDIATION_FAILED) and takes no money. */
  RepudiationFails?: boolean;
  PayInId: string;
  DisputeType?: DisputeType;
  DisputeReasonType?: DisputeReasonType;
  DisputeReasonMessage?: string | null;
  /** Defaults to the whole pay-in. */
  Amount?: number;
  /** Days until ContestDeadlineDate (default 7). */
  DeadlineDays?: number;
}

export function getDispute(store: ClientStore, id: string): Dispute {
  const dispute = store.disputes.get(id);
  if (!dispute) throw notFound("Dispute", id);
  return dispute;
}

function disputablePayIn(store: ClientStore, id: string): PayIn {
  const tx = store.transactions.get(id);
  if (!tx || tx.Type !== "PAYIN" || tx.Nature !== "REGULAR") throw notFound("PayIn", id);
  if (tx.Status !== "SUCCEEDED") throw invalidAction("Only a SUCCEEDED pay-in can be disputed");
  return tx as PayIn;
}

/**
 * Opens a dispute with its repudiation (none for RETRIEVAL). `advance` = "later" schedules MANGOPAY's
 * first move after delays.disputeMs; "now" applies it at once (seeding); "never" leaves it CREATED.
 */
export function openDispute(
  emu: Emulator,
  store: ClientStore,
  input: OpenDisputeInput,
  now: number,
  advance: "later" | "now" | "never" = "later",
): Dispute {
  const payin = disputablePayIn(store, input.PayInId);
  const amount = input.Amount ?? payin.DebitedFunds.Amount;
  if (!Number.isSafeInteger(amount) || amount <= 0 || amount > payin.DebitedFunds.Amount) {
    throw paramError({ Amount: `The disputed amount must be between 1 and ${payin.DebitedFunds.Amount}.` });
  }
  const type = input.DisputeType ?? "CONTESTABLE";
  const funds = money(payin.DebitedFunds.Currency, amount);
  const dispute: Dispute = {
    Id: store.nextId(),
    Tag: null,
    CreationDate: now,
    InitialTransactionId: payin.Id,
    InitialTransactionType: "PAYIN",
    InitialTransactionNature: payin.Nature,
    DisputeType: type,
    ContestDeadlineDate: type === "NOT_CONTESTABLE" ? null : now + (input.DeadlineDays ?? 7) * 86400,
    DisputedFunds: funds,
    ContestedFunds: null,
    Status: "CREATED",
    StatusMessage: null,
    DisputeReason: {
      DisputeReasonType: input.DisputeReasonType ?? "UNKNOWN",
      DisputeReasonMessage: input.DisputeReasonMessage ?? null,
    },
    // While open, MANGOPAY's examples show an empty ResultCode (""), not null.
    ResultCode: "",
    ResultMessage: null,
    ClosedDate: null,
    RepudiationId: null,
  };
  if (type !== "RETRIEVAL")
    dispute.RepudiationId = createRepudiation(emu, store, payin, funds, now, input.RepudiationFails === true).Id;
  store.addDispute(dispute);
  emu.events.emit(store, "DISPUTE_CREATED", dispute.Id, now);
  if (advance === "now") firstMove(emu, store, dispute, now);
  const delay = emu.options.delays.disputeMs;
  if (advance === "later" && delay !== null) {
    emu.scheduler.schedule(delay, () => {
      if (dispute.Status === "CREATED") firstMove(emu, store, dispute, emu.clock.now());
    });
  }
  return dispute;
}

function firstMove(emu: Emulator, store: ClientStore, dispute: Dispute, now: number): void {
  if (dispute.DisputeType === "NOT_CONTESTABLE")
    moveDispute(emu, store, dispute, "CLOSED", now, { ResultCode: "LOST" });
  else moveDispute(emu, store, dispute, "PENDING_CLIENT_ACTION", now);
}

export interface MoveOptions {
  ResultCode?: DisputeResult | null;
  ResultMessage?: string | null;
  StatusMessage?: string | null;
}

/** Sets any status with its event and side effects (control endpoint, seed, platform actions). */
export function moveDispute(
  emu: Emulator,
  store: ClientStore,
  dispute: Dispute,
  status: DisputeStatus,
  now: number,
  opts: MoveOptions = {},
): Dispute {
  dispute.Status = status;
  if (opts.StatusMessage !== undefined) dispute.StatusMessage = opts.StatusMessage;
  if (status === "CLOSED") {
    const result = opts.ResultCode ?? (dispute.DisputeType === "RETRIEVAL" ? "VOID" : "LOST");
    dispute.ResultCode = result;
    dispute.ResultMessage = opts.ResultMessage ?? null;
    dispute.ClosedDate = now;
    if (result === "WON") refundRepudiation(emu, store, dispute, now);
  } else {
    dispute.ResultCode = "";
    dispute.ResultMessage = null;
    dispute.ClosedDate = null;
  }
  const event = STATUS_EVENT[status];
  if (event) emu.events.emit(store, event, dispute.Id, now);
  return dispute;
}

function assertClientAction(dispute: Dispute, action: string): void {
  if (dispute.DisputeType === "NOT_CONTESTABLE") throw invalidAction(`A NOT_CONTESTABLE dispute cannot be ${action}`);
  if (!CLIENT_ACTION.includes(dispute.Status)) {
    throw invalidAction(`The dispute cannot be ${action}: its Status is ${dispute.Status}`);
  }
}

/** PUT /disputes/{id}/submit: first contest (ContestedFunds required for CONTESTABLE) or resubmission. */
export function submitDispute(
  emu: Emulator,
  store: ClientStore,
  dispute: Dispute,
  contested: Money | null,
  now: number,
): Dispute {
  assertClientAction(dispute, "submitted");
  if (dispute.ContestDeadlineDate !== null && now > dispute.ContestDeadlineDate) {
    throw new ApiError(400, "dispute_contest_deadline_passed", "The contest deadline of this dispute has passed");
  }
  const first = dispute.Status === "PENDING_CLIENT_ACTION";
  if (first && dispute.DisputeType === "CONTESTABLE" && !contested) {
    throw paramError({ ContestedFunds: "The ContestedFunds field is required to contest a CONTESTABLE dispute." });
  }
  if (contested && first) {
    if (contested.Currency !== dispute.DisputedFunds.Currency) {
      throw new ApiError(
        400,
        "currency_incompatibility",
        `ContestedFunds must be in ${dispute.DisputedFunds.Currency}`,
      );
    }
    if (contested.Amount <= 0 || contested.Amount > dispute.DisputedFunds.Amount) {
      throw paramError({
        ContestedFunds: `The contested amount must be between 1 and ${dispute.DisputedFunds.Amount}.`,
      });
    }
    dispute.ContestedFunds = { ...contested };
  }
  return moveDispute(emu, store, dispute, "SUBMITTED", now, { StatusMessage: null });
}

/** PUT /disputes/{id}/close: the platform accepts the loss (a retrieval closes without result). */
export function closeDispute(emu: Emulator, store: ClientStore, dispute: Dispute, now: number): Dispute {
  assertClientAction(dispute, "closed");
  return moveDispute(emu, store, dispute, "CLOSED", now, { StatusMessage: "Closed by the platform" });
}

/** Disputes still waiting for the platform after their deadline close as LOST (clock aging). */
export function expireOverdueDisputes(emu: Emulator, store: ClientStore, now: number): number {
  let count = 0;
  for (const d of store.disputes.values()) {
    if (CLIENT_ACTION.includes(d.Status) && d.ContestDeadlineDate !== null && d.ContestDeadlineDate < now) {
      moveDispute(emu, store, d, "CLOSED", now, { StatusMessage: "Contest deadline passed" });
      count++;
    }
  }
  return count;
}
