import "server-only";
import { sso } from "@/lib/mangopay";
import { writeAudit } from "@/lib/server/audit";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { ssoAuditSnapshot, toSsoDTO, type SsoDTO } from "./dto";
import { callMangopay } from "@/lib/services/upstream";
import { CreateSsoInput } from "./schemas";

/** Creates an SSO at MANGOPAY (which sends the invitation), then records it in the audit trail. */
export async function createSso({ ctx, input }: { ctx: AccountContext; input: CreateSsoInput }): Promise<SsoDTO> {
  assertCan(ctx, "ssos.create");
  const data = parseInput(CreateSsoInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const created = toSsoDTO(
    await callMangopay(() =>
      sso.create(client, { FirstName: data.firstName, LastName: data.lastName, Email: data.email, PermissionGroupId: data.permissionGroupId, Tag: data.tag }),
    ),
  );
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      action: "sso.create",
      target: { type: "sso", id: created.id },
      after: ssoAuditSnapshot(created),
    }),
  );
  return created;
}
