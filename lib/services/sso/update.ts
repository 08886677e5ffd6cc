import "server-only";
import { sso } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { recordedMangopayCall, scalarFields } from "@/lib/services/operations/recorded-call";
import { ssoAuditSnapshot, toSsoDTO, type SsoDTO } from "./dto";
import { callMangopay } from "@/lib/services/upstream";
import { getManageableSso } from "./internal";
import { UpdateSsoInput } from "./schemas";

/** Updates name, tag or permission group (the email is immutable at MANGOPAY). */
export async function updateSso({ ctx, input }: { ctx: AccountContext; input: UpdateSsoInput }): Promise<SsoDTO> {
  assertCan(ctx, "ssos.edit");
  const data = parseInput(UpdateSsoInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const before = await getManageableSso(ctx, client, data.ssoId);
  const body = {
    FirstName: data.firstName,
    LastName: data.lastName,
    PermissionGroupId: data.permissionGroupId,
    Tag: data.tag,
  };
  return recordedMangopayCall(ctx, {
    action: "sso.update",
    targetType: "sso",
    targetId: before.id,
    before: ssoAuditSnapshot(before),
    intent: {
      firstName: data.firstName,
      lastName: data.lastName,
      permissionGroupId: data.permissionGroupId,
      tag: data.tag ?? null,
    },
    confirm: { by: "read", path: "/clients/ssos/{ssoId}", params: { ssoId: data.ssoId }, expect: scalarFields(body) },
    call: async () => toSsoDTO(await callMangopay(() => sso.update(client, data.ssoId, body))),
    result: (after) => ({ upstreamId: after.id, after: ssoAuditSnapshot(after) }),
  });
}
