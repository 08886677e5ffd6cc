import "server-only";
import { db } from "@/lib/server/db";

/** How fresh one account's mirror is: whether MANGOPAY's hooks reach it, and when it last changed. */
export type MirrorFreshness = {
  /** The account has a webhook endpoint: "Connect webhooks" was run on its hooks page. */
  connected: boolean;
  /** The newest processed ping (the mirror's last sync), ISO; null before the first one. */
  lastSyncedAt: string | null;
  /** Seconds between that sync and this read ("synced N seconds ago"). */
  secondsAgo: number | null;
};

/**
 * Freshness of several accounts of one Hub in two queries (endpoints, newest processed ping per
 * account), whatever their number. Accounts without rows come back not connected, never synced.
 */
export async function mirrorFreshnessOf(
  hubId: string,
  accountIds: readonly string[],
  now = new Date(),
): Promise<Map<string, MirrorFreshness>> {
  const ids = [...accountIds];
  const [endpoints, pings] = await Promise.all([
    db.webhookEndpoint.findMany({ where: { hubId, apiAccountId: { in: ids } }, select: { apiAccountId: true } }),
    db.webhookPing.groupBy({
      by: ["apiAccountId"],
      where: { hubId, apiAccountId: { in: ids }, processedAt: { not: null } },
      _max: { processedAt: true },
    }),
  ]);
  const connected = new Set(endpoints.map((e) => e.apiAccountId));
  const last = new Map(pings.map((p) => [p.apiAccountId, p._max.processedAt]));
  return new Map(
    ids.map((id) => {
      const at = last.get(id) ?? null;
      return [
        id,
        {
          connected: connected.has(id),
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
