import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { writeAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { toDefinitionDTO, type ReportDefinitionDTO } from "./dto";
import { DEFINITION_SELECT, getDefinitionInAccount } from "./internal";
import { SetScheduleInput } from "./schemas";

/** Turns a definition's schedule on, changes it or turns it off (no schedule), audited with before/after. */
export async function setReportSchedule({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: SetScheduleInput;
}): Promise<ReportDefinitionDTO> {
  assertCan(ctx, "reporting.edit");
  const data = parseInput(SetScheduleInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const current = await getDefinitionInAccount(ctx, data.definitionId);
  const schedule = data.schedule ?? null;
  return db.$transaction(async (tx) => {
    const updated = await tx.reportDefinition.update({
      where: { id: current.id },
      data: { schedule },
      select: DEFINITION_SELECT,
    });
    await writeAudit(tx, ctx, {
      action: "report.schedule.update",
      target: { type: "report_definition", id: current.id },
      before: { schedule: current.schedule },
      after: { schedule },
    });
    return toDefinitionDTO(updated);
  });
}
