import "server-only";
import { EVENT_TYPE_GROUPS } from "@/lib/mangopay/event-types";
import type { Hook } from "@/lib/mangopay/schemas/events";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { readAllHooks } from "./connection";
import { redactReceiverUrl, tokenOfUrl } from "@/lib/services/mirror/endpoint";

export type HookProblem = "missing" | "invalid" | "disabled" | null;

export type HookRowDTO = {
  eventType: string;
  group: string;
  hook: {
    id: string;
    /** With this app's receiver secret cut. */
    url: string;
    /** Points at this app's receiver (managed by "Connect webhooks"). */
    receiver: boolean;
    status: string;
    validity: string;
    createdAt: string;
  } | null;
  problem: HookProblem;
};

function problemOf(h: Hook | undefined): HookProblem {
  if (!h) return "missing";
  if (h.Validity === "INVALID") return "invalid";
  if (h.Status === "DISABLED") return "disabled";
  return null;
}

/**
 * Every event type MANGOPAY supports, each with its hook (one per type) or none. A missing hook,
 * an INVALID one (MANGOPAY stopped delivering after repeated failures) or a disabled one is a problem.
 */
export async function listHooks({
  ctx,
}: {
  ctx: AccountContext;
}): Promise<{ rows: HookRowDTO[]; unknownTypes: HookRowDTO[] }> {
  assertCan(ctx, "hooks.read");
  const all = await readAllHooks({ ctx });
  const byType = new Map(all.map((h) => [h.EventType, h]));
  const toRow = (eventType: string, group: string): HookRowDTO => {
    const h = byType.get(eventType);
    return {
      eventType,
      group,
      hook: h
        ? {
            id: h.Id,
            url: redactReceiverUrl(h.Url),
            receiver: tokenOfUrl(h.Url) !== null,
            status: h.Status,
            validity: h.Validity,
            createdAt: h.CreationDate.toISOString(),
          }
        : null,
      problem: problemOf(h),
    };
  };
  const known = new Set(EVENT_TYPE_GROUPS.flatMap((g) => g.types));
  const rows = EVENT_TYPE_GROUPS.flatMap((g) => g.types.map((t) => toRow(t, g.label)));
  const unknownTypes = all.filter((h) => !known.has(h.EventType)).map((h) => toRow(h.EventType, "Other"));
  return { rows, unknownTypes };
}
