import "server-only";
import { permissionGroups } from "@/lib/mangopay";
import { writeAudit } from "@/lib/server/audit";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { NotFoundError, parseInput, ValidationError } from "@/lib/server/errors";
import { assertCan, isAccountPermission } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { toPermissionGroupDTO, type PermissionGroupDTO } from "./dto";
import { callMangopay } from "@/lib/services/upstream";
import { PermissionGroupInput } from "./schemas";
import { scopesFromGrants } from "./scope-map";

export function checkedGrants(grants: readonly string[]): string[] {
  const bad = grants.filter((g) => !isAccountPermission(g));
  if (bad.length > 0) throw new ValidationError("Unknown permissions.", { grants: bad.map((g) => `Unknown: ${g}`) });
  return [...new Set(grants)];
}

export async function createPermissionGroup({ ctx, input }: { ctx: AccountContext; input: PermissionGroupInput }): Promise<PermissionGroupDTO> {
  assertCan(ctx, "permissionGroups.create");
  const data = parseInput(PermissionGroupInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const grants = checkedGrants(data.grants);
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const group = toPermissionGroupDTO(
    await callMangopay(() => permissionGroups.create(client, { Name: data.name, Tag: data.tag, Scopes: scopesFromGrants(grants) })),
  );
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      action: "permission_group.create",
      target: { type: "permission_group", id: group.id },
      after: { name: group.name, grants: group.grants },
    }),
  );
  return group;
}
