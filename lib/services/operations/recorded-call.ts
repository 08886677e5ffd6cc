import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { AccountContext } from "@/lib/server/context-types";
import { writeAudit } from "@/lib/server/audit";
import { db, type Tx } from "@/lib/server/db";
import { ServiceError } from "@/lib/server/errors";

/** MANGOPAY made the change, but the dashboard could not record its result (the intent is recorded). */
export class ResultNotRecordedError extends ServiceError {
  constructor(action: string, options?: { cause?: unknown }) {
    super(
      "RESULT_NOT_RECORDED",
      `MANGOPAY accepted the change (${action}), but the dashboard could not record the result. It is listed as pending in the security history; do not repeat it.`,
      options,
    );
  }
}

/**
 * How a recorded call left PENDING (the process died between the call and the record) is settled
 * later by the sweep or a view (reconcile.ts): a creation sent with the operation's idempotency key
 * through MANGOPAY's stored answer (`GET /responses/{key}`); an update, which carries no key, by
 * reading the object back and comparing the fields it set.
 */
export type RecordedConfirm =
  | { by: "response" }
  | {
      by: "read";
      path: string;
      params: Record<string, string>;
      expect: Record<string, ConfirmValue>;
      /** An update that appends to a list (PayPal `Trackings`): the list holds an item with these fields. */
      listed?: { field: string; item: Record<string, ConfirmValue> };
    };
export type ConfirmValue = string | number | boolean | null;

/** The scalar fields of a request body: what a read of the object must show once the update applied. */
export function scalarFields(body: object): Record<string, ConfirmValue> {
  return Object.fromEntries(
    Object.entries(body).filter(
      (e): e is [string, ConfirmValue] => e[1] === null || ["string", "number", "boolean"].includes(typeof e[1]),
    ),
  );
}

export type RecordedCall<T> = {
  action: string;
  targetType: string;
  /** Known before the call for updates; the created object's id otherwise (from `result`). */
  targetId?: string;
  before?: Prisma.InputJsonValue | null;
  /** What is about to be sent, audited as the intent before anything reaches MANGOPAY. */
  intent: Prisma.InputJsonValue;
  call: (idempotencyKey: string) => Promise<T>;
  /** How the sweep settles this call if its result is never recorded. */
  confirm: RecordedConfirm;
  result: (value: T) => { upstreamId: string; after: Prisma.InputJsonValue };
  /** More writes in the result transaction (e.g. grants withdrawn after a deactivation). */
  alsoInResult?: (tx: Tx, value: T) => Promise<void>;
};

/**
 * A MANGOPAY write in three steps: (1) one transaction records a PENDING operation and audits the
 * intent — if that fails (bad input, database down) nothing is sent; (2) the call, never inside a
 * transaction; (3) one transaction completes the operation and audits the result. A failed call is
 * recorded as FAILED. A failed step 3 leaves the PENDING row and the intent audit behind, settled
 * later by the operation sweep through `op.confirm`.
 */
export async function recordedMangopayCall<T>(ctx: AccountContext, op: RecordedCall<T>): Promise<T> {
  const idempotencyKey = randomUUID();
  const operation = await db.$transaction(async (tx) => {
    const row = await tx.upstreamOperation.create({
      data: {
        hubId: ctx.hub.id,
        apiAccountId: ctx.account.id,
        actorUserId: ctx.actor.id,
        action: op.action,
        idempotencyKey,
        // Marks the row as possibly sent, for the sweep; `targetId` names the object of a response without a body.
        sentAt: new Date(),
        request: { confirm: op.confirm, targetId: op.targetId ?? null },
      },
      select: { id: true },
    });
    await writeAudit(tx, ctx, {
      action: `${op.action}.intent`,
      target: op.targetId ? { type: op.targetType, id: op.targetId } : null,
      before: op.before ?? null,
      after: op.intent,
      metadata: { operationId: row.id },
    });
    return row;
  });

  let value: T;
  try {
    value = await op.call(idempotencyKey);
  } catch (err) {
    const errorCode = err instanceof ServiceError ? err.code : err instanceof Error ? err.name : "UNKNOWN";
    await db
      .$transaction(async (tx) => {
        await tx.upstreamOperation.update({
          where: { id: operation.id },
          data: { status: "FAILED", errorCode, completedAt: new Date() },
          select: { id: true },
        });
        await writeAudit(tx, ctx, {
          action: `${op.action}.failed`,
          target: op.targetId ? { type: op.targetType, id: op.targetId } : null,
          metadata: { operationId: operation.id, errorCode },
        });
      })
      .catch((recordErr: unknown) =>
        console.error("[operations] could not record a failed MANGOPAY call", {
          operationId: operation.id,
          error: recordErr instanceof Error ? recordErr.name : "unknown",
        }),
      );
    throw err;
  }

  const { upstreamId, after } = op.result(value);
  try {
    await db.$transaction(async (tx) => {
      await tx.upstreamOperation.update({
        where: { id: operation.id },
        data: { status: "SUCCEEDED", upstreamId, completedAt: new Date() },
        select: { id: true },
      });
      await writeAudit(tx, ctx, {
        action: op.action,
        target: { type: op.targetType, id: upstreamId },
        before: op.before ?? null,
        after,
        metadata: { operationId: operation.id },
      });
      await op.alsoInResult?.(tx, value);
    });
  } catch (err) {
    throw new ResultNotRecordedError(op.action, { cause: err });
  }
  return value;
}
