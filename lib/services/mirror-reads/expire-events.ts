import "server-only";
import { writeAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import type { JobDefinition, JobQueue } from "@/lib/server/jobs";

// The mirror's event retention: each API account keeps its MirrorEvent rows for its own number of
// days (ApiAccount.eventRetentionDays, 45 at least); once a day one job deletes the older ones.

const DAY_MS = 86_400_000;

export type ExpiredEvents = { apiAccountId: string; deleted: number };

/**
 * Deletes every account's events older than its retention, as of `now`. Idempotent: a second run the
 * same day finds nothing to delete. Each account's deletion and its audit row are one transaction.
 */
export async function expireMirrorEvents(now: Date): Promise<ExpiredEvents[]> {
  const accounts = await db.apiAccount.findMany({ select: { id: true, hubId: true, eventRetentionDays: true } });
  const out: ExpiredEvents[] = [];
  for (const a of accounts) {
    const before = new Date(now.getTime() - a.eventRetentionDays * DAY_MS);
    const deleted = await db.$transaction(async (tx) => {
      const { count } = await tx.mirrorEvent.deleteMany({
        where: { hubId: a.hubId, apiAccountId: a.id, eventDate: { lt: before } },
      });
      if (count > 0)
        await writeAudit(tx, null, {
          hubId: a.hubId,
          apiAccountId: a.id,
          action: "mirror.events.expire",
          metadata: { deleted: count, olderThan: before.toISOString(), retentionDays: a.eventRetentionDays },
        });
      return count;
    });
    if (deleted > 0) out.push({ apiAccountId: a.id, deleted });
  }
  return out;
}

export const EVENT_RETENTION_JOB: JobDefinition<{ day: string }> = {
  name: "mirror-event-retention",
  handler: async () => {
    await expireMirrorEvents(new Date());
  },
  retryLimit: 3,
  retryDelaySeconds: 300,
  expireInSeconds: 30 * 60,
};

/** Sends today's retention run (UTC day as key: one run a day, whichever instance ticks first). */
export async function enqueueEventRetention(queue: JobQueue, now: Date): Promise<string | null> {
  const day = now.toISOString().slice(0, 10);
  return queue.send(EVENT_RETENTION_JOB, { day }, { key: day });
}
