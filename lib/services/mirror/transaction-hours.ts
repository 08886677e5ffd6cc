import "server-only";
import { Prisma } from "@/generated/prisma/client";

// MirrorTransactionHour, the charts' aggregate, is kept exact by triggers on MirrorTransaction (see
// its migration). This rebuilds it from the transactions — a repair, run when a backfill ends and by
// reconciliation over recent hours — inside the caller's transaction.

type Tx = Prisma.TransactionClient;

/** Recounts the account's hours (all of them, or those from `from`'s to `to`'s) from its mirrored transactions. */
export async function rebuildTransactionHours(
  tx: Tx,
  scope: { hubId: string; apiAccountId: string },
  range?: { from: Date; to: Date },
): Promise<number> {
  // Exclusive per account: writers hold it shared until they commit, so the recount below sees every
  // committed transaction and no writer adds to an hour between the delete and the insert.
  await tx.$executeRaw`SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(${`mirror-transaction-hours:${scope.apiAccountId}`}, 0))) l`;
  // Whole hours: from the hour holding `from` to the end of the hour holding `to`.
  const within = (column: string) =>
    range
      ? Prisma.sql`AND ${Prisma.raw(`"${column}"`)} >= date_trunc('hour', ${range.from}::timestamp)
          AND ${Prisma.raw(`"${column}"`)} < date_trunc('hour', ${range.to}::timestamp) + interval '1 hour'`
      : Prisma.empty;
  await tx.$executeRaw`
    DELETE FROM "MirrorTransactionHour"
    WHERE "apiAccountId" = ${scope.apiAccountId} AND "hubId" = ${scope.hubId} ${within("hour")}`;
  return tx.$executeRaw`
    INSERT INTO "MirrorTransactionHour"
    SELECT "hubId", "apiAccountId", date_trunc('hour', "createdAt"), "currency", "type", "status",
           count(*)::int, sum("debitedMinor"), sum("feesMinor")
    FROM "MirrorTransaction"
    WHERE "apiAccountId" = ${scope.apiAccountId} AND "hubId" = ${scope.hubId} ${within("createdAt")}
    GROUP BY 1, 2, 3, 4, 5, 6
    ORDER BY 2, 3, 4, 5, 6`;
}
