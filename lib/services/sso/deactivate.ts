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
import { applySyncChanges } from "./internal";
import { SsoIdInput } from "./schemas";

/**
 * Deactivates an SSO at MANGOPAY, then immediately withdraws the SSO-sourced dashboard access of the
 * Hub member with that email on this account (manual access is left to the team's admins).
 */
export async function deactivateSso({ ctx, input }: { ctx: AccountContext; input: SsoIdInput }): Promise<SsoDTO> {
  assertCan(ctx, "ssos.edit");
  const data = parseInput(SsoIdInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const after = toSsoDTO(await callMangopay(() => sso.update(client, data.ssoId, { Active: false })));
  await db.$transaction(async (tx) => {
    await writeAudit(tx, ctx, {
      action: "sso.deactivate",
      target: { type: "sso", id: after.id },
      before: { active: true },
      after: ssoAuditSnapshot(after),
    });
    const access = await tx.accountAccess.findMany({
      where: {
        apiAccountId: ctx.account.id,
        source: "SSO",
        membership: { hubId: ctx.hub.id, user: { email: after.email.toLowerCase() } },
      },
      select: { grants: true, source: true, membershipId: true },
    });
    await applySyncChanges(tx, ctx, {
      hubId: ctx.hub.id,
      apiAccountId: ctx.account.id,
      changes: access.map((a) => ({ kind: "remove", membershipId: a.membershipId, email: after.email, before: { grants: a.grants, source: a.source } })),
      trigger: "deactivate",
    });
  });
  return after;
}
