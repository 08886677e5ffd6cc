import "server-only";
import { sso } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { recordedMangopayCall } from "@/lib/services/operations/recorded-call";
import { toSsoDTO, type SsoDTO } from "./dto";
import { callMangopay } from "@/lib/services/upstream";
import { getManageableSso } from "./internal";
import { SsoIdInput } from "./schemas";

/** Re-invites an SSO whose invitation expired (MANGOPAY sends the email). */
export async function extendSsoInvitation({ ctx, input }: { ctx: AccountContext; input: SsoIdInput }): Promise<SsoDTO> {
  assertCan(ctx, "ssos.edit");
  const data = parseInput(SsoIdInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const current = await getManageableSso(ctx, client, data.ssoId);
  return recordedMangopayCall(ctx, {
    action: "sso.extend_invitation",
    targetType: "sso",
    targetId: current.id,
    before: { email: current.email, invitationStatus: current.invitationStatus },
    intent: { email: current.email },
    confirm: {
      by: "read",
      path: "/clients/ssos/{ssoId}",
      params: { ssoId: data.ssoId },
      expect: { InvitationStatus: "SENT" },
    },
    call: async () => toSsoDTO(await callMangopay(() => sso.extendInvitation(client, data.ssoId))),
    result: (after) => ({
      upstreamId: after.id,
      after: { email: after.email, invitationStatus: after.invitationStatus },
    }),
  });
}
