import "server-only";
import { hooks, readAllPages, type MangopayClient } from "@/lib/mangopay";
import { EVENT_TYPES } from "@/lib/mangopay/event-types";
import type { Hook } from "@/lib/mangopay/schemas/events";
import type { AccountContext } from "@/lib/server/context-types";
import { sha256 } from "@/lib/server/crypto";
import { db } from "@/lib/server/db";
import { assertCan } from "@/lib/server/permissions";
import { receiverBase, tokenOfUrl } from "@/lib/services/mirror/endpoint";
import { readMangopay } from "@/lib/services/mangopay/request";

// Whether each event type's MANGOPAY hook delivers to this app's receiver for this account.
// connected: our current secret path, enabled and valid · repair: ours, but disabled, INVALID or an
// older secret path · elsewhere: another URL (left alone unless the member takes it over) · missing.

export type HookLinkState = "connected" | "repair" | "elsewhere" | "missing";
export type WebhookConnectionDTO = {
  receiverBase: string;
  counts: Record<HookLinkState, number>;
  elsewhere: { eventType: string; url: string }[];
  types: { eventType: string; state: HookLinkState }[];
};

/**
 * Every hook of the account. MANGOPAY keeps at most one per event type, so the pages that many event
 * types fill are asked for at once: a connected account's 100+ hooks cost one round, not two.
 */
export function allHooks(client: MangopayClient): Promise<Hook[]> {
  return readAllPages((page) => hooks.list(client, { page, perPage: 100 }), {
    expectedPages: Math.ceil(EVENT_TYPES.length / 100),
    maxPages: 10,
  });
}

/** The account's hooks, read once per request however many sections of a page show them. */
export async function readAllHooks({ ctx }: { ctx: AccountContext }): Promise<Hook[]> {
  assertCan(ctx, "hooks.read");
  return readMangopay(ctx, "hooks:all", allHooks);
}

export function linkState(hook: Hook | undefined, tokenHash: string | null): HookLinkState {
  if (!hook) return "missing";
  const token = tokenOfUrl(hook.Url);
  if (!token) return "elsewhere";
  const healthy = hook.Status === "ENABLED" && hook.Validity !== "INVALID";
  return healthy && tokenHash !== null && sha256(token) === tokenHash ? "connected" : "repair";
}

export function summarize(all: Hook[], tokenHash: string | null): WebhookConnectionDTO {
  const byType = new Map(all.map((h) => [h.EventType, h]));
  const types = EVENT_TYPES.map((eventType) => ({ eventType, state: linkState(byType.get(eventType), tokenHash) }));
  const counts: Record<HookLinkState, number> = { connected: 0, repair: 0, elsewhere: 0, missing: 0 };
  for (const t of types) counts[t.state]++;
  const elsewhere = types
    .filter((t) => t.state === "elsewhere")
    .map((t) => ({ eventType: t.eventType, url: byType.get(t.eventType)?.Url ?? "" }));
  return { receiverBase: receiverBase(), counts, elsewhere, types };
}

/** The account's hooks compared with this app's receiver. */
export async function getWebhookConnection({ ctx }: { ctx: AccountContext }): Promise<WebhookConnectionDTO> {
  assertCan(ctx, "hooks.read");
  // The receiver's secret and MANGOPAY's hooks side by side: the page waits for the slower one.
  const [endpoint, all] = await Promise.all([
    db.webhookEndpoint.findFirst({
      where: { hubId: ctx.hub.id, apiAccountId: ctx.account.id },
      select: { tokenHash: true },
    }),
    readAllHooks({ ctx }),
  ]);
  return summarize(all, endpoint?.tokenHash ?? null);
}
