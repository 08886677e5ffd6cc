import "server-only";
// The money layer on the operation row (docs/operations.md). One path for every money action:
//   openOperation  — one transaction: the row (PENDING, or AWAITING_APPROVAL later) + the intent audit;
//   sendOperation  — the stored request, sent with the stored Idempotency-Key, outside any transaction;
//   settleOperation — one transaction: MANGOPAY's answer (or refusal) + the result audit.
// The form's operation key maps every resubmit of one form to one row, hence one MANGOPAY object.
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { AccountContext } from "@/lib/server/context-types";
import { writeAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { ConflictError, NotFoundError, ServiceError, ValidationError } from "@/lib/server/errors";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { callMangopay, UpstreamServiceError } from "@/lib/services/upstream";
import { OPERATION_SELECT, toOperationDTO, type OperationDTO, type OperationRow } from "./dto";
import { readOutcome } from "./outcome";
import { settleOperation } from "./record-outcome";
import { reconcileOperation } from "./reconcile";

export type MoneyRequest = { path: string; params: Record<string, string>; body: Record<string, unknown> };

export type MoneyOperationSpec = {
  /** Audit action, e.g. "payout.create"; the result audit is "<action>.result" / ".failed". */
  action: string;
  kind: string;
  operationKey: string;
  amountMinor?: number | null;
  feesMinor?: number | null;
  currency?: string | null;
  sourceId?: string | null;
  destinationId?: string | null;
  reason?: string | null;
  request: MoneyRequest;
};

/**
 * A burst of submissions (a double click times fifty) queues for the pool: waiting up to 15 s for a
 * connection beats failing a submission whose twin is about to succeed.
 */
export const OPERATION_TX = { maxWait: 15_000, timeout: 15_000 };

/** How long a resubmit waits for the first submission of the same form to finish. */
const RESUBMIT_WAIT_MS = 10_000;
const RESUBMIT_POLL_MS = 150;

/** What makes two submissions "the same operation": a resubmit must not change any of it. */
function sameOperation(row: OperationRow, spec: MoneyOperationSpec): boolean {
  const num = (v: bigint | number | null | undefined) => (v === null || v === undefined ? null : Number(v));
  return (
    row.action === spec.action &&
    row.kind === spec.kind &&
    num(row.amountMinor) === num(spec.amountMinor) &&
    num(row.feesMinor) === num(spec.feesMinor) &&
    (row.currency ?? null) === (spec.currency ?? null) &&
    (row.sourceId ?? null) === (spec.sourceId ?? null) &&
    (row.destinationId ?? null) === (spec.destinationId ?? null)
  );
}

async function openOperation(
  ctx: AccountContext,
  spec: MoneyOperationSpec,
): Promise<{ row: OperationRow; isNew: boolean }> {
  const where = {
    apiAccountId_actorUserId_operationKey: {
      apiAccountId: ctx.account.id,
      actorUserId: ctx.actor.id,
      operationKey: spec.operationKey,
    },
  };
  const existing = await db.upstreamOperation.findUnique({ where, select: OPERATION_SELECT });
  if (existing) return { row: existing, isNew: false };
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.upstreamOperation.create({
        data: {
          hubId: ctx.hub.id,
          apiAccountId: ctx.account.id,
          actorUserId: ctx.actor.id,
          action: spec.action,
          kind: spec.kind,
          operationKey: spec.operationKey,
          idempotencyKey: randomUUID(),
          amountMinor: spec.amountMinor == null ? null : BigInt(spec.amountMinor),
          feesMinor: spec.feesMinor == null ? null : BigInt(spec.feesMinor),
          currency: spec.currency ?? null,
          sourceId: spec.sourceId ?? null,
          destinationId: spec.destinationId ?? null,
          reason: spec.reason ?? null,
          request: { method: "POST", ...spec.request } as Prisma.InputJsonValue,
          status: "PENDING",
          // No approval step yet: the opening request owns the send. An approval will set it instead.
          sentAt: new Date(),
        },
        select: OPERATION_SELECT,
      });
      await writeAudit(tx, ctx, {
        action: `${spec.action}.intent`,
        target: spec.sourceId ? { type: spec.kind.toLowerCase(), id: spec.sourceId } : null,
        after: {
          kind: spec.kind,
          amountMinor: spec.amountMinor ?? null,
          feesMinor: spec.feesMinor ?? null,
          currency: spec.currency ?? null,
          sourceId: spec.sourceId ?? null,
          destinationId: spec.destinationId ?? null,
          reason: spec.reason ?? null,
        },
        metadata: { operationId: created.id },
      });
      return created;
    }, OPERATION_TX);
    return { row, isNew: true };
  } catch (err) {
    // A parallel submission of the same form won the insert: use its row.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const row = await db.upstreamOperation.findUnique({ where, select: OPERATION_SELECT });
      if (row) return { row, isNew: false };
    }
    throw err;
  }
}

/**
 * Errors after which MANGOPAY certainly did not execute the request: a refusal of the request itself
 * (FAILED), or a refusal before looking at it — rate limit, quota, credentials (NOT_SENT). Anything
 * else (lost answer, timeout, 5xx) may have been executed: the row stays PENDING for reconciliation.
 */
function refusal(err: unknown): { kind: "refused" | "not_sent"; code: string; message: string } | null {
  if (err instanceof ValidationError || err instanceof NotFoundError)
    return { kind: "refused", code: err.code, message: err.message };
  if (err instanceof UpstreamServiceError) {
    const { kind, type } = err.failure;
    if (["rate_limit", "quota_protection", "authentication"].includes(kind))
      return { kind: "not_sent", code: type ?? kind.toUpperCase(), message: `${err.message} Nothing was sent.` };
    if (kind === "refused" || kind === "sca") return { kind: "refused", code: type ?? kind, message: err.message };
  }
  return null;
}

/** Sends a claimed PENDING operation with its own key and records what came back. Used by every path. */
export async function sendOperation(ctx: AccountContext, row: OperationRow): Promise<OperationRow> {
  const request = row.request as (MoneyRequest & { method: "POST" }) | null;
  if (!request) throw new ServiceError("OPERATION_INVALID", "This operation has no stored request.");
  const client = await mangopayClientFor(row.hubId, row.apiAccountId);
  let body: unknown;
  try {
    body = await callMangopay(async () => {
      const response = await client.request({
        method: "POST",
        path: request.path,
        params: request.params,
        body: request.body,
        idempotencyKey: row.idempotencyKey,
        recoverOnConflict: true,
      });
      return response.body;
    });
  } catch (err) {
    const refused = refusal(err);
    if (refused) return settleOperation(ctx, row, refused, "call");
    // Lost answer, timeout, 5xx: the row stays PENDING with its key; reconciliation settles it.
    return db.upstreamOperation.findUniqueOrThrow({ where: { id: row.id }, select: OPERATION_SELECT });
  }
  const outcome = readOutcome(body);
  if (!outcome) return db.upstreamOperation.findUniqueOrThrow({ where: { id: row.id }, select: OPERATION_SELECT });
  return settleOperation(ctx, row, { kind: "answered", outcome }, "call");
}

async function waitForSettled(row: OperationRow): Promise<OperationRow> {
  const deadline = Date.now() + RESUBMIT_WAIT_MS;
  let current = row;
  while (current.status === "PENDING" && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, RESUBMIT_POLL_MS));
    current = await db.upstreamOperation.findUniqueOrThrow({ where: { id: row.id }, select: OPERATION_SELECT });
  }
  return current;
}

/**
 * Runs one money operation for a form submission. Call it after `assertCan`, input parsing and the
 * ownership checks. A resubmit of the same form (same operation key) never sends again: it returns
 * the first submission's outcome (waiting for it, then asking MANGOPAY for the stored answer).
 */
export async function runMoneyOperation(ctx: AccountContext, spec: MoneyOperationSpec): Promise<OperationDTO> {
  const { row, isNew } = await openOperation(ctx, spec);
  if (!isNew) {
    if (!sameOperation(row, spec)) {
      throw new ConflictError(
        "This form was already submitted with other values. Close it and open a new one to start another operation.",
      );
    }
    let settled = await waitForSettled(row);
    if (settled.status === "PENDING") settled = await reconcileOperation(settled, "resubmit", ctx);
    return toOperationDTO(settled, ctx.actor.email);
  }
  return toOperationDTO(await sendOperation(ctx, row), ctx.actor.email);
}
