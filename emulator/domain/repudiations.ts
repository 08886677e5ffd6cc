// Money side of disputes (docs/mangopay-api.md §3.15, docs "Repudiation object"): opening a dispute takes the
// disputed funds from the platform's repudiation wallet CREDIT_{CCY} (it goes negative); a WON
// dispute refunds the repudiation; a LOST one is settled by a settlement transfer from the user's
// wallet or by a client bank wire to CREDIT_{CCY}. Everything moves through domain/ledger.ts.
import { ApiError, invalidAction, notFound, paramError } from "../core/errors";
import type { Emulator } from "../core/emulator";
import type { ClientStore } from "../store/client-store";
import type { Dispute } from "../store/compliance-types";
import type { Repudiation } from "../store/types";
import type { Money, PayIn, Refund, Transfer } from "../store/types";
import { canDebit, clientWallet } from "./ledger";
import { PENDING_WIRE_AMOUNT } from "./pay-ins";
import { getUser } from "./lookups";
import { baseFields, createResolved, fail, money, recordCreated } from "./transactions";

export function createRepudiation(
  emu: Emulator,
  store: ClientStore,
  payin: PayIn,
  funds: Money,
  now: number,
  fails = false,
): Repudiation {
  const credit = clientWallet(store, "CREDIT", funds.Currency, now);
  const tx: Repudiation = {
    ...baseFields(store, now, null),
    AuthorId: payin.AuthorId,
    CreditedUserId: null,
    DebitedFunds: { ...funds },
    CreditedFunds: { ...funds },
    Fees: money(funds.Currency, 0),
    DebitedWalletId: credit.Id,
    CreditedWalletId: null,
    Type: "PAYOUT",
    Nature: "REPUDIATION",
    InitialTransactionId: payin.Id,
    InitialTransactionType: "PAYIN",
    InitialTransactionNature: payin.Nature,
  };
  // A failed repudiation (PAYIN_REPUDIATION_FAILED) takes nothing from the repudiation wallet.
  createResolved(emu, store, tx, fails ? "GENERIC" : "SUCCESS", now);
  return tx;
}

export function getRepudiation(store: ClientStore, id: string): Repudiation {
  const tx = store.transactions.get(id);
  if (!tx || tx.Nature !== "REPUDIATION") throw notFound("Repudiation", id);
  return tx as Repudiation;
}

/** What settlement transfers already paid back on a repudiation. */
export function settledAmount(store: ClientStore, dispute: Dispute): number {
  let sum = 0;
  for (const id of store.idx.txByDispute.get(dispute.Id)) {
    const tx = store.transactions.get(id);
    if (tx && tx.Nature === "SETTLEMENT" && tx.Status === "SUCCEEDED") sum += tx.CreditedFunds.Amount;
  }
  return sum;
}

export function isPendingSettlement(store: ClientStore, dispute: Dispute): boolean {
  if (dispute.Status !== "CLOSED" || dispute.ResultCode !== "LOST" || !dispute.RepudiationId) return false;
  const repudiation = store.transactions.get(dispute.RepudiationId);
  return (
    !!repudiation &&
    repudiation.Status === "SUCCEEDED" &&
    settledAmount(store, dispute) < repudiation.DebitedFunds.Amount
  );
}

export function disputeOfRepudiation(store: ClientStore, repudiationId: string): Dispute {
  const state = store;
  const disputeId = state.idx.disputeByRepudiation.get(repudiationId);
  const dispute = disputeId ? state.disputes.get(disputeId) : undefined;
  if (!dispute) throw notFound("Dispute", repudiationId);
  return dispute;
}

export interface SettlementInput {
  AuthorId: string;
  DebitedFunds: Money;
  Fees: Money;
  Tag?: string | null;
}

export function createSettlementTransfer(
  emu: Emulator,
  store: ClientStore,
  repudiation: Repudiation,
  input: SettlementInput,
  now: number,
): Transfer {
  getUser(store, input.AuthorId);
  const dispute = disputeOfRepudiation(store, repudiation.Id);
  if (dispute.Status !== "CLOSED") throw invalidAction("Only disputes with the CLOSED Status can be settled");
  if (repudiation.Status !== "SUCCEEDED") throw invalidAction("The repudiation failed: there is nothing to settle");
  const ccy = repudiation.DebitedFunds.Currency;
  if (input.DebitedFunds.Currency !== ccy || input.Fees.Currency !== ccy) {
    throw new ApiError(400, "currency_incompatibility", `The settlement currency must be ${ccy}`);
  }
  if (input.Fees.Amount > input.DebitedFunds.Amount)
    throw paramError({ Fees: "The Fees amount cannot be higher than the DebitedFunds amount." });
  const payin = store.transactions.get(repudiation.InitialTransactionId);
  const walletId = payin?.CreditedWalletId;
  if (!walletId) throw invalidAction("The disputed pay-in has no credited wallet to settle from");
  const remaining = repudiation.DebitedFunds.Amount - settledAmount(store, dispute);
  const credited = input.DebitedFunds.Amount - input.Fees.Amount;
  if (remaining > 0 && credited > remaining) {
    throw paramError({ DebitedFunds: `The settlement cannot exceed what is left to settle (${remaining}).` });
  }
  const tx: Transfer = {
    ...baseFields(store, now, input.Tag ?? null),
    AuthorId: input.AuthorId,
    CreditedUserId: null,
    DebitedFunds: { ...input.DebitedFunds },
    CreditedFunds: money(ccy, credited),
    Fees: { ...input.Fees },
    DebitedWalletId: walletId,
    CreditedWalletId: clientWallet(store, "CREDIT", ccy, now).Id,
    Type: "TRANSFER",
    Nature: "SETTLEMENT",
    PendingUserAction: null,
    RepudiationId: repudiation.Id,
  };
  if (remaining <= 0) {
    recordCreated(emu, store, tx);
    fail(emu, store, tx, "GENERIC", now);
    // 003012 is specific to settlements; domain/result-codes.ts does not need it.
    Object.assign(tx, { ResultCode: "003012", ResultMessage: "The repudiation has already been successfully settled" });
  } else {
    createResolved(
      emu,
      store,
      tx,
      canDebit(store, walletId, input.DebitedFunds.Amount) ? "SUCCESS" : "INSUFFICIENT_BALANCE",
      now,
    );
  }
  store.idx.txByDispute.add(dispute.Id, tx.Id);
  return tx;
}

export function getSettlement(store: ClientStore, id: string): Transfer {
  const tx = store.transactions.get(id);
  if (!tx || tx.Nature !== "SETTLEMENT") throw notFound("Settlement", id);
  return tx as Transfer;
}

/** A WON dispute gives the repudiated funds back to the repudiation wallet. */
export function refundRepudiation(emu: Emulator, store: ClientStore, dispute: Dispute, now: number): Refund | null {
  if (!dispute.RepudiationId) return null;
  const repudiation = getRepudiation(store, dispute.RepudiationId);
  if (repudiation.Status !== "SUCCEEDED" || store.idx.refundsByInitial.get(repudiation.Id).length > 0) return null;
  const amount = Math.min(
    dispute.ContestedFunds?.Amount ?? repudiation.DebitedFunds.Amount,
    repudiation.DebitedFunds.Amount,
  );
  const ccy = repudiation.DebitedFunds.Currency;
  const refund: Refund = {
    ...baseFields(store, now, null),
    AuthorId: repudiation.AuthorId,
    // The docs' example credits the platform itself: CreditedUserId is the ClientId.
    CreditedUserId: store.info.ClientId,
    DebitedFunds: money(ccy, amount),
    CreditedFunds: money(ccy, amount),
    Fees: money(ccy, 0),
    DebitedWalletId: null,
    CreditedWalletId: repudiation.DebitedWalletId,
    // A refund's Type follows the money: it flows back into the platform's wallet (docs' example: PAYIN).
    Type: "PAYIN",
    Nature: "REFUND",
    InitialTransactionId: repudiation.Id,
    InitialTransactionType: "PAYOUT",
    InitialTransactionNature: "REPUDIATION",
    RefundReason: { RefundReasonType: "OTHER", RefundReasonMessage: "Dispute won" },
  };
  createResolved(emu, store, refund, "SUCCESS", now);
  store.idx.txByDispute.add(dispute.Id, refund.Id);
  return refund;
}

const MANGOPAY_ACCOUNT = {
  Type: "IBAN",
  OwnerName: "MANGOPAY SA",
  OwnerAddress: {
    AddressLine1: "2 Avenue Amélie",
    AddressLine2: null,
    City: "Luxembourg",
    Region: null,
    PostalCode: "L-1125",
    Country: "LU",
  },
  IBAN: "LU290108520003010010",
  BIC: "BGLLLULL",
};

export interface ClientBankWireInput {
  CreditedWalletId: string;
  DeclaredDebitedFunds: Money;
  DeclaredFees?: Money | null;
  Tag?: string | null;
}

/**
 * Bank wire from the platform to its repudiation wallet: AuthorId and CreditedUserId are the ClientId
 * (docs example); it stays CREATED until the funds arrive (the control /payins/:id/settle).
 */
export function createClientBankWire(
  emu: Emulator,
  store: ClientStore,
  input: ClientBankWireInput,
  now: number,
): PayIn {
  const match = /^CREDIT_([A-Z]{3})$/.exec(input.CreditedWalletId);
  if (!match) throw paramError({ CreditedWalletId: "The CreditedWalletId must be a repudiation wallet CREDIT_{CCY}." });
  const declared = input.DeclaredDebitedFunds;
  const feeAmount = input.DeclaredFees?.Amount ?? 0;
  if (declared.Currency !== match[1] || (input.DeclaredFees && input.DeclaredFees.Currency !== match[1])) {
    throw new ApiError(400, "currency_incompatibility", `The currency must be ${match[1]}`);
  }
  if (feeAmount > declared.Amount)
    throw paramError({
      DeclaredFees: "The DeclaredFees amount cannot be higher than the DeclaredDebitedFunds amount.",
    });
  const clientId = store.info.ClientId;
  const tx: PayIn = {
    ...baseFields(store, now, input.Tag ?? null),
    AuthorId: clientId,
    CreditedUserId: clientId,
    DebitedFunds: PENDING_WIRE_AMOUNT,
    CreditedFunds: PENDING_WIRE_AMOUNT,
    Fees: PENDING_WIRE_AMOUNT,
    DebitedWalletId: null,
    CreditedWalletId: clientWallet(store, "CREDIT", declared.Currency, now).Id,
    Type: "PAYIN",
    Nature: "REGULAR",
    PaymentType: "BANK_WIRE",
    ExecutionType: "DIRECT",
    DeclaredDebitedFunds: { ...declared },
    DeclaredFees: money(declared.Currency, feeAmount),
    WireReference: `MGP${store.seq.toString(36).toUpperCase()}`.slice(0, 10),
    BankAccount: MANGOPAY_ACCOUNT,
  };
  recordCreated(emu, store, tx);
  return tx;
}
