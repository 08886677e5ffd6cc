import "server-only";
import { db } from "@/lib/server/db";
import type { JobQueue } from "@/lib/server/jobs";
import { WEBHOOK_PING_JOB } from "./process-ping";

/**
 * Pings stored but not (or no longer) on the queue — enqueue failed, the queue was off, retries
 * exhausted — older than `graceMs`, sent again. The job id derives from the ping id, so a ping that
 * is still queued is not queued twice (the count includes those, already on their way).
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
  // A job whose retries ran out stays "failed" under the same id: it is put back to "retry".
  for (const p of pending) if (await queue.resend(WEBHOOK_PING_JOB, { pingId: p.id }, p.id)) sent++;
  return sent;
}
