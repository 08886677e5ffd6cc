import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { utcDayRange } from "@/lib/services/mirror-reads/day-range";
import { csvRecord } from "./csv";
import { auditExport, keysetRows } from "./internal";
import { ExportTransactionsInput } from "./schemas";

/**
 * Every mirrored transaction matching the list's filters as CSV records, newest first; audited first.
 * CONVERSION is a type MANGOPAY lists but the mirror does not hold: that filter exports a header only.
 */
export async function exportTransactions({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: ExportTransactionsInput;
}): Promise<AsyncGenerator<string[]>> {
  assertCan(ctx, "transactions.read");
  const filters = parseInput(ExportTransactionsInput, input ?? {});
  await auditExport(ctx, "transactions", { ...filters });
  const values: unknown[] = [ctx.hub.id, ctx.account.id];
  const param = (v: unknown) => `$${values.push(v)}`;
  const range = filters.from || filters.to ? utcDayRange(filters) : {};
  const where = [
    `"hubId" = $1 AND "apiAccountId" = $2`,
    ...(filters.status ? [`status = ${param(filters.status)}`] : []),
    ...(filters.type ? [`type = ${param(filters.type)}`] : []),
    ...(filters.nature ? [`nature = ${param(filters.nature)}`] : []),
    ...(range.gte ? [`"createdAt" >= ${param(range.gte.toISOString())}::timestamp`] : []),
    ...(range.lt ? [`"createdAt" < ${param(range.lt.toISOString())}::timestamp`] : []),
  ].join(" AND ");
  return readTransactions(where, values);
}

/** Dates as `Date.toISOString()` writes them (UTC, milliseconds): the columns hold UTC. */
const iso = (column: string) => `to_char("${column}", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The CSV's columns in its order, amounts as integers' text, then the key (createdAt, id). The plain
 * bound on createdAt repeats what the OR says, so that each batch starts from an index range.
 */
function transactionBatches(where: string, values: readonly unknown[]) {
  return keysetRows((last, take) => {
    const args = [...values];
    const param = (v: unknown) => `$${args.push(v)}`;
    const after = last
      ? ` AND "createdAt" <= ${param(last.at)}::timestamp AND ("createdAt" < $${args.length}::timestamp OR ("createdAt" = $${args.length}::timestamp AND id < ${param(last.id)}))`
      : "";
    return {
      text: `SELECT "mangopayId", type, nature, status, "paymentType", currency, "debitedMinor"::text, "creditedMinor"::text,
          "feesMinor"::text, "authorId", "creditedUserId", "debitedWalletId", "creditedWalletId", "resultCode", tag,
          ${iso("createdAt")}, ${iso("executedAt")}, ${iso("syncedAt")}, ${iso("createdAt")}, id
        FROM "MirrorTransaction" WHERE ${where}${after}
        ORDER BY "createdAt" DESC, id DESC LIMIT ${param(take)}`,
      values: args,
    };
  });
}

async function* readTransactions(where: string, values: readonly unknown[]): AsyncGenerator<string[]> {
  for await (const rows of transactionBatches(where, values))
    for (const t of rows) {
      // Text as the other exports write it (formulas neutralised); amounts and dates as they are.
      const record = csvRecord(t.slice(0, 18) as (string | null)[]);
      record[6] = t[6] ?? "";
      record[7] = t[7] ?? "";
      record[8] = t[8] ?? "";
      yield record;
    }
}
