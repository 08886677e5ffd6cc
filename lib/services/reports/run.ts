import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput, ValidationError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { toRunDTO, type ReportRunDTO } from "./dto";
import { getDefinitionInAccount, requestRun, toDefinitionShape } from "./internal";
import { checkPeriod, periodBounds, RunReportInput } from "./schemas";

/** Periods are checked against the definition's report type here, since the type is only known now. */
export function assertPeriodAllowed(kind: Parameters<typeof checkPeriod>[0], period: { start: Date; end: Date }) {
  const errors: Record<string, string[]> = {};
  checkPeriod(kind, period, Date.now(), (path, message) => (errors[path] ??= []).push(message));
  if (Object.keys(errors).length > 0) throw new ValidationError("Please correct the highlighted fields.", errors);
}

/** Runs a saved definition for a period: a new MANGOPAY report, recorded as a run of it. */
export async function runReport({ ctx, input }: { ctx: AccountContext; input: RunReportInput }): Promise<ReportRunDTO> {
  assertCan(ctx, "reporting.create");
  const data = parseInput(RunReportInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const definition = await getDefinitionInAccount(ctx, data.definitionId);
  const shape = toDefinitionShape(definition);
  const period = periodBounds(data);
  assertPeriodAllowed(shape.reportType, period);
  return toRunDTO(await requestRun(ctx, definition.id, shape, period));
}
