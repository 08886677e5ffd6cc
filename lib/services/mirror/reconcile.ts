import "server-only";
import { events, iterateAll, UpstreamError } from "@/lib/mangopay";
import { eventResource } from "@/lib/mangopay/event-types";
import { writeAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import type { JobDefinition, JobQueue } from "@/lib/server/jobs";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { isMirroredEventType, READ, readForEvent, syncedAtOf, type MirrorItem } from "./kinds";
import { rebuildTransactionHours } from "./transaction-hours";
import { writeMirrorItems } from "./write";

// Reconciliation: every half hour, per connected account, MANGOPAY's events of the last hour are
// listed and each object they name whose mirror row is missing (a lost webhook, a deleted row) or
// older than its latest event is re-read and upserted. Objects already synced after their event
// cost nothing, so the overlap between runs is cheap.

export type ReconcileJobData = { hubId: string; apiAccountId: string };
export type ReconcileOutcome = { events: number; stale: number; repaired: number; gone: number };

export const RECONCILE_EVERY_MS = 30 * 60_000;
export const RECONCILE_WINDOW_MS = 60 * 60_000;
/** Objects re-read per run at most; the rest (an outage's backlog) is picked up by the next runs. */
const MAX_OBJECTS = 500;

export async function reconcileMirror(
  data: ReconcileJobData,
  now = new Date(),
  windowMs = RECONCILE_WINDOW_MS,
): Promise<ReconcileOutcome> {
  const account = await db.apiAccount.findFirst({
    where: { id: data.apiAccountId, hubId: data.hubId },
    select: { id: true },
  });
  if (!account) return { events: 0, stale: 0, repaired: 0, gone: 0 };
  const scope = { hubId: data.hubId, apiAccountId: data.apiAccountId };
  const client = await mangopayClientFor(scope.hubId, scope.apiAccountId);
  const since = Math.floor((now.getTime() - windowMs) / 1000);
  // Per object: the latest event naming it (its type says which kind of object it is).
  const latest = new Map<string, { eventType: string; resource: string; date: Date }>();
  const seen: { eventType: string; resourceId: string; eventDate: Date }[] = [];
  const pages = (page: number) => events.list(client, { ...READ, page, perPage: 100, filters: { AfterDate: since } });
  for await (const e of iterateAll(pages, { maxPages: 100 })) {
    const resource = eventResource(e.EventType);
    if (!resource || !isMirroredEventType(e.EventType)) continue;
    seen.push({ eventType: e.EventType, resourceId: e.ResourceId, eventDate: e.Date });
    const prev = latest.get(e.ResourceId);
    if (!prev || prev.date < e.Date) latest.set(e.ResourceId, { eventType: e.EventType, resource, date: e.Date });
  }
  const byResource = new Map<string, string[]>();
  for (const [id, v] of latest) byResource.set(v.resource, [...(byResource.get(v.resource) ?? []), id]);
  const stale: string[] = [];
  let repaired = 0;
  for (const [resource, ids] of byResource) {
    const synced = await syncedAtOf(scope, resource, ids);
    for (const id of ids) {
      const at = synced.get(id);
      const event = latest.get(id);
      if (!at) repaired++;
      if (!at || (event && at < event.date)) stale.push(id);
    }
  }
  let gone = 0;
  const items: MirrorItem[] = [];
  for (const id of stale.slice(0, MAX_OBJECTS)) {
    const event = latest.get(id);
    if (!event) continue;
    try {
      items.push(...((await readForEvent(client, event.eventType, id)) ?? []));
    } catch (err) {
      // Named by an event but not readable as this account's object any more: nothing to mirror.
      if (err instanceof UpstreamError && err.isNotFound) gone++;
      else throw err;
    }
  }
  const outcome = { events: seen.length, stale: stale.length, repaired, gone };
  const syncedAt = new Date();
  await db.$transaction(
    async (tx) => {
      await writeMirrorItems(tx, scope, items, syncedAt);
      // The mirror's freshness counts this run (the endpoint is gone if the account was disconnected).
      await tx.webhookEndpoint.updateMany({ where: scope, data: { reconciledAt: syncedAt } });
      // The charts' aggregate of the last two days recounted (a repair: triggers keep it exact).
      await rebuildTransactionHours(tx, scope, { from: new Date(syncedAt.getTime() - 2 * 86_400_000), to: syncedAt });
      if (seen.length > 0)
        await tx.mirrorEvent.createMany({ data: seen.map((e) => ({ ...scope, ...e })), skipDuplicates: true });
      await writeAudit(
        tx,
        { hub: { id: scope.hubId }, account: { id: scope.apiAccountId } },
        {
          action: "mirror.reconcile",
          target: { type: "api_account", id: scope.apiAccountId },
          metadata: { since: new Date(since * 1000).toISOString(), ...outcome },
        },
      );
    },
    { timeout: 120_000, maxWait: 20_000 },
  );
  return outcome;
}

export const MIRROR_RECONCILE_JOB: JobDefinition<ReconcileJobData> = {
  name: "mirror-reconcile",
  handler: async (data) => {
    await reconcileMirror(data);
  },
  retryLimit: 3,
  retryDelaySeconds: 30,
  expireInSeconds: 15 * 60,
};

/** One reconciliation per connected account per half-hour slot, on whichever instance sends first. */
export async function enqueueReconciliations(queue: JobQueue, now: Date): Promise<number> {
  const endpoints = await db.webhookEndpoint.findMany({ select: { hubId: true, apiAccountId: true }, take: 1000 });
  const slot = Math.floor(now.getTime() / RECONCILE_EVERY_MS);
  let sent = 0;
  for (const e of endpoints)
    if (await queue.send(MIRROR_RECONCILE_JOB, e, { key: `${e.apiAccountId}:${slot}` })) sent++;
  return sent;
}
