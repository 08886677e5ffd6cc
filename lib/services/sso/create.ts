import "server-only";
import { sso } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { recordedMangopayCall } from "@/lib/services/operations/recorded-call";
import { ssoAuditSnapshot, toSsoDTO, type SsoDTO } from "./dto";
import { callMangopay } from "@/lib/services/upstream";
import { assertMayManageSsoFor } from "./internal";
import { CreateSsoInput } from "./schemas";

/** Creates an SSO at MANGOPAY (which sends the invitation): intent audited before, result after. */
export async function createSso({ ctx, input }: { ctx: AccountContext; input: CreateSsoInput }): Promise<SsoDTO> {
  assertCan(ctx, "ssos.create");
  const data = parseInput(CreateSsoInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  await assertMayManageSsoFor(ctx, data.email);
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const body = {
    FirstName: data.firstName,
    LastName: data.lastName,
    Email: data.email,
    PermissionGroupId: data.permissionGroupId,
    Tag: data.tag,
  };
  return recordedMangopayCall(ctx, {
    action: "sso.create",
    targetType: "sso",
    intent: {
      email: data.email,
      firstName: data.firstName,
      lastName: data.lastName,
      permissionGroupId: data.permissionGroupId,
      tag: data.tag ?? null,
    },
    confirm: { by: "response" },
    call: async (idempotencyKey) => toSsoDTO(await callMangopay(() => sso.create(client, body, { idempotencyKey }))),
    result: (created) => ({ upstreamId: created.id, after: ssoAuditSnapshot(created) }),
  });
}
