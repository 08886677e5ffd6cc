// Virtual accounts (IBANs or local account numbers attached to a wallet) and the legacy banking
// aliases they replace. A wire received on one credits the wallet as a BANK_WIRE pay-in with
// ExecutionType EXTERNAL_INSTRUCTION (control call `POST /clients/:clientId/virtual-accounts/:id/wire`).
import type { Emulator } from "../core/emulator";
import { ApiError, invalidAction, notFound, paramError } from "../core/errors";
import type { ClientStore } from "../store/client-store";
import type { BankingAlias, VirtualAccount, VirtualAccountAddress } from "../store/sca-types";
import type { PayIn, User } from "../store/types";
import { getUser, getWallet } from "./lookups";
import { createResolved } from "./transactions";

/** Country → [currency, IBAN length, BIC] of the emulator's virtual account bank (MANGOPAY's partners vary). */
const COUNTRIES: Record<string, { currency: string; length: number; bic: string; local: "IBAN" | "GB" }> = {
  LU: { currency: "EUR", length: 20, bic: "MPAYLULL", local: "IBAN" },
  FR: { currency: "EUR", length: 27, bic: "MPAYFRP1", local: "IBAN" },
  DE: { currency: "EUR", length: 22, bic: "MPAYDEFF", local: "IBAN" },
  ES: { currency: "EUR", length: 24, bic: "MPAYESMM", local: "IBAN" },
  NL: { currency: "EUR", length: 18, bic: "MPAYNL2A", local: "IBAN" },
  IT: { currency: "EUR", length: 27, bic: "MPAYITMM", local: "IBAN" },
  GB: { currency: "GBP", length: 22, bic: "SAPYGB2L", local: "GB" },
};
/** Countries where USER_OWNED accounts can be opened (emulator's choice: the EUR ones). */
const USER_OWNED_COUNTRIES = new Set(["LU", "FR", "DE", "ES", "NL", "IT"]);

const BANK_ADDRESS: VirtualAccountAddress = {
  StreetName: "2, Avenue Amélie",
  PostCode: "L-1125",
  TownName: "Luxembourg",
  CountrySubDivision: null,
  // The docs' example shows "Luxembourg"; the SDK types an ISO code.
  Country: "LU",
};

function mod97(digits: string): number {
  let rem = 0;
  for (const ch of digits) {
    const v = ch >= "A" ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem;
}

/** A valid IBAN (mod-97 check digits) for `country`, deterministic from `seq`. */
export function makeIban(country: string, seq: number): string {
  const spec = COUNTRIES[country];
  const bbanLength = spec.length - 4;
  const bban =
    country === "GB"
      ? `SAPY608382${String(seq).padStart(8, "0").slice(-8)}`
      : String(seq).padStart(bbanLength, "0").slice(-bbanLength);
  const check = 98 - mod97(`${bban}${country}00`);
  return `${country}${String(check).padStart(2, "0")}${bban}`;
}

export function availability() {
  const entry = (country: string) => ({ Country: country, Available: true, Currencies: [COUNTRIES[country].currency] });
  return {
    Collection: Object.keys(COUNTRIES).map(entry),
    UserOwned: [...USER_OWNED_COUNTRIES].map(entry),
  };
}

function ownerName(user: User): string {
  return user.PersonType === "NATURAL" ? `${user.FirstName} ${user.LastName}` : user.Name;
}

export function createVirtualAccount(
  emu: Emulator,
  store: ClientStore,
  walletId: string,
  input: { Country: string; VirtualAccountPurpose: "COLLECTION" | "USER_OWNED"; Tag: string | null },
  now: number,
): VirtualAccount {
  const wallet = store.wallets.get(walletId);
  if (!wallet) throw notFound("Wallet", walletId);
  const spec = COUNTRIES[input.Country];
  if (!spec) throw paramError({ Country: `Virtual accounts are not available in ${input.Country}.` });
  if (spec.currency !== wallet.Currency)
    throw new ApiError(
      400,
      "currency_incompatibility",
      `A ${input.Country} account receives ${spec.currency}, not ${wallet.Currency}`,
    );
  const owner = getUser(store, wallet.Owners[0] ?? "");
  if (input.VirtualAccountPurpose === "USER_OWNED") {
    if (owner.UserCategory !== "OWNER")
      throw invalidAction("A USER_OWNED virtual account needs an OWNER user", "not_allowed_for_user_category_payer");
    if (!USER_OWNED_COUNTRIES.has(input.Country))
      throw paramError({ Country: `USER_OWNED accounts are not available in ${input.Country}.` });
  }
  for (const other of store.virtualAccounts.values()) {
    if (other.WalletId === walletId && other.Active && other.VirtualAccountPurpose !== input.VirtualAccountPurpose)
      throw invalidAction("A wallet has either COLLECTION or USER_OWNED virtual accounts, not both");
  }
  const id = store.nextId("wltbank_m");
  const iban = makeIban(input.Country, store.seq);
  const local: Record<string, string> =
    spec.local === "GB"
      ? { SortCode: iban.slice(8, 14), AccountNumber: iban.slice(14) }
      : { Iban: iban, Bic: spec.bic };
  const account: VirtualAccount = {
    Id: id,
    Tag: input.Tag,
    CreationDate: now,
    WalletId: wallet.Id,
    CreditedUserId: owner.Id,
    VirtualAccountPurpose: input.VirtualAccountPurpose,
    Country: input.Country,
    Status: "ACTIVE",
    Active: true,
    AccountOwner: input.VirtualAccountPurpose === "USER_OWNED" ? ownerName(owner) : `MGP ${store.info.Name}`,
    LocalAccountDetails: { Address: BANK_ADDRESS, Account: local },
    InternationalAccountDetails: [{ Address: BANK_ADDRESS, Account: { Iban: iban, Bic: spec.bic } }],
    Capabilities: { LocalPayinAvailable: true, InternationalPayinAvailable: true, Currencies: [spec.currency] },
    ResultCode: "000000",
    ResultMessage: "Success",
  };
  store.virtualAccounts.set(account.Id, account);
  emu.events.emit(store, "VIRTUAL_ACCOUNT_ACTIVE", account.Id, now);
  return account;
}

export function getVirtualAccount(store: ClientStore, walletId: string, id: string): VirtualAccount {
  const account = store.virtualAccounts.get(id);
  if (!account || account.WalletId !== walletId) throw notFound("VirtualAccount", id);
  return account;
}

/** Deactivation is final (CLOSED), like MANGOPAY's. */
export function deactivateVirtualAccount(emu: Emulator, store: ClientStore, account: VirtualAccount, now: number) {
  if (!account.Active) throw invalidAction("The virtual account is already deactivated");
  account.Active = false;
  account.Status = "CLOSED";
  emu.events.emit(store, "VIRTUAL_ACCOUNT_CLOSED", account.Id, now);
  return account;
}

export function createBankingAlias(
  store: ClientStore,
  walletId: string,
  input: { OwnerName: string; Country: string; CreditedUserId: string | null; Tag: string | null },
  now: number,
): BankingAlias {
  const wallet = store.wallets.get(walletId);
  if (!wallet) throw notFound("Wallet", walletId);
  const spec = COUNTRIES[input.Country];
  if (!spec || spec.local !== "IBAN")
    throw paramError({ Country: `Banking aliases are not available in ${input.Country}.` });
  if (wallet.Currency !== "EUR")
    throw new ApiError(400, "currency_incompatibility", "Banking aliases receive EUR only");
  const alias: BankingAlias = {
    Id: store.nextId(),
    Tag: input.Tag,
    CreationDate: now,
    CreditedUserId: input.CreditedUserId ?? wallet.Owners[0] ?? "",
    WalletId: wallet.Id,
    Country: input.Country,
    Type: "IBAN",
    OwnerName: input.OwnerName,
    Active: true,
    IBAN: makeIban(input.Country, store.seq),
    BIC: spec.bic,
  };
  store.bankingAliases.set(alias.Id, alias);
  return alias;
}

export function getBankingAlias(store: ClientStore, id: string): BankingAlias {
  const alias = store.bankingAliases.get(id);
  if (!alias) throw notFound("BankingAlias", id);
  return alias;
}

/** Sandbox: a bank wire arrives on a virtual account or banking alias and credits its wallet at once. */
export function receiveWire(
  emu: Emulator,
  store: ClientStore,
  accountId: string,
  input: { Amount: number; WireReference: string | null; OwnerName: string | null },
  now: number,
): PayIn {
  const va = store.virtualAccounts.get(accountId);
  const alias = va ? undefined : store.bankingAliases.get(accountId);
  if (!va && !alias) throw notFound("VirtualAccount", accountId);
  const active = va ? va.Active : (alias as BankingAlias).Active;
  if (!active) throw invalidAction("The account is deactivated: the wire is returned to the sender");
  const wallet = getWallet(store, (va ?? (alias as BankingAlias)).WalletId);
  const creditedUserId = (va ?? (alias as BankingAlias)).CreditedUserId;
  if (!Number.isInteger(input.Amount) || input.Amount <= 0) throw paramError({ Amount: "A positive integer." });
  const tx: PayIn = {
    Id: store.nextId(),
    Tag: null,
    CreationDate: now,
    Status: "CREATED",
    ResultCode: null,
    ResultMessage: null,
    ExecutionDate: null,
    AuthorId: creditedUserId,
    CreditedUserId: creditedUserId,
    DebitedFunds: { Currency: wallet.Currency, Amount: input.Amount },
    CreditedFunds: { Currency: wallet.Currency, Amount: input.Amount },
    // Fees cannot be taken on pay-ins to virtual accounts (docs).
    Fees: { Currency: wallet.Currency, Amount: 0 },
    DebitedWalletId: null,
    CreditedWalletId: wallet.Id,
    Type: "PAYIN",
    Nature: "REGULAR",
    PaymentType: "BANK_WIRE",
    ExecutionType: "EXTERNAL_INSTRUCTION",
    WireReference: input.WireReference,
    BankingAliasId: accountId,
    DebitedBankAccount: {
      OwnerName: input.OwnerName ?? "Sender",
      IBAN: "DE89370400440532013000",
      BIC: "COBADEFFXXX",
      Type: "IBAN",
    },
  };
  return createResolved(emu, store, tx, "SUCCESS", now) as PayIn;
}
