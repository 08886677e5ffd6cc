import "server-only";
import { permissionGroups } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput, ValidationError } from "@/lib/server/errors";
import { assertCan, isAccountPermission } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { recordedMangopayCall } from "@/lib/services/operations/recorded-call";
import { toPermissionGroupDTO, type PermissionGroupDTO } from "./dto";
import { callMangopay } from "@/lib/services/upstream";
import { PermissionGroupInput } from "./schemas";
import { scopesFromGrants } from "./scope-map";

export function checkedGrants(grants: readonly string[]): string[] {
  const bad = grants.filter((g) => !isAccountPermission(g));
  if (bad.length > 0) throw new ValidationError("Unknown permissions.", { grants: bad.map((g) => `Unknown: ${g}`) });
  return [...new Set(grants)];
}

export async function createPermissionGroup({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: PermissionGroupInput;
}): Promise<PermissionGroupDTO> {
  assertCan(ctx, "permissionGroups.create");
  const data = parseInput(PermissionGroupInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const grants = checkedGrants(data.grants);
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const body = { Name: data.name, Tag: data.tag, Scopes: scopesFromGrants(grants) };
  return recordedMangopayCall(ctx, {
    action: "permission_group.create",
    targetType: "permission_group",
    intent: { name: data.name, tag: data.tag ?? null, grants },
    confirm: { by: "response" },
    call: async (idempotencyKey) =>
      toPermissionGroupDTO(await callMangopay(() => permissionGroups.create(client, body, { idempotencyKey }))),
    result: (group) => ({ upstreamId: group.id, after: { name: group.name, grants: group.grants } }),
  });
}
