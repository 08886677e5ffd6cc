import "server-only";
import { UpstreamError } from "@/lib/mangopay";
import { writeAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import type { JobDefinition } from "@/lib/server/jobs";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { isMirroredEventType, readForEvent, type MirrorItem } from "./kinds";
import { writeMirrorItems } from "./write";

// Processing one stored ping on the job queue: the resource is re-read from MANGOPAY with the
// account's credentials (the query string only names it), upserted into the mirror, and the event
// recorded. Idempotent: a DONE or IGNORED ping is skipped, upserts key on (account, MANGOPAY id). A
// failed read (5xx, timeout, quota) throws, and pg-boss retries with backoff.

export type WebhookPingData = { pingId: string };

export async function processWebhookPing(data: WebhookPingData): Promise<"DONE" | "IGNORED" | "SKIPPED"> {
  const ping = await db.webhookPing.findUnique({
    where: { id: data.pingId },
    select: {
      id: true,
      hubId: true,
      apiAccountId: true,
      eventType: true,
      resourceId: true,
      eventDate: true,
      status: true,
    },
  });
  if (!ping || ping.status === "DONE" || ping.status === "IGNORED") return "SKIPPED";
  const scope = { hubId: ping.hubId, apiAccountId: ping.apiAccountId };
  const audit = { hub: { id: ping.hubId }, account: { id: ping.apiAccountId } };
  const syncedAt = new Date();

  let fetched: MirrorItem[] | null;
  try {
    const client = await mangopayClientFor(ping.hubId, ping.apiAccountId);
    fetched = isMirroredEventType(ping.eventType) ? await readForEvent(client, ping.eventType, ping.resourceId) : null;
  } catch (err) {
    // Not an object of this account (a forged ping, or another client's id): nothing is mirrored.
    if (err instanceof UpstreamError && err.isNotFound) fetched = null;
    else {
      const message = err instanceof Error ? err.message : String(err);
      await db.$transaction(async (tx) => {
        await tx.webhookPing.update({
          where: { id: ping.id },
          data: { attempts: { increment: 1 }, lastError: message.slice(0, 500), status: "FAILED" },
        });
        await writeAudit(tx, audit, {
          action: "mirror.sync.failed",
          target: { type: "webhook_ping", id: ping.id },
          metadata: { eventType: ping.eventType, resourceId: ping.resourceId, error: message.slice(0, 200) },
        });
      });
      throw err;
    }
  }

  const eventDate = new Date(Number(ping.eventDate) * 1000);
  const status = fetched ? "DONE" : "IGNORED";
  await db.$transaction(async (tx) => {
    if (fetched) {
      await writeMirrorItems(tx, scope, fetched, syncedAt);
      await tx.mirrorEvent.createMany({
        data: [{ ...scope, eventType: ping.eventType, resourceId: ping.resourceId, eventDate }],
        skipDuplicates: true,
      });
    }
    await tx.webhookPing.update({
      where: { id: ping.id },
      data: { status, processedAt: new Date(), attempts: { increment: 1 }, lastError: null },
    });
    await writeAudit(tx, audit, {
      action: fetched ? "mirror.sync" : "mirror.sync.ignored",
      target: { type: "webhook_ping", id: ping.id },
      metadata: {
        eventType: ping.eventType,
        resourceId: ping.resourceId,
        rows: (fetched ?? []).map((it) => `${it.kind}:${it.item.Id}`).slice(0, 50),
      },
    });
  });
  return status;
}

export const WEBHOOK_PING_JOB: JobDefinition<WebhookPingData> = {
  name: "webhook-ping",
  handler: async (data) => {
    await processWebhookPing(data);
  },
  retryLimit: 8,
  retryDelaySeconds: 5,
  expireInSeconds: 5 * 60,
};
