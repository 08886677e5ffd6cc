// Pure: which AccountAccess rows an SSO sync creates, replaces or removes for one API account.
import { roleAccountPermissions, type AccountPermission, type RoleName } from "@/lib/server/permissions";

export type SyncMember = {
  membershipId: string;
  email: string;
  role: RoleName;
  access: { grants: readonly string[]; source: "MANUAL" | "SSO" } | null;
};
export type SyncSso = { email: string; active: boolean; permissionGroupId: string };

export type SyncChange =
  | {
      kind: "upsert";
      membershipId: string;
      email: string;
      before: SyncMember["access"];
      grants: AccountPermission[];
      permissionGroupId: string;
    }
  | { kind: "remove"; membershipId: string; email: string; before: SyncMember["access"] };

/**
 * A member whose email matches an ACTIVE SSO gets the group's scopes (capped by their role) as SSO
 * grants, replacing manual ones. A member with SSO-sourced access and no active SSO loses it.
 * Manual access of members without an SSO is left alone.
 */
export function planSsoSync(
  members: readonly SyncMember[],
  ssos: readonly SyncSso[],
  groupGrants: (permissionGroupId: string) => readonly AccountPermission[] | null,
): SyncChange[] {
  const active = new Map<string, SyncSso>();
  for (const s of ssos) if (s.active) active.set(s.email.trim().toLowerCase(), s);
  const changes: SyncChange[] = [];
  for (const m of members) {
    const sso = active.get(m.email.trim().toLowerCase());
    const fromGroup = sso ? groupGrants(sso.permissionGroupId) : null;
    if (sso && fromGroup) {
      const group = new Set<string>(fromGroup);
      const grants = roleAccountPermissions(m.role).filter((p) => group.has(p));
      const same =
        m.access?.source === "SSO" &&
        m.access.grants.length === grants.length &&
        grants.every((g) => m.access?.grants.includes(g));
      if (!same)
        changes.push({
          kind: "upsert",
          membershipId: m.membershipId,
          email: m.email,
          before: m.access,
          grants,
          permissionGroupId: sso.permissionGroupId,
        });
    } else if (m.access?.source === "SSO") {
      changes.push({ kind: "remove", membershipId: m.membershipId, email: m.email, before: m.access });
    }
  }
  return changes;
}

/**
 * An Owner's access is never lowered by an SSO: not by a sync (manual or at sign-in), not by a
 * deactivation. Only an Owner may change an Owner's grants, and only directly.
 */
export function lowersOwnerAccess(role: RoleName, change: SyncChange): boolean {
  if (role !== "OWNER") return false;
  if (change.kind === "remove") return change.before !== null;
  const after = new Set<string>(change.grants);
  return (change.before?.grants ?? []).some((g) => !after.has(g));
}
