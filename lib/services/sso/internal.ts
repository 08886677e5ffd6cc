import "server-only";
import { iterateAll, permissionGroups, sso, type MangopayClient } from "@/lib/mangopay";
import type { PermissionGroup } from "@/lib/mangopay/schemas/client";
import type { Sso } from "@/lib/mangopay/schemas/client";
import { writeAudit, type AuditScope } from "@/lib/server/audit";
import { db, type Tx } from "@/lib/server/db";
import { ForbiddenError } from "@/lib/server/errors";
import type { AccountPermission } from "@/lib/server/permissions";
import { callMangopay } from "@/lib/services/upstream";
import { toSsoDTO, type SsoDTO } from "./dto";
import { lowersOwnerAccess, type SyncChange } from "./plan-sync";
import { defaultGroupGrants, grantsFromScopes } from "./scope-map";

const LIST_OPTIONS = { perPage: 100, timeoutMs: 8_000, deadlineMs: 15_000 } as const;
const MAX_PAGES = 50;

export async function fetchAllSsos(client: MangopayClient): Promise<Sso[]> {
  const out: Sso[] = [];
  const pages = iterateAll((page) => sso.list(client, { ...LIST_OPTIONS, page }), { maxPages: MAX_PAGES });
  for await (const item of pages) out.push(item);
  return out;
}

export async function fetchAllPermissionGroups(client: MangopayClient): Promise<PermissionGroup[]> {
  const out: PermissionGroup[] = [];
  const pages = iterateAll((page) => permissionGroups.list(client, { ...LIST_OPTIONS, page }), { maxPages: MAX_PAGES });
  for await (const item of pages) out.push(item);
  return out;
}

/** SSOs plus a lookup of each permission group's scopes as our permissions. */
export async function fetchSsoDirectory(client: MangopayClient) {
  const [ssos, groups] = await Promise.all([fetchAllSsos(client), fetchAllPermissionGroups(client)]);
  const byId = new Map(groups.map((g) => [g.Id, grantsFromScopes(g.Scopes)]));
  const groupGrants = (id: string): AccountPermission[] | null => byId.get(id) ?? defaultGroupGrants(id);
  return {
    ssos: ssos.map((s) => ({ email: s.Email, active: s.Active, permissionGroupId: s.PermissionGroupId })),
    groupGrants,
  };
}

/**
 * Applies a sync plan and writes one audit row per changed member, inside the caller's transaction.
 * Every SSO path that changes grants goes through here, so the Owner rule is enforced here: a change
 * that would lower an Owner's access is dropped. Returns the changes actually applied.
 */
export async function applySyncChanges(
  tx: Tx,
  ctx: AuditScope,
  args: {
    hubId: string;
    apiAccountId: string;
    changes: readonly SyncChange[];
    trigger: "manual" | "sign-in" | "deactivate";
  },
): Promise<SyncChange[]> {
  const roles = new Map(
    (
      await tx.membership.findMany({
        where: { hubId: args.hubId, id: { in: args.changes.map((c) => c.membershipId) } },
        select: { id: true, role: true },
      })
    ).map((m) => [m.id, m.role]),
  );
  const applied = args.changes.filter((c) => {
    const role = roles.get(c.membershipId);
    return role !== undefined && !lowersOwnerAccess(role, c);
  });
  for (const c of applied) {
    if (c.kind === "upsert") {
      await tx.accountAccess.upsert({
        where: { membershipId_apiAccountId: { membershipId: c.membershipId, apiAccountId: args.apiAccountId } },
        create: { membershipId: c.membershipId, apiAccountId: args.apiAccountId, grants: c.grants, source: "SSO" },
        update: { grants: c.grants, source: "SSO" },
        select: { id: true },
      });
    } else {
      await tx.accountAccess.deleteMany({
        where: { membershipId: c.membershipId, apiAccountId: args.apiAccountId, source: "SSO" },
      });
    }
    await writeAudit(tx, ctx, {
      hubId: args.hubId,
      apiAccountId: args.apiAccountId,
      action: c.kind === "upsert" ? "access.sso.grant" : "access.sso.revoke",
      target: { type: "membership", id: c.membershipId },
      before: c.before
        ? { email: c.email, grants: [...c.before.grants], source: c.before.source }
        : { email: c.email, access: "none" },
      after:
        c.kind === "upsert"
          ? { email: c.email, grants: c.grants, source: "SSO", permissionGroupId: c.permissionGroupId }
          : { email: c.email, access: "none" },
      metadata: { trigger: args.trigger },
    });
  }
  return applied;
}

/** Only Owners may create or change the SSO of a Hub Owner (an SSO decides that person's grants). */
export async function assertMayManageSsoFor(
  ctx: { hub: { id: string }; membership: { role: string } },
  email: string,
): Promise<void> {
  if (ctx.membership.role === "OWNER") return;
  const owner = await db.membership.findFirst({
    where: { hubId: ctx.hub.id, role: "OWNER", user: { email: email.trim().toLowerCase() } },
    select: { id: true },
  });
  if (owner) throw new ForbiddenError("Only an Owner can create or change the SSO of a Hub Owner.");
}

/** The SSO as MANGOPAY has it now, once the Owner rule allows this member to change it. */
export async function getManageableSso(
  ctx: { hub: { id: string }; membership: { role: string } },
  client: MangopayClient,
  ssoId: string,
): Promise<SsoDTO> {
  const current = toSsoDTO(await callMangopay(() => sso.get(client, ssoId)));
  await assertMayManageSsoFor(ctx, current.email);
  return current;
}
