// Legacy dashboard-access API (removed from the docs in Aug 2025, docs/mangopay-api.md §3.19).
import type { CallOptions, MangopayClient } from "./client";
import { listPage, type ListOptions, type Page } from "./pagination";
import { getOne, send, type WriteOptions } from "./resource";
import { Sso } from "./schemas/client";

export function list(client: MangopayClient, options: ListOptions = {}): Promise<Page<Sso>> {
  return listPage(client, { path: "/clients/ssos", item: Sso, itemName: "SSO" }, options);
}

export function get(client: MangopayClient, ssoId: string, options: CallOptions = {}): Promise<Sso> {
  return getOne(client, "/clients/ssos/{ssoId}", { ssoId }, Sso, "SSO", options);
}

export interface CreateSsoInput {
  FirstName: string;
  LastName: string;
  Email: string;
  PermissionGroupId: string;
  Tag?: string;
}

export function create(client: MangopayClient, input: CreateSsoInput, options: WriteOptions = {}): Promise<Sso> {
  return send(client, "POST", "/clients/ssos", {}, input, Sso, "SSO", options);
}

export function update(
  client: MangopayClient,
  ssoId: string,
  input: Partial<Omit<CreateSsoInput, "Email">> & { Active?: boolean },
  options: CallOptions = {},
): Promise<Sso> {
  return send(client, "PUT", "/clients/ssos/{ssoId}", { ssoId }, input, Sso, "SSO", options);
}

/** Re-sends an EXPIRED invitation. */
export function extendInvitation(client: MangopayClient, ssoId: string, options: CallOptions = {}): Promise<Sso> {
  return send(client, "PUT", "/clients/ssos/{ssoId}/extendinvitation", { ssoId }, {}, Sso, "SSO", options);
}

export function listByPermissionGroup(
  client: MangopayClient,
  permissionGroupId: string,
  options: ListOptions = {},
): Promise<Page<Sso>> {
  return listPage(
    client,
    {
      path: "/clients/permissiongroups/{permissionGroupId}/sso",
      params: { permissionGroupId },
      item: Sso,
      itemName: "SSO",
    },
    options,
  );
}
