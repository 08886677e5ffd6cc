import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "@/lib/server/audit";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { ConflictError, NotFoundError, parseInput } from "@/lib/server/errors";
import { currentJobQueue } from "@/lib/server/jobs";
import { assertCan } from "@/lib/server/permissions";
import { getAccountInHub } from "@/lib/services/api-accounts/internal";
import { enqueueBackfill, EVENTS_WINDOW_MS } from "./backfill";

export const StartMirrorBackfillInput = z.object({
  accountId: z.string().min(1).max(64),
  /** Only when this account was never backfilled (the automatic start after connecting webhooks). */
  ifNeverRun: z.boolean().optional(),
});
export type StartMirrorBackfillInput = z.input<typeof StartMirrorBackfillInput>;

export type StartMirrorBackfillResult = { started: boolean; resumed: boolean; queued: boolean };

/**
 * Starts the account's backfill on the job queue: from the beginning, or — after a run that failed —
 * from its cursor. One run per account at a time: a second start while one runs is refused.
 */
export async function startMirrorBackfill({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: StartMirrorBackfillInput;
}): Promise<StartMirrorBackfillResult> {
  assertCan(ctx, "hooks.create");
  assertCan(ctx, "hooks.edit");
  const data = parseInput(StartMirrorBackfillInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const scope = { hubId: ctx.hub.id, apiAccountId: ctx.account.id };
  const runId = randomUUID();
  const now = new Date();
  const fresh = {
    phase: "user",
    page: 1,
    steps: 0,
    usersDone: 0,
    usersTotal: null,
    eventsSince: new Date(now.getTime() - EVENTS_WINDOW_MS),
    startedAt: now,
  };
  let started: { id: string; resumed: boolean } | null;
  try {
    started = await db.$transaction(async (tx) => {
      await getAccountInHub(tx, ctx.hub.id, ctx.account.id);
      const existing = await tx.mirrorBackfill.findFirst({ where: scope, select: { id: true, status: true } });
      if (existing && data.ifNeverRun) return null;
      const resumed = existing?.status === "FAILED";
      let id: string;
      if (!existing) {
        id = (await tx.mirrorBackfill.create({ data: { ...scope, ...fresh, runId, status: "RUNNING" } })).id;
      } else {
        // Conditional on the state read: two starts at once, one wins.
        const moved = await tx.mirrorBackfill.updateMany({
          where: { id: existing.id, status: { not: "RUNNING" } },
          data: { runId, status: "RUNNING", finishedAt: null, lastError: null, ...(resumed ? {} : fresh) },
        });
        if (moved.count === 0) throw new ConflictError("A backfill is already running for this account.");
        id = existing.id;
      }
      await writeAudit(tx, ctx, {
        action: resumed ? "mirror.backfill.resume" : "mirror.backfill.start",
        target: { type: "mirror_backfill", id },
        metadata: { runId, automatic: data.ifNeverRun === true },
      });
      return { id, resumed };
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")
      throw new ConflictError("A backfill is already running for this account.");
    throw err;
  }
  if (!started) return { started: false, resumed: false, queued: false };
  const queued = await enqueueBackfill(currentJobQueue(), { backfillId: started.id, runId }, "0");
  return { started: true, resumed: started.resumed, queued };
}
