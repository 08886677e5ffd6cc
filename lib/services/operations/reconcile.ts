import "server-only";
// Settles operations left PENDING (answer lost, process killed between the call and the record):
// MANGOPAY keeps each POST's answer under its Idempotency-Key (GET /responses/{key}, 24 h), so the
// stored answer is recorded as if the call had returned. Never re-sent, never with a new key. When
// MANGOPAY has no answer once the grace period is over, the request never arrived: NOT_SENT.
import { responses } from "@/lib/mangopay";
import type { AuditScope } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { callMangopay } from "@/lib/services/upstream";
import { OPERATION_SELECT, type OperationRow } from "./dto";
import { readOutcome } from "./outcome";
import { reconcileRecordedCall, recordedConfirmOf } from "./reconcile-recorded";
import { settleOperation } from "./record-outcome";

/** Longer than the client's whole-call deadline (25 s): a younger PENDING row may still be in flight. */
export const RECONCILE_GRACE_MS = 2 * 60_000;

export type ReconcileTrigger = "view" | "sweep" | "resubmit";

export async function reconcileOperation(
  row: OperationRow,
  trigger: ReconcileTrigger,
  scope: AuditScope | null = null,
  options: { graceMs?: number; now?: Date } = {},
): Promise<OperationRow> {
  if (row.status !== "PENDING" || !row.sentAt) return row;
  const graceMs = options.graceMs ?? RECONCILE_GRACE_MS;
  const now = options.now ?? new Date();
  const pastGrace = now.getTime() - row.sentAt.getTime() >= graceMs;
  const recorded = recordedConfirmOf(row);
  if (recorded && trigger !== "resubmit") return reconcileRecordedCall(row, recorded, trigger, scope, pastGrace);
  let stored: Awaited<ReturnType<typeof responses.get>>;
  try {
    const client = await mangopayClientFor(row.hubId, row.apiAccountId);
    stored = await callMangopay(() => responses.get(client, row.idempotencyKey));
  } catch {
    return row; // MANGOPAY unreachable: try again on the next view or sweep
  }
  if (stored) {
    if (stored.StatusCode >= 200 && stored.StatusCode < 300) {
      const outcome = readOutcome(stored.Resource);
      if (outcome) return settleOperation(scope, row, { kind: "answered", outcome }, trigger);
      return row;
    }
    const resource = (stored.Resource ?? {}) as { Type?: unknown; Message?: unknown };
    return settleOperation(
      scope,
      row,
      {
        kind: "refused",
        code: typeof resource.Type === "string" ? resource.Type : `HTTP_${stored.StatusCode}`,
        message:
          typeof resource.Message === "string"
            ? `MANGOPAY refused the request: ${resource.Message}`
            : `MANGOPAY refused the request (HTTP ${stored.StatusCode}).`,
      },
      trigger,
    );
  }
  if (!pastGrace) return row;
  return settleOperation(
    scope,
    row,
    {
      kind: "not_sent",
      code: "NOT_RECEIVED",
      message:
        "MANGOPAY has no record of this request (checked with its idempotency key): it was not executed and no money moved.",
    },
    trigger,
  );
}

/**
 * The periodic sweep: every PENDING operation that has been sent, oldest first — money operations and
 * the non-money writes of recordedMangopayCall (reconcile-recorded.ts). A plain function so a
 * job runner can call it; returns how many it looked at and how many it settled.
 */
export async function reconcilePendingOperations(
  options: { graceMs?: number; limit?: number; olderThanMs?: number } = {},
): Promise<{ checked: number; settled: number }> {
  const cutoff = new Date(Date.now() - (options.olderThanMs ?? 30_000));
  const rows = await db.upstreamOperation.findMany({
    where: { status: "PENDING", sentAt: { not: null, lt: cutoff } },
    orderBy: { createdAt: "asc" },
    take: options.limit ?? 50,
    select: OPERATION_SELECT,
  });
  let settled = 0;
  for (const row of rows) {
    const after = await reconcileOperation(row, "sweep", null, { graceMs: options.graceMs });
    if (after.status !== "PENDING") settled += 1;
  }
  return { checked: rows.length, settled };
}
