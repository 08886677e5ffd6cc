import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { isReportKind } from "@/lib/report-catalog";
import { RUN_SELECT, syncRunStatus } from "./internal";
import { RunStatusInput } from "./schemas";

/**
 * The current status of some runs (the pending-report poller): pending ones are asked of MANGOPAY.
 * Ids of another Hub or account are simply absent from the answer.
 */
export async function getReportRunStatuses({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: RunStatusInput;
}): Promise<{ id: string; status: string }[]> {
  assertCan(ctx, "reporting.read");
  const data = parseInput(RunStatusInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const rows = await db.reportRun.findMany({
    where: { id: { in: data.runIds }, hubId: ctx.hub.id, apiAccountId: ctx.account.id },
    select: { ...RUN_SELECT, definition: { select: { reportType: true } } },
  });
  return Promise.all(
    rows.map(async ({ definition, ...run }) => {
      if (!isReportKind(definition.reportType)) return { id: run.id, status: run.status };
      const now = await syncRunStatus(ctx, definition.reportType, run).catch(() => run);
      return { id: now.id, status: now.status };
    }),
  );
}
