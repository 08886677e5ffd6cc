import "server-only";
import { chooseMembership } from "./current-hub";
import { db } from "./db";
import { noteRequestActor } from "./request-context";

// The member a signed-in request acts for, for its log line, from the session alone. Pages note it
// when they load the Hub context, but router prefetches and cached layouts often render no layout
// that does: proxy.ts notes it for every signed-in request. The membership is chosen by the Hub
// context's own rule (chooseMembership).

const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;
const g = globalThis as unknown as { __mpdSessionMembers?: Map<string, { memberId: string | null; until: number }> };
const known = (g.__mpdSessionMembers ??= new Map());

async function memberOf(userId: string, hubId: string | undefined, nowMs: number): Promise<string | null> {
  const key = `${userId}|${hubId ?? ""}`;
  const hit = known.get(key);
  if (hit && hit.until > nowMs) return hit.memberId;
  const memberships = await db.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { id: true, hubId: true },
  });
  const memberId = chooseMembership(memberships, hubId)?.id ?? null;
  if (known.size >= MAX_ENTRIES) known.clear();
  known.set(key, { memberId, until: nowMs + TTL_MS });
  return memberId;
}

/** Puts the session's member on the request's log line; never fails the request. */
export async function noteSessionMember(args: {
  requestId: string | null;
  userId: string;
  hubId: string | undefined;
}): Promise<void> {
  if (!args.requestId) return;
  try {
    const memberId = await memberOf(args.userId, args.hubId, Date.now());
    if (memberId) noteRequestActor(args.requestId, { memberId });
  } catch {
    // A log detail: the page itself reports a database failure.
  }
}
