// Deposit preauthorizations (a card hold, e.g. a rental deposit) and the pay-ins that capture them, and card
// validations (a zero-amount check of a card). Card outcomes follow the sandbox cards (domain/test-cards.ts):
// a 3DS challenge waits on the emulator's 3DS page (completeThreeDs in card-payments.ts).
import { ApiError } from "../core/errors";
import type { Emulator } from "../core/emulator";
import type { ClientStore } from "../store/client-store";
import type { CardValidation, Deposit, Money, PayIn } from "../store/types";
import { behaviourOf, cardInfo, threeDsUrl, usableCard, withParam } from "./card-payments";
import { getUser } from "./lookups";
import { payInShell } from "./pay-ins";
import type { ResultKey } from "./result-codes";
import { resultOf } from "./test-cards";
import { recordCreated, succeed } from "./transactions";

/** How long a deposit hold lasts (emulator choice, see README). */
export const DEPOSIT_HOLD_SECONDS = 30 * 86400;

export interface DepositInput {
  AuthorId: string;
  DebitedFunds: Money;
  CardId: string;
  SecureModeReturnURL: string;
  StatementDescriptor?: string | null;
  Culture?: string | null;
  Tag?: string | null;
  extra: Record<string, unknown>;
}

export function getDeposit(store: ClientStore, id: string): Deposit {
  const deposit = store.deposits.get(id);
  if (!deposit) throw new ApiError(404, "ressource_not_found", "Cannot found the ressource Deposit with the id=" + id);
  return deposit;
}

export function createDeposit(
  emu: Emulator,
  store: ClientStore,
  input: DepositInput,
  now: number,
  origin: string,
): Deposit {
  getUser(store, input.AuthorId);
  const card = usableCard(store, input.CardId, input.AuthorId);
  if (input.DebitedFunds.Currency !== card.Currency)
    throw new ApiError(400, "currency_incompatibility", "The currency must match the card currency");
  const behaviour = behaviourOf(store, card, "DEFAULT");
  const deposit: Deposit = {
    Id: store.nextId(),
    Tag: input.Tag ?? null,
    CreationDate: now,
    AuthorId: input.AuthorId,
    DebitedFunds: { ...input.DebitedFunds },
    Status: "CREATED",
    PaymentStatus: "WAITING",
    PayinsLinked: { PayinCaptureId: null, PayinComplementId: null },
    ResultCode: null,
    ResultMessage: null,
    CardId: card.Id,
    SecureModeReturnURL: input.SecureModeReturnURL,
    SecureModeRedirectURL: null,
    SecureModeNeeded: false,
    ExpirationDate: now + DEPOSIT_HOLD_SECONDS,
    PaymentType: "CARD",
    ExecutionType: "DIRECT",
    StatementDescriptor: input.StatementDescriptor ?? null,
    Culture: input.Culture ?? null,
    Requested3DSVersion: null,
    Applied3DSVersion: null,
    CardInfo: cardInfo(card),
    ...input.extra,
  };
  store.deposits.set(deposit.Id, deposit);
  emu.events.emit(store, "DEPOSIT_PREAUTHORIZATION_CREATED", deposit.Id, now);
  if (behaviour.kind === "challenge") {
    deposit.SecureModeNeeded = true;
    deposit.SecureModeRedirectURL = threeDsUrl(origin, store, deposit.Id);
  } else {
    finishDeposit(emu, store, deposit, behaviour.kind === "refused" ? behaviour.result : "SUCCESS", now);
  }
  return deposit;
}

export function finishDeposit(emu: Emulator, store: ClientStore, deposit: Deposit, outcome: ResultKey, now: number) {
  Object.assign(deposit, resultOf(outcome));
  if (outcome === "SUCCESS") {
    deposit.Status = "SUCCEEDED";
    emu.events.emit(store, "DEPOSIT_PREAUTHORIZATION_PAYMENT_WAITING", deposit.Id, now);
  } else {
    deposit.Status = "FAILED";
    emu.events.emit(store, "DEPOSIT_PREAUTHORIZATION_FAILED", deposit.Id, now);
  }
}

/** `PUT /deposit-preauthorizations/{id}` with PaymentStatus CANCELED: releases a WAITING hold. */
export function cancelDeposit(emu: Emulator, store: ClientStore, deposit: Deposit, now: number): Deposit {
  if (deposit.Status !== "SUCCEEDED" || deposit.PaymentStatus !== "WAITING")
    throw new ApiError(
      400,
      "invalid_action",
      `The deposit cannot be canceled (Status ${deposit.Status}, PaymentStatus ${deposit.PaymentStatus})`,
    );
  deposit.PaymentStatus = "CANCELED";
  emu.events.emit(store, "DEPOSIT_PREAUTHORIZATION_PAYMENT_CANCELED", deposit.Id, now);
  return deposit;
}

/**
 * `PUT … {PaymentStatus: NO_SHOW_REQUESTED}`: the payer did not show up; the platform will charge a penalty with a
 * `complement` pay-in on the unused hold (which ends NO_SHOW). Only a WAITING hold qualifies.
 */
export function requestNoShow(emu: Emulator, store: ClientStore, deposit: Deposit, now: number): Deposit {
  if (deposit.Status !== "SUCCEEDED" || deposit.PaymentStatus !== "WAITING")
    throw new ApiError(
      400,
      "invalid_action",
      `A no-show needs a WAITING deposit (Status ${deposit.Status}, PaymentStatus ${deposit.PaymentStatus})`,
    );
  deposit.PaymentStatus = "NO_SHOW_REQUESTED";
  emu.events.emit(store, "DEPOSIT_PREAUTHORIZATION_PAYMENT_NO_SHOW_REQUESTED", deposit.Id, now);
  return deposit;
}

export type DepositCaptureKind = "full-capture" | "capture-with-complement" | "complement";

export interface DepositPayInInput {
  AuthorId: string;
  CreditedWalletId: string;
  CreditedUserId?: string | null;
  DebitedFunds: Money | null;
  Fees: Money;
  DepositId: string;
  Tag?: string | null;
}

/**
 * Pay-ins from a deposit: `full-capture` takes the held amount (or less) and ends the hold (VALIDATED);
 * `capture-with-complement` takes the held amount and leaves it TO_BE_COMPLETED; `complement` then charges
 * the extra amount on the same card (VALIDATED) — or, after a no-show request, the penalty (NO_SHOW).
 */
export function createDepositPayIn(
  emu: Emulator,
  store: ClientStore,
  kind: DepositCaptureKind,
  input: DepositPayInInput,
  now: number,
): PayIn {
  const deposit = getDeposit(store, input.DepositId);
  if (deposit.AuthorId !== input.AuthorId)
    throw new ApiError(400, "param_error", "The deposit does not belong to the author", {
      DepositId: "The deposit does not belong to the author",
    });
  const noShow = kind === "complement" && deposit.PaymentStatus === "NO_SHOW_REQUESTED";
  const wanted = kind !== "complement" ? "WAITING" : noShow ? "NO_SHOW_REQUESTED" : "TO_BE_COMPLETED";
  if (deposit.Status !== "SUCCEEDED" || deposit.PaymentStatus !== wanted)
    throw new ApiError(
      400,
      "invalid_action",
      `This capture needs a deposit with PaymentStatus ${wanted} (it is ${deposit.Status}/${deposit.PaymentStatus})`,
    );
  if ((kind !== "complement" || noShow) && now > deposit.ExpirationDate)
    throw new ApiError(400, "invalid_action", "The deposit has expired");
  const funds = input.DebitedFunds ?? deposit.DebitedFunds;
  if (funds.Currency !== deposit.DebitedFunds.Currency)
    throw new ApiError(400, "param_error", "The currency must match the deposit's", {
      "DebitedFunds.Currency": "The currency must match the deposit's",
    });
  if (kind !== "complement" && funds.Amount > deposit.DebitedFunds.Amount)
    throw new ApiError(400, "param_error", "The amount exceeds the deposit", {
      "DebitedFunds.Amount": "The amount exceeds the deposit",
    });
  const tx = payInShell(store, input, funds, input.Fees, now, "PREAUTHORIZED", () => ({
    DepositId: deposit.Id,
    CardId: deposit.CardId,
  }));
  recordCreated(emu, store, tx);
  succeed(emu, store, tx, now);
  if (kind === "complement") deposit.PayinsLinked.PayinComplementId = tx.Id;
  else deposit.PayinsLinked.PayinCaptureId = tx.Id;
  deposit.PaymentStatus = noShow ? "NO_SHOW" : kind === "capture-with-complement" ? "TO_BE_COMPLETED" : "VALIDATED";
  if (noShow) emu.events.emit(store, "DEPOSIT_PREAUTHORIZATION_PAYMENT_NO_SHOW", deposit.Id, now);
  if (deposit.PaymentStatus === "VALIDATED")
    emu.events.emit(store, "DEPOSIT_PREAUTHORIZATION_PAYMENT_VALIDATED", deposit.Id, now);
  return tx;
}

/** The deposit's pay-ins (capture, complement), oldest first. */
export function depositTransactionIds(deposit: Deposit): string[] {
  return [deposit.PayinsLinked.PayinCaptureId, deposit.PayinsLinked.PayinComplementId].filter(
    (id): id is string => id !== null,
  );
}

export interface CardValidationInput {
  AuthorId: string;
  SecureModeReturnURL: string;
  SecureMode?: string | null;
  Tag?: string | null;
  extra: Record<string, unknown>;
}

export function createCardValidation(
  emu: Emulator,
  store: ClientStore,
  cardId: string,
  input: CardValidationInput,
  now: number,
  origin: string,
): CardValidation {
  getUser(store, input.AuthorId);
  const card = usableCard(store, cardId, input.AuthorId);
  const secureMode = input.SecureMode ?? "DEFAULT";
  const behaviour = behaviourOf(store, card, secureMode);
  const validation: CardValidation = {
    Id: store.nextId(),
    Tag: input.Tag ?? null,
    CreationDate: now,
    AuthorId: input.AuthorId,
    CardId: card.Id,
    Status: "CREATED",
    ResultCode: null,
    ResultMessage: null,
    Validity: "UNKNOWN",
    Type: "CARD_VALIDATION",
    SecureMode: secureMode,
    SecureModeReturnURL: input.SecureModeReturnURL,
    SecureModeRedirectURL: null,
    SecureModeNeeded: false,
    Applied3DSVersion: null,
    CardInfo: cardInfo(card),
    ...input.extra,
  };
  store.cardValidations.set(validation.Id, validation);
  emu.events.emit(store, "CARD_VALIDATION_CREATED", validation.Id, now);
  if (behaviour.kind === "challenge") {
    validation.SecureModeNeeded = true;
    validation.SecureModeRedirectURL = threeDsUrl(origin, store, validation.Id);
  } else {
    finishCardValidation(emu, store, validation, behaviour.kind === "refused" ? behaviour.result : "SUCCESS", now);
  }
  return validation;
}

export function finishCardValidation(
  emu: Emulator,
  store: ClientStore,
  validation: CardValidation,
  outcome: ResultKey,
  now: number,
): void {
  Object.assign(validation, resultOf(outcome));
  const ok = outcome === "SUCCESS";
  validation.Status = ok ? "SUCCEEDED" : "FAILED";
  validation.Validity = ok ? "VALID" : "INVALID";
  const card = store.cards.get(validation.CardId);
  if (card) card.Validity = validation.Validity;
  emu.events.emit(store, ok ? "CARD_VALIDATION_SUCCEEDED" : "CARD_VALIDATION_FAILED", validation.Id, now);
}

/** Completion of the 3DS page for a deposit or a card validation; returns where to send the browser. */
export function completeDepositThreeDs(
  emu: Emulator,
  store: ClientStore,
  id: string,
  success: boolean,
  now: number,
): string | null {
  const outcome: ResultKey = success ? "SUCCESS" : "THREE_DS_FAILED";
  const deposit = store.deposits.get(id);
  if (deposit && deposit.Status === "CREATED") {
    finishDeposit(emu, store, deposit, outcome, now);
    return withParam(deposit.SecureModeReturnURL, "depositId", deposit.Id);
  }
  const validation = store.cardValidations.get(id);
  if (validation && validation.Status === "CREATED") {
    finishCardValidation(emu, store, validation, outcome, now);
    return withParam(validation.SecureModeReturnURL, "cardValidationId", validation.Id);
  }
  return null;
}
