import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { assertCan } from "@/lib/server/permissions";
import { getAccountInHub } from "@/lib/services/api-accounts/internal";
import { toOperationCsvRecord } from "./csv";
import { OPERATION_SELECT, toOperationDTO } from "./dto";
import { actorEmails, operationsWhere } from "./internal";
import { OperationsFilter } from "./schemas";

const BATCH = 500;

/** The filtered log as CSV records (every page, rows older than the export), after auditing the export. */
export async function exportOperations({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: unknown;
}): Promise<AsyncGenerator<string[]>> {
  assertCan(ctx, "transactions.read");
  // The account must be this Hub's before anything is audited (a forged context writes nothing).
  await getAccountInHub(db, ctx.hub.id, ctx.account.id);
  const filter = OperationsFilter.parse(input ?? {});
  const asOf = new Date();
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, { action: "operations.export", metadata: { filter: { ...filter, page: null } } }),
  );
  return readOperations(ctx, filter, asOf);
}

async function* readOperations(ctx: AccountContext, filter: OperationsFilter, asOf: Date): AsyncGenerator<string[]> {
  const where = { AND: [operationsWhere(ctx, filter), { createdAt: { lt: asOf } }] };
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.upstreamOperation.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: BATCH,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: OPERATION_SELECT,
    });
    const emails = await actorEmails(rows.map((r) => r.actorUserId));
    for (const r of rows) yield toOperationCsvRecord(toOperationDTO(r, emails.get(r.actorUserId ?? "") ?? null));
    if (rows.length < BATCH) return;
    cursor = rows[rows.length - 1]?.id;
  }
}
