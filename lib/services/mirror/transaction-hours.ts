import "server-only";
import { execute, type MirrorTx } from "./sql";

// MirrorTransactionHour, the charts' aggregate, is kept exact by triggers on MirrorTransaction (see
// its migration). This rebuilds it from the transactions — a repair, run when a backfill ends and by
// reconciliation over recent hours — inside the caller's transaction (Prisma's or a pool client's).

/** Recounts the account's hours (all of them, or those from `from`'s to `to`'s) from its mirrored transactions. */
export async function rebuildTransactionHours(
  tx: MirrorTx,
  scope: { hubId: string; apiAccountId: string },
  range?: { from: Date; to: Date },
): Promise<number> {
  // Exclusive per account: writers hold it shared until they commit, so the recount below sees every
  // committed transaction and no writer adds to an hour between the delete and the insert.
  await execute(tx, `SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended($1, 0))) l`, [
    `mirror-transaction-hours:${scope.apiAccountId}`,
  ]);
  // Whole hours: from the hour holding `from` to the end of the hour holding `to` ($3, $4: UTC).
  const within = (column: string) =>
    range
      ? `AND "${column}" >= date_trunc('hour', $3::timestamp) AND "${column}" < date_trunc('hour', $4::timestamp) + interval '1 hour'`
      : "";
  const values = [
    scope.apiAccountId,
    scope.hubId,
    ...(range ? [range.from.toISOString(), range.to.toISOString()] : []),
  ];
  await execute(
    tx,
    `DELETE FROM "MirrorTransactionHour" WHERE "apiAccountId" = $1 AND "hubId" = $2 ${within("hour")}`,
    values,
  );
  return execute(
    tx,
    `INSERT INTO "MirrorTransactionHour"
     SELECT "hubId", "apiAccountId", date_trunc('hour', "createdAt"), "currency", "type", "status",
            count(*)::int, sum("debitedMinor"), sum("feesMinor")
     FROM "MirrorTransaction"
     WHERE "apiAccountId" = $1 AND "hubId" = $2 ${within("createdAt")}
     GROUP BY 1, 2, 3, 4, 5, 6
     ORDER BY 2, 3, 4, 5, 6`,
    values,
  );
}
