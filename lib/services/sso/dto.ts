import type { PermissionGroup, Sso } from "@/lib/mangopay/schemas/client";
import type { AccountPermission } from "@/lib/server/permissions";
import { grantsFromScopes, isDefaultGroup } from "./scope-map";

export type SsoDTO = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  active: boolean;
  invitationStatus: string;
  permissionGroupId: string;
  tag: string | null;
  lastLoginDate: Date | null;
  creationDate: Date;
};

export type PermissionGroupDTO = {
  id: string;
  name: string;
  tag: string | null;
  isDefault: boolean;
  grants: AccountPermission[];
  creationDate: Date;
};

export function toSsoDTO(s: Sso): SsoDTO {
  return {
    id: s.Id,
    firstName: s.FirstName,
    lastName: s.LastName,
    email: s.Email,
    active: s.Active,
    invitationStatus: String(s.InvitationStatus),
    permissionGroupId: s.PermissionGroupId,
    tag: s.Tag ?? null,
    lastLoginDate: s.LastLoginDate,
    creationDate: s.CreationDate,
  };
}

export function toPermissionGroupDTO(g: PermissionGroup): PermissionGroupDTO {
  return {
    id: g.Id,
    name: g.Name,
    tag: g.Tag ?? null,
    isDefault: isDefaultGroup({ Id: g.Id, Type: String(g.Type) }),
    grants: grantsFromScopes(g.Scopes),
    creationDate: g.CreationDate,
  };
}

export function ssoAuditSnapshot(s: SsoDTO) {
  return {
    email: s.email,
    firstName: s.firstName,
    lastName: s.lastName,
    active: s.active,
    permissionGroupId: s.permissionGroupId,
    tag: s.tag,
  };
}
