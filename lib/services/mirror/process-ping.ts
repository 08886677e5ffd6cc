import "server-only";
import {
  payins,
  payouts,
  refunds,
  transfers,
  UpstreamError,
  users,
  wallets,
  type CallOptions,
  type MangopayClient,
} from "@/lib/mangopay";
import { eventResource } from "@/lib/mangopay/event-types";
import type { Wallet } from "@/lib/mangopay/schemas/wallets";
import { writeAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import type { JobDefinition } from "@/lib/server/jobs";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { transactionRow, userRow, walletRow, type AnyTransaction } from "./rows";

// Processing one stored ping on the job queue: the resource is re-read from MANGOPAY with the
// account's credentials (the query string only names it), upserted into the mirror, and the event
// recorded. Idempotent: a DONE or IGNORED ping is skipped, upserts key on (account, MANGOPAY id). A
// failed read (5xx, timeout, quota) throws, and pg-boss retries with backoff.

export type WebhookPingData = { pingId: string };

const READ: CallOptions = { priority: "background", timeoutMs: 10_000, deadlineMs: 30_000 };

type Fetched =
  | { kind: "user"; user: Awaited<ReturnType<typeof users.get>>; wallets: Wallet[] }
  | { kind: "transaction"; transaction: AnyTransaction; wallets: Wallet[] };

const TRANSACTION_READERS: Partial<Record<string, (c: MangopayClient, id: string) => Promise<AnyTransaction>>> = {
  payIn: (c, id) => payins.get(c, id, READ),
  payOut: (c, id) => payouts.get(c, id, READ),
  transfer: (c, id) => transfers.get(c, id, READ),
  refund: (c, id) => refunds.get(c, id, READ),
};

/** Kinds the mirror holds today; other event types are stored as pings and marked IGNORED. */
export function isMirroredEventType(eventType: string): boolean {
  const kind = eventResource(eventType);
  return kind === "user" || (kind !== null && kind in TRANSACTION_READERS);
}

async function fetchResource(client: MangopayClient, eventType: string, resourceId: string): Promise<Fetched | null> {
  const kind = eventResource(eventType);
  if (kind === "user") {
    const user = await users.get(client, resourceId, READ);
    const page = await wallets.listByUser(client, user.Id, { ...READ, perPage: 100 });
    return { kind: "user", user, wallets: page.items };
  }
  const read = kind ? TRANSACTION_READERS[kind] : undefined;
  if (!read) return null;
  const transaction = await read(client, resourceId);
  // Wallets have no events of their own: their balances change with the transactions that move them.
  const walletIds = [
    ...new Set([transaction.DebitedWalletId, transaction.CreditedWalletId].filter((w): w is string => !!w)),
  ];
  const touched = await Promise.all(walletIds.map((id) => wallets.get(client, id, READ)));
  return { kind: "transaction", transaction, wallets: touched };
}

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

  let fetched: Fetched | null;
  try {
    const client = await mangopayClientFor(ping.hubId, ping.apiAccountId);
    fetched = isMirroredEventType(ping.eventType) ? await fetchResource(client, ping.eventType, ping.resourceId) : null;
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
    const key = (mangopayId: string) => ({ apiAccountId_mangopayId: { apiAccountId: ping.apiAccountId, mangopayId } });
    // Two pings for one object processed at once: a read started earlier never overwrites a later one.
    const isNewer = (seen: { syncedAt: Date } | null) => !seen || seen.syncedAt <= syncedAt;
    if (fetched?.kind === "user") {
      const row = userRow(scope, fetched.user, syncedAt);
      const seen = await tx.mirrorUser.findUnique({ where: key(row.mangopayId), select: { syncedAt: true } });
      if (isNewer(seen)) await tx.mirrorUser.upsert({ where: key(row.mangopayId), create: row, update: row });
    }
    if (fetched?.kind === "transaction") {
      const row = transactionRow(scope, fetched.transaction, syncedAt);
      const seen = await tx.mirrorTransaction.findUnique({ where: key(row.mangopayId), select: { syncedAt: true } });
      if (isNewer(seen)) await tx.mirrorTransaction.upsert({ where: key(row.mangopayId), create: row, update: row });
    }
    for (const w of fetched?.wallets ?? []) {
      const row = walletRow(scope, w, syncedAt);
      const seen = await tx.mirrorWallet.findUnique({ where: key(row.mangopayId), select: { syncedAt: true } });
      if (isNewer(seen)) await tx.mirrorWallet.upsert({ where: key(row.mangopayId), create: row, update: row });
    }
    if (fetched) {
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
        wallets: (fetched?.wallets ?? []).map((w) => w.Id),
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
