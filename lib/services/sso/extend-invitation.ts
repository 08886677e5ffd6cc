import "server-only";
import { sso } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/account-context";
import { writeAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { toSsoDTO, type SsoDTO } from "./dto";
import { callMangopay } from "@/lib/services/upstream";
import { SsoIdInput } from "./schemas";

/** Re-invites an SSO whose invitation expired (MANGOPAY sends the email). */
export async function extendSsoInvitation({ ctx, input }: { ctx: AccountContext; input: SsoIdInput }): Promise<SsoDTO> {
  assertCan(ctx, "ssos.edit");
  const data = parseInput(SsoIdInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const after = toSsoDTO(await callMangopay(() => sso.extendInvitation(client, data.ssoId)));
  await db.$transaction((tx) =>
    writeAudit(tx, {
      hubId: ctx.hub.id,
      apiAccountId: ctx.account.id,
      actor: { userId: ctx.actor.id, email: ctx.actor.email },
      action: "sso.extend_invitation",
      target: { type: "sso", id: after.id },
      request: ctx.request,
      after: { email: after.email, invitationStatus: after.invitationStatus },
    }),
  );
  return after;
}
