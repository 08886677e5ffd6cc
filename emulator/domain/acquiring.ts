// Acquiring-only pay-ins (`/acquiring/…`, the SDK's Acquiring service): MANGOPAY only processes the payment,
// the funds settle to the platform outside MANGOPAY's wallets. So these pay-ins have no author, credited wallet
// or fees (the SDK's acquiring models), never touch the ledger, and live in their own Map; they still emit
// PAYIN_NORMAL_* (refunds PAYIN_REFUND_*) and complete on the 3DS and APM pages like wallet pay-ins.
// Methods: card direct, iDEAL, Apple Pay, Google Pay, PayPal. Guesses are listed in emulator/README.md.
import { ApiError } from "../core/errors";
import type { Emulator } from "../core/emulator";
import type { ClientStore } from "../store/client-store";
import type { AcquiringPayIn, AcquiringRefund, Money } from "../store/types";
import { apmPageUrl, type ApmOutcome } from "./apms";
import { behaviourOf, cardInfo, threeDsUrl, withParam } from "./card-payments";
import { getCard } from "./lookups";
import { RESULT, type ResultKey } from "./result-codes";

export type AcquiringMethod = "CARD" | "IDEAL" | "APPLEPAY" | "GOOGLE_PAY" | "PAYPAL";

export const ACQUIRING_PATHS: Record<AcquiringMethod, string> = {
  CARD: "/acquiring/payins/card/direct",
  IDEAL: "/acquiring/payins/payment-methods/ideal",
  APPLEPAY: "/acquiring/payins/payment-methods/applepay",
  GOOGLE_PAY: "/acquiring/payins/payment-methods/googlepay",
  PAYPAL: "/acquiring/payins/payment-methods/paypal",
};

export function getAcquiringPayIn(store: ClientStore, id: string): AcquiringPayIn {
  const payin = store.acquiringPayIns.get(id);
  if (!payin) throw new ApiError(404, "ressource_not_found", `Cannot found the ressource PayIn with the id=${id}`);
  return payin;
}

export interface AcquiringInput {
  method: AcquiringMethod;
  DebitedFunds: Money;
  Tag: string | null;
  /** The raw body: each method's own fields are read from it. */
  body: Record<string, unknown>;
}

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

export function createAcquiringPayIn(
  emu: Emulator,
  store: ClientStore,
  input: AcquiringInput,
  now: number,
  origin: string,
): AcquiringPayIn {
  const b = input.body;
  const id = store.nextId();
  const page = apmPageUrl(origin, store, id);
  const card = input.method === "CARD" ? getCard(store, str(b.CardId) ?? "") : null;
  if (card && card.Currency !== input.DebitedFunds.Currency)
    throw new ApiError(400, "currency_incompatibility", "The currency must match the card currency");
  const secureMode = str(b.SecureMode) ?? "DEFAULT";
  const direct = input.method === "CARD" || input.method === "APPLEPAY" || input.method === "GOOGLE_PAY";
  const payin: AcquiringPayIn = {
    Id: id,
    Tag: input.Tag,
    CreationDate: now,
    DebitedFunds: input.DebitedFunds,
    Nature: "REGULAR",
    Status: "CREATED",
    ExecutionDate: null,
    ResultCode: null,
    ResultMessage: null,
    Type: "PAYIN",
    PaymentType: input.method,
    ExecutionType: direct ? "DIRECT" : "WEB",
    StatementDescriptor: str(b.StatementDescriptor),
    ...methodFields(input.method, b, { id, page, secureMode, card: card ? cardInfo(card) : null }),
  };
  store.acquiringPayIns.set(id, payin);
  emu.events.emit(store, "PAYIN_NORMAL_CREATED", id, now);
  if (card) {
    const behaviour = behaviourOf(store, card, secureMode);
    if (behaviour.kind === "challenge") {
      payin.SecureModeNeeded = true;
      payin.SecureModeRedirectURL = threeDsUrl(origin, store, id);
    } else finishAcquiring(emu, store, payin, behaviour.kind === "refused" ? behaviour.result : "SUCCESS", now);
  } else if (input.method === "APPLEPAY" || input.method === "GOOGLE_PAY") {
    const declined = /DECLINED/i.test(JSON.stringify(b.PaymentData ?? ""));
    finishAcquiring(emu, store, payin, declined ? "DO_NOT_HONOR" : "SUCCESS", now);
  }
  return payin;
}

/** Each method's fields, in one literal with the common ones (see store/types.ts on object size). */
function methodFields(
  method: AcquiringMethod,
  b: Record<string, unknown>,
  ctx: { id: string; page: string; secureMode: string; card: Record<string, unknown> | null },
): Record<string, unknown> {
  const id = ctx.id;
  switch (method) {
    case "CARD":
      return {
        CardId: b.CardId,
        SecureMode: ctx.secureMode,
        SecureModeReturnURL: b.SecureModeReturnURL,
        SecureModeNeeded: false,
        SecureModeRedirectURL: null,
        Billing: b.Billing ?? null,
        SecurityInfo: { AVSResult: "NO_CHECK" },
        CardInfo: ctx.card,
        PaymentCategory: str(b.PaymentCategory),
        PreferredCardNetwork: str(b.PreferredCardNetwork),
      };
    case "IDEAL":
    case "PAYPAL": {
      const common = { RedirectURL: ctx.page, ReturnURL: withParam(str(b.ReturnURL) ?? "", "transactionId", id) };
      if (method === "IDEAL") return { ...common, Bic: str(b.Bic), BankName: null };
      return {
        ...common,
        LineItems: b.LineItems ?? null,
        Shipping: b.Shipping ?? null,
        CancelURL: str(b.CancelURL),
        Reference: str(b.Reference),
        PaypalOrderID: `ORDER${id.replace(/\D/g, "").padStart(12, "0").slice(-12)}`,
      };
    }
    case "APPLEPAY":
      return {};
    case "GOOGLE_PAY":
      return {
        SecureModeReturnURL: b.SecureModeReturnURL,
        SecureModeNeeded: false,
        SecureModeRedirectURL: null,
        IpAddress: b.IpAddress,
        BrowserInfo: b.BrowserInfo,
        ReturnURL: str(b.ReturnURL),
      };
  }
}

function finishAcquiring(
  emu: Emulator,
  store: ClientStore,
  payin: AcquiringPayIn,
  outcome: ResultKey,
  now: number,
): void {
  if (payin.Status !== "CREATED") return;
  const ok = outcome === "SUCCESS";
  payin.Status = ok ? "SUCCEEDED" : "FAILED";
  payin.ResultCode = RESULT[outcome][0];
  payin.ResultMessage = RESULT[outcome][1];
  payin.ExecutionDate = ok ? now : null;
  emu.events.emit(store, ok ? "PAYIN_NORMAL_SUCCEEDED" : "PAYIN_NORMAL_FAILED", payin.Id, now);
}

/** The 3DS page's outcome for an acquiring card pay-in; where to send the browser, or null when unknown. */
export function completeAcquiringThreeDs(
  emu: Emulator,
  store: ClientStore,
  id: string,
  success: boolean,
  now: number,
): string | null {
  const payin = store.acquiringPayIns.get(id);
  if (!payin || payin.Status !== "CREATED" || payin.PaymentType !== "CARD") return null;
  finishAcquiring(emu, store, payin, success ? "SUCCESS" : "THREE_DS_FAILED", now);
  return withParam(String(payin.SecureModeReturnURL), "transactionId", payin.Id);
}

/** A CREATED acquiring pay-in waiting on the APM page (iDEAL, PayPal), or null. */
export function pendingAcquiringPayIn(store: ClientStore, id: string): AcquiringPayIn | null {
  const payin = store.acquiringPayIns.get(id);
  return payin && payin.Status === "CREATED" && payin.ExecutionType === "WEB" ? payin : null;
}

/** The payer's decision on the APM page for an acquiring pay-in (see completeApm). */
export function completeAcquiringApm(
  emu: Emulator,
  store: ClientStore,
  id: string,
  outcome: ApmOutcome,
  now: number,
): string | undefined {
  const payin = pendingAcquiringPayIn(store, id);
  if (!payin) return undefined;
  const result: ResultKey =
    outcome === "authorized" ? "SUCCESS" : outcome === "refused" ? "APM_REFUSED" : "USER_CANCELED";
  finishAcquiring(emu, store, payin, result, now);
  return String(payin.ReturnURL);
}

/**
 * `POST /acquiring/payins/{id}/refunds`: a SUCCEEDED acquiring pay-in, all of what is left or `DebitedFunds`
 * (≤ what is left); succeeds at once (emulator choice) and emits PAYIN_REFUND_CREATED / _SUCCEEDED.
 */
export function refundAcquiringPayIn(
  emu: Emulator,
  store: ClientStore,
  payInId: string,
  input: { DebitedFunds: Money | null; Tag: string | null; StatementDescriptor: string | null },
  now: number,
): AcquiringRefund {
  const payin = getAcquiringPayIn(store, payInId);
  if (payin.Status !== "SUCCEEDED")
    throw new ApiError(400, "invalid_action", "Only a SUCCEEDED pay-in can be refunded");
  const refundIds = store.acquiringPayInRefunds.get(payin.Id) ?? [];
  const refunded = refundIds.reduce((sum, rid) => sum + (store.acquiringRefunds.get(rid)?.DebitedFunds.Amount ?? 0), 0);
  const left = payin.DebitedFunds.Amount - refunded;
  const funds = input.DebitedFunds ?? { Currency: payin.DebitedFunds.Currency, Amount: left };
  if (funds.Currency !== payin.DebitedFunds.Currency)
    throw new ApiError(400, "param_error", "The currency must match the pay-in's", {
      "DebitedFunds.Currency": "The currency must match the pay-in's",
    });
  if (left <= 0) throw new ApiError(400, "invalid_action", RESULT.ALREADY_REFUNDED[1]);
  if (funds.Amount > left || funds.Amount <= 0)
    throw new ApiError(400, "param_error", RESULT.REFUND_TOO_HIGH[1], {
      "DebitedFunds.Amount": RESULT.REFUND_TOO_HIGH[1],
    });
  const refund: AcquiringRefund = {
    Id: store.nextId(),
    Tag: input.Tag,
    CreationDate: now,
    DebitedFunds: funds,
    DebitedWalletId: null,
    Nature: "REFUND",
    Status: "SUCCEEDED",
    ExecutionDate: now,
    ResultCode: RESULT.SUCCESS[0],
    ResultMessage: RESULT.SUCCESS[1],
    Type: "PAYOUT",
    InitialTransactionId: payin.Id,
    InitialTransactionType: "PAYIN",
    RefundReason: { RefundReasonType: "INITIALIZED_BY_CLIENT", RefundReasonMessage: null },
    StatementDescriptor: input.StatementDescriptor,
  };
  store.acquiringRefunds.set(refund.Id, refund);
  store.acquiringPayInRefunds.set(payin.Id, [...refundIds, refund.Id]);
  emu.events.emit(store, "PAYIN_REFUND_CREATED", refund.Id, now);
  emu.events.emit(store, "PAYIN_REFUND_SUCCEEDED", refund.Id, now);
  return refund;
}
