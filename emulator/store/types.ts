// MANGOPAY object shapes as the API returns them (PascalCase, unix seconds, minor units).
// Internal bookkeeping never lives on these objects: they are serialised as they are.

export interface Money {
  Currency: string;
  Amount: number;
}

export interface Address {
  AddressLine1: string | null;
  AddressLine2: string | null;
  City: string | null;
  Region: string | null;
  PostalCode: string | null;
  Country: string | null;
}

export interface Entity {
  Id: string;
  Tag: string | null;
  CreationDate: number;
}

export type UserCategory = "PAYER" | "OWNER" | "PLATFORM";
export type KycLevel = "LIGHT" | "REGULAR";

interface UserCommon extends Entity {
  Email: string;
  KYCLevel: KycLevel;
  TermsAndConditionsAccepted: boolean;
  TermsAndConditionsAcceptedDate: number | null;
  UserCategory: UserCategory;
  UserStatus: "ACTIVE" | "CLOSED" | "PENDING_USER_ACTION";
}

export interface NaturalUser extends UserCommon {
  PersonType: "NATURAL";
  FirstName: string;
  LastName: string;
  Address: Address | null;
  Birthday: number | null;
  Nationality: string | null;
  CountryOfResidence: string | null;
  Occupation: string | null;
  /** 1–6 (MANGOPAY's income brackets), null for PAYER users. */
  IncomeRange: 1 | 2 | 3 | 4 | 5 | 6 | null;
  ProofOfIdentity: string | null;
  ProofOfAddress: string | null;
  Capacity: "NORMAL" | "DECLARATIVE";
}

export interface LegalUser extends UserCommon {
  PersonType: "LEGAL";
  Name: string;
  LegalPersonType: "BUSINESS" | "ORGANIZATION" | "SOLETRADER" | "PARTNERSHIP";
  HeadquartersAddress: Address | null;
  LegalRepresentativeFirstName: string;
  LegalRepresentativeLastName: string;
  LegalRepresentativeEmail: string | null;
  LegalRepresentativeBirthday: number | null;
  LegalRepresentativeNationality: string | null;
  LegalRepresentativeCountryOfResidence: string | null;
  LegalRepresentativeAddress: Address | null;
  CompanyNumber: string | null;
  ProofOfRegistration: string | null;
  ShareholderDeclaration: string | null;
  Statute: string | null;
  LegalRepresentativeProofOfIdentity: string | null;
}

export type User = NaturalUser | LegalUser;

export type FundsType = "DEFAULT" | "FEES" | "CREDIT";

export interface Wallet extends Entity {
  Owners: string[];
  Balance: Money;
  Currency: string;
  FundsType: FundsType;
  Description: string;
}

export type TxStatus = "CREATED" | "SUCCEEDED" | "FAILED";
export type TxType = "PAYIN" | "TRANSFER" | "PAYOUT" | "CONVERSION";
export type TxNature = "REGULAR" | "REPUDIATION" | "REFUND" | "SETTLEMENT";

/** Common transaction fields (docs/mangopay-api.md §3 "common transaction fields"). */
export interface TxBase extends Entity {
  AuthorId: string;
  CreditedUserId: string | null;
  DebitedFunds: Money;
  CreditedFunds: Money;
  Fees: Money;
  DebitedWalletId: string | null;
  CreditedWalletId: string | null;
  Status: TxStatus;
  ResultCode: string | null;
  ResultMessage: string | null;
  ExecutionDate: number | null;
  Type: TxType;
  Nature: TxNature;
}

/** Alternative payment methods (domain/apms.ts): the PaymentType MANGOPAY gives each one. */
export type ApmPaymentType =
  | "PAYPAL"
  | "APPLEPAY"
  | "GOOGLE_PAY"
  | "IDEAL"
  | "BCMC"
  | "GIROPAY"
  | "KLARNA"
  | "MBWAY"
  | "MULTIBANCO"
  | "SATISPAY"
  | "BLIK"
  | "PAYCONIQ"
  | "SWISH"
  | "TWINT"
  | "PAY_BY_BANK"
  | "BIZUM";

export interface PayIn extends TxBase {
  Nature: Exclude<TxNature, "REFUND">;
  Type: "PAYIN";
  PaymentType: "CARD" | "BANK_WIRE" | "DIRECT_DEBIT" | "PREAUTHORIZED" | ApmPaymentType;
  /** EXTERNAL_INSTRUCTION: a wire received on a virtual account or banking alias. */
  ExecutionType: "DIRECT" | "WEB" | "EXTERNAL_INSTRUCTION";
  [extra: string]: unknown;
}

export interface Transfer extends TxBase {
  Nature: Exclude<TxNature, "REFUND">;
  Type: "TRANSFER";
  /** Set while a USER_PRESENT transfer between OWNER users waits for the user's SCA session. */
  PendingUserAction: { RedirectUrl: string } | null;
  [extra: string]: unknown;
}

export interface PayOut extends TxBase {
  Nature: Exclude<TxNature, "REFUND">;
  Type: "PAYOUT";
  PaymentType: "BANK_WIRE";
  /** Null when the payout goes to a recipient (payouts v2). */
  BankAccountId: string | null;
  RecipientId: string | null;
  BankWireRef: string | null;
  /** null unless PayoutModeRequested was sent. Mode fields are only shown on GET /payouts/bankwire/{id}. */
  ModeRequested: string | null;
  ModeApplied: "STANDARD" | "INSTANT_PAYMENT" | "RTGS_PAYMENT" | "PENDING_RESPONSE";
  FallbackReason: { Code: string; Message: string } | null;
  EndToEndId: string | null;
  PaymentRef: unknown;
}

export interface RefundReason {
  RefundReasonType: string;
  RefundReasonMessage: string | null;
}

export interface Refund extends TxBase {
  Nature: "REFUND";
  InitialTransactionId: string;
  InitialTransactionType: TxType;
  InitialTransactionNature: TxNature;
  RefundReason: RefundReason;
  StatementDescriptor?: string | null;
}

/** Funds MANGOPAY takes from the repudiation wallet (CREDIT_{CCY}) when a dispute opens (docs example: Type PAYOUT). */
export interface Repudiation extends TxBase {
  Type: "PAYOUT";
  Nature: "REPUDIATION";
  InitialTransactionId: string;
  InitialTransactionType: "PAYIN";
  InitialTransactionNature: string;
  [extra: string]: unknown;
}

export interface ConversionRate {
  DebitedCurrency: string;
  CreditedCurrency: string;
  /** Floats with up to 7 decimals, as in the docs' examples (the SDK types them as strings). */
  ClientRate: number;
  MarketRate: number;
  MarketRateDate: number;
}

export interface UserMargin {
  Type: string;
  Value: number;
  Amount?: number;
}

export interface RequestedFees {
  Currency: string;
  Type: "FIXED" | "PERCENTAGE";
  Value: number;
}

/** An FX conversion between two wallets of one owner (quotes live in sca-types.ts). */
export interface Conversion extends TxBase {
  Type: "CONVERSION";
  Nature: "REGULAR";
  QuoteId: string | null;
  ConversionRateResponse: ConversionRate;
  RequestedFees: RequestedFees | null;
  MarginsResponse: { Mangopay: UserMargin; User?: UserMargin };
  [extra: string]: unknown;
}

export type Transaction = PayIn | Transfer | PayOut | Refund | Repudiation | Conversion;

export interface CardRegistration extends Entity {
  UserId: string;
  AccessKey: string;
  PreregistrationData: string;
  RegistrationData: string | null;
  CardId: string | null;
  CardType: string;
  CardRegistrationURL: string;
  ResultCode: string | null;
  ResultMessage: string | null;
  Currency: string;
  Status: "CREATED" | "VALIDATED" | "ERROR";
}

export interface Card extends Entity {
  UserId: string;
  ExpirationDate: string;
  Alias: string;
  CardType: string;
  CardProvider: string;
  Country: string;
  Product: string;
  BankCode: string;
  Active: boolean;
  Currency: string;
  Validity: "UNKNOWN" | "VALID" | "INVALID";
  Fingerprint: string;
  CardHolderName: string | null;
}

export type BankAccountType = "IBAN" | "GB" | "US" | "CA" | "OTHER";

export interface BankAccount extends Entity {
  UserId: string;
  Type: BankAccountType;
  OwnerName: string;
  OwnerAddress: Address | null;
  Active: boolean;
  [detail: string]: unknown;
}

export interface Mandate extends Entity {
  UserId: string;
  BankAccountId: string;
  Status: "CREATED" | "SUBMITTED" | "ACTIVE" | "FAILED" | "EXPIRED";
  Scheme: "SEPA" | "BACS";
  BankReference: string;
  Culture: string;
  DocumentURL: string;
  ReturnURL: string;
  RedirectURL: string;
  ExecutionType: "WEB";
  MandateType: "DIRECT_DEBIT";
  ResultCode: string | null;
  ResultMessage: string | null;
}

export interface PreAuthorization extends Entity {
  AuthorId: string;
  DebitedFunds: Money;
  RemainingFunds: Money;
  AuthorizationDate: number | null;
  Status: TxStatus;
  PaymentStatus: "WAITING" | "CANCELED" | "EXPIRED" | "VALIDATED";
  ExpirationDate: number;
  PayInId: string | null;
  ResultCode: string | null;
  ResultMessage: string | null;
  SecureMode: string;
  CardId: string;
  SecureModeReturnURL: string | null;
  SecureModeRedirectURL: string | null;
  SecureModeNeeded: boolean;
  PaymentType: "CARD";
  ExecutionType: "DIRECT";
  StatementDescriptor: string | null;
  Culture: string | null;
  MultiCapture: boolean;
  [extra: string]: unknown;
}

export interface EmuEvent {
  ResourceId: string;
  Date: number;
  EventType: string;
}

export interface Hook extends Entity {
  EventType: string;
  Url: string;
  Status: "ENABLED" | "DISABLED";
  Validity: "VALID" | "INVALID";
}

export interface StoredResponse {
  key: string;
  createdAtMs: number;
  statusCode: number;
  /** Serialised at answer time: later state changes must not alter the replay. */
  bodyJson: string;
  requestUrl: string;
}

/** Deposit preauthorization (domain/deposits.ts): a card hold captured later by pay-ins carrying DepositId. */
export interface Deposit extends Entity {
  AuthorId: string;
  DebitedFunds: Money;
  Status: TxStatus;
  PaymentStatus: "WAITING" | "CANCELED" | "EXPIRED" | "TO_BE_COMPLETED" | "NO_SHOW_REQUESTED" | "NO_SHOW" | "VALIDATED";
  PayinsLinked: { PayinCaptureId: string | null; PayinComplementId: string | null };
  ResultCode: string | null;
  ResultMessage: string | null;
  CardId: string;
  SecureModeReturnURL: string;
  SecureModeRedirectURL: string | null;
  SecureModeNeeded: boolean;
  ExpirationDate: number;
  PaymentType: "CARD";
  ExecutionType: "DIRECT";
  StatementDescriptor: string | null;
  Culture: string | null;
  [extra: string]: unknown;
}

/** Card validation (`POST /cards/{id}/validation`): a zero-amount check of the card, no money moves. */
export interface CardValidation extends Entity {
  AuthorId: string;
  CardId: string;
  Status: TxStatus;
  ResultCode: string | null;
  ResultMessage: string | null;
  Validity: "VALID" | "INVALID" | "UNKNOWN";
  Type: "CARD_VALIDATION";
  SecureMode: string;
  SecureModeReturnURL: string;
  SecureModeRedirectURL: string | null;
  SecureModeNeeded: boolean;
  [extra: string]: unknown;
}

/** Recurring pay-in registration (domain/recurring.ts); CurrentState is computed from its pay-ins when read. */
export interface RecurringRegistration extends Entity {
  Status: "CREATED" | "AUTHENTICATION_NEEDED" | "IN_PROGRESS" | "ENDED";
  RecurringType: "CLASSIC_SUBSCRIPTION" | "FRACTIONED_PAYMENT" | "CUSTOM";
  AuthorId: string;
  /** null on a PAYPAL registration (the payer's PayPal account stands for the card). */
  CardId: string | null;
  CreditedUserId: string;
  CreditedWalletId: string;
  PaymentType: "CARD_DIRECT" | "PAYPAL";
  FirstTransactionDebitedFunds: Money;
  FirstTransactionFees: Money;
  NextTransactionDebitedFunds: Money | null;
  NextTransactionFees: Money | null;
  [extra: string]: unknown;
}

/** Identity verification session (domain/identity-verification.ts): the payer's hosted check of an ID and a selfie. */
export interface IdentityVerification extends Entity {
  HostedUrl: string;
  Status: "PENDING" | "VALIDATED" | "REFUSED" | "REVIEW";
  ReturnUrl: string;
  LastUpdate: number;
  UserId: string;
  Checks: Array<Record<string, unknown>>;
}

/** Acquiring-only pay-in (domain/acquiring.ts): no author, wallet or fees; the funds settle outside MANGOPAY. */
export interface AcquiringPayIn extends Entity {
  DebitedFunds: Money;
  Nature: "REGULAR";
  Status: TxStatus;
  ExecutionDate: number | null;
  ResultCode: string | null;
  ResultMessage: string | null;
  Type: "PAYIN";
  PaymentType: "CARD" | "IDEAL" | "APPLEPAY" | "GOOGLE_PAY" | "PAYPAL";
  ExecutionType: "DIRECT" | "WEB";
  [extra: string]: unknown;
}

/** Refund of an acquiring pay-in (the SDK's acquiring RefundData). */
export interface AcquiringRefund extends Entity {
  DebitedFunds: Money;
  DebitedWalletId: null;
  Nature: "REFUND";
  Status: TxStatus;
  ExecutionDate: number | null;
  ResultCode: string | null;
  ResultMessage: string | null;
  Type: "PAYOUT";
  InitialTransactionId: string;
  InitialTransactionType: "PAYIN";
  RefundReason: { RefundReasonType: string; RefundReasonMessage: string | null };
  StatementDescriptor: string | null;
}

/** PayPal data collection (`/payins/payment-methods/paypal/data-collection`): the payer's risk data, as sent. */
export interface PayPalDataCollection {
  dataCollectionId: string;
  [field: string]: string;
}

/** External processing data of a pay-in intent step (the platform's own PSP, e.g. Stripe). */
export interface IntentExternalData {
  ExternalProcessingDate: number | null;
  ExternalProviderReference: string | null;
  ExternalMerchantReference: string | null;
  ExternalProviderName: string | null;
  ExternalProviderPaymentMethod: string | null;
}

/** One item of a pay-in intent with its running amounts (V3.0 `/payins/intents`). */
export interface IntentLineItem {
  Id: string;
  Seller: { AuthorId: string | null; WalletId: string | null; FeesAmount: number; TransferDate: number | null };
  Sku: string;
  Name: string | null;
  Description: string | null;
  Quantity: number;
  UnitAmount: number;
  TaxAmount: number;
  DiscountAmount: number;
  Category: string | null;
  ShippingAddress: unknown;
  TotalLineItemAmount: number;
  CanceledAmount: number;
  CapturedAmount: number;
  RefundedAmount: number;
  DisputedAmount: number;
  SplitAmount: number;
}

/** A capture, refund or dispute of an intent: the amount per line item it took. */
export interface IntentStep {
  Id: string;
  CreationDate: number;
  ExecutionDate: number | null;
  Amount: number;
  Status: string;
  LineItems: Array<{ Id: string; Amount: number }>;
}

/** Pay-in intent (V3.0): a payment processed outside MANGOPAY, declared so its funds can be split to sellers. */
export interface PayInIntent {
  Id: string;
  Tag: string | null;
  CreationDate: number;
  Amount: number;
  AvailableAmountToSplit: number;
  Currency: string;
  PlatformFeesAmount: number;
  Status: string;
  NextActions: string[];
  ExternalData: IntentExternalData;
  Buyer: { Id: string | null };
  LineItems: IntentLineItem[];
  Captures: IntentStep[];
  Refunds: IntentStep[];
  Disputes: IntentStep[];
  Splits: IntentStep[];
  SettlementId: string | null;
  UnfundedAmount: number;
  Decision: string | null;
}

/** A pay-in intent settlement (V3.0): the provider's settlement file, uploaded to UploadUrl, matched to intents. */
export interface IntentSettlement {
  SettlementId: string;
  Status: string;
  SettlementDate: number | null;
  ExternalProviderName: string | null;
  DeclaredIntentAmount: number | null;
  ExternalProcessorFeesAmount: number | null;
  ActualSettlementAmount: number | null;
  FundsMissingAmount: number | null;
  FileName: string;
  UploadUrl: string;
  CreationDate: number;
  /** The secret of the current UploadUrl (a new URL replaces it). */
  UploadToken: string;
  FooterErrors: Array<{ FooterName: string; Code: string; Description: string }>;
  LinesErrors: Array<{
    ExternalProviderReference: string;
    ExternalTransactionType: string;
    Code: string;
    Description: string;
  }>;
}

/** A split of an intent's line item to its seller's wallet. */
export interface IntentSplit {
  Id: string;
  Tag: string | null;
  CreationDate: number;
  LineItemId: string;
  SellerId: string | null;
  WalletId: string | null;
  SplitAmount: number;
  FeesAmount: number;
  TransferDate: number | null;
  Description: string | null;
  Status: string;
  SplitOriginWalletId: string | null;
}
