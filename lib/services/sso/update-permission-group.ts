import "server-only";
import { permissionGroups } from "@/lib/mangopay";
import { writeAudit } from "@/lib/server/audit";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { NotFoundError, parseInput, PreconditionError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { checkedGrants } from "./create-permission-group";
import { toPermissionGroupDTO, type PermissionGroupDTO } from "./dto";
import { callMangopay } from "@/lib/services/upstream";
import { UpdatePermissionGroupInput } from "./schemas";
import { DEFAULT_GROUP_IDS, scopesFromGrants } from "./scope-map";

const DEFAULT_READ_ONLY = "DEFAULT permission groups (ADMIN, WRITE, READ) cannot be modified.";

export async function updatePermissionGroup({ ctx, input }: { ctx: AccountContext; input: UpdatePermissionGroupInput }): Promise<PermissionGroupDTO> {
  assertCan(ctx, "permissionGroups.edit");
  const data = parseInput(UpdatePermissionGroupInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  if ((DEFAULT_GROUP_IDS as readonly string[]).includes(data.permissionGroupId.toUpperCase())) throw new PreconditionError(DEFAULT_READ_ONLY);
  const grants = checkedGrants(data.grants);
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const before = toPermissionGroupDTO(await callMangopay(() => permissionGroups.get(client, data.permissionGroupId)));
  if (before.isDefault) throw new PreconditionError(DEFAULT_READ_ONLY);
  const after = toPermissionGroupDTO(
    await callMangopay(() =>
      permissionGroups.update(client, data.permissionGroupId, { Name: data.name, Tag: data.tag, Scopes: scopesFromGrants(grants) }),
    ),
  );
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      action: "permission_group.update",
      target: { type: "permission_group", id: after.id },
      before: { name: before.name, grants: before.grants },
      after: { name: after.name, grants: after.grants },
    }),
  );
  return after;
}
