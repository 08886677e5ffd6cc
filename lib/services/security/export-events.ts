import "server-only";
import type { HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { assertCan } from "@/lib/server/permissions";
import { AUDIT_EVENT_SELECT, accountNames, auditWhere } from "./list-events";
import type { SecurityFilter } from "./schemas";
import { toCsvRecord } from "./csv";

const BATCH = 500;

/**
 * Every event matching the filter (all pages), newest first, as CSV records, read in batches.
 * `asOf` excludes rows written after the export started (such as the export's own audit row).
 */
export async function* exportAuditEvents({ ctx, input, asOf }: { ctx: HubContext; input: SecurityFilter; asOf?: Date }): AsyncGenerator<string[]> {
  assertCan(ctx, "hub.security.read");
  const where = asOf ? { AND: [auditWhere(ctx.hub.id, input), { createdAt: { lt: asOf } }] } : auditWhere(ctx.hub.id, input);
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
    for (const r of rows) yield toCsvRecord({ ...r, apiAccountName: r.apiAccountId ? (names.get(r.apiAccountId) ?? null) : null });
    if (rows.length < BATCH) return;
    cursor = rows[rows.length - 1]?.id;
  }
}
