import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { eventHistoryWhere } from "@/lib/services/events/list-history";
import { csvRecord } from "./csv";
import { after, auditExport, keysetBatches } from "./internal";
import { ExportEventsInput } from "./schemas";

/** Every mirrored event matching the events page's filters as CSV records, newest first; audited first. */
export async function exportEvents({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: ExportEventsInput;
}): Promise<AsyncGenerator<string[]>> {
  assertCan(ctx, "events.read");
  const filters = parseInput(ExportEventsInput, input ?? {});
  await auditExport(ctx, "events", { ...filters });
  return readEvents(eventHistoryWhere({ hubId: ctx.hub.id, apiAccountId: ctx.account.id }, filters));
}

async function* readEvents(where: Prisma.MirrorEventWhereInput): AsyncGenerator<string[]> {
  const batches = keysetBatches((last: { id: string; eventDate: Date } | null, take: number) =>
    db.mirrorEvent.findMany({
      where: { AND: [where, after("eventDate", last && { id: last.id, at: last.eventDate }, "desc")] },
      orderBy: [{ eventDate: "desc" }, { id: "desc" }],
      take,
      select: { id: true, eventType: true, resourceId: true, eventDate: true, recordedAt: true },
    }),
  );
  for await (const rows of batches)
    for (const e of rows) yield csvRecord([e.eventDate, e.eventType, e.resourceId, e.recordedAt]);
}
