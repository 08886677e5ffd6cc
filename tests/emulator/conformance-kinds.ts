// Which SDK model each emulator answer is checked against (by method and path), the summary views of
// list routes, and the README's table of documented extras. Used by conformance.test.ts over the seeded
// data and by helpers.ts over every answer the contract tests receive.
import { readFileSync } from "node:fs";
import path from "node:path";
import { cachedSdkShapes, conform, type Shape, type Violation } from "./sdk-shapes";

export const MODELS = {
  UserList: "user.UserData",
  NaturalUser: "user.UserNaturalData",
  LegalUser: "user.UserLegalData",
  Regulatory: "user.RegulatoryData",
  Wallet: "wallet.WalletData",
  ClientWallet: "wallet.ClientWalletData",
  Transaction: "transaction.TransactionData",
  CardDirectPayIn: "payIn.CardDirectPayInData",
  CardWebPayIn: "payIn.CardWebPayInData",
  BankWirePayIn: "payIn.BankWireDirectPayInData",
  DirectDebitPayIn: "payIn.DirectDebitDirectPayInData",
  PreauthorizedPayIn: "payIn.CardPreAuthorizedPayInData",
  PayOut: "payOut.PayOutData",
  Transfer: "transfer.TransferData",
  Refund: "refund.RefundData",
  Repudiation: "repudiation.RepudiationData",
  Settlement: "settlementTransfer.SettlementTransferData",
  Card: "card.CardData",
  CardRegistration: "cardRegistration.CardRegistrationData",
  BankAccountIBAN: "bankAccount.IBANData",
  BankAccountGB: "bankAccount.GBData",
  BankAccountUS: "bankAccount.USData",
  BankAccountCA: "bankAccount.CAData",
  BankAccountOTHER: "bankAccount.OtherData",
  Mandate: "mandate.MandateData",
  PreAuthorization: "cardPreAuthorization.CardPreAuthorizationData",
  KycDocument: "kycDocument.KycDocumentData",
  UboDeclaration: "uboDeclaration.UboDeclarationData",
  Dispute: "dispute.DisputeData",
  DisputeDocument: "disputeDocument.DisputeDocumentData",
  Event: "event.EventData",
  Hook: "hook.HookData",
  LegacyReport: "report.ReportData",
  ReportV2: "reportV2.ReportDataV2",
  Client: "client.ClientData",
  NaturalUserSca: "user.UserNaturalScaData",
  LegalUserSca: "user.UserLegalScaData",
  ScaStatus: "user.ScaStatus",
  PendingUserActionResult: "user.UserEnrollmentResult",
  ConversionRate: "conversionRate.ConversionRateData",
  Quote: "conversion.QuoteData",
  Conversion: "conversion.ConversionData",
  CountryAuthorization: "countryAuthorization.CountryAuthorizationData",
  VirtualAccount: "virtualAccount.VirtualAccountData",
  VirtualAccountAvailability: "virtualAccount.VirtualAccountAvailabilitiesData",
  BankingAlias: "bankingAlias.IBANBankingAliasData",
  ExternalInstructionPayIn: "payIn.BankWireExternalInstructionPayInData",
  PayOutEligibility: "payOut.CheckPayOutEligibilityData",
  Recipient: "recipient.RecipientData",
  RecipientSchema: "recipient.RecipientSchemaData",
  PayoutMethods: "recipient.PayoutMethodData",
  PayPalPayIn: "payIn.PayPalWebPayInData",
  ApplePayPayIn: "payIn.ApplePayPayInData",
  GooglePayPayIn: "payIn.GooglePayDirectPayInData",
  IdealPayIn: "payIn.IdealWebPayInData",
  BancontactPayIn: "payIn.BancontactWebPayInData",
  GiropayPayIn: "payIn.GiropayWebPayInData",
  KlarnaPayIn: "payIn.KlarnaWebPayInData",
  MbwayPayIn: "payIn.MbwayWebPayInData",
  MultibancoPayIn: "payIn.MultibancoWebPayInData",
  SatispayPayIn: "payIn.SatispayWebPayInData",
  BlikPayIn: "payIn.BlikWebPayInData",
  SwishPayIn: "payIn.SwishWebPayInData",
  TwintPayIn: "payIn.TwintWebPayInData",
  PayByBankPayIn: "payIn.PayByBankWebPayInData",
  BizumPayIn: "payIn.BizumWebPayInData",
  AcquiringCardPayIn: "acquiring.CardDirectPayInData",
  AcquiringIdealPayIn: "acquiring.IdealWebPayInData",
  AcquiringApplePayPayIn: "acquiring.ApplePayPayInData",
  AcquiringGooglePayPayIn: "acquiring.GooglePayDirectPayInData",
  AcquiringPayPalPayIn: "acquiring.PayPalWebPayInData",
  AcquiringRefund: "acquiring.RefundData",
  Deposit: "deposit.DepositData",
  CardValidation: "cardValidation.CardValidationData",
  RecurringRegistration: "payIn.PayInRecurringRegistrationData",
  RecurringPayIn: "payIn.RecurringPayInData",
  IdentityVerification: "identityVerification.IdentityVerificationData",
  PayInIntent: "payIn.PayInIntentData",
  PayInIntentSplit: "payIn.PayInIntentSplitData",
  PayInIntentSplits: "payIn.PayInIntentSplitsData",
  IntentSettlement: "settlement.SettlementData",
  IntentSettlementValidation: "settlement.SettlementValidation",
} as const;
export type Kind = keyof typeof MODELS;

/** Summary views of list routes: exactly these keys (MANGOPAY's list examples). */
export const LIST_VIEWS = {
  users: [
    "Id",
    "Tag",
    "CreationDate",
    "PersonType",
    "Email",
    "KYCLevel",
    "TermsAndConditionsAccepted",
    "TermsAndConditionsAcceptedDate",
    "UserCategory",
    "UserStatus",
  ],
  transactions: [
    "Id",
    "Tag",
    "CreationDate",
    "AuthorId",
    "CreditedUserId",
    "DebitedFunds",
    "CreditedFunds",
    "Fees",
    "Status",
    "ResultCode",
    "ResultMessage",
    "ExecutionDate",
    "Type",
    "Nature",
    "CreditedWalletId",
    "DebitedWalletId",
    "DepositId",
  ],
  mandates: [
    "Id",
    "CreationDate",
    "Status",
    "UserId",
    "ExecutionType",
    "MandateType",
    "Tag",
    "ResultCode",
    "ResultMessage",
  ],
  reportingReports: ["Id", "ReportType", "Status", "LastUpdated", "CreationDate", "Tag", "ResultCode", "ResultMessage"],
} as const;
export type ListView = keyof typeof LIST_VIEWS;

/** "Fields beyond the SDK typings" table of emulator/README.md: | Object | Field | Why |. */
export function readmeExtras(): Map<string, Set<string>> {
  const readme = readFileSync(path.join(process.cwd(), "emulator/README.md"), "utf8");
  const section = readme.split("### Fields beyond the SDK typings")[1]?.split("\n## ")[0] ?? "";
  const extras = new Map<string, Set<string>>();
  for (const line of section.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    if (cells.length < 4 || !cells[1].startsWith("`")) continue;
    const fields = [...cells[2].matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    for (const object of [...cells[1].matchAll(/`([^`]+)`/g)].map((m) => m[1])) {
      const set = extras.get(object) ?? new Set<string>();
      for (const f of fields) set.add(f);
      extras.set(object, set);
    }
  }
  return extras;
}

let loaded: { shapes: Record<string, Shape>; extras: Map<string, Set<string>> } | null = null;

export function conformanceData(): { shapes: Record<string, Shape>; extras: Map<string, Set<string>> } {
  loaded ??= { shapes: cachedSdkShapes(MODELS), extras: readmeExtras() };
  return loaded;
}

export function checkKind(kind: Kind, body: unknown): Violation[] {
  const { shapes, extras } = conformanceData();
  return conform(kind, body, shapes[kind], extras.get(kind) ?? new Set());
}

export function checkListView(name: ListView, items: unknown): Violation[] {
  if (!Array.isArray(items)) return [];
  const wanted = [...LIST_VIEWS[name]].sort().join();
  const out: Violation[] = [];
  for (const item of items as Array<Record<string, unknown>>) {
    const keys = Object.keys(item).sort();
    if (keys.join() !== wanted) {
      out.push({
        object: `${name} list item ${String(item.Id)}`,
        field: keys.join(","),
        value: null,
        problem: `summary view must be exactly ${LIST_VIEWS[name].join(",")}`,
      });
    }
  }
  return out;
}

const PAYIN_KIND: Record<string, Kind> = {
  "CARD/DIRECT": "CardDirectPayIn",
  "CARD/WEB": "CardWebPayIn",
  "BANK_WIRE/DIRECT": "BankWirePayIn",
  "DIRECT_DEBIT/DIRECT": "DirectDebitPayIn",
  "PREAUTHORIZED/DIRECT": "PreauthorizedPayIn",
  "BANK_WIRE/EXTERNAL_INSTRUCTION": "ExternalInstructionPayIn",
  "PAYPAL/WEB": "PayPalPayIn",
  "APPLEPAY/DIRECT": "ApplePayPayIn",
  "GOOGLE_PAY/DIRECT": "GooglePayPayIn",
  "IDEAL/WEB": "IdealPayIn",
  "BCMC/WEB": "BancontactPayIn",
  "GIROPAY/WEB": "GiropayPayIn",
  "KLARNA/WEB": "KlarnaPayIn",
  "MBWAY/WEB": "MbwayPayIn",
  "MULTIBANCO/WEB": "MultibancoPayIn",
  "SATISPAY/WEB": "SatispayPayIn",
  "BLIK/WEB": "BlikPayIn",
  "SWISH/WEB": "SwishPayIn",
  "TWINT/WEB": "TwintPayIn",
  "PAY_BY_BANK/WEB": "PayByBankPayIn",
  "BIZUM/WEB": "BizumPayIn",
};

const ACQUIRING_KIND: Record<string, Kind> = {
  CARD: "AcquiringCardPayIn",
  IDEAL: "AcquiringIdealPayIn",
  APPLEPAY: "AcquiringApplePayPayIn",
  GOOGLE_PAY: "AcquiringGooglePayPayIn",
  PAYPAL: "AcquiringPayPalPayIn",
};

type Item = Record<string, unknown>;
type Classifier = (item: Item) => Kind | null;

const byPersonType: Classifier = (u) =>
  u.PersonType === "NATURAL" ? "NaturalUser" : u.PersonType === "LEGAL" ? "LegalUser" : null;
const byPersonTypeSca: Classifier = (u) =>
  u.PersonType === "NATURAL" ? "NaturalUserSca" : u.PersonType === "LEGAL" ? "LegalUserSca" : null;
const byPayIn: Classifier = (p) => PAYIN_KIND[`${String(p.PaymentType)}/${String(p.ExecutionType)}`] ?? null;
const byAcquiring: Classifier = (p) => ACQUIRING_KIND[String(p.PaymentType)] ?? null;
const byAccountType: Classifier = (a) => (typeof a.Type === "string" ? (`BankAccount${a.Type}` as Kind) : null);
const fixed =
  (kind: Kind): Classifier =>
  () =>
    kind;

/** [method, path pattern (after /v2.01/{ClientId}, query removed), how to classify each item, list view]. */
const ROUTES: Array<[RegExp, RegExp, Classifier, ListView?]> = [
  [/GET/, /^\/users$/, fixed("UserList"), "users"],
  [/POST|PUT|GET/, /^\/users\/(natural|legal)(\/[^/]+)?$/, byPersonType],
  [/GET/, /^\/users\/[^/]+$/, byPersonType],
  [/GET/, /^\/users\/[^/]+\/regulatory$/, fixed("Regulatory")],
  [/POST|PUT|GET/, /^\/wallets(\/[^/]+)?$/, fixed("Wallet")],
  [/GET/, /^\/users\/[^/]+\/wallets$/, fixed("Wallet")],
  [/GET/, /^\/clients\/wallets(\/[^/]+){0,2}$/, fixed("ClientWallet")],
  [/GET/, /\/transactions$/, fixed("Transaction"), "transactions"],
  [/POST/, /^\/payins\/(card\/direct|card\/web|bankwire\/direct|directdebit\/direct|preauthorized\/direct)$/, byPayIn],
  [
    /POST/,
    /^\/payins\/(payment-methods\/[a-z]+|paypal\/web|applepay\/direct|googlepay\/direct|payconiq\/web)$/,
    byPayIn,
  ],
  [/GET/, /^\/payins\/[^/]+$/, byPayIn],
  [/PUT/, /^\/payins\/[^/]+\/trackings$/, byPayIn],
  [/POST/, /^\/v3\.0\/payins\/intents\/[^/]+\/splits$/, fixed("PayInIntentSplits")],
  [/GET|PUT|POST/, /^\/v3\.0\/payins\/intents\/[^/]+\/splits\/[^/]+(\/reverse|\/execute)?$/, fixed("PayInIntentSplit")],
  [/GET/, /^\/v3\.0\/payins\/intents\/settlements\/[^/]+\/validations$/, fixed("IntentSettlementValidation")],
  [/POST|GET|PUT/, /^\/v3\.0\/payins\/intents\/settlements(\/[^/]+(\/cancel)?)?$/, fixed("IntentSettlement")],
  [/POST|GET|PUT/, /^\/v3\.0\/payins\/intents(\/[^/]+(\/.*)?)?$/, fixed("PayInIntent")],
  [
    /POST/,
    /^\/payins\/deposit-preauthorized\/direct\/(full-capture|capture-with-complement|complement)$/,
    fixed("PreauthorizedPayIn"),
  ],
  [/POST|GET|PUT/, /^\/deposit-preauthorizations\/(card\/direct|[^/]+)$/, fixed("Deposit")],
  [/GET/, /^\/(users|cards)\/[^/]+\/deposit-preauthorizations$/, fixed("Deposit")],
  [/POST/, /^\/cards\/[^/]+\/validation$/, fixed("CardValidation")],
  [/POST|GET|PUT/, /^\/recurringpayinregistrations(\/[^/]+)?$/, fixed("RecurringRegistration")],
  [/POST/, /^\/payins\/recurring\/card\/direct$/, fixed("RecurringPayIn")],
  [/POST/, /^\/payins\/payment-methods\/paypal\/recurring$/, fixed("PayPalPayIn")],
  [/POST/, /^\/acquiring\/payins\/(card\/direct|payment-methods\/[a-z]+)$/, byAcquiring],
  [/POST/, /^\/acquiring\/payins\/[^/]+\/refunds$/, fixed("AcquiringRefund")],
  [/POST/, /^\/acquiring\/cards\/[^/]+\/validation$/, fixed("CardValidation")],
  [/POST|GET/, /^\/users\/[^/]+\/identity-verifications$/, fixed("IdentityVerification")],
  [/GET/, /^\/identity-verifications\/[^/]+$/, fixed("IdentityVerification")],
  [/GET/, /^\/cards\/[^/]+\/validation\/[^/]+$/, fixed("CardValidation")],
  [/POST/, /^\/payouts\/bankwire$/, fixed("PayOut")],
  [/GET/, /^\/payouts\/(bankwire\/)?[^/]+$/, fixed("PayOut")],
  [/POST|GET/, /^\/transfers(\/[^/]+)?$/, fixed("Transfer")],
  [/POST|GET/, /\/refunds(\/[^/]+)?$/, fixed("Refund")],
  [/GET/, /^\/repudiations\/[^/]+$/, fixed("Repudiation")],
  [/GET/, /^\/settlements\/[^/]+$/, fixed("Settlement")],
  [/POST/, /^\/repudiations\/[^/]+\/settlementtransfer$/, fixed("Settlement")],
  [/GET|PUT/, /^\/cards\/[^/]+$/, fixed("Card")],
  [/GET/, /^\/users\/[^/]+\/cards$/, fixed("Card")],
  [/POST|PUT|GET/, /^\/cardregistrations(\/[^/]+)?$/, fixed("CardRegistration")],
  [/POST/, /^\/users\/[^/]+\/bankaccounts\/(iban|gb|us|ca|other)$/, byAccountType],
  [/GET|PUT/, /^\/users\/[^/]+\/bankaccounts(\/[^/]+)?$/, byAccountType],
  [/POST|GET|PUT/, /^\/mandates\/(directdebit\/web|[^/]+|[^/]+\/cancel)$/, fixed("Mandate")],
  [/GET/, /^(\/users\/[^/]+(\/bankaccounts\/[^/]+)?)?\/mandates$/, fixed("Mandate"), "mandates"],
  [/POST|GET|PUT/, /^\/preauthorizations\/(card\/direct|[^/]+)$/, fixed("PreAuthorization")],
  [/GET/, /\/preauthorizations$/, fixed("PreAuthorization")],
  [/POST|GET|PUT/, /^(\/users\/[^/]+)?\/kyc\/documents(\/[^/]+)?$/, fixed("KycDocument")],
  [/POST|GET|PUT/, /^(\/users\/[^/]+)?\/kyc\/ubodeclarations(\/[^/]+)?$/, fixed("UboDeclaration")],
  [/GET|PUT/, /^\/disputes(\/pendingsettlement|\/[^/]+(\/submit|\/close)?)?$/, fixed("Dispute")],
  [/GET/, /^\/(users|wallets|payins)\/[^/]+\/disputes$/, fixed("Dispute")],
  [
    /POST|GET|PUT/,
    /^(\/disputes\/[^/]+\/documents(\/[^/]+)?|\/dispute-documents(\/[^/]+)?)$/,
    fixed("DisputeDocument"),
  ],
  [/GET/, /^\/events$/, fixed("Event")],
  [/POST|GET|PUT/, /^\/hooks(\/[^/]+)?$/, fixed("Hook")],
  [/POST/, /^\/reports\/(transactions|wallets)$/, fixed("LegacyReport")],
  [/GET/, /^\/reports(\/[^/]+)?$/, fixed("LegacyReport")],
  [/GET/, /^\/reporting\/reports$/, () => null, "reportingReports"],
  [/POST|GET/, /^\/reporting\/reports(\/[^/]+)?$/, fixed("ReportV2")],
  [/GET|PUT/, /^\/clients(\/logo)?$/, fixed("Client")],
  [/POST|PUT|GET/, /^\/sca\/users\/(natural|legal)(\/[^/]+(\/category)?)?$/, byPersonTypeSca],
  [/GET/, /^\/sca\/users\/[^/]+$/, byPersonTypeSca],
  [/GET/, /^\/sca\/users\/[^/]+\/sca-status$/, fixed("ScaStatus")],
  [/POST/, /^\/sca\/users\/[^/]+\/(enrollment|consent)$/, fixed("PendingUserActionResult")],
  [/GET/, /^\/conversions\/rate\/[A-Za-z]{3}\/[A-Za-z]{3}$/, fixed("ConversionRate")],
  [/POST|GET/, /^\/conversions\/quote(\/[^/]+)?$/, fixed("Quote")],
  [/POST/, /^(\/clients)?\/conversions\/(instant|quoted)-conversion$/, fixed("Conversion")],
  [/GET/, /^\/conversions\/[^/]+$/, fixed("Conversion")],
  [/POST/, /^\/clients\/bankaccounts\/iban$/, byAccountType],
  [/POST/, /^\/clients\/payouts$/, fixed("PayOut")],
  [/POST/, /^\/payouts\/reachability$/, fixed("PayOutEligibility")],
  [/GET/, /^\/recipients\/schema$/, fixed("RecipientSchema")],
  [/GET/, /^\/recipients\/payout-methods$/, fixed("PayoutMethods")],
  [/POST|GET/, /^\/users\/[^/]+\/recipients$/, fixed("Recipient")],
  [/GET|PUT/, /^\/recipients\/[^/]+$/, fixed("Recipient")],
  [/GET/, /^\/countries\/([A-Za-z]{2}\/)?authorizations$/, fixed("CountryAuthorization")],
  [/POST|GET|PUT/, /^\/wallets\/[^/]+\/virtual-accounts(\/[^/]+)?$/, fixed("VirtualAccount")],
  [/GET/, /^\/virtual-accounts\/availability$/, fixed("VirtualAccountAvailability")],
  [/POST/, /^\/wallets\/[^/]+\/bankingaliases\/iban$/, fixed("BankingAlias")],
  [/GET/, /^\/wallets\/[^/]+\/bankingaliases$/, fixed("BankingAlias")],
  [/GET|PUT/, /^\/bankingaliases\/[^/]+$/, fixed("BankingAlias")],
];

/** The path with ids replaced by `:id`, so violations of one route group together. */
function template(p: string): string {
  return p.replace(/\/(\d+|[a-z]+_[a-z]_[0-9A-Z]+|report_m_[0-9A-F]+|(FEES|CREDIT)_[A-Z]{3})(?=\/|$)/g, "/:id");
}

/** Violations of one answer (a 2xx JSON body) of `method path` (query string allowed). */
export function checkAnswer(method: string, pathWithQuery: string, body: unknown): Violation[] {
  const p = pathWithQuery.split("?")[0].replace(/\/$/, "");
  const route = ROUTES.find(([m, re]) => m.test(method.toUpperCase()) && re.test(p));
  if (!route || body === null || typeof body !== "object") return [];
  const [, , classify, view] = route;
  const items = (Array.isArray(body) ? body : [body]) as Item[];
  const out: Violation[] = view && Array.isArray(body) ? checkListView(view, body) : [];
  for (const item of items) {
    const kind = classify(item);
    if (kind)
      out.push(...checkKind(kind, item).map((v) => ({ ...v, object: `${v.object} (${method} ${template(p)})` })));
  }
  return out;
}

/** One line per object + field + problem with the first offending value, so a failure stays readable. */
export function summarize(violations: Violation[]): string[] {
  const seen = new Map<string, string>();
  for (const v of violations) {
    const key = `${v.object}.${v.field}: ${v.problem}`;
    if (!seen.has(key)) seen.set(key, `${key} (e.g. ${JSON.stringify(v.value)})`);
  }
  return [...seen.values()].sort();
}
