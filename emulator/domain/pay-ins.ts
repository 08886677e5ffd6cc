// Bank-wire, direct-debit and preauthorized pay-ins (docs/mangopay-api.md §3.5). Bank wires wait for the
// funds (control endpoint); direct debits settle after a delay; preauthorized ones capture at once.
import { ApiError } from "../core/errors";
import type { Emulator } from "../core/emulator";
import type { Random } from "../core/random";
import type { ClientStore } from "../store/client-store";
import type { Money, PayIn, PreAuthorization } from "../store/types";
import { assertCurrency, assertFeesWithinFunds } from "./checks";
import { getMandate, getPreauthorization, getUser, getWallet } from "./lookups";
import { fail, money, recordCreated, succeed } from "./transactions";

export interface WalletPayIn {
  AuthorId: string;
  CreditedWalletId: string;
  CreditedUserId?: string | null;
  Tag?: string | null;
}

/** Pay-in fields every kind shares; `extra` lands in the same literal (one object shape, no
 * properties added afterwards: objects grown after creation cost several times the memory). */
export function payInShell(
  store: ClientStore,
  input: WalletPayIn,
  funds: Money,
  fees: Money,
  now: number,
  paymentType: PayIn["PaymentType"],
  extra?: (id: string) => Record<string, unknown>,
): PayIn {
  getUser(store, input.AuthorId);
  const wallet = getWallet(store, input.CreditedWalletId);
  assertCurrency(wallet, funds, fees);
  assertFeesWithinFunds(funds, fees);
  const id = store.nextId();
  const tx: PayIn = {
    Id: id,
    Tag: input.Tag ?? null,
    CreationDate: now,
    Status: "CREATED",
    ResultCode: null,
    ResultMessage: null,
    ExecutionDate: null,
    AuthorId: input.AuthorId,
    CreditedUserId: input.CreditedUserId ?? wallet.Owners[0] ?? input.AuthorId,
    DebitedFunds: funds,
    CreditedFunds: money(funds.Currency, funds.Amount - fees.Amount),
    Fees: fees,
    DebitedWalletId: null,
    CreditedWalletId: wallet.Id,
    Type: "PAYIN",
    Nature: "REGULAR",
    PaymentType: paymentType,
    ExecutionType: "DIRECT",
    ...extra?.(id),
  };
  return tx;
}

/** The account payers wire to; identical on every bank-wire pay-in, so one frozen object is shared. */
const MANGOPAY_BANK_ACCOUNT = Object.freeze({
  Type: "IBAN",
  OwnerName: "MANGOPAY SA",
  OwnerAddress: Object.freeze({
    AddressLine1: "2 Avenue Amélie",
    AddressLine2: null,
    City: "Luxembourg",
    Region: null,
    PostalCode: "L-2016",
    Country: "LU",
  }),
  IBAN: "LU290108520003010010",
  BIC: "BGLLLULL",
});

export interface BankWireInput extends WalletPayIn {
  DeclaredDebitedFunds: Money;
  DeclaredFees: Money;
}

/**
 * What a direct bank wire shows in DebitedFunds/CreditedFunds/Fees until its funds arrive (docs: the
 * placeholder currency XXX, amount 0); the declared amounts are in DeclaredDebitedFunds/DeclaredFees.
 */
export const PENDING_WIRE_AMOUNT: Money = Object.freeze({ Currency: "XXX", Amount: 0 });

export function createBankWirePayIn(
  emu: Emulator,
  store: ClientStore,
  input: BankWireInput,
  now: number,
  rnd?: Random,
): PayIn {
  const ref = rnd ? rnd.digits(10) : String(Math.floor(Math.random() * 1e10)).padStart(10, "0");
  const tx = payInShell(store, input, input.DeclaredDebitedFunds, input.DeclaredFees, now, "BANK_WIRE", () => ({
    DebitedFunds: PENDING_WIRE_AMOUNT,
    CreditedFunds: PENDING_WIRE_AMOUNT,
    Fees: PENDING_WIRE_AMOUNT,
    DeclaredDebitedFunds: input.DeclaredDebitedFunds,
    DeclaredFees: input.DeclaredFees,
    WireReference: ref.slice(0, 10).toUpperCase(),
    BankAccount: MANGOPAY_BANK_ACCOUNT,
  }));
  recordCreated(emu, store, tx);
  return tx;
}

/** The wire arrived (control endpoint): credits what was received, the declared fees kept. */
export function settleBankWire(
  emu: Emulator,
  store: ClientStore,
  tx: PayIn,
  now: number,
  receivedAmount?: number,
): PayIn {
  if (tx.PaymentType !== "BANK_WIRE" || tx.Status !== "CREATED") {
    throw new ApiError(400, "invalid_action", "Only a CREATED bank-wire pay-in can receive funds");
  }
  const declared = tx.DeclaredDebitedFunds as Money;
  const fees = (tx.DeclaredFees as Money | undefined) ?? money(declared.Currency, 0);
  const amount = receivedAmount ?? declared.Amount;
  if (amount < fees.Amount) throw new ApiError(400, "param_error", "Received amount lower than the declared fees");
  tx.DebitedFunds = money(declared.Currency, amount);
  tx.CreditedFunds = money(declared.Currency, amount - fees.Amount);
  tx.Fees = money(declared.Currency, fees.Amount);
  succeed(emu, store, tx, now);
  return tx;
}

export function expireBankWire(emu: Emulator, store: ClientStore, tx: PayIn, now: number): void {
  fail(emu, store, tx, "BANKWIRE_EXPIRED", now);
}

export interface DirectDebitInput extends WalletPayIn {
  DebitedFunds: Money;
  Fees: Money;
  MandateId: string;
  StatementDescriptor?: string | null;
}

export function createDirectDebitPayIn(emu: Emulator, store: ClientStore, input: DirectDebitInput, now: number): PayIn {
  const mandate = getMandate(store, input.MandateId);
  if (mandate.UserId !== input.AuthorId)
    throw new ApiError(400, "param_error", "The mandate does not belong to the author", {
      MandateId: "The mandate does not belong to the author",
    });
  if (mandate.Status !== "ACTIVE" && mandate.Status !== "SUBMITTED") {
    throw new ApiError(
      400,
      "invalid_action",
      `The mandate is ${mandate.Status}: only SUBMITTED or ACTIVE mandates can be debited`,
    );
  }
  const tx = payInShell(store, input, input.DebitedFunds, input.Fees, now, "DIRECT_DEBIT");
  Object.assign(tx, {
    MandateId: mandate.Id,
    ChargeDate: now + 2 * 86400,
    StatementDescriptor: input.StatementDescriptor ?? null,
  });
  recordCreated(emu, store, tx);
  const delay = emu.options.delays.directDebitMs;
  if (delay !== null && !emu.seeding)
    emu.scheduler.schedule(delay, () => settleDirectDebit(emu, store, tx.Id, emu.clock.now()));
  return tx;
}

/** Sandbox rule (§6): a mandate owner named "Penniless" makes the debit fail with 001830. */
export function settleDirectDebit(emu: Emulator, store: ClientStore, payinId: string, now: number): PayIn | null {
  const tx = store.transactions.get(payinId);
  if (!tx || tx.Type !== "PAYIN" || tx.Status !== "CREATED") return null;
  const payin = tx as PayIn;
  if (payin.PaymentType !== "DIRECT_DEBIT") return null;
  const owner = store.users.get(payin.AuthorId);
  const firstName = owner
    ? owner.PersonType === "NATURAL"
      ? owner.FirstName
      : owner.LegalRepresentativeFirstName
    : "";
  if (/^penniless$/i.test(firstName)) fail(emu, store, payin, "DD_INSUFFICIENT_FUNDS", now);
  else succeed(emu, store, payin, now);
  return payin;
}

export interface PreauthorizedInput extends WalletPayIn {
  DebitedFunds: Money;
  Fees: Money;
  PreauthorizationId: string;
}

export function createPreauthorizedPayIn(
  emu: Emulator,
  store: ClientStore,
  input: PreauthorizedInput,
  now: number,
): PayIn {
  const preauth: PreAuthorization = getPreauthorization(store, input.PreauthorizationId);
  if (preauth.Status !== "SUCCEEDED" || preauth.PaymentStatus !== "WAITING") {
    throw new ApiError(
      400,
      "invalid_action",
      `The preauthorization cannot be captured (Status ${preauth.Status}, PaymentStatus ${preauth.PaymentStatus})`,
    );
  }
  if (
    input.DebitedFunds.Currency !== preauth.DebitedFunds.Currency ||
    input.DebitedFunds.Amount > preauth.RemainingFunds.Amount
  ) {
    throw new ApiError(400, "param_error", "The amount exceeds the remaining preauthorized funds", {
      DebitedFunds: "The amount exceeds the remaining preauthorized funds",
    });
  }
  const tx = payInShell(store, input, input.DebitedFunds, input.Fees, now, "PREAUTHORIZED");
  Object.assign(tx, { PreauthorizationId: preauth.Id, CardId: preauth.CardId });
  recordCreated(emu, store, tx);
  succeed(emu, store, tx, now);
  preauth.RemainingFunds = money(
    preauth.RemainingFunds.Currency,
    preauth.RemainingFunds.Amount - input.DebitedFunds.Amount,
  );
  preauth.PayInId = tx.Id;
  if (!preauth.MultiCapture || preauth.RemainingFunds.Amount === 0) {
    preauth.PaymentStatus = "VALIDATED";
    emu.events.emit(store, "PREAUTHORIZATION_PAYMENT_VALIDATED", preauth.Id, now);
  }
  return tx;
}
