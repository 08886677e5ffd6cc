// Report columns (docs/mangopay-api.md §3.18; docs reporting/create-report examples) and how each one is read
// from the emulator's objects. `X:ISO` variants of date columns render ISO 8601 instead of unix seconds.
import type { ClientStore } from "../store/client-store";
import type { Money, Transaction, Wallet } from "../store/types";

export const TX_COLUMNS = [
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
] as const;
export const TX_DEFAULT_COLUMNS = TX_COLUMNS.slice(0, 19);

export const WALLET_COLUMNS = [
  "Id",
  "Tag",
  "CreationDate",
  "Owners",
  "Description",
  "BalanceAmount",
  "BalanceCurrency",
  "Currency",
  "FundsType",
] as const;

export const UWT_COLUMNS = [
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
] as const;
export const UWT_DEFAULT_COLUMNS = UWT_COLUMNS.filter((c) => !c.endsWith(":ISO"));

export const FEES_COLUMNS = [
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
] as const;
export const FEES_DEFAULT_COLUMNS = FEES_COLUMNS.filter((c) => !c.endsWith(":ISO"));

export type Cell = string | number | null;

function iso(value: unknown): Cell {
  return typeof value === "number" ? new Date(value * 1000).toISOString() : null;
}

function scalar(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

type TxAccessor = (tx: Transaction) => Cell;

/**
 * Compiles one transaction column into an accessor, once per report rather than once per cell
 * (a year of fees is close to a million rows). Card columns come from the card the transaction used.
 */
export function txColumn(store: ClientStore, column: string): TxAccessor {
  const field = (tx: Transaction, name: string): unknown => (tx as Record<string, unknown>)[name];
  if (column.endsWith(":ISO")) {
    const base = column.slice(0, -4);
    return (tx) => iso(field(tx, base));
  }
  if (column === "ClientId") return () => store.info.ClientId;
  if (column === "TransactionId") return (tx) => tx.Id;
  if (column.startsWith("Card") && column !== "CardId") {
    const cardField = column === "CardCountry" ? "Country" : column === "CardType" ? "CardType" : column.slice(4);
    return (tx) => {
      const cardId = field(tx, "CardId");
      const card = typeof cardId === "string" ? store.cards.get(cardId) : undefined;
      return card ? scalar((card as unknown as Record<string, unknown>)[cardField]) : null;
    };
  }
  const moneyMatch = /^(.*)(Amount|Currency)$/.exec(column);
  if (moneyMatch) {
    const [, name, part] = moneyMatch;
    return (tx) => {
      const m = field(tx, name);
      if (m && typeof m === "object") return part === "Amount" ? (m as Money).Amount : (m as Money).Currency;
      return scalar(field(tx, column));
    };
  }
  return (tx) => scalar(field(tx, column));
}

export function walletCell(wallet: Wallet, column: string): Cell {
  if (column === "Owners") return wallet.Owners.join(";");
  if (column === "BalanceAmount") return wallet.Balance.Amount;
  if (column === "BalanceCurrency") return wallet.Balance.Currency;
  return scalar((wallet as unknown as Record<string, unknown>)[column]);
}
