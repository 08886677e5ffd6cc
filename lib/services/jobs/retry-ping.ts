import "server-only";
import { z } from "zod";
import { writeAudit } from "@/lib/server/audit";
import type { HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { currentJobQueue } from "@/lib/server/jobs";
import { assertCan } from "@/lib/server/permissions";
import { WEBHOOK_PING_JOB } from "@/lib/services/mirror/process-ping";

export const RetryWebhookPingInput = z.object({ pingId: z.string().trim().min(1).max(64) });
export type RetryWebhookPingInput = z.input<typeof RetryWebhookPingInput>;

/**
 * Sends a FAILED or PENDING ping of this Hub back to processing now (its job is re-queued, or put
 * back to "retry" if its retries ran out), audited. Without a running queue on this instance the
 * ping is left PENDING and another instance's pending sweep picks it up within a minute.
 */
export async function retryWebhookPing({
  ctx,
  input,
}: {
  ctx: HubContext;
  input: RetryWebhookPingInput;
}): Promise<{ pingId: string; queued: boolean }> {
  assertCan(ctx, "hub.jobs.manage");
  const { pingId } = parseInput(RetryWebhookPingInput, input);
  await db.$transaction(async (tx) => {
    const ping = await tx.webhookPing.findFirst({
      where: { id: pingId, hubId: ctx.hub.id, status: { in: ["FAILED", "PENDING"] } },
      select: { id: true, apiAccountId: true, eventType: true, resourceId: true, status: true, attempts: true },
    });
    // Another Hub's ping, a missing one and one already processed look the same.
    if (!ping) throw new NotFoundError("Webhook ping not found, or already processed");
    await tx.webhookPing.update({ where: { id: ping.id }, data: { status: "PENDING" }, select: { id: true } });
    await writeAudit(tx, ctx, {
      action: "webhook.ping.retry",
      apiAccountId: ping.apiAccountId,
      target: { type: "webhook_ping", id: ping.id },
      before: { status: ping.status, attempts: ping.attempts },
      metadata: { eventType: ping.eventType, resourceId: ping.resourceId },
    });
  });
  const queue = currentJobQueue();
  const queued = queue ? await queue.resend(WEBHOOK_PING_JOB, { pingId }, pingId) : false;
  return { pingId, queued };
}
