// Demo data of the newer API surface, so the dashboard shows it on first start: SCA users (one
// enrolled with consents, one waiting for enrollment), FX conversions (instant and quoted) between
// users' wallets and client wallets, virtual accounts (a wire received on one) and a banking alias.
// Runs after the other seed steps, so earlier seeded ids do not move.
import type { Emulator } from "../core/emulator";
import type { ClientStore } from "../store/client-store";
import type { NaturalUser, Wallet } from "../store/types";
import { clientParties, createQuote, instantConversion, quotedConversion } from "../domain/conversions";
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
  const counts = { scaUsers: 0, conversions: 0, virtualAccounts: 0 };

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
  return counts;
}
