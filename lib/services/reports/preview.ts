import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { writeAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { REPORT_RULES } from "@/lib/report-catalog";
import { summarizeReportCsv, type ReportPreview } from "./csv-summary";
import { getDefinitionInAccount, getRunInAccount, openRunFile, toDefinitionShape } from "./internal";
import { RunIdInput } from "./schemas";

/**
 * The first rows of a ready run and, for transaction and fee reports, money per day and currency,
 * computed while the CSV streams from MANGOPAY. Reading the file is audited like a download.
 */
export async function previewReportRun({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: RunIdInput;
}): Promise<ReportPreview> {
  assertCan(ctx, "reporting.read");
  const data = parseInput(RunIdInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const run = await getRunInAccount(ctx, data.runId);
  const definition = await getDefinitionInAccount(ctx, run.definitionId);
  const kind = toDefinitionShape(definition).reportType;
  const { run: current, body } = await openRunFile(ctx, kind, run);
  try {
    await db.$transaction((tx) =>
      writeAudit(tx, ctx, {
        action: "report.preview",
        target: { type: "report", id: current.mangopayReportId ?? run.id },
        metadata: { runId: run.id, definitionId: definition.id },
      }),
    );
  } catch (err) {
    await body.cancel();
    throw err;
  }
  return summarizeReportCsv(body, { chart: REPORT_RULES[kind].chart });
}
