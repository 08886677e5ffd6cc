// Recurring card pay-ins: a registration (card, wallet, first and next amounts, frequency), a first
// customer-initiated pay-in (CIT: the payer is present, 3DS as for card pay-ins) and later
// merchant-initiated ones (MIT: no browser, no authentication). The registration is IN_PROGRESS once a pay-in
// succeeded, ENDED on request; its CurrentState sums its succeeded pay-ins when read.
import { ApiError } from "../core/errors";
import type { Emulator } from "../core/emulator";
import type { ClientStore } from "../store/client-store";
import type { Money, PayIn, RecurringRegistration } from "../store/types";
import { createCardPayIn, usableCard } from "./card-payments";
import { assertCurrency, assertFeesWithinFunds } from "./checks";
import { getUser, getWallet } from "./lookups";
import { money } from "./transactions";

export interface RegistrationInput {
  AuthorId: string;
  CardId: string;
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
  usableCard(store, input.CardId, input.AuthorId);
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
    CardId: input.CardId,
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
    PaymentType: "CARD_DIRECT",
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
  const status = reg.Status === "ENDED" ? "ENDED" : linked > 0 ? "IN_PROGRESS" : reg.Status;
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
