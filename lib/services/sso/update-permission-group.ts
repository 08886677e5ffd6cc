import "server-only";
import { permissionGroups } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput, PreconditionError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { recordedMangopayCall, scalarFields } from "@/lib/services/operations/recorded-call";
import { checkedGrants } from "./create-permission-group";
import { toPermissionGroupDTO, type PermissionGroupDTO } from "./dto";
import { callMangopay } from "@/lib/services/upstream";
import { UpdatePermissionGroupInput } from "./schemas";
import { DEFAULT_GROUP_IDS, scopesFromGrants } from "./scope-map";

const DEFAULT_READ_ONLY = "DEFAULT permission groups (ADMIN, WRITE, READ) cannot be modified.";

export async function updatePermissionGroup({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: UpdatePermissionGroupInput;
}): Promise<PermissionGroupDTO> {
  assertCan(ctx, "permissionGroups.edit");
  const data = parseInput(UpdatePermissionGroupInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  if ((DEFAULT_GROUP_IDS as readonly string[]).includes(data.permissionGroupId.toUpperCase()))
    throw new PreconditionError(DEFAULT_READ_ONLY);
  const grants = checkedGrants(data.grants);
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const before = toPermissionGroupDTO(await callMangopay(() => permissionGroups.get(client, data.permissionGroupId)));
  if (before.isDefault) throw new PreconditionError(DEFAULT_READ_ONLY);
  const body = { Name: data.name, Tag: data.tag, Scopes: scopesFromGrants(grants) };
  return recordedMangopayCall(ctx, {
    action: "permission_group.update",
    targetType: "permission_group",
    targetId: before.id,
    before: { name: before.name, grants: before.grants },
    intent: { name: data.name, tag: data.tag ?? null, grants },
    confirm: {
      by: "read",
      path: "/clients/permissiongroups/{permissionGroupId}",
      params: { permissionGroupId: data.permissionGroupId },
      expect: scalarFields(body),
    },
    call: async () =>
      toPermissionGroupDTO(await callMangopay(() => permissionGroups.update(client, data.permissionGroupId, body))),
    result: (after) => ({ upstreamId: after.id, after: { name: after.name, grants: after.grants } }),
  });
}
