// Report columns (reference §3.18; docs reporting/create-report examples) and how each one is read
// from the emulator's objects. `X:ISO` variants of date columns render ISO 8601 instead of unix seconds.
import type { ClientStore } from "../store/client-store";
import type { Money, Transaction, Wallet } from "../store/types";

export const TX_COLUMNS = [
  "Id", "Tag", "CreationDate", "ExecutionDate", "AuthorId", "CreditedUserId", "DebitedFundsAmount", "DebitedFundsCurrency",
  "CreditedFundsAmount", "CreditedFundsCurrency", "FeesAmount", "FeesCurrency", "Status", "ResultCode", "ResultMessage",
  "Type", "Nature", "CreditedWalletId", "DebitedWalletId", "BankAccountId", "PreauthorizationId", "BankWireRef", "CardId",
  "CardAlias", "CardType", "CardCountry", "CardExpirationDate", "Culture", "DeclaredDebitedFundsAmount",
  "DeclaredDebitedFundsCurrency", "DeclaredFeesAmount", "DeclaredFeesCurrency", "ExecutionType", "PaymentType", "WireReference",
] as const;
export const TX_DEFAULT_COLUMNS = TX_COLUMNS.slice(0, 19);

export const WALLET_COLUMNS = ["Id", "Tag", "CreationDate", "Owners", "Description", "BalanceAmount", "BalanceCurrency", "Currency", "FundsType"] as const;

export const UWT_COLUMNS = [
  "ClientId", "TransactionId", "CreationDate", "CreationDate:ISO", "ExecutionDate", "ExecutionDate:ISO", "AuthorId",
  "CreditedUserId", "DebitedFundsAmount", "DebitedFundsCurrency", "CreditedFundsAmount", "CreditedFundsCurrency", "FeesAmount",
  "FeesCurrency", "Type", "Nature", "CreditedWalletId", "DebitedWalletId", "BankAccountId", "PreauthorizationId", "BankWireRef",
  "CardId", "CardAlias", "CardType", "CardCountry", "CardExpirationDate", "Culture", "DeclaredDebitedFundsAmount",
  "DeclaredDebitedFundsCurrency", "DeclaredFeesAmount", "DeclaredFeesCurrency", "ExecutionType", "PaymentType", "WireReference",
] as const;
export const UWT_DEFAULT_COLUMNS = UWT_COLUMNS.filter((c) => !c.endsWith(":ISO"));

export const FEES_COLUMNS = [
  "ClientId", "TransactionId", "CreationDate", "CreationDate:ISO", "ExecutionDate", "ExecutionDate:ISO", "AuthorId",
  "DebitedWalletId", "CreditedWalletId", "CreditedFundsCurrency", "CreditedFundsAmount", "DebitedFundsCurrency",
  "DebitedFundsAmount", "FeesAmount", "FeesCurrency", "Type", "Nature", "PaymentType", "Tag",
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

/** Reads one transaction column; card columns come from the card the transaction used. */
export function txCell(store: ClientStore, tx: Transaction, column: string): Cell {
  if (column.endsWith(":ISO")) return iso((tx as Record<string, unknown>)[column.slice(0, -4)]);
  if (column === "ClientId") return store.info.ClientId;
  if (column === "TransactionId") return tx.Id;
  const rec = tx as Record<string, unknown>;
  if (column.startsWith("Card") && column !== "CardId") {
    const card = typeof rec.CardId === "string" ? store.cards.get(rec.CardId) : undefined;
    if (!card) return null;
    if (column === "CardCountry") return card.Country;
    if (column === "CardType") return card.CardType;
    return scalar((card as unknown as Record<string, unknown>)[column.slice(4)]);
  }
  const moneyMatch = /^(.*)(Amount|Currency)$/.exec(column);
  if (moneyMatch && rec[moneyMatch[1]] && typeof rec[moneyMatch[1]] === "object") {
    const m = rec[moneyMatch[1]] as Money;
    return moneyMatch[2] === "Amount" ? m.Amount : m.Currency;
  }
  return scalar(rec[column]);
}

export function walletCell(wallet: Wallet, column: string): Cell {
  if (column === "Owners") return wallet.Owners.join(";");
  if (column === "BalanceAmount") return wallet.Balance.Amount;
  if (column === "BalanceCurrency") return wallet.Balance.Currency;
  return scalar((wallet as unknown as Record<string, unknown>)[column]);
}
