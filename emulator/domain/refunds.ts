// Refunds of pay-ins and transfers (docs/mangopay-api.md §3.12), full or partial. The refunded wallet is
// debited DebitedFunds, the platform gives fees back with a negative Fees, and the original payer
// receives CreditedFunds = DebitedFunds − Fees. Omitted amounts refund what is left, fees included.
import { ApiError } from "../core/errors";
import type { Emulator } from "../core/emulator";
import type { ClientStore } from "../store/client-store";
import type { Money, Refund, Transaction } from "../store/types";
import { canDebit } from "./ledger";
import { getUser } from "./lookups";
import type { ResultKey } from "./result-codes";
import { createResolved, money } from "./transactions";

export interface RefundInput {
  AuthorId: string;
  DebitedFunds?: Money | null;
  Fees?: Money | null;
  Tag?: string | null;
  StatementDescriptor?: string | null;
  RefundReasonMessage?: string | null;
}

/** What succeeded refunds of `initial` already took: amount from the wallet, fees given back. */
export function refundedSoFar(store: ClientStore, initialId: string): { amount: number; fees: number } {
  let amount = 0;
  let fees = 0;
  for (const id of store.idx.refundsByInitial.get(initialId)) {
    const r = store.transactions.get(id);
    if (r && r.Status === "SUCCEEDED") {
      amount += r.DebitedFunds.Amount;
      fees -= r.Fees.Amount;
    }
  }
  return { amount, fees };
}

export function createRefund(
  emu: Emulator,
  store: ClientStore,
  initial: Transaction,
  input: RefundInput,
  now: number,
): Refund {
  getUser(store, input.AuthorId);
  if (initial.Type !== "PAYIN" && initial.Type !== "TRANSFER")
    throw new ApiError(400, "invalid_action", "Only pay-ins and transfers can be refunded");
  if (initial.Status !== "SUCCEEDED") {
    throw new ApiError(
      400,
      "original_transaction_must_be_succeeded",
      "The original transaction must be SUCCEEDED to be refunded",
    );
  }
  const ccy = initial.CreditedFunds.Currency;
  for (const m of [input.DebitedFunds, input.Fees]) {
    if (m && m.Currency !== ccy)
      throw new ApiError(400, "currency_incompatibility", `The refund currency must be ${ccy}`);
  }
  const done = refundedSoFar(store, initial.Id);
  const leftAmount = initial.CreditedFunds.Amount - done.amount;
  const leftFees = initial.Fees.Amount - done.fees;
  const debited = input.DebitedFunds?.Amount ?? leftAmount;
  const fees = input.Fees?.Amount ?? -leftFees;
  const walletId = initial.CreditedWalletId;
  const isTransfer = initial.Type === "TRANSFER";
  const refund: Refund = {
    Id: store.nextId(),
    Tag: input.Tag ?? null,
    CreationDate: now,
    Status: "CREATED",
    ResultCode: null,
    ResultMessage: null,
    ExecutionDate: null,
    AuthorId: input.AuthorId,
    // Docs' examples: a pay-in refund credits no wallet (CreditedUserId null), a transfer refund the
    // transfer's author.
    CreditedUserId: isTransfer ? initial.AuthorId : null,
    DebitedFunds: money(ccy, debited),
    CreditedFunds: money(ccy, debited - fees),
    Fees: money(ccy, fees),
    DebitedWalletId: walletId,
    CreditedWalletId: isTransfer ? initial.DebitedWalletId : null,
    // Type follows the money's direction: a pay-in refund leaves MANGOPAY (PAYOUT), a transfer refund
    // stays a TRANSFER (docs' examples).
    Type: isTransfer ? "TRANSFER" : "PAYOUT",
    Nature: "REFUND",
    InitialTransactionId: initial.Id,
    InitialTransactionType: initial.Type,
    InitialTransactionNature: initial.Nature,
    RefundReason: { RefundReasonType: "INITIALIZED_BY_CLIENT", RefundReasonMessage: input.RefundReasonMessage ?? null },
  };
  if (!isTransfer) refund.StatementDescriptor = input.StatementDescriptor ?? null;
  let outcome: ResultKey | "SUCCESS" = "SUCCESS";
  if (leftAmount <= 0 && leftFees <= 0) outcome = "ALREADY_REFUNDED";
  else if (debited > leftAmount) outcome = "REFUND_TOO_HIGH";
  else if (-fees > leftFees) outcome = "REFUND_FEES_TOO_HIGH";
  else if (debited - fees < 0) outcome = "REFUND_TOO_HIGH";
  else if (!walletId || !canDebit(store, walletId, debited)) outcome = "INSUFFICIENT_BALANCE";
  return createResolved(emu, store, refund, outcome, now) as Refund;
}
