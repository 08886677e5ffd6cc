import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { toRunDTO, type ReportRunDTO } from "./dto";
import { getDefinitionInAccount, getRunInAccount, requestRun, toDefinitionShape } from "./internal";
import { assertPeriodAllowed } from "./run";
import { periodBounds, RerunReportInput } from "./schemas";

/** A new MANGOPAY report from the same definition (same period unless a new one is given), linked to the run. */
export async function rerunReport({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: RerunReportInput;
}): Promise<ReportRunDTO> {
  assertCan(ctx, "reporting.create");
  const data = parseInput(RerunReportInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const original = await getRunInAccount(ctx, data.runId);
  const definition = await getDefinitionInAccount(ctx, original.definitionId);
  const shape = toDefinitionShape(definition);
  const period =
    data.from && data.to
      ? periodBounds({ from: data.from, to: data.to })
      : { start: original.periodStart, end: original.periodEnd };
  assertPeriodAllowed(shape.reportType, period);
  return toRunDTO(await requestRun(ctx, definition.id, shape, period, { rerunOfId: original.id }));
}
