// Demo users with their wallets, cards, bank accounts and mandates, created at a given past time.
import type { Emulator } from "../core/emulator";
import type { Random } from "../core/random";
import { createMandate, settleMandate, submitMandate } from "../domain/mandates";
import { cardFromPan } from "../routes/cards";
import { newLegalUser, newNaturalUser } from "../routes/users";
import type { ClientStore } from "../store/client-store";
import type { Address, BankAccount, Card, User, Wallet } from "../store/types";
import {
  CITIES,
  COMPANY_KINDS,
  COMPANY_SUFFIX,
  COMPANY_WORDS,
  FIRST_NAMES,
  LAST_NAMES,
  OCCUPATIONS,
  STREETS,
  WALLET_PURPOSES,
} from "./names";
import { demoBic, demoIban, demoPan, slug } from "./seed-helpers";

export interface Person {
  user: User;
  wallets: Wallet[];
  card: Card | null;
  account: BankAccount | null;
  mandateId: string | null;
}

function address(rnd: Random, place: (typeof CITIES)[number]): Address {
  return {
    AddressLine1: `${rnd.int(1, 180)} ${rnd.pick(STREETS)}`,
    AddressLine2: null,
    City: place.city,
    Region: null,
    PostalCode: place.postal,
    Country: place.country,
  };
}

export function seedPerson(emu: Emulator, store: ClientStore, rnd: Random, at: number, origin: string): Person {
  const place = rnd.pick(CITIES);
  const first = rnd.pick(FIRST_NAMES);
  const last = rnd.pick(LAST_NAMES);
  const owner = rnd.chance(0.8);
  const common = {
    Tag: rnd.chance(0.2) ? `crm-${rnd.digits(6)}` : null,
    TermsAndConditionsAccepted: owner,
    TermsAndConditionsAcceptedDate: owner ? at : null,
    UserCategory: owner ? ("OWNER" as const) : ("PAYER" as const),
    KYCLevel: owner && rnd.chance(0.45) ? ("REGULAR" as const) : ("LIGHT" as const),
  };
  let user: User;
  // Every third user has a prefixed id (user_m_…, its wallets wlt_m_…), as MANGOPAY's newer objects do.
  const prefixed = store.seq % 3 === 0;
  const userId = store.nextId(prefixed ? "user_m" : undefined);
  if (rnd.chance(0.7)) {
    user = newNaturalUser(userId, at, {
      ...common,
      FirstName: first,
      LastName: last,
      Email: `${slug(first)}.${slug(last)}${rnd.int(1, 999)}@example.com`,
      Address: address(rnd, place),
      Birthday: owner ? rnd.int(-315_619_200, 1_009_843_200) : null,
      Nationality: owner ? place.country : null,
      CountryOfResidence: owner ? place.country : null,
      Occupation: owner ? rnd.pick(OCCUPATIONS) : null,
      IncomeRange: owner ? (rnd.int(1, 6) as 1 | 2 | 3 | 4 | 5 | 6) : null,
    });
  } else {
    const name = `${rnd.pick(COMPANY_WORDS)} ${rnd.pick(COMPANY_KINDS)} ${rnd.pick(COMPANY_SUFFIX)}`;
    user = newLegalUser(userId, at, {
      ...common,
      Name: name,
      Email: `contact@${slug(name)}.example`,
      LegalPersonType: rnd.pick([
        "BUSINESS",
        "BUSINESS",
        "BUSINESS",
        "ORGANIZATION",
        "SOLETRADER",
        "PARTNERSHIP",
      ] as const),
      HeadquartersAddress: address(rnd, place),
      LegalRepresentativeFirstName: first,
      LegalRepresentativeLastName: last,
      LegalRepresentativeEmail: `${slug(first)}@${slug(name)}.example`,
      LegalRepresentativeBirthday: rnd.int(-315_619_200, 946_684_800),
      LegalRepresentativeNationality: place.country,
      LegalRepresentativeCountryOfResidence: place.country,
      LegalRepresentativeAddress: address(rnd, place),
      CompanyNumber: rnd.digits(9),
    });
  }
  store.addUser(user);
  if (common.KYCLevel === "REGULAR") emu.events.emit(store, "USER_KYC_REGULAR", user.Id, at + 3600);

  const currencies = [place.currency];
  if (rnd.chance(0.25)) currencies.push(rnd.pick(["EUR", "GBP", "USD"].filter((c) => c !== place.currency)));
  const wallets = currencies.map((ccy, i) => {
    const wallet: Wallet = {
      Id: store.nextId(prefixed ? "wlt_m" : undefined),
      Tag: null,
      CreationDate: at + 60 + i,
      Owners: [user.Id],
      Balance: { Currency: ccy, Amount: 0 },
      Currency: ccy,
      FundsType: "DEFAULT",
      Description: rnd.pick(WALLET_PURPOSES),
    };
    store.addWallet(wallet);
    return wallet;
  });

  const card = rnd.chance(0.65)
    ? cardFromPan(
        store,
        user.Id,
        demoPan(rnd),
        `${String(rnd.int(1, 12)).padStart(2, "0")}${rnd.int(27, 31)}`,
        place.currency,
        "CB_VISA_MASTERCARD",
        at + 120,
        `${first} ${last}`,
      )
    : null;
  if (card && rnd.chance(0.05)) card.Active = false;

  let account: BankAccount | null = null;
  let mandateId: string | null = null;
  if (owner && rnd.chance(0.75)) {
    account = seedBankAccount(store, rnd, user, place, at + 180, first, last);
    if (account.Active && (account.Type === "IBAN" || account.Type === "GB") && rnd.chance(0.35)) {
      const mandate = createMandate(
        emu,
        store,
        { BankAccountId: account.Id, Culture: "EN", ReturnURL: "https://marketplace.example/mandates/return" },
        at + 240,
        origin,
        rnd,
      );
      if (rnd.chance(0.9)) {
        submitMandate(emu, store, mandate, at + 300);
        settleMandate(emu, store, mandate, at + 86_400, rnd.chance(0.08));
      }
      mandateId = mandate.Id;
    }
  }
  return { user, wallets, card, account, mandateId };
}

function seedBankAccount(
  store: ClientStore,
  rnd: Random,
  user: User,
  place: (typeof CITIES)[number],
  at: number,
  first: string,
  last: string,
): BankAccount {
  const ownerName = rnd.chance(0.04) ? `Fail ${last}` : user.PersonType === "LEGAL" ? user.Name : `${first} ${last}`;
  const base = {
    Id: store.nextId(),
    Tag: null,
    CreationDate: at,
    UserId: user.Id,
    OwnerName: ownerName,
    OwnerAddress: address(rnd, place),
    Active: true,
  };
  let account: BankAccount;
  if (place.currency === "GBP" && rnd.chance(0.7)) {
    account = { ...base, Type: "GB", AccountNumber: rnd.digits(8), SortCode: rnd.digits(6) };
  } else if (place.currency === "USD") {
    account = rnd.chance(0.8)
      ? {
          ...base,
          Type: "US",
          AccountNumber: rnd.digits(10),
          ABA: rnd.digits(9),
          DepositAccountType: rnd.pick(["CHECKING", "SAVINGS"]),
        }
      : {
          ...base,
          Type: "CA",
          AccountNumber: rnd.digits(10),
          InstitutionNumber: rnd.digits(3),
          BranchCode: rnd.digits(5),
          BankName: "Maple Bank",
        };
  } else if (rnd.chance(0.05)) {
    account = { ...base, Type: "OTHER", AccountNumber: rnd.digits(12), BIC: demoBic(rnd, "CH"), Country: "CH" };
  } else {
    account = { ...base, Type: "IBAN", IBAN: demoIban(rnd, place.country), BIC: demoBic(rnd, place.country) };
  }
  if (rnd.chance(0.04)) account.Active = false;
  store.addBankAccount(account);
  return account;
}
