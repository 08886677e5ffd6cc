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
import { UpdateSsoInput } from "./schemas";

/** Updates name, tag or permission group (the email is immutable at MANGOPAY). */
export async function updateSso({ ctx, input }: { ctx: AccountContext; input: UpdateSsoInput }): Promise<SsoDTO> {
  assertCan(ctx, "ssos.edit");
  const data = parseInput(UpdateSsoInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const before = toSsoDTO(await callMangopay(() => sso.get(client, data.ssoId)));
  const after = toSsoDTO(
    await callMangopay(() =>
      sso.update(client, data.ssoId, { FirstName: data.firstName, LastName: data.lastName, PermissionGroupId: data.permissionGroupId, Tag: data.tag }),
    ),
  );
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      action: "sso.update",
      target: { type: "sso", id: after.id },
      before: ssoAuditSnapshot(before),
      after: ssoAuditSnapshot(after),
    }),
  );
  return after;
}
