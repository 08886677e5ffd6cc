import "server-only";
import { db } from "@/lib/server/db";
import type { JobQueue } from "@/lib/server/jobs";
import { WEBHOOK_PING_JOB } from "./process-ping";

/**
 * Pings stored but not (or no longer) on the queue — enqueue failed, the queue was off, retries
 * exhausted — older than `graceMs`, sent again. The job id derives from the ping id, so a ping that
 * is still queued is not queued twice.
 */
export async function enqueuePendingPings(queue: JobQueue, now: Date, graceMs = 60_000, batch = 200): Promise<number> {
  const pending = await db.webhookPing.findMany({
    where: {
      status: { in: ["PENDING", "FAILED"] },
      receivedAt: { lt: new Date(now.getTime() - graceMs) },
      attempts: { lt: 20 },
    },
    select: { id: true },
    orderBy: { receivedAt: "asc" },
    take: batch,
  });
  let sent = 0;
  for (const p of pending) if (await queue.send(WEBHOOK_PING_JOB, { pingId: p.id }, { key: p.id })) sent++;
  return sent;
}
