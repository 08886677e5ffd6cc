import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { OPERATION_SELECT, toOperationDTO, type OperationDTO } from "./dto";
import { actorEmails } from "./internal";
import { reconcileOperation } from "./reconcile";
import { OperationIdInput } from "./schemas";

export type OperationAuditDTO = {
  id: string;
  action: string;
  actorEmail: string | null;
  createdAt: string;
  after: Prisma.JsonValue | null;
  trigger: string | null;
};

/** One operation and its audit trail (intent, result, reconciliation); viewing it reconciles a PENDING one. */
export async function getOperation({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: OperationIdInput;
}): Promise<{ operation: OperationDTO; audit: OperationAuditDTO[] }> {
  assertCan(ctx, "transactions.read");
  const { operationId } = parseInput(OperationIdInput, input);
  const row = await db.upstreamOperation.findFirst({
    where: { id: operationId, hubId: ctx.hub.id, apiAccountId: ctx.account.id },
    select: OPERATION_SELECT,
  });
  if (!row) throw new NotFoundError("Operation not found");
  const current = row.status === "PENDING" ? await reconcileOperation(row, "view") : row;
  const [audit, emails] = await Promise.all([
    db.auditEvent.findMany({
      where: { hubId: ctx.hub.id, metadata: { path: ["operationId"], equals: row.id } },
      orderBy: { createdAt: "asc" },
      select: { id: true, action: true, actorEmail: true, createdAt: true, after: true, metadata: true },
    }),
    actorEmails([current.actorUserId]),
  ]);
  return {
    operation: toOperationDTO(current, current.actorUserId ? (emails.get(current.actorUserId) ?? null) : null),
    audit: audit.map((a) => {
      const meta = (a.metadata ?? {}) as Record<string, unknown>;
      return {
        id: a.id,
        action: a.action,
        actorEmail: a.actorEmail,
        createdAt: a.createdAt.toISOString(),
        after: a.after,
        trigger: typeof meta.trigger === "string" ? meta.trigger : null,
      };
    }),
  };
}
