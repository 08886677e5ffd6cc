// Legacy Dashboard access objects (docs/mangopay-api.md §3.19): permission groups (DEFAULT ADMIN/WRITE/READ,
// unmodifiable; CUSTOM with 33 scopes × Read/Create/Edit) and SSOs (invitations SENT → ACCEPTED,
// or EXPIRED after 30 minutes; Active:false deactivates).
import { ApiError, invalidAction, notFound, paramError } from "../core/errors";
import type { ClientStore } from "../store/client-store";
import type { PermissionGroup, ScopeRights, Sso } from "../store/compliance-types";

export const SCOPES = [
  "SSOs",
  "PermissionGroups",
  "ClientDetails",
  "ClientWallets",
  "ClientTransactions",
  "ClientBankAccounts",
  "ClientPayouts",
  "ClientPayins",
  "ClientLogo",
  "Users",
  "Wallets",
  "Cards",
  "PreAuthorizations",
  "Payins",
  "Transfers",
  "Refunds",
  "BankAccounts",
  "Payouts",
  "KYCDocuments",
  "Disputes",
  "Repudiations",
  "Mandates",
  "Reporting",
  "Responses",
  "Events",
  "Hooks",
  "Transactions",
  "BankingAliases",
  "UboDeclarations",
  "RecurringPayinsRegistrations",
  "RecurringPayins",
  "KYBDocuments",
  "Token",
] as const;

/** Client settings and access management: only ADMIN may change them. */
const ADMIN_SCOPES = new Set<string>([
  "SSOs",
  "PermissionGroups",
  "ClientDetails",
  "ClientLogo",
  "ClientBankAccounts",
  "ClientPayouts",
  "ClientPayins",
]);
export const DEFAULT_GROUPS = ["ADMIN", "WRITE", "READ"] as const;
export const INVITATION_TTL_SECONDS = 30 * 60;

function scopes(rights: (scope: string) => ScopeRights): Record<string, ScopeRights> {
  return Object.fromEntries(SCOPES.map((s) => [s, rights(s)]));
}

function defaultGroup(id: (typeof DEFAULT_GROUPS)[number], createdAt: number): PermissionGroup {
  const rights = (scope: string): ScopeRights => {
    const admin = ADMIN_SCOPES.has(scope);
    if (id === "ADMIN") return { Read: true, Create: true, Edit: true };
    if (id === "WRITE") return { Read: true, Create: !admin, Edit: !admin };
    return { Read: !admin || scope === "ClientDetails" || scope === "ClientLogo", Create: false, Edit: false };
  };
  return { Id: id, Name: id, Tag: null, Type: "DEFAULT", CreationDate: createdAt, Scopes: scopes(rights) };
}

/** The three DEFAULT groups exist from the client's first access on. */
export function permissionGroups(store: ClientStore, now: number): Map<string, PermissionGroup> {
  const groups = store.permissionGroups;
  for (const id of DEFAULT_GROUPS) if (!groups.has(id)) groups.set(id, defaultGroup(id, now));
  return groups;
}

export function getPermissionGroup(store: ClientStore, id: string, now: number): PermissionGroup {
  const group = permissionGroups(store, now).get(id);
  if (!group) throw notFound("PermissionGroup", id);
  return group;
}

/** `Scopes` input: scope name → partial {Read, Create, Edit}; unknown scopes are refused. */
export function readScopes(raw: unknown, base: Record<string, ScopeRights>): Record<string, ScopeRights> {
  if (raw === undefined || raw === null) return base;
  if (typeof raw !== "object" || Array.isArray(raw))
    throw paramError({ Scopes: "The Scopes field must be an object of scope → {Read, Create, Edit}." });
  const out = Object.fromEntries(Object.entries(base).map(([k, v]) => [k, { ...v }]));
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    const scope = SCOPES.find((s) => s.toLowerCase() === name.toLowerCase());
    if (!scope) throw paramError({ [`Scopes.${name}`]: `Unknown scope. Allowed: ${SCOPES.join(", ")}.` });
    if (typeof value !== "object" || value === null)
      throw paramError({ [`Scopes.${name}`]: "Expected {Read, Create, Edit} booleans." });
    for (const right of ["Read", "Create", "Edit"] as const) {
      const v = (value as Record<string, unknown>)[right];
      if (v === undefined) continue;
      if (typeof v !== "boolean") throw paramError({ [`Scopes.${name}.${right}`]: "Expected a boolean." });
      out[scope][right] = v;
    }
  }
  return out;
}

export function createPermissionGroup(
  store: ClientStore,
  name: string,
  tag: string | null,
  rawScopes: unknown,
  now: number,
): PermissionGroup {
  const none = scopes(() => ({ Read: false, Create: false, Edit: false }));
  const group: PermissionGroup = {
    Id: store.nextId(),
    Name: name,
    Tag: tag,
    Type: "CUSTOM",
    CreationDate: now,
    Scopes: readScopes(rawScopes, none),
  };
  permissionGroups(store, now).set(group.Id, group);
  return group;
}

export function updatePermissionGroup(
  group: PermissionGroup,
  name: string | null,
  tag: string | null | undefined,
  rawScopes: unknown,
): PermissionGroup {
  if (group.Type === "DEFAULT") throw invalidAction(`The DEFAULT permission group ${group.Id} cannot be modified`);
  if (name !== null) group.Name = name;
  if (tag !== undefined) group.Tag = tag;
  group.Scopes = readScopes(rawScopes, group.Scopes);
  return group;
}

/** Lazily turns a SENT invitation older than 30 minutes into EXPIRED (as seen on any read). */
export function refreshInvitation(store: ClientStore, sso: Sso, now: number): Sso {
  const sentAt = store.ssoInvitedAt.get(sso.Id) ?? sso.CreationDate;
  if (sso.InvitationStatus === "SENT" && sentAt + INVITATION_TTL_SECONDS < now) sso.InvitationStatus = "EXPIRED";
  return sso;
}

export function getSso(store: ClientStore, id: string, now: number): Sso {
  const sso = store.ssos.get(id);
  if (!sso) throw notFound("Sso", id);
  return refreshInvitation(store, sso, now);
}

export interface SsoInput {
  FirstName: string;
  LastName: string;
  Email: string;
  PermissionGroupId: string;
  Tag: string | null;
}

export function createSso(store: ClientStore, input: SsoInput, now: number): Sso {
  getPermissionGroup(store, input.PermissionGroupId, now);
  const state = store;
  const email = input.Email.toLowerCase();
  for (const other of state.ssos.values()) {
    if (other.Email.toLowerCase() === email) throw paramError({ Email: "An SSO with this Email already exists." });
  }
  const sso: Sso = {
    Id: store.nextId(),
    FirstName: input.FirstName,
    LastName: input.LastName,
    Tag: input.Tag,
    Active: true,
    Email: input.Email,
    ClientId: store.info.ClientId,
    InvitationStatus: "SENT",
    PermissionGroupId: input.PermissionGroupId,
    LastLoginDate: null,
    CreationDate: now,
  };
  state.ssos.set(sso.Id, sso);
  state.ssoInvitedAt.set(sso.Id, now);
  return sso;
}

/** PUT …/extendinvitation: only an EXPIRED invitation is re-sent (415 while SENT, as documented). */
export function extendInvitation(store: ClientStore, sso: Sso, now: number): Sso {
  if (sso.InvitationStatus === "SENT") {
    throw new ApiError(415, "content_type_not_supported", "The invitation has not expired yet");
  }
  if (sso.InvitationStatus === "ACCEPTED") throw invalidAction("The invitation has already been accepted");
  sso.InvitationStatus = "SENT";
  store.ssoInvitedAt.set(sso.Id, now);
  return sso;
}

/** Control call standing for the invitee clicking the link and signing in. */
export function acceptInvitation(sso: Sso, now: number): Sso {
  if (sso.InvitationStatus !== "SENT")
    throw invalidAction(`Only a SENT invitation can be accepted (it is ${sso.InvitationStatus})`);
  sso.InvitationStatus = "ACCEPTED";
  sso.LastLoginDate = now;
  return sso;
}
