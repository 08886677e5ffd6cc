// Bank-wire payouts (docs/mangopay-api.md §3.10): funds leave the wallet at creation (CREATED), then the bank
// answers asynchronously: SUCCEEDED, or FAILED with the funds put back. A later bank return is a
// payout refund (Nature REFUND) while the payout stays SUCCEEDED.
import { ApiError } from "../core/errors";
import type { Emulator } from "../core/emulator";
import type { ClientStore } from "../store/client-store";
import type { Recipient } from "../store/sca-types";
import type { BankAccount, Money, PayOut, Refund } from "../store/types";
import { assertCurrency, assertFeesWithinFunds, assertOwner } from "./checks";
import { canDebit } from "./ledger";
import { getBankAccount, getUser, getWallet } from "./lookups";
import { getRecipient } from "./recipients";
import { createResolved, fail, money, recordCreated, succeed } from "./transactions";

export interface PayoutInput {
  AuthorId: string;
  DebitedWalletId: string;
  DebitedFunds: Money;
  Fees: Money;
  /** Either a bank account or (payouts v2) an ACTIVE recipient of the author. */
  BankAccountId?: string | null;
  RecipientId?: string | null;
  BankWireRef?: string | null;
  PayoutModeRequested?: string | null;
  PaymentRef?: unknown;
  Tag?: string | null;
}

/** MANGOPAY's sandbox IBAN whose bank is not reachable by instant payment (its payouts fall back to STANDARD). */
export const INSTANT_FALLBACK_IBAN = "FR541558929750ZZZZZZAC01915";
const INSTANT_FALLBACK = Object.freeze({
  Code: "001",
  Message: "The beneficiary bank is not reachable for instant payments: the payout falls back to STANDARD",
});

/** Instant (SEPA Instant) payouts reach IBAN accounts, except the sandbox fallback IBAN. */
function instantReachable(account: BankAccount): boolean {
  return account.Type === "IBAN" && String(account.IBAN).replace(/\s/g, "") !== INSTANT_FALLBACK_IBAN;
}

function assertPayableRecipient(recipient: Recipient, authorId: string, currency: string): void {
  if (recipient.UserId !== authorId)
    throw new ApiError(400, "invalid_action", "The recipient does not belong to the author");
  if (recipient.Status !== "ACTIVE") throw new ApiError(400, "invalid_action", `The recipient is ${recipient.Status}`);
  if (recipient.Currency !== currency)
    throw new ApiError(400, "currency_incompatibility", "The recipient's currency does not match the payout's");
}

/** A EUR recipient paid by IBAN is reachable by instant payment, except the sandbox fallback IBAN. */
function recipientReachable(recipient: Recipient | null): boolean {
  const iban = recipient?.LocalBankTransfer?.EUR?.IBAN ?? recipient?.InternationalBankTransfer?.IBAN;
  return Boolean(iban) && String(iban).replace(/\s/g, "") !== INSTANT_FALLBACK_IBAN;
}

/**
 * `POST /payouts/reachability`: would an instant payout to this account go through? Same checks as a
 * payout (author, wallet, account), nothing created, no money reserved.
 */
export function checkInstantEligibility(
  store: ClientStore,
  input: { AuthorId: string; DebitedWalletId: string; BankAccountId: string; DebitedFunds: Money },
): { InstantPayout: { IsReachable: boolean; UnreachableReason?: { Code: string; Message: string } } } {
  getUser(store, input.AuthorId);
  const wallet = getWallet(store, input.DebitedWalletId);
  const account = getBankAccount(store, input.BankAccountId);
  assertOwner(
    wallet,
    input.AuthorId,
    "author_is_not_debited_wallet_owner",
    "The author is not the owner of the debited wallet",
  );
  if (account.UserId !== input.AuthorId)
    throw new ApiError(400, "bankaccount_error", "The bank account does not belong to the author");
  assertCurrency(wallet, input.DebitedFunds);
  if (account.Active && instantReachable(account)) return { InstantPayout: { IsReachable: true } };
  return { InstantPayout: { IsReachable: false, UnreachableReason: { ...INSTANT_FALLBACK } } };
}

/** The payout as POST /payouts/bankwire and GET /payouts/{id} show it: without the mode fields. */
export function payoutView(tx: PayOut) {
  return {
    Id: tx.Id,
    Tag: tx.Tag,
    CreationDate: tx.CreationDate,
    Status: tx.Status,
    ResultCode: tx.ResultCode,
    ResultMessage: tx.ResultMessage,
    ExecutionDate: tx.ExecutionDate,
    AuthorId: tx.AuthorId,
    CreditedUserId: tx.CreditedUserId,
    DebitedFunds: tx.DebitedFunds,
    CreditedFunds: tx.CreditedFunds,
    Fees: tx.Fees,
    DebitedWalletId: tx.DebitedWalletId,
    CreditedWalletId: tx.CreditedWalletId,
    Type: tx.Type,
    Nature: tx.Nature,
    PaymentType: tx.PaymentType,
    BankAccountId: tx.BankAccountId,
    RecipientId: tx.RecipientId,
    BankWireRef: tx.BankWireRef,
    PaymentRef: tx.PaymentRef,
  };
}

/** A client payout (`POST /clients/payouts`) has the ClientId as author and debits a FEES/CREDIT wallet. */
export function createPayout(emu: Emulator, store: ClientStore, input: PayoutInput, now: number): PayOut {
  const isClient = input.AuthorId === store.info.ClientId;
  if (!isClient) getUser(store, input.AuthorId);
  const wallet = getWallet(store, input.DebitedWalletId);
  const recipient = input.RecipientId ? getRecipient(store, input.RecipientId) : null;
  const account = recipient ? null : getBankAccount(store, input.BankAccountId ?? "");
  if (isClient && wallet.FundsType === "DEFAULT")
    throw new ApiError(400, "param_error", "A client payout debits a client wallet (FEES or CREDIT)", {
      DebitedWalletId: "The DebitedWalletId must be a client wallet.",
    });
  if (!isClient)
    assertOwner(
      wallet,
      input.AuthorId,
      "author_is_not_debited_wallet_owner",
      "The author is not the owner of the debited wallet",
    );
  if (account && account.UserId !== input.AuthorId)
    throw new ApiError(400, "bankaccount_error", "The bank account does not belong to the author");
  if (account && !account.Active) throw new ApiError(400, "bankaccount_error", "The bank account is inactive");
  if (recipient) assertPayableRecipient(recipient, input.AuthorId, input.DebitedFunds.Currency);
  assertCurrency(wallet, input.DebitedFunds, input.Fees);
  assertFeesWithinFunds(input.DebitedFunds, input.Fees);
  const requested = input.PayoutModeRequested ?? null;
  const wantsInstant = requested === "INSTANT_PAYMENT" || requested === "INSTANT_PAYMENT_ONLY";
  const reachable = wantsInstant && (account ? instantReachable(account) : recipientReachable(recipient));
  const tx: PayOut = {
    Id: store.nextId(),
    Tag: input.Tag ?? null,
    CreationDate: now,
    Status: "CREATED",
    ResultCode: null,
    ResultMessage: null,
    ExecutionDate: null,
    AuthorId: input.AuthorId,
    CreditedUserId: null,
    DebitedFunds: input.DebitedFunds,
    CreditedFunds: money(input.DebitedFunds.Currency, input.DebitedFunds.Amount - input.Fees.Amount),
    Fees: input.Fees,
    DebitedWalletId: wallet.Id,
    CreditedWalletId: null,
    Type: "PAYOUT",
    Nature: "REGULAR",
    PaymentType: "BANK_WIRE",
    BankAccountId: account?.Id ?? null,
    RecipientId: recipient?.Id ?? null,
    BankWireRef: input.BankWireRef ?? null,
    ModeRequested: requested,
    ModeApplied: reachable ? "INSTANT_PAYMENT" : requested === "RTGS_PAYMENT" ? "RTGS_PAYMENT" : "STANDARD",
    FallbackReason: wantsInstant && !reachable ? INSTANT_FALLBACK : null,
    EndToEndId: null,
    PaymentRef: input.PaymentRef ?? null,
  };
  if (!canDebit(store, wallet.Id, input.DebitedFunds.Amount)) {
    return createResolved(emu, store, tx, "INSUFFICIENT_BALANCE", now) as PayOut;
  }
  if (requested === "INSTANT_PAYMENT_ONLY" && !reachable) {
    createResolved(emu, store, tx, "GENERIC", now);
    emu.events.emit(store, "INSTANT_PAYOUT_FAILED", tx.Id, now);
    return tx;
  }
  recordCreated(emu, store, tx);
  if (reachable) {
    // Instant payments settle within seconds: the emulator answers them at once.
    tx.EndToEndId = `E2E${tx.Id}`;
    succeed(emu, store, tx, now);
    emu.events.emit(store, "INSTANT_PAYOUT_SUCCEEDED", tx.Id, now);
    return tx;
  }
  if (wantsInstant) emu.events.emit(store, "INSTANT_PAYOUT_FALLBACKED", tx.Id, now);
  const delay = emu.options.delays.payoutMs;
  if (delay !== null && !emu.seeding)
    emu.scheduler.schedule(delay, () => settlePayout(emu, store, tx.Id, emu.clock.now()));
  return tx;
}

/** The bank's answer: a bank account whose OwnerName starts with "Fail" refuses every payout. */
export function settlePayout(
  emu: Emulator,
  store: ClientStore,
  payoutId: string,
  now: number,
  forceFail = false,
): PayOut | null {
  const tx = store.transactions.get(payoutId);
  if (!tx || tx.Type !== "PAYOUT" || tx.Nature !== "REGULAR" || tx.Status !== "CREATED") return null;
  const payout = tx as PayOut;
  const account = payout.BankAccountId ? store.bankAccounts.get(payout.BankAccountId) : undefined;
  const refused = forceFail || /^fail/i.test(account?.OwnerName ?? "");
  if (refused) fail(emu, store, payout, "PAYOUT_REFUSED", now);
  else {
    payout.EndToEndId = `E2E${payout.Id}`;
    succeed(emu, store, payout, now);
  }
  return payout;
}

/** A succeeded payout bounced back by the receiving bank: the money returns to the wallet. */
export function returnPayout(
  emu: Emulator,
  store: ClientStore,
  payout: PayOut,
  now: number,
  reasonType = "BANKACCOUNT_HAS_BEEN_CLOSED",
  fails = false,
): Refund {
  if (payout.Status !== "SUCCEEDED")
    throw new ApiError(400, "original_transaction_must_be_succeeded", "Only a SUCCEEDED payout can be returned");
  const returned = store.idx.refundsByInitial
    .get(payout.Id)
    .some((id) => store.transactions.get(id)?.Status === "SUCCEEDED");
  if (returned) throw new ApiError(400, "invalid_action", "This payout has already been returned");
  const refund: Refund = {
    Id: store.nextId(),
    Tag: null,
    CreationDate: now,
    Status: "CREATED",
    ResultCode: null,
    ResultMessage: null,
    ExecutionDate: null,
    AuthorId: payout.AuthorId,
    CreditedUserId: payout.AuthorId,
    DebitedFunds: { ...payout.CreditedFunds },
    CreditedFunds: { ...payout.CreditedFunds },
    Fees: money(payout.CreditedFunds.Currency, 0),
    DebitedWalletId: null,
    CreditedWalletId: payout.DebitedWalletId,
    // A payout return brings money back in: Type PAYIN (the refund's Type follows the money's direction).
    Type: "PAYIN",
    Nature: "REFUND",
    InitialTransactionId: payout.Id,
    InitialTransactionType: "PAYOUT",
    InitialTransactionNature: "REGULAR",
    RefundReason: { RefundReasonType: reasonType, RefundReasonMessage: null },
  };
  // A failed return (PAYOUT_REFUND_FAILED) moves no money.
  return createResolved(emu, store, refund, fails ? "GENERIC" : "SUCCESS", now) as Refund;
}
