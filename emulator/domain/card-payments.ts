// Card direct pay-ins and preauthorizations (docs/mangopay-api.md §3.5, §3.7). The sandbox card number decides:
// frictionless success, refusal with a ResultCode, or a 3DS challenge completed on an emulator page.
import { ApiError } from "../core/errors";
import type { Emulator } from "../core/emulator";
import type { ClientStore } from "../store/client-store";
import type { Card, Money, PayIn, PreAuthorization } from "../store/types";
import { assertCurrency, assertFeesWithinFunds } from "./checks";
import { getCard, getUser, getWallet } from "./lookups";
import type { ResultKey } from "./result-codes";
import { cardBehaviour, resultOf, type CardBehaviour } from "./test-cards";
import { fail, money, recordCreated, succeed } from "./transactions";

export interface CardPaymentCommon {
  AuthorId: string;
  CardId: string;
  DebitedFunds: Money;
  SecureMode?: string | null;
  SecureModeReturnURL: string;
  StatementDescriptor?: string | null;
  Culture?: string | null;
  Tag?: string | null;
  extra?: Record<string, unknown>;
}

export interface CardPayInInput extends CardPaymentCommon {
  CreditedWalletId: string;
  CreditedUserId?: string | null;
  Fees: Money;
}

export function usableCard(store: ClientStore, cardId: string, authorId: string): Card {
  const card = getCard(store, cardId);
  if (card.UserId !== authorId)
    throw new ApiError(400, "param_error", "The card does not belong to the author", {
      CardId: "The card does not belong to the author",
    });
  return card;
}

export function behaviourOf(
  store: ClientStore,
  card: Card,
  secureMode: string,
): CardBehaviour | { kind: "refused"; result: ResultKey } {
  if (!card.Active) return { kind: "refused", result: "CARD_INACTIVE" };
  return cardBehaviour(store.cardNumbers.get(card.Id) ?? "", secureMode);
}

export function threeDsUrl(origin: string, store: ClientStore, id: string): string {
  return `${origin}/3ds/${encodeURIComponent(store.info.ClientId)}/${id}`;
}

export function createCardPayIn(
  emu: Emulator,
  store: ClientStore,
  input: CardPayInInput,
  now: number,
  origin: string,
): PayIn {
  getUser(store, input.AuthorId);
  const wallet = getWallet(store, input.CreditedWalletId);
  const card = usableCard(store, input.CardId, input.AuthorId);
  assertCurrency(wallet, input.DebitedFunds, input.Fees);
  assertFeesWithinFunds(input.DebitedFunds, input.Fees);
  const secureMode = input.SecureMode ?? "DEFAULT";
  const behaviour = behaviourOf(store, card, secureMode);
  const tx: PayIn = {
    Id: store.nextId(),
    Tag: input.Tag ?? null,
    CreationDate: now,
    Status: "CREATED",
    ResultCode: null,
    ResultMessage: null,
    ExecutionDate: null,
    AuthorId: input.AuthorId,
    CreditedUserId: input.CreditedUserId ?? wallet.Owners[0] ?? input.AuthorId,
    DebitedFunds: { ...input.DebitedFunds },
    CreditedFunds: money(input.DebitedFunds.Currency, input.DebitedFunds.Amount - input.Fees.Amount),
    Fees: { ...input.Fees },
    DebitedWalletId: null,
    CreditedWalletId: wallet.Id,
    Type: "PAYIN",
    Nature: "REGULAR",
    PaymentType: "CARD",
    ExecutionType: "DIRECT",
    CardId: card.Id,
    SecureMode: secureMode,
    SecureModeReturnURL: input.SecureModeReturnURL,
    SecureModeRedirectURL: null,
    SecureModeNeeded: false,
    StatementDescriptor: input.StatementDescriptor ?? null,
    Culture: input.Culture ?? null,
    SecurityInfo: { AVSResult: "NO_CHECK" },
    Requested3DSVersion: "V2_1",
    Applied3DSVersion: "V2_1",
    RecurringPayinRegistrationId: null,
    CardInfo: cardInfo(card),
    ...input.extra,
  };
  recordCreated(emu, store, tx);
  resolveCardOutcome(emu, store, tx, card, behaviour, now, origin);
  return tx;
}

function resolveCardOutcome(
  emu: Emulator,
  store: ClientStore,
  tx: PayIn,
  card: Card,
  behaviour: CardBehaviour,
  now: number,
  origin: string,
): void {
  if (behaviour.kind === "challenge") {
    tx.SecureModeNeeded = true;
    tx.SecureModeRedirectURL = threeDsUrl(origin, store, tx.Id);
    return;
  }
  if (behaviour.kind === "refused") return fail(emu, store, tx, behaviour.result, now);
  card.Validity = "VALID";
  succeed(emu, store, tx, now);
}

export interface PreauthInput extends CardPaymentCommon {
  MultiCapture?: boolean;
}

export function createPreauthorization(
  emu: Emulator,
  store: ClientStore,
  input: PreauthInput,
  now: number,
  origin: string,
): PreAuthorization {
  getUser(store, input.AuthorId);
  const card = usableCard(store, input.CardId, input.AuthorId);
  if (input.DebitedFunds.Currency !== card.Currency)
    throw new ApiError(400, "currency_incompatibility", "The currency must match the card currency");
  const secureMode = input.SecureMode ?? "DEFAULT";
  const behaviour = behaviourOf(store, card, secureMode);
  const preauth: PreAuthorization = {
    Id: store.nextId(),
    Tag: input.Tag ?? null,
    CreationDate: now,
    Status: "CREATED",
    ResultCode: null,
    ResultMessage: null,
    AuthorId: input.AuthorId,
    DebitedFunds: { ...input.DebitedFunds },
    RemainingFunds: { ...input.DebitedFunds },
    AuthorizationDate: null,
    PaymentStatus: "WAITING",
    ExpirationDate: now + 7 * 86400,
    PayInId: null,
    SecureMode: secureMode,
    CardId: card.Id,
    SecureModeReturnURL: input.SecureModeReturnURL,
    SecureModeRedirectURL: null,
    SecureModeNeeded: false,
    PaymentType: "CARD",
    ExecutionType: "DIRECT",
    StatementDescriptor: input.StatementDescriptor ?? null,
    Culture: input.Culture ?? null,
    MultiCapture: input.MultiCapture ?? false,
    CardInfo: cardInfo(card),
    ...input.extra,
  };
  store.addPreauthorization(preauth);
  emu.events.emit(store, "PREAUTHORIZATION_CREATED", preauth.Id, now);
  if (behaviour.kind === "challenge") {
    preauth.SecureModeNeeded = true;
    preauth.SecureModeRedirectURL = threeDsUrl(origin, store, preauth.Id);
  } else if (behaviour.kind === "refused") {
    finishPreauth(emu, store, preauth, behaviour.result, now);
  } else {
    finishPreauth(emu, store, preauth, "SUCCESS", now);
  }
  return preauth;
}

function finishPreauth(
  emu: Emulator,
  store: ClientStore,
  preauth: PreAuthorization,
  outcome: ResultKey,
  now: number,
): void {
  if (outcome === "SUCCESS") {
    Object.assign(preauth, resultOf("SUCCESS"), { Status: "SUCCEEDED", AuthorizationDate: now });
    emu.events.emit(store, "PREAUTHORIZATION_SUCCEEDED", preauth.Id, now);
    emu.events.emit(store, "PREAUTHORIZATION_PAYMENT_WAITING", preauth.Id, now);
  } else {
    Object.assign(preauth, resultOf(outcome), { Status: "FAILED" });
    emu.events.emit(store, "PREAUTHORIZATION_FAILED", preauth.Id, now);
  }
}

/** Completion of the 3DS page for a pay-in or a preauthorization; returns where to send the browser. */
export function completeThreeDs(
  emu: Emulator,
  store: ClientStore,
  id: string,
  success: boolean,
  now: number,
): string | null {
  const tx = store.transactions.get(id);
  if (tx && tx.Type === "PAYIN" && tx.Status === "CREATED" && (tx as PayIn).SecureModeNeeded) {
    const payin = tx as PayIn;
    if (success) {
      const card = store.cards.get(String(payin.CardId));
      if (card) card.Validity = "VALID";
      succeed(emu, store, payin, now);
    } else {
      fail(emu, store, payin, "THREE_DS_FAILED", now);
    }
    return withParam(String(payin.SecureModeReturnURL), "transactionId", payin.Id);
  }
  const preauth = store.preauthorizations.get(id);
  if (preauth && preauth.Status === "CREATED") {
    finishPreauth(emu, store, preauth, success ? "SUCCESS" : "THREE_DS_FAILED", now);
    return withParam(preauth.SecureModeReturnURL ?? "", "preAuthorizationId", preauth.Id);
  }
  return null;
}

export function withParam(url: string, key: string, value: string): string {
  return `${url}${url.includes("?") ? "&" : "?"}${key}=${encodeURIComponent(value)}`;
}

export function cardInfo(card: Card): Record<string, unknown> {
  return {
    BIN: card.Alias.slice(0, 6),
    IssuingBank: "EMULATOR BANK",
    IssuerCountryCode: "FR",
    Type: "DEBIT",
    Brand: card.CardProvider,
    SubType: "CLASSIC",
  };
}
