// Recurring pay-ins by card or PayPal: a registration (card or PayPal, wallet, first and next amounts,
// frequency), a first customer-initiated pay-in (CIT: the payer is present, 3DS for a card, PayPal's page for
// PayPal) and later merchant-initiated ones (MIT: no browser, no authentication). The registration is
// AUTHENTICATION_NEEDED while a PayPal CIT waits, IN_PROGRESS once a pay-in succeeded, ENDED on request; its
// CurrentState sums its succeeded pay-ins when read.
import { ApiError } from "../core/errors";
import type { Emulator } from "../core/emulator";
import type { ClientStore } from "../store/client-store";
import type { Money, PayIn, RecurringRegistration } from "../store/types";
import { APMS, createApmPayIn } from "./apms";
import { createCardPayIn, usableCard } from "./card-payments";
import { assertCurrency, assertFeesWithinFunds } from "./checks";
import { getUser, getWallet } from "./lookups";
import { money, succeed } from "./transactions";

export type RecurringPaymentType = "CARD_DIRECT" | "PAYPAL";

export interface RegistrationInput {
  AuthorId: string;
  /** Required for CARD_DIRECT, absent for PAYPAL. */
  CardId: string | null;
  PaymentType: RecurringPaymentType;
  CreditedUserId?: string | null;
  CreditedWalletId: string;
  FirstTransactionDebitedFunds: Money;
  FirstTransactionFees: Money;
  NextTransactionDebitedFunds?: Money | null;
  NextTransactionFees?: Money | null;
  EndDate?: number | null;
  Frequency?: string | null;
  FixedNextAmount?: boolean | null;
  FractionedPayment?: boolean | null;
  FreeCycles?: number | null;
  Migration?: boolean | null;
  Billing?: unknown;
  Shipping?: unknown;
  Tag?: string | null;
}

export function getRegistration(store: ClientStore, id: string): RecurringRegistration {
  const reg = store.recurringRegistrations.get(id);
  if (!reg)
    throw new ApiError(
      404,
      "ressource_not_found",
      `Cannot found the ressource RecurringPayinRegistration with the id=${id}`,
    );
  return reg;
}

export function createRegistration(store: ClientStore, input: RegistrationInput, now: number): RecurringRegistration {
  getUser(store, input.AuthorId);
  if (input.PaymentType === "CARD_DIRECT") usableCard(store, input.CardId ?? "", input.AuthorId);
  else assertNoActivePayPalRegistration(store, input.AuthorId);
  const wallet = getWallet(store, input.CreditedWalletId);
  assertCurrency(wallet, input.FirstTransactionDebitedFunds, input.FirstTransactionFees);
  assertFeesWithinFunds(input.FirstTransactionDebitedFunds, input.FirstTransactionFees);
  if (input.NextTransactionDebitedFunds) {
    const nextFees = input.NextTransactionFees ?? money(input.NextTransactionDebitedFunds.Currency, 0);
    assertCurrency(wallet, input.NextTransactionDebitedFunds, nextFees);
    assertFeesWithinFunds(input.NextTransactionDebitedFunds, nextFees);
  }
  const recurringType = input.FractionedPayment
    ? "FRACTIONED_PAYMENT"
    : input.FixedNextAmount !== false &&
        (!input.NextTransactionDebitedFunds ||
          input.NextTransactionDebitedFunds.Amount === input.FirstTransactionDebitedFunds.Amount)
      ? "CLASSIC_SUBSCRIPTION"
      : "CUSTOM";
  const reg: RecurringRegistration = {
    Id: store.nextId(),
    Tag: input.Tag ?? null,
    CreationDate: now,
    Status: "CREATED",
    RecurringType: recurringType,
    TotalAmount: null,
    CycleNumber: 0,
    AuthorId: input.AuthorId,
    CardId: input.PaymentType === "CARD_DIRECT" ? input.CardId : null,
    CreditedUserId: input.CreditedUserId ?? wallet.Owners[0] ?? input.AuthorId,
    CreditedWalletId: wallet.Id,
    Billing: input.Billing ?? null,
    Shipping: input.Shipping ?? null,
    EndDate: input.EndDate ?? null,
    Frequency: input.Frequency ?? null,
    FixedNextAmount: input.FixedNextAmount ?? true,
    FractionedPayment: input.FractionedPayment ?? false,
    FreeCycles: input.FreeCycles ?? 0,
    FirstTransactionDebitedFunds: input.FirstTransactionDebitedFunds,
    FirstTransactionFees: input.FirstTransactionFees,
    NextTransactionDebitedFunds: input.NextTransactionDebitedFunds ?? null,
    NextTransactionFees: input.NextTransactionFees ?? null,
    Migration: input.Migration ?? false,
    PaymentType: input.PaymentType,
  };
  store.recurringRegistrations.set(reg.Id, reg);
  store.recurringPayIns.set(reg.Id, []);
  return reg;
}

/** The registration as answered: CurrentState and CycleNumber from its succeeded pay-ins. */
export function registrationView(store: ClientStore, reg: RecurringRegistration): Record<string, unknown> {
  const ids = store.recurringPayIns.get(reg.Id) ?? [];
  const currency = reg.FirstTransactionDebitedFunds.Currency;
  let debited = 0;
  let fees = 0;
  let linked = 0;
  for (const id of ids) {
    const tx = store.transactions.get(id);
    if (!tx || tx.Status !== "SUCCEEDED") continue;
    linked += 1;
    debited += tx.DebitedFunds.Amount;
    fees += tx.Fees.Amount;
  }
  const waiting = ids.some((id) => store.transactions.get(id)?.Status === "CREATED");
  const status =
    reg.Status === "ENDED"
      ? "ENDED"
      : linked > 0
        ? "IN_PROGRESS"
        : reg.PaymentType === "PAYPAL" && waiting
          ? "AUTHENTICATION_NEEDED"
          : reg.Status;
  return {
    ...reg,
    Status: status,
    CycleNumber: linked,
    CurrentState: {
      PayinsLinked: linked,
      CumulatedDebitedAmount: money(currency, debited),
      CumulatedFeesAmount: money(currency, fees),
      LastPayinId: ids.length > 0 ? ids[ids.length - 1] : null,
    },
  };
}

export function endRegistration(reg: RecurringRegistration): void {
  reg.Status = "ENDED";
}

export interface RecurringPayInInput {
  RecurringPayinRegistrationId: string;
  DebitedFunds?: Money | null;
  Fees?: Money | null;
  StatementDescriptor?: string | null;
  Tag?: string | null;
  /** CIT only: the payer is present. */
  cit: { SecureModeReturnURL: string; IpAddress: string; BrowserInfo: unknown } | null;
}

export function createRecurringPayIn(
  emu: Emulator,
  store: ClientStore,
  input: RecurringPayInInput,
  now: number,
  origin: string,
): PayIn {
  const reg = getRegistration(store, input.RecurringPayinRegistrationId);
  if (reg.PaymentType !== "CARD_DIRECT" || reg.CardId === null)
    throw new ApiError(400, "invalid_action", "This recurring registration is not a CARD_DIRECT one");
  if (reg.Status === "ENDED")
    throw new ApiError(400, "invalid_action", "The recurring registration has ENDED: no more pay-ins");
  const ids = store.recurringPayIns.get(reg.Id) ?? [];
  const started = ids.some((id) => store.transactions.get(id)?.Status === "SUCCEEDED");
  if (!input.cit && !started)
    throw new ApiError(
      400,
      "invalid_action",
      "The first pay-in of a recurring registration must be customer-initiated (CIT, with BrowserInfo)",
    );
  if (reg.EndDate && typeof reg.EndDate === "number" && now > reg.EndDate)
    throw new ApiError(400, "invalid_action", "The recurring registration's EndDate has passed");
  const first = !started;
  const funds =
    input.DebitedFunds ??
    (first ? reg.FirstTransactionDebitedFunds : (reg.NextTransactionDebitedFunds ?? reg.FirstTransactionDebitedFunds));
  const fees = input.Fees ?? (first ? reg.FirstTransactionFees : (reg.NextTransactionFees ?? money(funds.Currency, 0)));
  const tx = createCardPayIn(
    emu,
    store,
    {
      AuthorId: reg.AuthorId,
      CardId: reg.CardId,
      CreditedWalletId: reg.CreditedWalletId,
      CreditedUserId: reg.CreditedUserId,
      DebitedFunds: funds,
      Fees: fees,
      SecureMode: input.cit ? "DEFAULT" : "NO_CHOICE",
      SecureModeReturnURL: input.cit?.SecureModeReturnURL ?? "",
      StatementDescriptor: input.StatementDescriptor ?? null,
      Tag: input.Tag ?? null,
      extra: {
        RecurringPayinRegistrationId: reg.Id,
        IpAddress: input.cit?.IpAddress ?? null,
        BrowserInfo: input.cit?.BrowserInfo ?? null,
      },
    },
    now,
    origin,
  );
  ids.push(tx.Id);
  store.recurringPayIns.set(reg.Id, ids);
  return tx;
}

/** MANGOPAY allows one PayPal registration per user: a second one needs the first ENDED (guess: 400 invalid_action). */
function assertNoActivePayPalRegistration(store: ClientStore, authorId: string): void {
  for (const reg of store.recurringRegistrations.values()) {
    if (reg.AuthorId === authorId && reg.PaymentType === "PAYPAL" && reg.Status !== "ENDED")
      throw new ApiError(
        400,
        "invalid_action",
        `The user already has a PayPal recurring registration (${reg.Id}): end it before creating another`,
      );
  }
}

export interface RecurringPayPalInput {
  RecurringPayinRegistrationId: string;
  DebitedFunds?: Money | null;
  Fees?: Money | null;
  Tag?: string | null;
  /** The raw body: ReturnURL, LineItems, Shipping… are echoed as on any PayPal pay-in. */
  body: Record<string, unknown>;
}

/**
 * `POST /payins/payment-methods/paypal/recurring`: before any succeeded pay-in it is the CIT (CREATED, the payer
 * approves on PayPal's page at RedirectURL); afterwards a MIT, charged on the approved agreement at once.
 */
export function createRecurringPayPalPayIn(
  emu: Emulator,
  store: ClientStore,
  input: RecurringPayPalInput,
  now: number,
  origin: string,
): PayIn {
  const reg = getRegistration(store, input.RecurringPayinRegistrationId);
  if (reg.PaymentType !== "PAYPAL")
    throw new ApiError(400, "invalid_action", "This recurring registration is not a PAYPAL one");
  if (reg.Status === "ENDED")
    throw new ApiError(400, "invalid_action", "The recurring registration has ENDED: no more pay-ins");
  if (reg.EndDate && typeof reg.EndDate === "number" && now > reg.EndDate)
    throw new ApiError(400, "invalid_action", "The recurring registration's EndDate has passed");
  const ids = store.recurringPayIns.get(reg.Id) ?? [];
  const started = ids.some((id) => store.transactions.get(id)?.Status === "SUCCEEDED");
  const returnUrl = input.body.ReturnURL;
  if (!started && (typeof returnUrl !== "string" || returnUrl === ""))
    throw new ApiError(400, "param_error", "One or several required parameters are missing or incorrect.", {
      ReturnURL: "The ReturnURL field is required for the customer-initiated pay-in.",
    });
  const funds =
    input.DebitedFunds ??
    (started
      ? (reg.NextTransactionDebitedFunds ?? reg.FirstTransactionDebitedFunds)
      : reg.FirstTransactionDebitedFunds);
  const fees =
    input.Fees ?? (started ? (reg.NextTransactionFees ?? money(funds.Currency, 0)) : reg.FirstTransactionFees);
  const tx = createApmPayIn(
    emu,
    store,
    APMS.PAYPAL,
    {
      AuthorId: reg.AuthorId,
      CreditedWalletId: reg.CreditedWalletId,
      CreditedUserId: reg.CreditedUserId,
      DebitedFunds: funds,
      Fees: fees,
      Tag: input.Tag ?? null,
      body: input.body,
      extra: { RecurringPayinRegistrationId: reg.Id },
    },
    now,
    origin,
  );
  if (started) {
    tx.RedirectURL = null;
    succeed(emu, store, tx, now);
  }
  ids.push(tx.Id);
  store.recurringPayIns.set(reg.Id, ids);
  return tx;
}
