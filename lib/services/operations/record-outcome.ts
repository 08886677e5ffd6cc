import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { writeAudit, type AuditScope } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { OPERATION_SELECT, type OperationRow } from "./dto";
import { statusOf, type OperationOutcome } from "./outcome";

/** Recording an answer MANGOPAY already gave must not fail for want of a free connection. */
const SETTLE_TX = { maxWait: 15_000, timeout: 15_000 };

export type Settlement =
  | { kind: "answered"; outcome: OperationOutcome }
  | { kind: "refused"; code: string; message: string }
  | { kind: "not_sent"; code: string; message: string };

/**
 * Completes a PENDING operation exactly once: the update only matches while the row is PENDING, so
 * the request that sent it, a resubmit and the reconciliation sweep can race and one of them records
 * (with its audit row); the others read the recorded row.
 */
export async function settleOperation(
  scope: AuditScope | null,
  row: Pick<OperationRow, "id" | "hubId" | "apiAccountId" | "action">,
  settlement: Settlement,
  trigger: "call" | "view" | "sweep" | "resubmit",
): Promise<OperationRow> {
  const data: Prisma.UpstreamOperationUpdateManyMutationInput =
    settlement.kind === "answered"
      ? {
          status: statusOf(settlement.outcome),
          upstreamId: settlement.outcome.upstreamId,
          upstreamStatus: settlement.outcome.upstreamStatus,
          resultCode: settlement.outcome.resultCode,
          resultMessage: settlement.outcome.resultMessage,
          resultData: settlement.outcome.resultData,
          completedAt: new Date(),
        }
      : {
          status: settlement.kind === "refused" ? "FAILED" : "NOT_SENT",
          errorCode: settlement.code,
          resultCode: settlement.code,
          resultMessage: settlement.message,
          completedAt: new Date(),
        };
  return db.$transaction(async (tx) => {
    const { count } = await tx.upstreamOperation.updateMany({ where: { id: row.id, status: "PENDING" }, data });
    if (count === 1) {
      const status = data.status as string;
      await writeAudit(tx, scope, {
        action: `${row.action}.${status === "SUCCEEDED" ? "result" : status.toLowerCase()}`,
        hubId: row.hubId,
        apiAccountId: row.apiAccountId,
        target:
          settlement.kind === "answered"
            ? { type: row.action.split(".")[0] ?? "operation", id: settlement.outcome.upstreamId }
            : null,
        after: {
          status,
          upstreamStatus: settlement.kind === "answered" ? settlement.outcome.upstreamStatus : null,
          resultCode: (data.resultCode as string | null | undefined) ?? null,
          resultMessage: (data.resultMessage as string | null | undefined) ?? null,
        },
        metadata: { operationId: row.id, trigger },
      });
    }
    return tx.upstreamOperation.findUniqueOrThrow({ where: { id: row.id }, select: OPERATION_SELECT });
  }, SETTLE_TX);
}
