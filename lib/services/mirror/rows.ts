import type { BankAccount } from "@/lib/mangopay/schemas/bank-accounts";
import type { Card } from "@/lib/mangopay/schemas/cards";
import type { Dispute } from "@/lib/mangopay/schemas/disputes";
import type { KycDocument, UboDeclaration } from "@/lib/mangopay/schemas/kyc";
import type { Mandate, MandateListItem } from "@/lib/mangopay/schemas/mandates";
import type { PayIn, PayOut, Refund, Transaction, Transfer } from "@/lib/mangopay/schemas/transactions";
import type { User } from "@/lib/mangopay/schemas/users";
import type { Wallet } from "@/lib/mangopay/schemas/wallets";

// Pure mappings from MANGOPAY objects (as re-read from the API) to mirror columns. Search columns are
// stored lower-case next to the original; the whole object is kept as JSON (`raw`: the object as read,
// serialised once by write.ts, dates as ISO text — not copied here, which a backfill paid per row).
// Each row is one object literal with its keys spelled out: `{ ...scope, … }` and then twenty more keys
// cost about 3.7 KB of allocation per transaction row (V8's slow path for the spread), against 165 bytes.

export type Scope = { hubId: string; apiAccountId: string };
const lower = (v: string | null | undefined) => (v ? v.toLowerCase() : null);

export function userRow(scope: Scope, u: User, syncedAt: Date) {
  const natural = u.PersonType === "NATURAL";
  const firstName = natural ? u.FirstName : (u.LegalRepresentativeFirstName ?? null);
  const lastName = natural ? u.LastName : (u.LegalRepresentativeLastName ?? null);
  const companyName = natural ? null : u.Name;
  return {
    hubId: scope.hubId,
    apiAccountId: scope.apiAccountId,
    mangopayId: u.Id,
    personType: u.PersonType,
    email: u.Email ?? null,
    emailLower: lower(u.Email),
    firstName,
    firstNameLower: lower(firstName),
    lastName,
    lastNameLower: lower(lastName),
    companyName,
    companyNameLower: lower(companyName),
    status: u.UserStatus ?? u.KYCLevel ?? null,
    tag: u.Tag ?? null,
    createdAt: u.CreationDate,
    raw: u,
    syncedAt,
  };
}

export function walletRow(scope: Scope, w: Wallet, syncedAt: Date) {
  return {
    hubId: scope.hubId,
    apiAccountId: scope.apiAccountId,
    mangopayId: w.Id,
    ownerId: w.Owners[0] ?? null,
    currency: w.Currency,
    balanceMinor: BigInt(w.Balance.Amount),
    description: w.Description ?? null,
    tag: w.Tag ?? null,
    createdAt: w.CreationDate,
    raw: w,
    syncedAt,
  };
}

/** A transaction as read by id, or as a `…/transactions` list returns it (no PaymentType, no WireReference). */
export type AnyTransaction = PayIn | PayOut | Transfer | Refund | Transaction;

const stringField = (o: object, field: string): string | null => {
  const v = (o as Record<string, unknown>)[field];
  return typeof v === "string" && v !== "" ? v : null;
};
const tail = (v: string | null | undefined) => (v ? v.replace(/\s+/g, "").slice(-4).toUpperCase() : null);

export function transactionRow(scope: Scope, t: AnyTransaction, syncedAt: Date) {
  const paymentType = stringField(t, "PaymentType");
  return {
    hubId: scope.hubId,
    apiAccountId: scope.apiAccountId,
    mangopayId: t.Id,
    type: t.Type,
    nature: t.Nature,
    status: t.Status,
    paymentType,
    authorId: t.AuthorId ?? null,
    creditedUserId: t.CreditedUserId ?? null,
    debitedWalletId: t.DebitedWalletId ?? null,
    creditedWalletId: t.CreditedWalletId ?? null,
    currency: t.DebitedFunds.Currency,
    debitedMinor: BigInt(t.DebitedFunds.Amount),
    creditedMinor: BigInt(t.CreditedFunds?.Amount ?? 0),
    feesMinor: BigInt(t.Fees?.Amount ?? 0),
    resultCode: t.ResultCode ?? null,
    tag: t.Tag ?? null,
    wireReference: stringField(t, "WireReference"),
    createdAt: t.CreationDate,
    executedAt: t.ExecutionDate ?? null,
    raw: t,
    syncedAt,
  };
}

export function kycDocumentRow(scope: Scope, d: KycDocument, syncedAt: Date) {
  return {
    hubId: scope.hubId,
    apiAccountId: scope.apiAccountId,
    mangopayId: d.Id,
    userId: d.UserId,
    type: d.Type,
    status: d.Status,
    refusedReasonType: d.RefusedReasonType ?? null,
    tag: d.Tag ?? null,
    createdAt: d.CreationDate,
    processedAt: d.ProcessedDate ?? null,
    raw: d,
    syncedAt,
  };
}

export function uboDeclarationRow(scope: Scope, d: UboDeclaration, syncedAt: Date) {
  return {
    hubId: scope.hubId,
    apiAccountId: scope.apiAccountId,
    mangopayId: d.Id,
    userId: d.UserId,
    status: d.Status,
    reason: d.Reason ?? null,
    tag: d.Tag ?? null,
    createdAt: d.CreationDate,
    processedAt: d.ProcessedDate ?? null,
    raw: d,
    syncedAt,
  };
}

export function disputeRow(scope: Scope, d: Dispute, syncedAt: Date) {
  return {
    hubId: scope.hubId,
    apiAccountId: scope.apiAccountId,
    mangopayId: d.Id,
    initialTransactionId: d.InitialTransactionId,
    disputeType: d.DisputeType ?? null,
    status: d.Status,
    resultCode: d.ResultCode ?? null,
    currency: d.DisputedFunds.Currency,
    disputedMinor: BigInt(d.DisputedFunds.Amount),
    contestDeadline: d.ContestDeadlineDate ?? null,
    tag: d.Tag ?? null,
    createdAt: d.CreationDate,
    closedAt: d.ClosedDate ?? null,
    raw: d,
    syncedAt,
  };
}

/** Only the last 4 characters of the IBAN or account number get a column (search); the rest stays in `raw`. */
export function bankAccountRow(scope: Scope, b: BankAccount, syncedAt: Date) {
  return {
    hubId: scope.hubId,
    apiAccountId: scope.apiAccountId,
    mangopayId: b.Id,
    userId: b.UserId,
    type: b.Type,
    ownerName: b.OwnerName,
    accountTail: tail(b.IBAN ?? b.AccountNumber),
    country: b.Country ?? null,
    active: b.Active,
    tag: b.Tag ?? null,
    createdAt: b.CreationDate,
    raw: b,
    syncedAt,
  };
}

export function cardRow(scope: Scope, c: Card, syncedAt: Date) {
  const alias = c.Alias ? c.Alias.toUpperCase() : null;
  return {
    hubId: scope.hubId,
    apiAccountId: scope.apiAccountId,
    mangopayId: c.Id,
    userId: c.UserId,
    alias,
    aliasTail: tail(alias),
    cardType: c.CardType ?? null,
    currency: c.Currency,
    expirationDate: c.ExpirationDate ?? null,
    fingerprint: c.Fingerprint ?? null,
    active: c.Active,
    validity: c.Validity ?? null,
    tag: c.Tag ?? null,
    createdAt: c.CreationDate,
    raw: c,
    syncedAt,
  };
}

/** Mandate lists omit BankAccountId, Scheme and BankReference: a list row keeps them null until a full read. */
export function mandateRow(scope: Scope, m: Mandate | MandateListItem, syncedAt: Date) {
  return {
    hubId: scope.hubId,
    apiAccountId: scope.apiAccountId,
    mangopayId: m.Id,
    userId: m.UserId,
    bankAccountId: stringField(m, "BankAccountId"),
    status: m.Status,
    scheme: stringField(m, "Scheme"),
    bankReference: stringField(m, "BankReference"),
    tag: m.Tag ?? null,
    createdAt: m.CreationDate,
    raw: m,
    syncedAt,
  };
}
