import "server-only";
import { z } from "zod";
import { writeAudit } from "@/lib/server/audit";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { NotFoundError, parseInput, PreconditionError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { getAccountInHub } from "@/lib/services/api-accounts/internal";

export const CancelMirrorBackfillInput = z.object({ accountId: z.string().min(1).max(64) });
export type CancelMirrorBackfillInput = z.input<typeof CancelMirrorBackfillInput>;

/**
 * Cancels the running backfill. The job stops before its next page: a page being read when the
 * run is cancelled is not written (the write is conditional on the run still running).
 */
export async function cancelMirrorBackfill({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: CancelMirrorBackfillInput;
}): Promise<{ cancelled: true }> {
  assertCan(ctx, "hooks.create");
  assertCan(ctx, "hooks.edit");
  const data = parseInput(CancelMirrorBackfillInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  return db.$transaction(async (tx) => {
    await getAccountInHub(tx, ctx.hub.id, ctx.account.id);
    const running = await tx.mirrorBackfill.findFirst({
      where: { hubId: ctx.hub.id, apiAccountId: ctx.account.id, status: "RUNNING" },
      select: { id: true, runId: true, phase: true, page: true },
    });
    const moved = running
      ? await tx.mirrorBackfill.updateMany({
          where: { id: running.id, runId: running.runId, status: "RUNNING" },
          data: { status: "CANCELLED", finishedAt: new Date() },
        })
      : { count: 0 };
    if (!running || moved.count === 0) throw new PreconditionError("No backfill is running for this account.");
    await writeAudit(tx, ctx, {
      action: "mirror.backfill.cancel",
      target: { type: "mirror_backfill", id: running.id },
      metadata: { runId: running.runId, phase: running.phase, page: running.page },
    });
    return { cancelled: true as const };
  });
}
