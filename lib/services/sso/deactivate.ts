import "server-only";
import { sso } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { recordedMangopayCall } from "@/lib/services/operations/recorded-call";
import { ssoAuditSnapshot, toSsoDTO, type SsoDTO } from "./dto";
import { callMangopay } from "@/lib/services/upstream";
import { getManageableSso, applySyncChanges } from "./internal";
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
  const current = await getManageableSso(ctx, client, data.ssoId);
  return recordedMangopayCall(ctx, {
    action: "sso.deactivate",
    targetType: "sso",
    targetId: current.id,
    before: ssoAuditSnapshot(current),
    intent: { email: current.email, active: false },
    confirm: { by: "read", path: "/clients/ssos/{ssoId}", params: { ssoId: data.ssoId }, expect: { Active: false } },
    call: async () => toSsoDTO(await callMangopay(() => sso.update(client, data.ssoId, { Active: false }))),
    result: (after) => ({ upstreamId: after.id, after: ssoAuditSnapshot(after) }),
    alsoInResult: async (tx, after) => {
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
        changes: access.map((a) => ({
          kind: "remove",
          membershipId: a.membershipId,
          email: after.email,
          before: { grants: a.grants, source: a.source },
        })),
        trigger: "deactivate",
      });
    },
  });
}
