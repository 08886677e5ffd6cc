import "server-only";
import { randomUUID } from "node:crypto";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireActionSession, requireSession, type SessionUser } from "./auth";
import { db } from "./db";
import { NotFoundError } from "./errors";
import { effectivePermissions, type Permission, type RoleName } from "./permissions";

export type RequestMeta = { ip: string | null; userAgent: string | null };

export type HubContext = {
  actor: SessionUser;
  hub: { id: string; name: string; require2fa: boolean };
  membership: { id: string; role: RoleName };
  permissions: ReadonlySet<Permission>;
  request: RequestMeta;
  requestId: string;
};

async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return {
    ip: h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? h.get("x-real-ip") ?? null,
    userAgent: h.get("user-agent"),
  };
}

async function loadHubContext(actor: SessionUser): Promise<HubContext | null> {
  const membership = await db.membership.findFirst({
    where: { userId: actor.id },
    orderBy: { createdAt: "asc" },
    select: { id: true, role: true, hub: { select: { id: true, name: true, require2fa: true } } },
  });
  if (!membership) return null;
  return {
    actor,
    hub: membership.hub,
    membership: { id: membership.id, role: membership.role },
    permissions: effectivePermissions(membership.role),
    request: await requestMeta(),
    requestId: randomUUID(),
  };
}

/** Pages: the signed-in member's Hub context, computed once per request. */
export const getHubContext = cache(async (): Promise<HubContext> => {
  const actor = await requireSession();
  const ctx = await loadHubContext(actor);
  if (!ctx) redirect("/no-hub");
  return ctx;
});

/** Server actions and route handlers: same context, but errors instead of redirects. */
export async function getActionHubContext(): Promise<HubContext> {
  const actor = await requireActionSession();
  const ctx = await loadHubContext(actor);
  if (!ctx) throw new NotFoundError("No Hub");
  return ctx;
}
