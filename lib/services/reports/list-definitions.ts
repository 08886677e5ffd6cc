import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { toDefinitionDTO, type ReportDefinitionDTO } from "./dto";
import { DEFINITION_SELECT } from "./internal";
import { ListReportsInput } from "./schemas";

/** The saved definitions of this Hub's API account, newest first, with their last run's status. */
export async function listReportDefinitions({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: ListReportsInput;
}): Promise<(ReportDefinitionDTO & { lastRunStatus: string | null; lastRunAt: string | null })[]> {
  assertCan(ctx, "reporting.read");
  const { accountId } = parseInput(ListReportsInput, input);
  if (accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const rows = await db.reportDefinition.findMany({
    where: { hubId: ctx.hub.id, apiAccountId: ctx.account.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: {
      ...DEFINITION_SELECT,
      runs: { orderBy: { createdAt: "desc" }, take: 1, select: { status: true, createdAt: true } },
    },
  });
  return rows.map(({ runs, ...row }) => ({
    ...toDefinitionDTO(row),
    lastRunStatus: runs[0]?.status ?? null,
    lastRunAt: runs[0]?.createdAt.toISOString() ?? null,
  }));
}
