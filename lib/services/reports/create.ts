import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { writeAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { getAccountInHub } from "@/lib/services/api-accounts/internal";
import { toRunDTO, type ReportRunDTO } from "./dto";
import { DEFINITION_SELECT, requestRun, toDefinitionShape } from "./internal";
import { CreateReportInput, definitionFilters, periodBounds } from "./schemas";

/**
 * Saves a named definition (type, filters, columns, sort, schedule) for this Hub and API account,
 * audited, then runs it once for the chosen period. Everything is validated before any write or call.
 */
export async function createReport({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: CreateReportInput;
}): Promise<{ definitionId: string; run: ReportRunDTO }> {
  assertCan(ctx, "reporting.create");
  const data = parseInput(CreateReportInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  if (data.schedule) assertCan(ctx, "reporting.edit");
  await getAccountInHub(db, ctx.hub.id, ctx.account.id);
  const filters = definitionFilters(data);
  const fields = {
    name: data.name,
    reportType: data.reportType,
    filters,
    columns: data.columns,
    sort: data.sort,
    schedule: data.schedule ?? null,
  };
  const definition = await db.$transaction(async (tx) => {
    const row = await tx.reportDefinition.create({
      data: {
        hubId: ctx.hub.id,
        apiAccountId: ctx.account.id,
        ...fields,
        createdById: ctx.actor.id,
      },
      select: DEFINITION_SELECT,
    });
    await writeAudit(tx, ctx, {
      action: "report.definition.create",
      target: { type: "report_definition", id: row.id },
      after: fields,
    });
    return row;
  });
  const run = await requestRun(ctx, definition.id, toDefinitionShape(definition), periodBounds(data));
  return { definitionId: definition.id, run: toRunDTO(run) };
}
