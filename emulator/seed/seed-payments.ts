// Demo data of the remaining payment surface, so the dashboard shows it on first start: pay-ins by
// alternative payment methods (iDEAL paid, PayPal waiting for the payer, Apple Pay), deposit preauthorizations
// (one captured in full, one still held), a card validation, a recurring registration with its CIT and a MIT,
// and identity verification sessions (one validated, one pending). Runs last, so earlier seeded ids do not move.
import type { Emulator } from "../core/emulator";
import type { ClientStore } from "../store/client-store";
import type { Card, Wallet } from "../store/types";
import { APMS, completeApm, createApmPayIn } from "../domain/apms";
import { createCardValidation, createDeposit, createDepositPayIn } from "../domain/deposits";
import { completeIdentityVerification, createIdentityVerification } from "../domain/identity-verification";
import { createRecurringPayIn, createRegistration } from "../domain/recurring";
import { cardBehaviour } from "../domain/test-cards";

const DAY = 86_400;
const BROWSER = {
  AcceptHeader: "text/html",
  JavaEnabled: false,
  Language: "fr",
  ColorDepth: 24,
  ScreenHeight: 900,
  ScreenWidth: 1440,
  TimeZoneOffset: -60,
  UserAgent: "Mozilla/5.0",
  JavascriptEnabled: true,
};

/** An active EUR card that pays without a challenge, and its owner's EUR wallet. */
function payingCard(store: ClientStore): { card: Card; wallet: Wallet } | null {
  for (const card of store.cards.values()) {
    if (!card.Active || card.Currency !== "EUR") continue;
    if (cardBehaviour(store.cardNumbers.get(card.Id) ?? "", "DEFAULT").kind !== "frictionless") continue;
    for (const id of store.idx.walletsByUser.get(card.UserId)) {
      const wallet = store.wallets.get(id);
      if (wallet?.Currency === "EUR") return { card, wallet };
    }
  }
  return null;
}

export function seedPayments(emu: Emulator, store: ClientStore, now: number, origin: string): Record<string, number> {
  const counts = { apmPayIns: 0, deposits: 0, cardValidations: 0, recurringRegistrations: 0, identityVerifications: 0 };
  const found = payingCard(store);
  if (!found) return counts;
  const { card, wallet } = found;
  const payer = card.UserId;
  const eur = (Amount: number) => ({ Currency: "EUR", Amount });
  const base = { AuthorId: payer, CreditedWalletId: wallet.Id, Tag: "demo" };

  // APMs: an iDEAL pay-in the payer authorized, a PayPal one still waiting, an Apple Pay one.
  const ideal = createApmPayIn(
    emu,
    store,
    APMS.IDEAL,
    {
      ...base,
      DebitedFunds: eur(4_500),
      Fees: eur(90),
      body: { ReturnURL: "https://shop.example/back", Bic: "INGBNL2A" },
    },
    now - 6 * DAY,
    origin,
  );
  completeApm(emu, store, ideal.Id, "authorized", now - 6 * DAY + 120);
  createApmPayIn(
    emu,
    store,
    APMS.PAYPAL,
    {
      ...base,
      DebitedFunds: eur(2_000),
      Fees: eur(40),
      body: { ReturnURL: "https://shop.example/back", Reference: "order-8812" },
    },
    now - DAY,
    origin,
  );
  createApmPayIn(
    emu,
    store,
    APMS.APPLEPAY,
    {
      ...base,
      DebitedFunds: eur(1_250),
      Fees: eur(25),
      body: {
        PaymentData: { TransactionId: "demo-apple-1", Network: "VISA", TokenData: "{}" },
        StatementDescriptor: "DEMO",
      },
    },
    now - 3 * DAY,
    origin,
  );
  counts.apmPayIns += 3;

  // Deposits: a rental deposit captured in full, another still held.
  const depositInput = {
    AuthorId: payer,
    CardId: card.Id,
    SecureModeReturnURL: "https://shop.example/3ds",
    Tag: "demo",
    extra: { IpAddress: "192.0.2.10", BrowserInfo: BROWSER },
  };
  const captured = createDeposit(emu, store, { ...depositInput, DebitedFunds: eur(30_000) }, now - 12 * DAY, origin);
  if (captured.Status === "SUCCEEDED")
    createDepositPayIn(
      emu,
      store,
      "full-capture",
      { ...base, DebitedFunds: eur(8_000), Fees: eur(0), DepositId: captured.Id },
      now - 5 * DAY,
    );
  createDeposit(emu, store, { ...depositInput, DebitedFunds: eur(50_000) }, now - 2 * DAY, origin);
  counts.deposits += 2;

  createCardValidation(
    emu,
    store,
    card.Id,
    { AuthorId: payer, SecureModeReturnURL: "https://shop.example/3ds", Tag: "demo", extra: { BrowserInfo: BROWSER } },
    now - 15 * DAY,
    origin,
  );
  counts.cardValidations++;

  // A monthly subscription: the first payment with the payer present, the next one merchant-initiated.
  const registration = createRegistration(
    store,
    {
      AuthorId: payer,
      CardId: card.Id,
      PaymentType: "CARD_DIRECT",
      CreditedWalletId: wallet.Id,
      FirstTransactionDebitedFunds: eur(1_990),
      FirstTransactionFees: eur(50),
      Frequency: "Monthly",
      Tag: "demo",
    },
    now - 40 * DAY,
  );
  createRecurringPayIn(
    emu,
    store,
    {
      RecurringPayinRegistrationId: registration.Id,
      cit: { SecureModeReturnURL: "https://shop.example/3ds", IpAddress: "192.0.2.10", BrowserInfo: BROWSER },
    },
    now - 40 * DAY,
    origin,
  );
  createRecurringPayIn(
    emu,
    store,
    { RecurringPayinRegistrationId: registration.Id, cit: null },
    now - 10 * DAY,
    origin,
  );
  counts.recurringRegistrations++;

  const validated = createIdentityVerification(
    emu,
    store,
    payer,
    { ReturnUrl: "https://shop.example/kyc", Tag: "demo" },
    now - 8 * DAY,
    origin,
  );
  completeIdentityVerification(emu, store, validated.Id, "validated", now - 8 * DAY + 300);
  createIdentityVerification(
    emu,
    store,
    payer,
    { ReturnUrl: "https://shop.example/kyc", Tag: "demo" },
    now - DAY,
    origin,
  );
  counts.identityVerifications += 2;
  return counts;
}
