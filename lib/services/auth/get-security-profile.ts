import "server-only";
import type { UserContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { PreconditionError } from "@/lib/server/errors";

export type SecurityProfileDTO = {
  email: string;
  name: string;
  lastSignInAt: string | null;
  totpEnabledAt: string | null;
  recoveryCodesLeft: number;
  /** Names of the user's Hubs that require 2FA. */
  requiredBy: string[];
};

export async function getSecurityProfile({
  ctx,
}: {
  ctx: Pick<UserContext, "actor" | "db">;
}): Promise<SecurityProfileDTO> {
  const client = ctx.db ?? db;
  const user = await client.user.findUnique({
    where: { id: ctx.actor.id },
    select: {
      email: true,
      name: true,
      lastSignInAt: true,
      totpEnabledAt: true,
      memberships: { where: { hub: { require2fa: true } }, select: { hub: { select: { name: true } } } },
      _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
    },
  });
  if (!user) throw new PreconditionError("Your account no longer exists.");
  return {
    email: user.email,
    name: user.name,
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    totpEnabledAt: user.totpEnabledAt?.toISOString() ?? null,
    recoveryCodesLeft: user._count.recoveryCodes,
    requiredBy: user.memberships.map((m) => m.hub.name),
  };
}
