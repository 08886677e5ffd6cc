import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { assertCan } from "@/lib/server/permissions";
import { AUDIT_EVENT_SELECT, accountNames, auditWhere } from "./list-events";
import type { SecurityFilter } from "./schemas";
import { toCsvRecord } from "./csv";

const BATCH = 500;

/**
 * Exports the security history: audits who exported which filter, then yields every matching event
 * (all pages) written before the export started, newest first, as CSV records read in batches.
 */
export async function exportAuditEvents({
  ctx,
  input,
}: {
  ctx: HubContext;
  input: SecurityFilter;
}): Promise<AsyncGenerator<string[]>> {
  assertCan(ctx, "hub.security.read");
  const asOf = new Date();
  await (ctx.db ?? db).$transaction((tx) =>
    writeAudit(tx, ctx, { action: "security.export", metadata: { filter: { ...input, page: undefined } } }),
  );
  return readAuditEvents(ctx, input, asOf);
}

async function* readAuditEvents(ctx: HubContext, input: SecurityFilter, asOf: Date): AsyncGenerator<string[]> {
  const where = { AND: [auditWhere(ctx.hub.id, input), { createdAt: { lt: asOf } }] };
  const names = await accountNames(ctx.hub.id);
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: BATCH,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: AUDIT_EVENT_SELECT,
    });
    for (const r of rows)
      yield toCsvRecord({ ...r, apiAccountName: r.apiAccountId ? (names.get(r.apiAccountId) ?? null) : null });
    if (rows.length < BATCH) return;
    cursor = rows[rows.length - 1]?.id;
  }
}
