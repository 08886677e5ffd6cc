import "server-only";
// The objects a money action names, read from MANGOPAY before anything is recorded: an id of another
// API account (another MANGOPAY client) or of another user answers 404 there and NotFound here, so a
// forged id never opens an operation nor reaches a MANGOPAY write.
import { bankAccounts, cards, mandates, recipients, users, wallets } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, PreconditionError } from "@/lib/server/errors";
import { readMangopay } from "@/lib/services/mangopay/request";

export type WalletParty = { id: string; ownerId: string; currency: string; balanceMinor: number };

export async function walletParty(ctx: AccountContext, walletId: string): Promise<WalletParty> {
  const w = await readMangopay(ctx, `wallet:${walletId}`, (client) => wallets.get(client, walletId));
  const ownerId = w.Owners[0];
  if (!ownerId) throw new NotFoundError("Wallet not found");
  return { id: w.Id, ownerId, currency: w.Currency, balanceMinor: w.Balance.Amount };
}

export async function userParty(ctx: AccountContext, userId: string): Promise<{ id: string }> {
  const u = await readMangopay(ctx, `user:${userId}`, (client) => users.get(client, userId));
  return { id: u.Id };
}

export async function activeBankAccountOf(ctx: AccountContext, userId: string, bankAccountId: string) {
  const b = await readMangopay(ctx, `bank-account:${userId}:${bankAccountId}`, (client) =>
    bankAccounts.get(client, userId, bankAccountId),
  );
  if (b.UserId !== userId) throw new NotFoundError("Bank account not found");
  if (!b.Active) throw new PreconditionError("This bank account is deactivated: choose an active one.");
  return b;
}

/** A recipient (payouts v2) of `userId` that a payout in `currency` can pay: ACTIVE, payout scope, same currency. */
export async function payableRecipientOf(ctx: AccountContext, userId: string, recipientId: string, currency: string) {
  const r = await readMangopay(ctx, `recipient:${recipientId}`, (client) => recipients.get(client, recipientId));
  if (r.UserId !== userId) throw new NotFoundError("Recipient not found");
  if (r.Status !== "ACTIVE") {
    throw new PreconditionError(`This recipient is ${r.Status}: only an active recipient can be paid.`);
  }
  if (r.RecipientScope === "PAYIN") {
    throw new PreconditionError("This recipient is registered for pay-ins: choose a payout recipient.");
  }
  assertSameCurrency(currency, r.Currency, "This recipient");
  return r;
}

export async function activeMandateOf(ctx: AccountContext, userId: string, mandateId: string) {
  const m = await readMangopay(ctx, `mandate:${mandateId}`, (client) => mandates.get(client, mandateId));
  if (m.UserId !== userId) throw new NotFoundError("Mandate not found");
  if (m.Status !== "ACTIVE" && m.Status !== "SUBMITTED") {
    throw new PreconditionError(`This mandate is ${m.Status}: only an active mandate can be debited.`);
  }
  return m;
}

export async function validCardOf(ctx: AccountContext, userId: string, cardId: string) {
  const c = await readMangopay(ctx, `card:${cardId}`, (client) => cards.get(client, cardId));
  if (c.UserId !== userId) throw new NotFoundError("Card not found");
  if (!c.Active || c.Validity === "INVALID") throw new PreconditionError("This card is deactivated or invalid.");
  return c;
}

export function assertSameCurrency(expected: string, actual: string, what: string): void {
  if (expected !== actual) {
    throw new PreconditionError(`${what} is in ${actual}; this operation is in ${expected}. Currencies must match.`);
  }
}
