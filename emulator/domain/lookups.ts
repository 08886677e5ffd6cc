// Fetch-or-404 helpers with MANGOPAY's resource names in the error message.
import { notFound } from "../core/errors";
import type { ClientStore } from "../store/client-store";
import type { BankAccount, Card, Mandate, PreAuthorization, Transaction, User, Wallet } from "../store/types";

export function getUser(store: ClientStore, id: string): User {
  const user = store.users.get(id);
  if (!user) throw notFound("User", id);
  return user;
}

/** User wallets by Id, and client wallets by their fixed Id (FEES_EUR, CREDIT_GBP…). */
export function getWallet(store: ClientStore, id: string): Wallet {
  const wallet = store.wallets.get(id) ?? store.clientWallets.get(id);
  if (!wallet) throw notFound("Wallet", id);
  return wallet;
}

export function getCard(store: ClientStore, id: string): Card {
  const card = store.cards.get(id);
  if (!card) throw notFound("Card", id);
  return card;
}

export function getBankAccount(store: ClientStore, id: string, userId?: string): BankAccount {
  const account = store.bankAccounts.get(id);
  if (!account || (userId !== undefined && account.UserId !== userId)) throw notFound("BankAccount", id);
  return account;
}

export function getMandate(store: ClientStore, id: string): Mandate {
  const mandate = store.mandates.get(id);
  if (!mandate) throw notFound("Mandate", id);
  return mandate;
}

export function getPreauthorization(store: ClientStore, id: string): PreAuthorization {
  const preauth = store.preauthorizations.get(id);
  if (!preauth) throw notFound("PreAuthorization", id);
  return preauth;
}

const TX_RESOURCE = { PAYIN: "PayIn", PAYOUT: "PayOut", TRANSFER: "Transfer", REFUND: "Refund" } as const;

/** A transaction of the given kind; a refund id asked as a pay-in (or the reverse) is a 404. */
export function getTransaction(store: ClientStore, id: string, kind: keyof typeof TX_RESOURCE): Transaction {
  const tx = store.transactions.get(id);
  const matches = tx && (kind === "REFUND" ? tx.Nature === "REFUND" : tx.Nature !== "REFUND" && tx.Type === kind);
  if (!tx || !matches) throw notFound(TX_RESOURCE[kind], id);
  return tx;
}
