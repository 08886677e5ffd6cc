import "server-only";
import { sso } from "@/lib/mangopay";
import { writeAudit } from "@/lib/server/audit";
import type { AccountContext } from "@/lib/server/context-types";
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
    writeAudit(tx, ctx, {
      action: "sso.extend_invitation",
      target: { type: "sso", id: after.id },
      after: { email: after.email, invitationStatus: after.invitationStatus },
    }),
  );
  return after;
}
