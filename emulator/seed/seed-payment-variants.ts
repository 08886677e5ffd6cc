// Demo data of the pay-in variants, on a second paying card so the first payer's demo objects stay as they
// are: a Bizum pay-in confirmed by phone, a PayPal data collection and a PayPal subscription (CIT approved on
// PayPal's page, one MIT), a deposit whose payer did not show up (penalty charged, NO_SHOW), acquiring-only
// pay-ins (a card payment partly refunded, an iDEAL payment waiting) and a paid PayPal order waiting for its
// tracking number (Tag demo-paypal-order). Runs after seed-payments.ts.
import type { Emulator } from "../core/emulator";
import type { ClientStore } from "../store/client-store";
import type { Card, Wallet } from "../store/types";
import { createAcquiringPayIn, refundAcquiringPayIn } from "../domain/acquiring";
import { APMS, completeApm, createApmPayIn } from "../domain/apms";
import { createDeposit, createDepositPayIn, requestNoShow } from "../domain/deposits";
import { createDataCollection } from "../domain/paypal-data-collection";
import { createRecurringPayPalPayIn, createRegistration } from "../domain/recurring";
import { cardBehaviour } from "../domain/test-cards";

const DAY = 86_400;
const BROWSER = {
  AcceptHeader: "text/html",
  JavaEnabled: false,
  Language: "es",
  ColorDepth: 24,
  ScreenHeight: 900,
  ScreenWidth: 1440,
  TimeZoneOffset: -60,
  UserAgent: "Mozilla/5.0",
  JavascriptEnabled: true,
};
const RETURN = "https://shop.example/back";

/** The second active EUR card (of another user than the first) that pays without a challenge, with a EUR wallet. */
function secondPayingCard(store: ClientStore): { card: Card; wallet: Wallet } | null {
  let firstUser: string | null = null;
  for (const card of store.cards.values()) {
    if (!card.Active || card.Currency !== "EUR" || card.UserId === firstUser) continue;
    if (cardBehaviour(store.cardNumbers.get(card.Id) ?? "", "DEFAULT").kind !== "frictionless") continue;
    for (const id of store.idx.walletsByUser.get(card.UserId)) {
      const wallet = store.wallets.get(id);
      if (wallet?.Currency !== "EUR") continue;
      if (firstUser !== null) return { card, wallet };
      firstUser = card.UserId;
      break;
    }
  }
  return null;
}

export function seedPaymentVariants(
  emu: Emulator,
  store: ClientStore,
  now: number,
  origin: string,
): Record<string, number> {
  const counts = {
    payPalDataCollections: 0,
    payPalSubscriptions: 0,
    noShowDeposits: 0,
    acquiringPayIns: 0,
    paidPayPalOrders: 0,
  };
  const found = secondPayingCard(store);
  if (!found) return counts;
  const { card, wallet } = found;
  const payer = card.UserId;
  const eur = (Amount: number) => ({ Currency: "EUR", Amount });
  const base = { AuthorId: payer, CreditedWalletId: wallet.Id, Tag: "demo" };

  // Bizum, confirmed in the payer's banking app.
  const bizum = createApmPayIn(
    emu,
    store,
    APMS.BIZUM,
    { ...base, DebitedFunds: eur(3_200), Fees: eur(60), body: { Phone: "+34612345678", StatementDescriptor: "DEMO" } },
    now - 9 * DAY,
    origin,
  );
  completeApm(emu, store, bizum.Id, "authorized", now - 9 * DAY + 90);

  // A PayPal subscription, profiled with a data collection first.
  const collection = createDataCollection(store, {
    sender_first_name: "Demo",
    sender_email: "demo.payer@example.com",
    sender_country_code: "ES",
    txn_count_total: "12",
  });
  counts.payPalDataCollections++;
  const registration = createRegistration(
    store,
    {
      AuthorId: payer,
      CardId: null,
      PaymentType: "PAYPAL",
      CreditedWalletId: wallet.Id,
      FirstTransactionDebitedFunds: eur(990),
      FirstTransactionFees: eur(30),
      Frequency: "Monthly",
      Tag: "demo",
    },
    now - 50 * DAY,
  );
  const lineItems = [{ Name: "Streaming plan", Quantity: 1, UnitAmount: 990, TaxAmount: 0 }];
  const cit = createRecurringPayPalPayIn(
    emu,
    store,
    {
      RecurringPayinRegistrationId: registration.Id,
      Tag: "demo",
      body: { ReturnURL: RETURN, LineItems: lineItems, DataCollectionId: collection.dataCollectionId },
    },
    now - 50 * DAY,
    origin,
  );
  completeApm(emu, store, cit.Id, "authorized", now - 50 * DAY + 200);
  createRecurringPayPalPayIn(
    emu,
    store,
    { RecurringPayinRegistrationId: registration.Id, Tag: "demo", body: { LineItems: lineItems } },
    now - 20 * DAY,
    origin,
  );
  counts.payPalSubscriptions++;

  // A hotel deposit: the guest did not show up, a penalty was charged.
  const deposit = createDeposit(
    emu,
    store,
    {
      AuthorId: payer,
      CardId: card.Id,
      DebitedFunds: eur(20_000),
      SecureModeReturnURL: "https://shop.example/3ds",
      Tag: "demo",
      extra: { IpAddress: "192.0.2.11", BrowserInfo: BROWSER },
    },
    now - 14 * DAY,
    origin,
  );
  if (deposit.Status === "SUCCEEDED") {
    requestNoShow(emu, store, deposit, now - 11 * DAY);
    createDepositPayIn(
      emu,
      store,
      "complement",
      { ...base, DebitedFunds: eur(6_000), Fees: eur(0), DepositId: deposit.Id },
      now - 11 * DAY + 60,
    );
    counts.noShowDeposits++;
  }

  // Acquiring only: a card payment refunded in part, an iDEAL payment still waiting for the payer.
  const acquired = createAcquiringPayIn(
    emu,
    store,
    {
      method: "CARD",
      DebitedFunds: eur(7_500),
      Tag: "demo",
      body: {
        CardId: card.Id,
        SecureModeReturnURL: "https://shop.example/3ds",
        IpAddress: "192.0.2.11",
        BrowserInfo: BROWSER,
      },
    },
    now - 7 * DAY,
    origin,
  );
  if (acquired.Status === "SUCCEEDED")
    refundAcquiringPayIn(
      emu,
      store,
      acquired.Id,
      { DebitedFunds: eur(2_500), Tag: "demo", StatementDescriptor: null },
      now - 4 * DAY,
    );
  createAcquiringPayIn(
    emu,
    store,
    { method: "IDEAL", DebitedFunds: eur(1_800), Tag: "demo", body: { ReturnURL: RETURN, Bic: "RABONL2U" } },
    now - DAY,
    origin,
  );
  counts.acquiringPayIns += 2;

  // A PayPal order the buyer paid, not shipped yet: the platform can send its tracking number.
  const order = createApmPayIn(
    emu,
    store,
    APMS.PAYPAL,
    {
      ...base,
      Tag: "demo-paypal-order",
      DebitedFunds: eur(5_400),
      Fees: eur(110),
      body: {
        ReturnURL: RETURN,
        Reference: "order-9051",
        LineItems: [{ Name: "Desk lamp", Quantity: 2, UnitAmount: 2_700, TaxAmount: 0 }],
      },
    },
    now - 2 * DAY,
    origin,
  );
  completeApm(emu, store, order.Id, "authorized", now - 2 * DAY + 150);
  counts.paidPayPalOrders++;
  return counts;
}
