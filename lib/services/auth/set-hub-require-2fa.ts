import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { HubContext } from "@/lib/server/context-types";
import { db, type Db } from "@/lib/server/db";
import { parseInput, PreconditionError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { SetHubRequire2faInput } from "./schemas";

export type HubSecuritySettingsDTO = { require2fa: boolean; membersWithout2fa: number };

/** Hub setting "require 2FA for every member" (OWNER/ADMIN via hub.settings.manage). */
export async function setHubRequire2fa({
  ctx,
  input,
}: {
  ctx: HubContext & { db?: Db };
  input: unknown;
}): Promise<HubSecuritySettingsDTO> {
  assertCan(ctx, "hub.settings.manage");
  const { require2fa } = parseInput(SetHubRequire2faInput, input);
  const client = ctx.db ?? db;
  if (require2fa) {
    // Turning it on without 2FA yourself would send you straight to the set-up page.
    const self = await client.user.findUnique({ where: { id: ctx.actor.id }, select: { totpEnabledAt: true } });
    if (!self?.totpEnabledAt)
      throw new PreconditionError("Turn on two-factor authentication for your own account first.");
  }
  return client.$transaction(async (tx) => {
    const before = await tx.hub.findUniqueOrThrow({ where: { id: ctx.hub.id }, select: { require2fa: true } });
    await tx.hub.update({ where: { id: ctx.hub.id }, data: { require2fa }, select: { id: true } });
    await writeAudit(tx, ctx, {
      action: "hub.settings.require_2fa",
      target: { type: "hub", id: ctx.hub.id },
      before,
      after: { require2fa },
    });
    const membersWithout2fa = await tx.membership.count({
      where: { hubId: ctx.hub.id, user: { totpEnabledAt: null } },
    });
    return { require2fa, membersWithout2fa };
  });
}

export async function getHubSecuritySettings({
  ctx,
}: {
  ctx: HubContext & { db?: Db };
}): Promise<HubSecuritySettingsDTO> {
  assertCan(ctx, "hub.settings.manage");
  const client = ctx.db ?? db;
  const [hub, membersWithout2fa] = await Promise.all([
    client.hub.findUniqueOrThrow({ where: { id: ctx.hub.id }, select: { require2fa: true } }),
    client.membership.count({ where: { hubId: ctx.hub.id, user: { totpEnabledAt: null } } }),
  ]);
  return { require2fa: hub.require2fa, membersWithout2fa };
}
