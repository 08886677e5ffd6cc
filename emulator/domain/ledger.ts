// The only code that changes balances. One rule for every transaction (docs/mangopay-api.md §3):
// DebitedWallet −= DebitedFunds, FEES_{CCY} += Fees, CreditedWallet += CreditedFunds (= Debited − Fees).
// Pay-ins have no debited wallet (money enters), payouts and refunds to a card no credited one (money leaves).
// Only Wallet.Balance is ever mutated: transaction Money objects are shared freely (e.g. Declared*).
import type { ClientStore } from "../store/client-store";
import type { FundsType, Transaction, Wallet } from "../store/types";

export function clientWallet(
  store: ClientStore,
  fundsType: Exclude<FundsType, "DEFAULT">,
  currency: string,
  now: number,
): Wallet {
  const id = `${fundsType}_${currency}`;
  let wallet = store.clientWallets.get(id);
  if (!wallet) {
    wallet = {
      Id: id,
      Tag: null,
      CreationDate: now,
      Owners: [],
      Balance: { Currency: currency, Amount: 0 },
      Currency: currency,
      FundsType: fundsType,
      Description: fundsType === "FEES" ? "Fees wallet" : "Repudiation wallet",
    };
    store.clientWallets.set(id, wallet);
  }
  return wallet;
}

function walletById(store: ClientStore, id: string): Wallet {
  const wallet = store.wallets.get(id) ?? store.clientWallets.get(id);
  if (!wallet) throw new Error(`ledger: wallet ${id} missing`);
  return wallet;
}

/** Moves the money of `tx` (sign = 1) or puts it back (sign = -1). */
export function applyMoney(store: ClientStore, tx: Transaction, sign: 1 | -1 = 1): void {
  if (tx.DebitedWalletId) walletById(store, tx.DebitedWalletId).Balance.Amount -= sign * tx.DebitedFunds.Amount;
  if (tx.CreditedWalletId) walletById(store, tx.CreditedWalletId).Balance.Amount += sign * tx.CreditedFunds.Amount;
  if (tx.Fees.Amount !== 0) {
    clientWallet(store, "FEES", tx.Fees.Currency, tx.CreationDate).Balance.Amount += sign * tx.Fees.Amount;
  }
}

/** DEFAULT wallets cannot go negative: a debit above the balance fails with 001001. */
export function canDebit(store: ClientStore, walletId: string, amount: number): boolean {
  return walletById(store, walletId).Balance.Amount >= amount;
}
