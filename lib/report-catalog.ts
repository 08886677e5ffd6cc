// What MANGOPAY's report endpoints accept, per report type (docs/reports.md): the columns, their
// defaults, the filters and the period limits. Isomorphic: the form explains the rules with the same
// values the server validates against.

export const REPORT_TYPES = ["TRANSACTIONS", "WALLETS", "COLLECTED_FEES", "USER_WALLET_TRANSACTIONS"] as const;
export type ReportKind = (typeof REPORT_TYPES)[number];

export const REPORT_TYPE_LABELS: Record<ReportKind, string> = {
  TRANSACTIONS: "Transactions",
  WALLETS: "Wallets",
  COLLECTED_FEES: "Collected fees",
  USER_WALLET_TRANSACTIONS: "User wallet transactions",
};

export function isReportKind(value: string): value is ReportKind {
  return (REPORT_TYPES as readonly string[]).includes(value);
}

/** Legacy `/reports/…` (TRANSACTIONS, WALLETS) or the Reporting Service (`/reporting/reports`). */
export function isLegacyReport(kind: ReportKind): boolean {
  return kind === "TRANSACTIONS" || kind === "WALLETS";
}

const TX_DEFAULT = [
  "Id",
  "Tag",
  "CreationDate",
  "ExecutionDate",
  "AuthorId",
  "CreditedUserId",
  "DebitedFundsAmount",
  "DebitedFundsCurrency",
  "CreditedFundsAmount",
  "CreditedFundsCurrency",
  "FeesAmount",
  "FeesCurrency",
  "Status",
  "ResultCode",
  "ResultMessage",
  "Type",
  "Nature",
  "CreditedWalletId",
  "DebitedWalletId",
];
const TX_EXTRA = [
  "BankAccountId",
  "PreauthorizationId",
  "BankWireRef",
  "CardId",
  "CardAlias",
  "CardType",
  "CardCountry",
  "CardExpirationDate",
  "Culture",
  "DeclaredDebitedFundsAmount",
  "DeclaredDebitedFundsCurrency",
  "DeclaredFeesAmount",
  "DeclaredFeesCurrency",
  "ExecutionType",
  "PaymentType",
  "WireReference",
];
const WALLET_ALL = [
  "Id",
  "Tag",
  "CreationDate",
  "Owners",
  "Description",
  "BalanceAmount",
  "BalanceCurrency",
  "Currency",
  "FundsType",
];
const UWT_ALL = [
  "ClientId",
  "TransactionId",
  "CreationDate",
  "CreationDate:ISO",
  "ExecutionDate",
  "ExecutionDate:ISO",
  "AuthorId",
  "CreditedUserId",
  "DebitedFundsAmount",
  "DebitedFundsCurrency",
  "CreditedFundsAmount",
  "CreditedFundsCurrency",
  "FeesAmount",
  "FeesCurrency",
  "Type",
  "Nature",
  "CreditedWalletId",
  "DebitedWalletId",
  ...TX_EXTRA,
];
const FEES_ALL = [
  "ClientId",
  "TransactionId",
  "CreationDate",
  "CreationDate:ISO",
  "ExecutionDate",
  "ExecutionDate:ISO",
  "AuthorId",
  "DebitedWalletId",
  "CreditedWalletId",
  "CreditedFundsCurrency",
  "CreditedFundsAmount",
  "DebitedFundsCurrency",
  "DebitedFundsAmount",
  "FeesAmount",
  "FeesCurrency",
  "Type",
  "Nature",
  "PaymentType",
  "Tag",
];

export const REPORT_FILTERS = [
  "status",
  "type",
  "nature",
  "resultCode",
  "walletId",
  "authorId",
  "userId",
  "ownerId",
  "currency",
  "debitedFunds",
  "fees",
  "balance",
] as const;
export type ReportFilterName = (typeof REPORT_FILTERS)[number];

export type ReportTypeRules = {
  columns: readonly string[];
  defaultColumns: readonly string[];
  filters: readonly ReportFilterName[];
  /** Longest period between AfterDate and BeforeDate, in days (MANGOPAY counts 31-day months). */
  maxSpanDays: number;
  maxSpanLabel: string;
  /** How far back AfterDate may reach, in days. */
  maxAgeDays: number;
  maxAgeLabel: string;
  /** What one row is, and whether the preview can chart money per day. */
  chart: "volume" | "fees" | null;
};

const MONTH_DAYS = 31;

export const REPORT_RULES: Record<ReportKind, ReportTypeRules> = {
  TRANSACTIONS: {
    columns: [...TX_DEFAULT, ...TX_EXTRA],
    defaultColumns: TX_DEFAULT,
    filters: ["status", "type", "nature", "resultCode", "walletId", "authorId", "debitedFunds", "fees"],
    maxSpanDays: 6 * MONTH_DAYS,
    maxSpanLabel: "6 months",
    maxAgeDays: 36 * MONTH_DAYS,
    maxAgeLabel: "36 months",
    chart: "volume",
  },
  WALLETS: {
    columns: WALLET_ALL,
    defaultColumns: WALLET_ALL,
    filters: ["ownerId", "currency", "balance"],
    maxSpanDays: 24 * MONTH_DAYS,
    maxSpanLabel: "24 months",
    maxAgeDays: 36 * MONTH_DAYS,
    maxAgeLabel: "36 months",
    chart: null,
  },
  COLLECTED_FEES: {
    columns: FEES_ALL,
    defaultColumns: FEES_ALL.filter((c) => !c.endsWith(":ISO")),
    filters: ["currency"],
    maxSpanDays: 12 * MONTH_DAYS,
    maxSpanLabel: "12 months",
    maxAgeDays: 24 * MONTH_DAYS,
    maxAgeLabel: "24 months",
    chart: "fees",
  },
  USER_WALLET_TRANSACTIONS: {
    columns: UWT_ALL,
    defaultColumns: UWT_ALL.filter((c) => !c.endsWith(":ISO")),
    filters: ["currency", "userId", "walletId"],
    maxSpanDays: 12 * MONTH_DAYS,
    maxSpanLabel: "12 months",
    maxAgeDays: 24 * MONTH_DAYS,
    maxAgeLabel: "24 months",
    chart: "volume",
  },
};

export const TX_STATUSES = ["CREATED", "SUCCEEDED", "FAILED"] as const;
export const TX_TYPES = ["PAYIN", "TRANSFER", "CONVERSION", "PAYOUT"] as const;
export const TX_NATURES = ["REGULAR", "REPUDIATION", "REFUND", "SETTLEMENT"] as const;

export const SCHEDULES = ["DAILY", "WEEKLY", "MONTHLY", "QUARTERLY"] as const;
export type ReportSchedule = (typeof SCHEDULES)[number];
export const SCHEDULE_LABELS: Record<ReportSchedule, string> = {
  DAILY: "Daily (yesterday)",
  WEEKLY: "Weekly (last Monday–Sunday)",
  MONTHLY: "Monthly (last calendar month)",
  QUARTERLY: "Quarterly (last calendar quarter)",
};

export const REPORT_SORTS = ["CreationDate:DESC", "CreationDate:ASC"] as const;
