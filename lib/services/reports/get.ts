import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { toDefinitionDTO, toRunDTO, type ReportDefinitionDTO, type ReportRunDTO } from "./dto";
import { getDefinitionInAccount, RUN_SELECT, syncRunStatus, toDefinitionShape } from "./internal";
import { DefinitionIdInput } from "./schemas";

const RUNS_SHOWN = 50;
// Each pending run costs one MANGOPAY read; a page view refreshes the newest few only.
const SYNCED_PER_VIEW = 5;

/** A definition with its runs (newest first), pending ones brought up to date from MANGOPAY. */
export async function getReportDefinition({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: DefinitionIdInput;
}): Promise<{ definition: ReportDefinitionDTO; runs: ReportRunDTO[] }> {
  assertCan(ctx, "reporting.read");
  const data = parseInput(DefinitionIdInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const definition = await getDefinitionInAccount(ctx, data.definitionId);
  const kind = toDefinitionShape(definition).reportType;
  const rows = await db.reportRun.findMany({
    where: { definitionId: definition.id, hubId: ctx.hub.id, apiAccountId: ctx.account.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: RUNS_SHOWN,
    select: RUN_SELECT,
  });
  let synced = 0;
  const runs = await Promise.all(
    rows.map((run) => {
      if (run.status !== "PENDING" || !run.mangopayReportId || synced >= SYNCED_PER_VIEW) return run;
      synced++;
      return syncRunStatus(ctx, kind, run).catch(() => run);
    }),
  );
  return { definition: toDefinitionDTO(definition), runs: runs.map(toRunDTO) };
}
