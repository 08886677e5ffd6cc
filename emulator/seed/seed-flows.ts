// Demo money flows between seeded people: every movement goes through the domain functions, so
// balances, fees, events and indexes are exactly what the API would have produced.
import { ApiError } from "../core/errors";
import type { Emulator } from "../core/emulator";
import type { Random } from "../core/random";
import { createCardPayIn, createPreauthorization } from "../domain/card-payments";
import {
  createBankWirePayIn,
  createDirectDebitPayIn,
  createPreauthorizedPayIn,
  expireBankWire,
  settleBankWire,
  settleDirectDebit,
} from "../domain/pay-ins";
import { createPayout, returnPayout, settlePayout } from "../domain/payouts";
import { createRefund } from "../domain/refunds";
import { createTransfer } from "../domain/transfers";
import type { ClientStore } from "../store/client-store";
import type { Money, PayOut, Transaction, Wallet } from "../store/types";
import type { Person } from "./seed-people";

export interface FlowState {
  people: Person[];
  refundable: Transaction[];
  counts: Record<string, number>;
}

const DAY = 86_400;
const m = (currency: string, amount: number): Money => ({ Currency: currency, Amount: amount });
const feeOf = (rnd: Random, amount: number): number => Math.round((amount * rnd.int(0, 60)) / 1000);

function pickWallet(rnd: Random, person: Person): Wallet {
  return rnd.pick(person.wallets);
}

/** Runs one random operation at time `at`; `age` is how long ago that is (drives pending states). */
export function seedOperation(
  emu: Emulator,
  store: ClientStore,
  rnd: Random,
  s: FlowState,
  at: number,
  age: number,
  origin: string,
): void {
  const person = rnd.pick(s.people);
  const roll = rnd.next();
  const count = (k: string): void => {
    s.counts[k] = (s.counts[k] ?? 0) + 1;
  };
  try {
    if (roll < 0.34 && person.card) {
      const wallet = person.wallets.find((w) => w.Currency === person.card?.Currency) ?? pickWallet(rnd, person);
      const amount = rnd.int(5, 400) * 100 + rnd.pick([0, 0, 50, 99]);
      const tx = createCardPayIn(
        emu,
        store,
        {
          AuthorId: person.user.Id,
          CreditedWalletId: wallet.Id,
          DebitedFunds: m(wallet.Currency, amount),
          Fees: m(wallet.Currency, feeOf(rnd, amount)),
          CardId: person.card.Id,
          SecureModeReturnURL: "https://marketplace.example/checkout/return",
          StatementDescriptor: "DEMO",
        },
        at,
        origin,
      );
      if (tx.Status === "SUCCEEDED") s.refundable.push(tx);
      count("cardPayIns");
    } else if (roll < 0.44) {
      const wallet = pickWallet(rnd, person);
      const amount = rnd.int(50, 3000) * 100;
      const tx = createBankWirePayIn(
        emu,
        store,
        {
          AuthorId: person.user.Id,
          CreditedWalletId: wallet.Id,
          DeclaredDebitedFunds: m(wallet.Currency, amount),
          DeclaredFees: m(wallet.Currency, (feeOf(rnd, amount) / 2) | 0),
        },
        at,
        rnd,
      );
      if (age > 3 * DAY && rnd.chance(0.93)) {
        settleBankWire(emu, store, tx, at + rnd.int(3600, 2 * DAY));
        s.refundable.push(tx);
      } else if (age > 3 * DAY)
        expireBankWire(emu, store, tx, at + 30 * DAY > at + age ? at + age - 60 : at + 30 * DAY);
      count("bankWirePayIns");
    } else if (roll < 0.49 && person.mandateId && store.mandates.get(person.mandateId)?.Status === "ACTIVE") {
      const wallet = pickWallet(rnd, person);
      const amount = rnd.int(10, 500) * 100;
      const tx = createDirectDebitPayIn(
        emu,
        store,
        {
          AuthorId: person.user.Id,
          CreditedWalletId: wallet.Id,
          DebitedFunds: m(wallet.Currency, amount),
          Fees: m(wallet.Currency, feeOf(rnd, amount)),
          MandateId: person.mandateId,
        },
        at,
      );
      if (age > 2 * DAY) settleDirectDebit(emu, store, tx.Id, at + 2 * DAY);
      if (tx.Status === "SUCCEEDED") s.refundable.push(tx);
      count("directDebitPayIns");
    } else if (roll < 0.72) {
      seedTransfer(emu, store, rnd, s, person, at);
      count("transfers");
    } else if (roll < 0.85) {
      seedPayout(emu, store, rnd, person, at, age);
      count("payouts");
    } else if (roll < 0.94 && s.refundable.length > 0) {
      const initial = rnd.pick(s.refundable);
      const partial = rnd.chance(0.5);
      const amount = partial
        ? Math.max(1, Math.floor((initial.CreditedFunds.Amount * rnd.int(10, 60)) / 100))
        : undefined;
      createRefund(
        emu,
        store,
        initial,
        {
          AuthorId: initial.AuthorId,
          DebitedFunds: amount === undefined ? null : m(initial.CreditedFunds.Currency, amount),
          Fees: amount === undefined ? null : m(initial.CreditedFunds.Currency, 0),
        },
        at,
      );
      count("refunds");
    } else if (person.card) {
      seedPreauthorization(emu, store, rnd, person, at, age, origin);
      count("preauthorizations");
    }
  } catch (err) {
    // Business rule refusals (closed card, currency mismatch…) are part of a realistic history.
    if (!(err instanceof ApiError)) throw err;
    count("refused");
  }
}

function seedTransfer(emu: Emulator, store: ClientStore, rnd: Random, s: FlowState, person: Person, at: number): void {
  const from = person.wallets.reduce((a, b) => (b.Balance.Amount > a.Balance.Amount ? b : a));
  const candidates = s.people.filter((p) => p !== person && p.user.UserCategory === "OWNER");
  const target = rnd.pick(candidates.length > 0 ? candidates : s.people);
  const to = target.wallets.find((w) => w.Currency === from.Currency);
  if (!to || to.Id === from.Id) return;
  const overdraw = rnd.chance(0.06);
  const amount = overdraw
    ? from.Balance.Amount + rnd.int(100, 10_000)
    : Math.max(100, Math.floor((from.Balance.Amount * rnd.int(5, 70)) / 100));
  const tx = createTransfer(
    emu,
    store,
    {
      AuthorId: person.user.Id,
      DebitedWalletId: from.Id,
      CreditedWalletId: to.Id,
      DebitedFunds: m(from.Currency, amount),
      Fees: m(from.Currency, feeOf(rnd, amount)),
      Tag: rnd.chance(0.3) ? `order-${rnd.digits(7)}` : null,
    },
    at,
  );
  if (tx.Status === "SUCCEEDED") s.refundable.push(tx);
}

function seedPayout(emu: Emulator, store: ClientStore, rnd: Random, person: Person, at: number, age: number): void {
  if (!person.account || !person.account.Active || person.user.UserCategory !== "OWNER") return;
  const wallet = person.wallets.reduce((a, b) => (b.Balance.Amount > a.Balance.Amount ? b : a));
  const overdraw = rnd.chance(0.05);
  const amount = overdraw
    ? wallet.Balance.Amount + rnd.int(100, 5000)
    : Math.floor((wallet.Balance.Amount * rnd.int(20, 90)) / 100);
  if (amount <= 0) return;
  const payout = createPayout(
    emu,
    store,
    {
      AuthorId: person.user.Id,
      DebitedWalletId: wallet.Id,
      DebitedFunds: m(wallet.Currency, amount),
      Fees: m(wallet.Currency, rnd.chance(0.5) ? 0 : 100),
      BankAccountId: person.account.Id,
      BankWireRef: rnd.chance(0.5) ? `INV${rnd.digits(6)}` : null,
      // One payout in five asks for an instant payment (succeeds at once, or falls back to STANDARD).
      PayoutModeRequested: store.seq % 5 === 0 ? "INSTANT_PAYMENT" : null,
    },
    at,
  );
  if (payout.Status !== "CREATED" || age < DAY) return;
  const settled = settlePayout(emu, store, payout.Id, at + rnd.int(3600, DAY)) as PayOut;
  if (settled.Status === "SUCCEEDED" && age > 4 * DAY && rnd.chance(0.04))
    returnPayout(emu, store, settled, at + 3 * DAY, undefined, store.seq % 4 === 0);
}

function seedPreauthorization(
  emu: Emulator,
  store: ClientStore,
  rnd: Random,
  person: Person,
  at: number,
  age: number,
  origin: string,
): void {
  const card = person.card;
  if (!card) return;
  const wallet = person.wallets.find((w) => w.Currency === card.Currency);
  const amount = rnd.int(20, 300) * 100;
  const preauth = createPreauthorization(
    emu,
    store,
    {
      AuthorId: person.user.Id,
      CardId: card.Id,
      DebitedFunds: m(card.Currency, amount),
      SecureModeReturnURL: "https://marketplace.example/preauth/return",
    },
    at,
    origin,
  );
  if (preauth.Status !== "SUCCEEDED") return;
  const r = rnd.next();
  if (r < 0.5 && wallet) {
    createPreauthorizedPayIn(
      emu,
      store,
      {
        AuthorId: person.user.Id,
        CreditedWalletId: wallet.Id,
        PreauthorizationId: preauth.Id,
        DebitedFunds: m(card.Currency, Math.floor((amount * rnd.int(50, 100)) / 100)),
        Fees: m(card.Currency, 0),
      },
      at + rnd.int(600, DAY),
    );
  } else if (r < 0.7) {
    preauth.PaymentStatus = "CANCELED";
    emu.events.emit(store, "PREAUTHORIZATION_PAYMENT_CANCELED", preauth.Id, at + 3600);
  } else if (age > 7 * DAY) {
    preauth.PaymentStatus = "EXPIRED";
    emu.events.emit(store, "PREAUTHORIZATION_PAYMENT_EXPIRED", preauth.Id, preauth.ExpirationDate);
  }
}
