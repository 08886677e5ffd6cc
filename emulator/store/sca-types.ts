// SCA (strong customer authentication) state the emulator keeps beside the user objects, and the
// FX objects (rates, quotes, conversions). SCA state is never served as is: routes build the SCA
// views (`/sca/users/…`, `/sca-status`) from it. Conversions are transactions (Type CONVERSION).
import type { ConversionRate, Entity, Money, RequestedFees, UserMargin } from "./types";

export type { Conversion, ConversionRate, RequestedFees, UserMargin } from "./types";

export type ScaSessionKind = "ENROLLMENT" | "TRANSFER" | "WALLET_ACCESS" | "CONSENT" | "CONTACT_UPDATE" | "RECIPIENT";
export type ScaSessionStatus = "PENDING" | "SUCCEEDED" | "FAILED" | "EXPIRED";
export type ConsentValue = "GIVEN" | "REVOKED";

/** One hosted SCA session behind a PendingUserAction.RedirectUrl (valid 10 minutes, as MANGOPAY's). */
export interface ScaSession {
  Id: string;
  Kind: ScaSessionKind;
  UserId: string;
  /** The transfer (Kind TRANSFER) or recipient (Kind RECIPIENT) waiting for this session. */
  TransactionId: string | null;
  CreationDate: number;
  ExpirationDate: number;
  Status: ScaSessionStatus;
}

export interface ConsentScope {
  ContactInformationUpdate: ConsentValue | null;
  RecipientRegistration: ConsentValue | null;
  Transfer: ConsentValue | null;
  ViewAccountInformation: ConsentValue | null;
}

/** What MANGOPAY knows about a user's SCA: phone, enrollment, consents, last authentication. */
export interface ScaProfile {
  PhoneNumber: string | null;
  PhoneNumberCountry: string | null;
  IsEnrolled: boolean;
  LastEnrollmentDate: number | null;
  LastConsentCollectionDate: number | null;
  /** Last successful SCA (enrollment or action): wallet access is exempted for 180 days after it. */
  LastAuthenticationDate: number | null;
  ConsentScope: ConsentScope;
}

export interface Quote extends Entity {
  ExpirationDate: number;
  Status: "ACTIVE" | "EXPIRED";
  DebitedFunds: Money;
  CreditedFunds: Money;
  Fees: Money;
  RequestedFees: RequestedFees | null;
  ConversionRateResponse: ConversionRate;
  MarginsResponse: { Mangopay: UserMargin; User?: UserMargin };
  /** Set once a quoted conversion used it (one quote, one conversion). */
  ConversionId?: string;
}

export interface VirtualAccountAddress {
  StreetName: string;
  PostCode: string;
  TownName: string;
  CountrySubDivision: string | null;
  Country: string;
}

/** `/wallets/{id}/virtual-accounts` (the banking alias's successor). */
export interface VirtualAccount extends Entity {
  WalletId: string;
  CreditedUserId: string;
  VirtualAccountPurpose: "COLLECTION" | "USER_OWNED";
  Country: string;
  Status: "PENDING" | "ACTIVE" | "FAILED" | "BLOCKED" | "CLOSED";
  Active: boolean;
  AccountOwner: string;
  LocalAccountDetails: { Address: VirtualAccountAddress; Account: Record<string, string> };
  InternationalAccountDetails: Array<{ Address: VirtualAccountAddress; Account: { Iban: string; Bic: string } }>;
  Capabilities: { LocalPayinAvailable: boolean; InternationalPayinAvailable: boolean; Currencies: string[] };
  ResultCode: string | null;
  ResultMessage: string | null;
}

/** Legacy `/wallets/{id}/bankingaliases/iban`. */
export interface BankingAlias extends Entity {
  CreditedUserId: string;
  WalletId: string;
  Country: string;
  Type: "IBAN";
  OwnerName: string;
  Active: boolean;
  IBAN: string;
  BIC: string;
}

/** Recipients (payouts v2): a user's registered beneficiary, SCA-confirmed for OWNER users. */
export interface Recipient extends Entity {
  Status: "PENDING" | "ACTIVE" | "CANCELED" | "DEACTIVATED";
  DisplayName: string;
  PayoutMethodType: "LocalBankTransfer" | "InternationalBankTransfer";
  RecipientType: "Individual" | "Business";
  Currency: string;
  Country: string | null;
  RecipientScope: "PAYOUT" | "PAYIN";
  UserId: string;
  IndividualRecipient: { FirstName: string; LastName: string; Address: unknown } | null;
  BusinessRecipient: { BusinessName: string; Address: unknown } | null;
  LocalBankTransfer: Record<string, Record<string, string>> | null;
  InternationalBankTransfer: Record<string, string> | null;
  PendingUserAction: { RedirectUrl: string } | null;
}
