import "server-only";
import { randomUUID } from "node:crypto";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireActionSession, requireSession, type SessionUser } from "./auth";
import { db, type Db } from "./db";
import { ForbiddenError, NotFoundError } from "./errors";
import { effectivePermissions, type Permission, type RoleName } from "./permissions";
import { ACCEPTABLE_REQUEST_ID, REQUEST_ID_HEADER, noteRequestActor, requestStore } from "./request-context";

export type RequestMeta = { ip: string | null; userAgent: string | null };

export type HubContext = {
  actor: SessionUser;
  hub: { id: string; name: string; require2fa: boolean };
  membership: { id: string; role: RoleName };
  permissions: ReadonlySet<Permission>;
  request: RequestMeta;
  requestId: string;
};

/** The signed-in person acting on their own account: no Hub membership needed. */
export type UserContext = { actor: SessionUser; request: RequestMeta; requestId: string; db?: Db };

/** A public endpoint: the visitor may or may not be signed in. */
export type PublicContext = { actor: SessionUser | null; request: RequestMeta; requestId: string };

/** Where a member is sent when their Hub requires 2FA and they have not enrolled yet. */
export const TWO_FACTOR_SETUP_PATH = "/two-factor/setup";

/** This request's id (the one in its log line and `x-request-id` response header). */
export async function getRequestId(): Promise<string> {
  const fromStore = requestStore().getStore()?.requestId;
  if (fromStore) return fromStore;
  const fromHeader = (await headers()).get(REQUEST_ID_HEADER);
  return fromHeader && ACCEPTABLE_REQUEST_ID.test(fromHeader) ? fromHeader : randomUUID();
}

export async function getRequestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return {
    ip: h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? h.get("x-real-ip") ?? null,
    userAgent: h.get("user-agent"),
  };
}

type LoadedContext = HubContext & { mustEnroll2fa: boolean };

/** Cookie naming the Hub a member of several Hubs is working in (checked against memberships). */
export const CURRENT_HUB_COOKIE = "mpd_hub";

/**
 * The person's memberships, oldest first, read once per request (the Hub context and the Hub
 * switcher both need them).
 */
export const getMemberships = cache((userId: string) =>
  db.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      role: true,
      hub: { select: { id: true, name: true, require2fa: true } },
      user: { select: { totpEnabledAt: true } },
    },
  }),
);

async function loadHubContext(actor: SessionUser): Promise<LoadedContext | null> {
  const wanted = (await cookies()).get(CURRENT_HUB_COOKIE)?.value;
  const memberships = await getMemberships(actor.id);
  // A stale or forged cookie naming a Hub the user is not in simply falls back to the oldest one.
  const membership = memberships.find((m) => m.hub.id === wanted) ?? memberships[0];
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
