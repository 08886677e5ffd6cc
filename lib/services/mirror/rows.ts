import type { Prisma } from "@/generated/prisma/client";
import type { PayIn, PayOut, Refund, Transfer } from "@/lib/mangopay/schemas/transactions";
import type { User } from "@/lib/mangopay/schemas/users";
import type { Wallet } from "@/lib/mangopay/schemas/wallets";

// Pure mappings from MANGOPAY objects (as re-read from the API) to mirror columns. Search columns are
// stored lower-case next to the original; the whole object is kept as JSON (`raw`).

type Scope = { hubId: string; apiAccountId: string };
const lower = (v: string | null | undefined) => (v ? v.toLowerCase() : null);
const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue;

export function userRow(scope: Scope, u: User, syncedAt: Date) {
  const natural = u.PersonType === "NATURAL";
  const firstName = natural ? u.FirstName : (u.LegalRepresentativeFirstName ?? null);
  const lastName = natural ? u.LastName : (u.LegalRepresentativeLastName ?? null);
  const companyName = natural ? null : u.Name;
  return {
    ...scope,
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
    raw: json(u),
    syncedAt,
  };
}

export function walletRow(scope: Scope, w: Wallet, syncedAt: Date) {
  return {
    ...scope,
    mangopayId: w.Id,
    ownerId: w.Owners[0] ?? null,
    currency: w.Currency,
    balanceMinor: BigInt(w.Balance.Amount),
    description: w.Description ?? null,
    tag: w.Tag ?? null,
    createdAt: w.CreationDate,
    raw: json(w),
    syncedAt,
  };
}

export type AnyTransaction = PayIn | PayOut | Transfer | Refund;

export function transactionRow(scope: Scope, t: AnyTransaction, syncedAt: Date) {
  const paymentType = "PaymentType" in t && typeof t.PaymentType === "string" ? t.PaymentType : null;
  return {
    ...scope,
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
    createdAt: t.CreationDate,
    executedAt: t.ExecutionDate ?? null,
    raw: json(t),
    syncedAt,
  };
}
