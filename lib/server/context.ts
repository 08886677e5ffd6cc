import "server-only";
import { randomUUID } from "node:crypto";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireActionSession, requireSession, sessionUserIdHint } from "./auth";
import type { HubContext, RequestMeta, SessionUser } from "./context-types";
import { chooseMembership, CURRENT_HUB_COOKIE } from "./current-hub";
import { ForbiddenError, NotFoundError } from "./errors";
import { getMemberships } from "@/lib/services/hubs/memberships";
import { effectivePermissions } from "./permissions";
import { ACCEPTABLE_REQUEST_ID, REQUEST_ID_HEADER, noteRequestActor, requestStore } from "./request-context";
import { requestIp } from "./request-ip";

/** Where a member is sent when their Hub requires 2FA and they have not enrolled yet. */
export const TWO_FACTOR_SETUP_PATH = "/two-factor/setup";

/**
 * This request's id (the one in its log line and `x-request-id` response header); a fresh one
 * outside an HTTP request (tests, scripts), where Next.js has no headers to give.
 */
export async function getRequestId(): Promise<string> {
  // The header first: the request log wrote it on this very request, whereas an async context
  // entered at the HTTP layer can outlive its request on a kept-alive connection.
  let fromHeader: string | null = null;
  try {
    fromHeader = (await headers()).get(REQUEST_ID_HEADER);
  } catch {
    // outside a request scope
  }
  if (fromHeader && ACCEPTABLE_REQUEST_ID.test(fromHeader)) return fromHeader;
  return requestStore().getStore()?.requestId ?? randomUUID();
}

export async function getRequestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return {
    ip: requestIp((name) => h.get(name)),
    userAgent: h.get("user-agent")?.slice(0, 512) ?? null,
  };
}

type LoadedContext = HubContext & { mustEnroll2fa: boolean };

export { CURRENT_HUB_COOKIE };

async function loadHubContext(actor: SessionUser): Promise<LoadedContext | null> {
  const wanted = (await cookies()).get(CURRENT_HUB_COOKIE)?.value;
  const memberships = await getMemberships(actor.id);
  const membership = chooseMembership(memberships, wanted);
  if (!membership) return null;
  const requestId = await getRequestId();
  noteRequestActor(requestId, { memberId: membership.id });
  return {
    // Hub setting "require 2FA for every member": nothing else is usable until the member enrolls.
    mustEnroll2fa: membership.hub.require2fa && !membership.user.totpEnabledAt,
    actor,
    hub: membership.hub,
    membership: { id: membership.id, role: membership.role },
    permissions: effectivePermissions(membership.role),
    request: await getRequestMeta(),
    requestId,
  };
}

/** Pages: the signed-in member's Hub context, computed once per request. */
export const getHubContext = cache(async (): Promise<HubContext> => {
  // The memberships read starts with the session check (same request-memoized call, used only if
  // the session holds): one database round instead of two before anything else can start.
  const claimedUserId = await sessionUserIdHint();
  if (claimedUserId) getMemberships(claimedUserId).catch(() => undefined);
  const actor = await requireSession();
  const loaded = await loadHubContext(actor);
  if (!loaded) redirect("/no-hub");
  const { mustEnroll2fa, ...ctx } = loaded;
  if (mustEnroll2fa) redirect(TWO_FACTOR_SETUP_PATH);
  return ctx;
});

/** Server actions and route handlers: same context, but errors instead of redirects. */
export async function getActionHubContext(): Promise<HubContext> {
  const actor = await requireActionSession();
  const loaded = await loadHubContext(actor);
  if (!loaded) throw new NotFoundError("No Hub");
  const { mustEnroll2fa, ...ctx } = loaded;
  if (mustEnroll2fa) throw new ForbiddenError("Your Hub requires two-factor authentication. Set it up first.");
  return ctx;
}
