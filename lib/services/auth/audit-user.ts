import "server-only";
import { writeAudit, type AuditEntry, type AuditScope } from "@/lib/server/audit";
import type { Tx } from "@/lib/server/db";

/**
 * Audits an event of a person's own account (sign-ins, 2FA, password) once per Hub they belong to,
 * so each Hub's security history shows its members' sign-ins; without a Hub, one row with no Hub.
 */
export async function writeUserAudit(
  tx: Tx,
  ctx: AuditScope & { actor: { id: string; email: string } },
  entry: Omit<AuditEntry, "hubId">,
): Promise<void> {
  const memberships = await tx.membership.findMany({ where: { userId: ctx.actor.id }, select: { hubId: true } });
  const hubIds: (string | null)[] = memberships.length > 0 ? memberships.map((m) => m.hubId) : [null];
  for (const hubId of hubIds) await writeAudit(tx, ctx, { ...entry, hubId });
}
