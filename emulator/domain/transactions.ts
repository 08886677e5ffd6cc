// Transaction lifecycle shared by every money flow: creation with events, success and failure.
// Money moves exactly once: on success, or at creation for flows that reserve funds (payouts).
import type { Emulator } from "../core/emulator";
import type { EventType } from "../events/event-types";
import type { ClientStore } from "../store/client-store";
import type { Money, Transaction } from "../store/types";
import { applyMoney } from "./ledger";
import { RESULT, type ResultKey } from "./result-codes";

export function money(currency: string, amount: number): Money {
  return { Currency: currency, Amount: amount };
}

/** Event prefix MANGOPAY uses for a transaction kind (PAYIN_NORMAL, TRANSFER_REFUND, PAYOUT_NORMAL…). */
export function eventPrefix(tx: Transaction): string {
  if (tx.Nature === "REFUND") return `${tx.InitialTransactionType}_REFUND`;
  if (tx.Nature === "REPUDIATION") return "PAYIN_REPUDIATION";
  if (tx.Nature === "SETTLEMENT") return "TRANSFER_SETTLEMENT";
  if (tx.Type === "PAYOUT") return "PAYOUT_NORMAL";
  if (tx.Type === "CONVERSION") return tx.QuoteId ? "QUOTED_CONVERSION" : "INSTANT_CONVERSION";
  return `${tx.Type}_NORMAL`;
}

// Interned: millions of events must share one string per EventType, not build one each time.
const eventNames = new Map<string, EventType>();

function emitTx(
  emu: Emulator,
  store: ClientStore,
  tx: Transaction,
  suffix: "CREATED" | "SUCCEEDED" | "FAILED",
  date: number,
): void {
  const name = `${eventPrefix(tx)}_${suffix}`;
  let interned = eventNames.get(name);
  if (!interned) {
    interned = name as EventType;
    eventNames.set(name, interned);
  }
  emu.events.emit(store, interned, tx.Id, date);
}

/** Only money flows that hold funds while CREATED (payouts) move money at creation. */
function reservesAtCreation(tx: Transaction): boolean {
  return tx.Type === "PAYOUT" && tx.Nature === "REGULAR";
}

export function recordCreated(emu: Emulator, store: ClientStore, tx: Transaction): void {
  store.addTransaction(tx);
  if (reservesAtCreation(tx)) applyMoney(store, tx);
  emitTx(emu, store, tx, "CREATED", tx.CreationDate);
}

export function succeed(emu: Emulator, store: ClientStore, tx: Transaction, now: number): void {
  if (tx.Status !== "CREATED") return;
  tx.Status = "SUCCEEDED";
  tx.ResultCode = RESULT.SUCCESS[0];
  tx.ResultMessage = RESULT.SUCCESS[1];
  tx.ExecutionDate = now;
  if (!reservesAtCreation(tx)) applyMoney(store, tx);
  emitTx(emu, store, tx, "SUCCEEDED", now);
}

export function fail(emu: Emulator, store: ClientStore, tx: Transaction, result: ResultKey, now: number): void {
  if (tx.Status !== "CREATED") return;
  tx.Status = "FAILED";
  tx.ResultCode = RESULT[result][0];
  tx.ResultMessage = RESULT[result][1];
  if (reservesAtCreation(tx)) applyMoney(store, tx, -1);
  emitTx(emu, store, tx, "FAILED", now);
}

/** Creates and immediately resolves a transaction (the synchronous flows: transfers, card pay-ins…). */
export function createResolved(
  emu: Emulator,
  store: ClientStore,
  tx: Transaction,
  outcome: ResultKey | "SUCCESS",
  now: number,
): Transaction {
  recordCreated(emu, store, tx);
  if (outcome === "SUCCESS") succeed(emu, store, tx, now);
  else fail(emu, store, tx, outcome, now);
  return tx;
}

export function baseFields(store: ClientStore, now: number, tag: string | null) {
  return {
    Id: store.nextId(),
    Tag: tag,
    CreationDate: now,
    Status: "CREATED" as const,
    ResultCode: null,
    ResultMessage: null,
    ExecutionDate: null,
  };
}
