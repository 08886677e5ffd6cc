import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/**
 * Deletes everything the mirror holds for one API account, inside the caller's transaction (the
 * account's deletion, which audits the counts). Mirror tables carry no foreign key to the account.
 */
type Tx = Prisma.TransactionClient;

export async function deleteMirror(
  tx: Tx,
  scope: { hubId: string; apiAccountId: string },
): Promise<Record<string, number>> {
  const where = { hubId: scope.hubId, apiAccountId: scope.apiAccountId };
  const counts = {
    users: (await tx.mirrorUser.deleteMany({ where })).count,
    wallets: (await tx.mirrorWallet.deleteMany({ where })).count,
    transactions: (await tx.mirrorTransaction.deleteMany({ where })).count,
    transactionHours: (await tx.mirrorTransactionHour.deleteMany({ where })).count,
    bankAccounts: (await tx.mirrorBankAccount.deleteMany({ where })).count,
    cards: (await tx.mirrorCard.deleteMany({ where })).count,
    mandates: (await tx.mirrorMandate.deleteMany({ where })).count,
    kycDocuments: (await tx.mirrorKycDocument.deleteMany({ where })).count,
    uboDeclarations: (await tx.mirrorUboDeclaration.deleteMany({ where })).count,
    disputes: (await tx.mirrorDispute.deleteMany({ where })).count,
    events: (await tx.mirrorEvent.deleteMany({ where })).count,
    pings: (await tx.webhookPing.deleteMany({ where })).count,
    endpoints: (await tx.webhookEndpoint.deleteMany({ where })).count,
    backfills: (await tx.mirrorBackfill.deleteMany({ where })).count,
  };
  return counts;
}
