import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { toPermissionGroupDTO, type PermissionGroupDTO } from "./dto";
import { callMangopay } from "@/lib/services/upstream";
import { fetchAllPermissionGroups } from "./internal";

/** DEFAULT groups first (read-only), then custom groups by name. */
export async function listPermissionGroups({ ctx }: { ctx: AccountContext }): Promise<PermissionGroupDTO[]> {
  assertCan(ctx, "permissionGroups.read");
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const groups = await callMangopay(() => fetchAllPermissionGroups(client));
  return groups
    .map(toPermissionGroupDTO)
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name));
}
