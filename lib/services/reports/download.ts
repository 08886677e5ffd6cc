import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { writeAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { getDefinitionInAccount, getRunInAccount, openRunFile, toDefinitionShape } from "./internal";
import { RunIdInput } from "./schemas";

/** The run's CSV as MANGOPAY generated it, streamed through; who downloaded which report is audited first. */
export async function downloadReportRun({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: RunIdInput;
}): Promise<{ filename: string; body: ReadableStream<Uint8Array> }> {
  assertCan(ctx, "reporting.read");
  const data = parseInput(RunIdInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const run = await getRunInAccount(ctx, data.runId);
  const definition = await getDefinitionInAccount(ctx, run.definitionId);
  const { run: current, body } = await openRunFile(ctx, toDefinitionShape(definition).reportType, run);
  try {
    await db.$transaction((tx) =>
      writeAudit(tx, ctx, {
        action: "report.download",
        target: { type: "report", id: current.mangopayReportId ?? run.id },
        metadata: { runId: run.id, definitionId: definition.id },
      }),
    );
  } catch (err) {
    await body.cancel();
    throw err;
  }
  const slug =
    definition.name
      .replace(/[^A-Za-z0-9_-]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "report";
  return { filename: `${slug}-${run.periodStart.toISOString().slice(0, 10)}.csv`, body };
}
