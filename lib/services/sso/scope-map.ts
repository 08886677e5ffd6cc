// MANGOPAY permission-group scopes ↔ the dashboard's scopes. Pure, so the mapping is unit-tested.
// MANGOPAY's Read = GET, Create = POST, Edit = PUT (docs/mangopay-api.md §3.19) → our read / create / edit.
import { ACTIONS, SCOPES, type AccountPermission, type Scope } from "@/lib/server/permissions";

export type ScopeGrant = { Read: boolean; Create: boolean; Edit: boolean };

/** Our scope → MANGOPAY's scope name, as the API spells it. */
export const MANGOPAY_SCOPE_NAMES: Record<Scope, string> = {
  users: "Users",
  wallets: "Wallets",
  cards: "Cards",
  preauthorizations: "PreAuthorizations",
  payins: "Payins",
  payouts: "Payouts",
  transfers: "Transfers",
  refunds: "Refunds",
  bankAccounts: "BankAccounts",
  mandates: "Mandates",
  kycDocuments: "KYCDocuments",
  uboDeclarations: "UboDeclarations",
  disputes: "Disputes",
  repudiations: "Repudiations",
  reporting: "Reporting",
  events: "Events",
  hooks: "Hooks",
  transactions: "Transactions",
  clientWallets: "ClientWallets",
  ssos: "SSOs",
  permissionGroups: "PermissionGroups",
};

const BY_LOWER_NAME = new Map<string, Scope>(SCOPES.map((s) => [MANGOPAY_SCOPE_NAMES[s].toLowerCase(), s]));

const ACTION_KEYS = { read: "Read", create: "Create", edit: "Edit" } as const;

/** A group's Scopes object → our account permissions. Unknown scope names (ClientLogo…) are ignored. */
export function grantsFromScopes(scopes: Record<string, Partial<ScopeGrant> | null | undefined>): AccountPermission[] {
  const out = new Set<AccountPermission>();
  for (const [name, grant] of Object.entries(scopes)) {
    const scope = BY_LOWER_NAME.get(name.toLowerCase());
    if (!scope || !grant) continue;
    for (const action of ACTIONS) if (grant[ACTION_KEYS[action]] === true) out.add(`${scope}.${action}`);
  }
  return orderPermissions([...out]);
}

/** Our permissions → a Scopes object naming every scope we know (absent = all false). */
export function scopesFromGrants(grants: readonly string[]): Record<string, ScopeGrant> {
  const set = new Set(grants);
  const out: Record<string, ScopeGrant> = {};
  for (const scope of SCOPES) {
    out[MANGOPAY_SCOPE_NAMES[scope]] = {
      Read: set.has(`${scope}.read`),
      Create: set.has(`${scope}.create`),
      Edit: set.has(`${scope}.edit`),
    };
  }
  return out;
}

export const DEFAULT_GROUP_IDS = ["ADMIN", "WRITE", "READ"] as const;

export function isDefaultGroup(group: { Id: string; Type?: string | null }): boolean {
  return group.Type === "DEFAULT" || (DEFAULT_GROUP_IDS as readonly string[]).includes(group.Id);
}

const ADMIN_ONLY: readonly Scope[] = ["ssos", "permissionGroups"];

/** The documented meaning of the DEFAULT groups, used when the API does not list their Scopes. */
export function defaultGroupGrants(id: string): AccountPermission[] | null {
  const all = SCOPES.flatMap((s) => ACTIONS.map((a) => `${s}.${a}` as AccountPermission));
  if (id === "ADMIN") return all;
  if (id === "WRITE") return all.filter((p) => !ADMIN_ONLY.some((s) => p.startsWith(`${s}.`)));
  if (id === "READ") return all.filter((p) => p.endsWith(".read") && !ADMIN_ONLY.some((s) => p.startsWith(`${s}.`)));
  return null;
}

function orderPermissions(perms: AccountPermission[]): AccountPermission[] {
  const rank = (p: string) => {
    const [scope, action] = p.split(".");
    return SCOPES.indexOf(scope as Scope) * 3 + ACTIONS.indexOf(action as (typeof ACTIONS)[number]);
  };
  return perms.sort((a, b) => rank(a) - rank(b));
}
