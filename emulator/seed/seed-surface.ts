// Demo data of the newer API surface, so the dashboard shows it on first start: SCA users (one
// enrolled with consents, one waiting for enrollment), FX conversions (instant and quoted) between
// users' wallets and client wallets, virtual accounts (a wire received on one), a banking alias,
// recipients (payouts v2) with one payout to a recipient, and the platform's own bank account with a
// client payout from its fees.
// Runs after the other seed steps, so earlier seeded ids do not move.
import type { Emulator } from "../core/emulator";
import type { ClientStore } from "../store/client-store";
import type { BankAccount, NaturalUser, Wallet } from "../store/types";
import { clientParties, createQuote, instantConversion, quotedConversion } from "../domain/conversions";
import { createPayout, settlePayout } from "../domain/payouts";
import { createRecipient } from "../domain/recipients";
import { profileOf, requireEnrollment } from "../domain/sca";
import { createBankingAlias, createVirtualAccount, receiveWire } from "../domain/virtual-accounts";
import { newNaturalUser } from "../routes/users";

const DAY = 86_400;

function eurWalletOf(store: ClientStore, userId: string): Wallet | undefined {
  for (const id of store.idx.walletsByUser.get(userId)) {
    const w = store.wallets.get(id);
    if (w?.Currency === "EUR") return w;
  }
  return undefined;
}

function walletIn(store: ClientStore, owner: string, currency: string, at: number): Wallet {
  for (const id of store.idx.walletsByUser.get(owner)) {
    const w = store.wallets.get(id);
    if (w?.Currency === currency) return w;
  }
  const wallet: Wallet = {
    Id: store.nextId(),
    Tag: null,
    CreationDate: at,
    Owners: [owner],
    Balance: { Currency: currency, Amount: 0 },
    Currency: currency,
    FundsType: "DEFAULT",
    Description: `${currency} wallet`,
  };
  store.addWallet(wallet);
  return wallet;
}

export function seedSurface(emu: Emulator, store: ClientStore, now: number, origin: string): Record<string, number> {
  const owners = [...store.users.values()].filter(
    (u): u is NaturalUser =>
      u.PersonType === "NATURAL" &&
      u.UserCategory === "OWNER" &&
      u.UserStatus === "ACTIVE" &&
      (eurWalletOf(store, u.Id)?.Balance.Amount ?? 0) >= 20_000,
  );
  const counts = { scaUsers: 0, conversions: 0, virtualAccounts: 0, recipients: 0, clientPayouts: 0 };

  // SCA: the first rich OWNER enrolled 20 days ago and gave its consents; a new OWNER still pending.
  const enrolled = owners[0];
  if (enrolled) {
    const at = now - 20 * DAY;
    const profile = profileOf(store, enrolled.Id);
    profile.PhoneNumber = "+33612345678";
    profile.PhoneNumberCountry = "FR";
    profile.IsEnrolled = true;
    profile.LastEnrollmentDate = at;
    profile.LastAuthenticationDate = at;
    profile.LastConsentCollectionDate = at;
    profile.ConsentScope = {
      ContactInformationUpdate: "GIVEN",
      RecipientRegistration: "GIVEN",
      Transfer: "GIVEN",
      ViewAccountInformation: "GIVEN",
    };
    emu.events.emit(store, "SCA_ENROLLMENT_SUCCEEDED", enrolled.Id, at);
    counts.scaUsers++;
  }
  const pendingAt = now - 2 * DAY;
  const pending = newNaturalUser(store.nextId(), pendingAt, {
    Tag: "demo: SCA enrollment pending",
    Email: "sca.pending@example.com",
    FirstName: "Selma",
    LastName: "Pending",
    Birthday: 631152000,
    Nationality: "FR",
    CountryOfResidence: "FR",
    TermsAndConditionsAccepted: true,
    TermsAndConditionsAcceptedDate: pendingAt,
    UserCategory: "OWNER",
  });
  store.addUser(pending);
  profileOf(store, pending.Id).PhoneNumber = "+33698765432";
  requireEnrollment(emu, store, pending, origin, pendingAt);
  counts.scaUsers++;

  // FX: instant and quoted conversions EUR → GBP/USD for the first rich owners.
  owners.slice(0, 3).forEach((owner, i) => {
    const at = now - (12 - i * 3) * DAY;
    const eur = eurWalletOf(store, owner.Id) as Wallet;
    const target = walletIn(store, owner.Id, i === 1 ? "USD" : "GBP", at - 60);
    const req = {
      debitedCurrency: "EUR",
      creditedCurrency: target.Currency,
      debitedAmount: 5_000 + i * 2_500,
      creditedAmount: null,
      fees: { Currency: "EUR", Type: "FIXED" as const, Value: 50 },
      userMargin: null,
    };
    instantConversion(
      emu,
      store,
      { authorId: owner.Id, debitedWalletId: eur.Id, creditedWalletId: target.Id },
      req,
      "demo",
      at,
    );
    counts.conversions++;
    if (i === 0) {
      const quote = createQuote(store, { ...req, debitedAmount: 2_000, fees: null }, 300, "demo", at + 3600);
      quotedConversion(
        emu,
        store,
        quote.Id,
        { authorId: owner.Id, debitedWalletId: eur.Id, creditedWalletId: target.Id },
        "demo",
        at + 3660,
      );
      counts.conversions++;
    }
  });
  // The platform converts some of its EUR fees into GBP.
  const fees = store.clientWallets.get("FEES_EUR");
  if (fees && fees.Balance.Amount >= 1_000) {
    const at = now - 5 * DAY;
    instantConversion(
      emu,
      store,
      clientParties(store, "FEES", "FEES", "EUR", "GBP", at),
      {
        debitedCurrency: "EUR",
        creditedCurrency: "GBP",
        debitedAmount: 1_000,
        creditedAmount: null,
        fees: null,
        userMargin: null,
      },
      "demo",
      at,
    );
    counts.conversions++;
  }

  // Virtual accounts: a USER_OWNED FR account that received a wire, a COLLECTION LU account, a legacy alias.
  owners.slice(0, 3).forEach((owner, i) => {
    const at = now - (30 - i * 5) * DAY;
    const eur = eurWalletOf(store, owner.Id) as Wallet;
    const account = createVirtualAccount(
      emu,
      store,
      eur.Id,
      { Country: i === 1 ? "LU" : "FR", VirtualAccountPurpose: i === 1 ? "COLLECTION" : "USER_OWNED", Tag: "demo" },
      at,
    );
    counts.virtualAccounts++;
    if (i === 0)
      receiveWire(
        emu,
        store,
        account.Id,
        { Amount: 15_000, WireReference: "DEMO-INV-1", OwnerName: "Acme GmbH" },
        at + DAY,
      );
    if (i === 2)
      createBankingAlias(
        store,
        eur.Id,
        { OwnerName: `${owner.FirstName} ${owner.LastName}`, Country: "FR", CreditedUserId: null, Tag: "demo" },
        at,
      );
  });
  // Recipients: the enrolled owner's EUR account (paid once by a payout v2) and a US business supplier.
  if (enrolled) {
    const at = now - 8 * DAY;
    const address = { AddressLine1: "12 rue des Lilas", City: "Lyon", PostalCode: "69003", Country: "FR" };
    const local = createRecipient(
      emu,
      store,
      enrolled.Id,
      {
        DisplayName: "Main bank account",
        PayoutMethodType: "LocalBankTransfer",
        RecipientType: "Individual",
        Currency: "EUR",
        Tag: "demo",
        IndividualRecipient: { FirstName: enrolled.FirstName, LastName: enrolled.LastName, Address: address },
        LocalBankTransfer: { EUR: { IBAN: "FR7630004000031234567890143", BIC: "BNPAFRPP" } },
      },
      origin,
      at,
    );
    createRecipient(
      emu,
      store,
      enrolled.Id,
      {
        DisplayName: "US supplier",
        PayoutMethodType: "InternationalBankTransfer",
        RecipientType: "Business",
        Currency: "USD",
        Country: "US",
        Tag: "demo",
        BusinessRecipient: {
          BusinessName: "Acme Supplies Inc",
          Address: { AddressLine1: "1 Main St", City: "Austin", Region: "TX", PostalCode: "78701", Country: "US" },
        },
        InternationalBankTransfer: { AccountNumber: "000123456789", BIC: "CHASUS33" },
      },
      origin,
      at + 600,
    );
    counts.recipients += 2;
    const eur = eurWalletOf(store, enrolled.Id) as Wallet;
    const payout = createPayout(
      emu,
      store,
      {
        AuthorId: enrolled.Id,
        DebitedWalletId: eur.Id,
        DebitedFunds: { Currency: "EUR", Amount: 3_000 },
        Fees: { Currency: "EUR", Amount: 0 },
        RecipientId: local.Id,
        BankWireRef: "DEMO-V2",
        Tag: "demo: payout to a recipient",
      },
      at + DAY,
    );
    if (payout.Status === "CREATED") settlePayout(emu, store, payout.Id, at + DAY + 3600);
  }

  // The platform's own IBAN account and a payout of part of its EUR fees to it.
  const feesEur = store.clientWallets.get("FEES_EUR");
  // Four days old: the newest seeded payouts stay users' ones (specs open the newest payout's bank account),
  // and it is among the newest 100 payouts touching a client wallet (the dashboard's Client payouts).
  if (feesEur && feesEur.Balance.Amount >= 500) {
    const at = now - 4 * DAY;
    const account: BankAccount = {
      Id: store.nextId(),
      Tag: "demo: the platform's account",
      CreationDate: at,
      UserId: store.info.ClientId,
      Type: "IBAN",
      OwnerName: store.info.Name,
      OwnerAddress: {
        AddressLine1: "1 place de la Bourse",
        AddressLine2: null,
        City: "Paris",
        Region: null,
        PostalCode: "75002",
        Country: "FR",
      },
      Active: true,
      IBAN: "FR7630006000011234567890189",
      BIC: "AGRIFRPP",
    };
    store.addBankAccount(account);
    const payout = createPayout(
      emu,
      store,
      {
        AuthorId: store.info.ClientId,
        DebitedWalletId: feesEur.Id,
        DebitedFunds: { Currency: "EUR", Amount: 500 },
        Fees: { Currency: "EUR", Amount: 0 },
        BankAccountId: account.Id,
        BankWireRef: "FEES",
        Tag: "demo: client payout",
      },
      at,
    );
    if (payout.Status === "CREATED") settlePayout(emu, store, payout.Id, at + 3600);
    counts.clientPayouts++;
  }
  return counts;
}
