import type { CallOptions, MangopayClient } from "./client";
import { listPage, type ListOptions, type Page } from "./pagination";
import { getOne, send, type WriteOptions } from "./resource";
import { PermissionGroup } from "./schemas/client";

export type ScopeGrant = { Read: boolean; Create: boolean; Edit: boolean };

export interface PermissionGroupInput {
  Name: string;
  Tag?: string;
  Scopes: Record<string, ScopeGrant>;
}

export function list(client: MangopayClient, options: ListOptions = {}): Promise<Page<PermissionGroup>> {
  return listPage(
    client,
    { path: "/clients/permissiongroups", item: PermissionGroup, itemName: "permission group" },
    options,
  );
}

export function get(
  client: MangopayClient,
  permissionGroupId: string,
  options: CallOptions = {},
): Promise<PermissionGroup> {
  return getOne(
    client,
    "/clients/permissiongroups/{permissionGroupId}",
    { permissionGroupId },
    PermissionGroup,
    "permission group",
    options,
  );
}

export function create(
  client: MangopayClient,
  input: PermissionGroupInput,
  options: WriteOptions = {},
): Promise<PermissionGroup> {
  return send(client, "POST", "/clients/permissiongroups", {}, input, PermissionGroup, "permission group", options);
}

/** DEFAULT groups (ADMIN, WRITE, READ) cannot be modified. */
export function update(
  client: MangopayClient,
  permissionGroupId: string,
  input: Partial<PermissionGroupInput>,
  options: CallOptions = {},
): Promise<PermissionGroup> {
  return send(
    client,
    "PUT",
    "/clients/permissiongroups/{permissionGroupId}",
    { permissionGroupId },
    input,
    PermissionGroup,
    "permission group",
    options,
  );
}
