import "server-only";
import { iterateAll, permissionGroups, sso, type MangopayClient } from "@/lib/mangopay";
import type { PermissionGroup } from "@/lib/mangopay/schemas/client";
import type { Sso } from "@/lib/mangopay/schemas/client";
import { writeAudit, type AuditScope } from "@/lib/server/audit";
import type { Tx } from "@/lib/server/db";
import type { AccountPermission } from "@/lib/server/permissions";
import type { SyncChange } from "./plan-sync";
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
  return { ssos: ssos.map((s) => ({ email: s.Email, active: s.Active, permissionGroupId: s.PermissionGroupId })), groupGrants };
}

/** Applies a sync plan and writes one audit row per changed member, inside the caller's transaction. */
export async function applySyncChanges(
  tx: Tx,
  ctx: AuditScope,
  args: { hubId: string; apiAccountId: string; changes: readonly SyncChange[]; trigger: "manual" | "sign-in" | "deactivate" },
): Promise<void> {
  for (const c of args.changes) {
    if (c.kind === "upsert") {
      await tx.accountAccess.upsert({
        where: { membershipId_apiAccountId: { membershipId: c.membershipId, apiAccountId: args.apiAccountId } },
        create: { membershipId: c.membershipId, apiAccountId: args.apiAccountId, grants: c.grants, source: "SSO" },
        update: { grants: c.grants, source: "SSO" },
        select: { id: true },
      });
    } else {
      await tx.accountAccess.deleteMany({ where: { membershipId: c.membershipId, apiAccountId: args.apiAccountId, source: "SSO" } });
    }
    await writeAudit(tx, ctx, {
      hubId: args.hubId,
      apiAccountId: args.apiAccountId,
      action: c.kind === "upsert" ? "access.sso.grant" : "access.sso.revoke",
      target: { type: "membership", id: c.membershipId },
      before: c.before ? { email: c.email, grants: [...c.before.grants], source: c.before.source } : { email: c.email, access: "none" },
      after: c.kind === "upsert" ? { email: c.email, grants: c.grants, source: "SSO", permissionGroupId: c.permissionGroupId } : { email: c.email, access: "none" },
      metadata: { trigger: args.trigger },
    });
  }
}
