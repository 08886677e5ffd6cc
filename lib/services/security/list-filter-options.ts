import "server-only";
import type { HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { assertCan } from "@/lib/server/permissions";

export type SecurityFilterOptions = {
  members: { userId: string; email: string }[];
  actions: string[];
  accounts: { id: string; name: string; environment: "SANDBOX" | "PRODUCTION" }[];
};

/** Choices for the filter bar: people and accounts that appear in this Hub's history. */
export async function listSecurityFilterOptions({ ctx }: { ctx: HubContext }): Promise<SecurityFilterOptions> {
  assertCan(ctx, "hub.security.read");
  const [actors, actions, accounts] = await Promise.all([
    db.auditEvent.findMany({
      where: { hubId: ctx.hub.id, actorUserId: { not: null } },
      distinct: ["actorUserId"],
      select: { actorUserId: true, actorEmail: true },
    }),
    db.auditEvent.findMany({
      where: { hubId: ctx.hub.id },
      distinct: ["action"],
      select: { action: true },
      orderBy: { action: "asc" },
    }),
    db.apiAccount.findMany({
      where: { hubId: ctx.hub.id },
      select: { id: true, name: true, environment: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return {
    members: actors
      .flatMap((a) => (a.actorUserId ? [{ userId: a.actorUserId, email: a.actorEmail ?? a.actorUserId }] : []))
      .sort((a, b) => a.email.localeCompare(b.email)),
    actions: actions.map((a) => a.action),
    accounts,
  };
}
