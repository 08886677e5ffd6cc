import "server-only";
import { z } from "zod";
import { hooks } from "@/lib/mangopay";
import { EVENT_TYPES } from "@/lib/mangopay/event-types";
import type { Hook } from "@/lib/mangopay/schemas/events";
import { writeAudit } from "@/lib/server/audit";
import type { AccountContext } from "@/lib/server/context-types";
import { sha256 } from "@/lib/server/crypto";
import { db } from "@/lib/server/db";
import { ConflictError, NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { newEndpointToken, receiverUrl, redactReceiverUrl, tokenOfUrl } from "@/lib/services/mirror/endpoint";
import { startMirrorBackfill } from "@/lib/services/mirror/start-backfill";
import { recordedMangopayCall } from "@/lib/services/operations/recorded-call";
import { callMangopay } from "@/lib/services/upstream";
import { allHooks, linkState, summarize, type WebhookConnectionDTO } from "./connection";

export const ConnectWebhooksInput = z.object({
  accountId: z.string().min(1).max(64),
  /** Also repoint hooks that deliver to another URL (they are left alone otherwise). */
  takeOver: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()).optional(),
});
export type ConnectWebhooksInput = z.input<typeof ConnectWebhooksInput>;

/** The audited form of a receiver URL: the secret path never reaches the audit log. */
const redactUrl = redactReceiverUrl;

/**
 * Points every event type's hook at this app's receiver: creates missing hooks, repairs ours
 * (disabled, INVALID, older secret path) and, with `takeOver`, repoints hooks delivering elsewhere.
 * The secret path is kept when a hook already carries it (MANGOPAY holds the only plain copy);
 * otherwise a new one is made and only its hash stored, before any hook is written. The first
 * successful connection also starts the account's backfill (the mirror then holds older objects too).
 */
export async function connectWebhooks({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: ConnectWebhooksInput;
}): Promise<WebhookConnectionDTO & { changed: number; backfillStarted: boolean }> {
  assertCan(ctx, "hooks.create");
  assertCan(ctx, "hooks.edit");
  const data = parseInput(ConnectWebhooksInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const existing = await callMangopay(() => allHooks(client));
  const endpoint = await db.webhookEndpoint.findFirst({
    where: { hubId: ctx.hub.id, apiAccountId: ctx.account.id },
    select: { tokenHash: true },
  });
  const current = endpoint
    ? existing.map((h) => tokenOfUrl(h.Url)).find((t): t is string => !!t && sha256(t) === endpoint.tokenHash)
    : undefined;
  let token = current;
  if (!token) {
    const fresh = newEndpointToken();
    token = fresh.token;
    await db.$transaction(async (tx) => {
      await tx.webhookEndpoint.upsert({
        where: { apiAccountId: ctx.account.id },
        create: { hubId: ctx.hub.id, apiAccountId: ctx.account.id, tokenHash: fresh.tokenHash },
        update: { tokenHash: fresh.tokenHash },
      });
      await writeAudit(tx, ctx, {
        action: endpoint ? "webhook.endpoint.rotate" : "webhook.endpoint.create",
        target: { type: "api_account", id: ctx.account.id },
      });
    });
  }
  const url = receiverUrl(token);
  const tokenHash = sha256(token);
  const byType = new Map(existing.map((h) => [h.EventType, h]));
  let changed = 0;
  for (const eventType of EVENT_TYPES) {
    const hook = byType.get(eventType);
    const state = linkState(hook, tokenHash);
    if (state === "connected" || (state === "elsewhere" && data.takeOver !== true)) continue;
    if (!hook) {
      await recordedMangopayCall<Hook>(ctx, {
        action: "hook.create",
        targetType: "hook",
        intent: { eventType, url: redactUrl(url) },
        confirm: { by: "response" },
        call: (idempotencyKey) =>
          callMangopay(() => hooks.create(client, { EventType: eventType, Url: url }, { idempotencyKey })),
        result: (h) => ({ upstreamId: h.Id, after: { eventType, url: redactUrl(h.Url), status: h.Status } }),
      });
    } else {
      await recordedMangopayCall<Hook>(ctx, {
        action: "hook.update",
        targetType: "hook",
        targetId: hook.Id,
        before: { eventType, url: redactUrl(hook.Url), status: hook.Status, validity: hook.Validity },
        intent: { eventType, url: redactUrl(url), status: "ENABLED" },
        confirm: {
          by: "read",
          path: "/hooks/{hookId}",
          params: { hookId: hook.Id },
          expect: { Url: url, Status: "ENABLED" },
        },
        call: () => callMangopay(() => hooks.update(client, hook.Id, { Url: url, Status: "ENABLED" })),
        result: (h) => ({ upstreamId: h.Id, after: { eventType, url: redactUrl(h.Url), status: h.Status } }),
      });
    }
    changed++;
  }
  const after = await callMangopay(() => allHooks(client));
  // Another start won the race: that run fills the mirror just the same.
  const backfill = await startMirrorBackfill({ ctx, input: { accountId: ctx.account.id, ifNeverRun: true } }).catch(
    (err: unknown) => {
      if (err instanceof ConflictError) return { started: false };
      throw err;
    },
  );
  return { ...summarize(after, tokenHash), changed, backfillStarted: backfill.started };
}
