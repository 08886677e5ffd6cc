import "server-only";
import { db } from "@/lib/server/db";

/** How fresh one account's mirror is: whether MANGOPAY's hooks reach it, and when it last changed. */
export type MirrorFreshness = {
  /** The account has a webhook endpoint: "Connect webhooks" was run on its hooks page. */
  connected: boolean;
  /**
   * The mirror's last sync, ISO: the latest of its newest processed ping, the last page a backfill
   * wrote and the last reconciliation run; null before any of them.
   */
  lastSyncedAt: string | null;
  /** Seconds between that sync and this read ("synced N seconds ago"). */
  secondsAgo: number | null;
};

const latest = (...dates: (Date | null | undefined)[]): Date | null =>
  dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);

/**
 * Freshness of several accounts of one Hub in three queries (endpoints with their last
 * reconciliation, newest processed ping per account, backfills' last pages), whatever their number.
 * Accounts without rows come back not connected, never synced.
 */
export async function mirrorFreshnessOf(
  hubId: string,
  accountIds: readonly string[],
  now = new Date(),
): Promise<Map<string, MirrorFreshness>> {
  const ids = [...accountIds];
  const [endpoints, pings, backfills] = await Promise.all([
    db.webhookEndpoint.findMany({
      where: { hubId, apiAccountId: { in: ids } },
      select: { apiAccountId: true, reconciledAt: true },
    }),
    db.webhookPing.groupBy({
      by: ["apiAccountId"],
      where: { hubId, apiAccountId: { in: ids }, processedAt: { not: null } },
      _max: { processedAt: true },
    }),
    db.mirrorBackfill.findMany({
      where: { hubId, apiAccountId: { in: ids }, lastPageAt: { not: null } },
      select: { apiAccountId: true, lastPageAt: true },
    }),
  ]);
  const reconciled = new Map(endpoints.map((e) => [e.apiAccountId, e.reconciledAt]));
  const pinged = new Map(pings.map((p) => [p.apiAccountId, p._max.processedAt]));
  const paged = new Map(backfills.map((b) => [b.apiAccountId, b.lastPageAt]));
  return new Map(
    ids.map((id) => {
      const at = latest(pinged.get(id), paged.get(id), reconciled.get(id));
      return [
        id,
        {
          connected: reconciled.has(id),
          lastSyncedAt: at ? at.toISOString() : null,
          secondsAgo: at ? Math.max(0, Math.round((now.getTime() - at.getTime()) / 1000)) : null,
        },
      ];
    }),
  );
}

/** One account's freshness (see mirrorFreshnessOf). */
export async function mirrorFreshness(hubId: string, accountId: string, now = new Date()): Promise<MirrorFreshness> {
  const map = await mirrorFreshnessOf(hubId, [accountId], now);
  return map.get(accountId) ?? { connected: false, lastSyncedAt: null, secondsAgo: null };
}
