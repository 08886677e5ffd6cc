// Permission model, modelled on MANGOPAY's PermissionGroup scopes (Read / Create / Edit) plus Hub
// permissions. A member's effective permissions on an API account = role ∩ that account's grants.
// Pure module (no server-only import) so the permission matrix can be unit-tested and the UI can
// import the names; enforcement happens in services through `assertCan`.
import { ForbiddenError } from "./errors";

export const SCOPES = [
  "users",
  "wallets",
  "cards",
  "preauthorizations",
  "payins",
  "payouts",
  "transfers",
  "refunds",
  "bankAccounts",
  "mandates",
  "kycDocuments",
  "uboDeclarations",
  "disputes",
  "repudiations",
  "reporting",
  "events",
  "hooks",
  "transactions",
  "clientWallets",
  "ssos",
  "permissionGroups",
] as const;
export type Scope = (typeof SCOPES)[number];

export const ACTIONS = ["read", "create", "edit"] as const;
export type ScopeAction = (typeof ACTIONS)[number];

export type AccountPermission = `${Scope}.${ScopeAction}`;

export const HUB_PERMISSIONS = [
  "hub.accounts.manage",
  "hub.team.manage",
  "hub.security.read",
  "hub.settings.manage",
  // Owner-only: where the Hub's API keys may be sent (custom MANGOPAY base URLs).
  "hub.connections.manage",
  // Owner-only: what members wrote through "Share feedback".
  "hub.feedback.read",
  // Owners and Admins: the job queue's state and the retry of failed webhook pings.
  "hub.jobs.manage",
  "dashboard.permissions.manage",
] as const;
export type HubPermission = (typeof HUB_PERMISSIONS)[number];

export type Permission = AccountPermission | HubPermission;

export const ACCOUNT_PERMISSIONS: readonly AccountPermission[] = SCOPES.flatMap((s) =>
  ACTIONS.map((a) => `${s}.${a}` as AccountPermission),
);

export const ROLES = ["OWNER", "ADMIN", "DEVELOPER", "OPERATOR", "FINANCE", "READ_ONLY"] as const;
export type RoleName = (typeof ROLES)[number];

export const ROLE_LABELS: Record<RoleName, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  DEVELOPER: "Developer",
  OPERATOR: "Operator",
  FINANCE: "Finance",
  READ_ONLY: "Read-only",
};

const readAll = SCOPES.map((s) => `${s}.read` as AccountPermission);
const read = (...scopes: Scope[]) => scopes.map((s) => `${s}.read` as AccountPermission);
const write = (...scopes: Scope[]) =>
  scopes.flatMap((s) => [`${s}.read`, `${s}.create`, `${s}.edit`] as AccountPermission[]);

export const ROLE_PERMISSIONS: Record<RoleName, readonly Permission[]> = {
  OWNER: [...ACCOUNT_PERMISSIONS, ...HUB_PERMISSIONS],
  ADMIN: [
    ...ACCOUNT_PERMISSIONS,
    ...HUB_PERMISSIONS.filter((p) => p !== "hub.connections.manage" && p !== "hub.feedback.read"),
  ],
  DEVELOPER: [...readAll, ...write("hooks", "users", "wallets", "cards", "bankAccounts", "kycDocuments")],
  OPERATOR: [
    ...readAll.filter((p) => !p.startsWith("ssos") && !p.startsWith("permissionGroups")),
    ...write(
      "users",
      "wallets",
      "payins",
      "payouts",
      "transfers",
      "refunds",
      "bankAccounts",
      "kycDocuments",
      "uboDeclarations",
      "disputes",
      "repudiations",
      "mandates",
      "preauthorizations",
      "cards",
    ),
  ],
  FINANCE: [
    ...read(
      "users",
      "wallets",
      "payins",
      "payouts",
      "transfers",
      "refunds",
      "disputes",
      "repudiations",
      "transactions",
      "clientWallets",
      "events",
    ),
    ...write("reporting"),
    "hub.security.read",
  ],
  READ_ONLY: readAll.filter((p) => !p.startsWith("ssos") && !p.startsWith("permissionGroups")),
};

export function roleCan(role: RoleName, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** The effective set for one request: role ∩ per-account grants (when an account is in scope). */
export function effectivePermissions(role: RoleName, accountGrants?: readonly string[] | null): Set<Permission> {
  const fromRole = ROLE_PERMISSIONS[role];
  if (!accountGrants) return new Set(fromRole.filter((p) => p.startsWith("hub.") || p.startsWith("dashboard.")));
  const granted = new Set(accountGrants);
  return new Set(fromRole.filter((p) => p.startsWith("hub.") || p.startsWith("dashboard.") || granted.has(p)));
}

export type PermissionHolder = { permissions: ReadonlySet<Permission> };

export function can(holder: PermissionHolder, permission: Permission): boolean {
  return holder.permissions.has(permission);
}

export function assertCan(holder: PermissionHolder, permission: Permission): void {
  if (!can(holder, permission)) throw new ForbiddenError();
}

/** The account-level permissions a role allows: the default grants of a new account access row. */
export function roleAccountPermissions(role: RoleName): AccountPermission[] {
  const all = new Set<Permission>(ROLE_PERMISSIONS[role]);
  return ACCOUNT_PERMISSIONS.filter((p) => all.has(p));
}

export function isAccountPermission(value: string): value is AccountPermission {
  return (ACCOUNT_PERMISSIONS as readonly string[]).includes(value);
}

export function isRoleName(value: string): value is RoleName {
  return (ROLES as readonly string[]).includes(value);
}

export const SCOPE_LABELS: Record<Scope, string> = {
  users: "Users",
  wallets: "Wallets",
  cards: "Cards",
  preauthorizations: "Preauthorizations",
  payins: "Pay-ins",
  payouts: "Payouts",
  transfers: "Transfers",
  refunds: "Refunds",
  bankAccounts: "Bank accounts",
  mandates: "Mandates",
  kycDocuments: "KYC documents",
  uboDeclarations: "UBO declarations",
  disputes: "Disputes",
  repudiations: "Repudiations",
  reporting: "Reporting",
  events: "Events",
  hooks: "Hooks",
  transactions: "Transactions",
  clientWallets: "Client wallets",
  ssos: "SSOs",
  permissionGroups: "Permission groups",
};
