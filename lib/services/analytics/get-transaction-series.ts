import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { getAccountInHub } from "@/lib/services/api-accounts/internal";
import { mirrorFreshness, type MirrorFreshness } from "@/lib/services/mirror-reads/internal";
import { bucketsBetween, TransactionSeriesInput, type Granularity } from "./schemas";

export type SeriesPoint = {
  /** The bucket's first day in the member's time zone (`YYYY-MM-DD`). */
  bucket: string;
  count: number;
  succeeded: number;
  failed: number;
  /** Succeeded transactions only, debited amounts and fees in minor units. */
  volumeMinor: number;
  feesMinor: number;
};
export type CurrencySeries = { currency: string; totals: Omit<SeriesPoint, "bucket">; points: SeriesPoint[] };
export type TransactionSeriesDTO = {
  from: string;
  to: string;
  granularity: Granularity;
  timeZone: string;
  series: CurrencySeries[];
  freshness: MirrorFreshness;
};

type Row = {
  bucket: string;
  currency: string;
  count: number;
  succeeded: number;
  failed: number;
  volumeMinor: bigint;
  feesMinor: bigint;
};

/** A time zone PostgreSQL and Intl both know, else UTC (the stored zone was checked when set). */
function zoneOf(ctx: AccountContext): string {
  const tz = ctx.actor.timeZone;
  if (!tz) return "UTC";
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return tz;
  } catch {
    return "UTC";
  }
}

const toNumber = (v: bigint) => Number(v);

/**
 * Volume, count, success rate and fees of the mirrored transactions per day, week or month and per
 * currency, over any period. Aggregated in the database (date_trunc in the member's time zone, sums
 * of BIGINT minor units); volume and fees count succeeded transactions only.
 */
export async function getTransactionSeries({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: TransactionSeriesInput;
}): Promise<TransactionSeriesDTO> {
  assertCan(ctx, "transactions.read");
  const { from, to, granularity, type } = parseInput(TransactionSeriesInput, input);
  // A context forged with another Hub's account finds nothing: NotFound, as for a missing account.
  await getAccountInHub(db, ctx.hub.id, ctx.account.id);
  const tz = zoneOf(ctx);
  // createdAt is stored as UTC without a zone: AT TIME ZONE 'UTC' marks it so, AT TIME ZONE tz reads it locally.
  const local = Prisma.sql`(("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${tz})`;
  const [rows, freshness] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT to_char(date_trunc(${granularity}, ${local}), 'YYYY-MM-DD') AS "bucket",
             "currency",
             COUNT(*)::int AS "count",
             (COUNT(*) FILTER (WHERE "status" = 'SUCCEEDED'))::int AS "succeeded",
             (COUNT(*) FILTER (WHERE "status" = 'FAILED'))::int AS "failed",
             COALESCE(SUM("debitedMinor") FILTER (WHERE "status" = 'SUCCEEDED'), 0)::bigint AS "volumeMinor",
             COALESCE(SUM("feesMinor") FILTER (WHERE "status" = 'SUCCEEDED'), 0)::bigint AS "feesMinor"
      FROM "MirrorTransaction"
      WHERE "hubId" = ${ctx.hub.id}
        AND "apiAccountId" = ${ctx.account.id}
        AND "createdAt" >= ((${from}::date)::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC'
        AND "createdAt" < ((${to}::date + 1)::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC'
        ${type ? Prisma.sql`AND "type" = ${type}` : Prisma.empty}
      GROUP BY 1, 2
      ORDER BY 2, 1`,
    mirrorFreshness(ctx.hub.id, ctx.account.id),
  ]);
  const buckets = bucketsBetween(from, to, granularity);
  const byCurrency = new Map<string, Map<string, Row>>();
  for (const r of rows) {
    const m = byCurrency.get(r.currency) ?? new Map<string, Row>();
    m.set(r.bucket, r);
    byCurrency.set(r.currency, m);
  }
  const series = [...byCurrency].map(([currency, m]) => {
    const points = buckets.map((bucket) => {
      const r = m.get(bucket);
      return {
        bucket,
        count: r?.count ?? 0,
        succeeded: r?.succeeded ?? 0,
        failed: r?.failed ?? 0,
        volumeMinor: r ? toNumber(r.volumeMinor) : 0,
        feesMinor: r ? toNumber(r.feesMinor) : 0,
      };
    });
    const totals = points.reduce(
      (t, p) => ({
        count: t.count + p.count,
        succeeded: t.succeeded + p.succeeded,
        failed: t.failed + p.failed,
        volumeMinor: t.volumeMinor + p.volumeMinor,
        feesMinor: t.feesMinor + p.feesMinor,
      }),
      { count: 0, succeeded: 0, failed: 0, volumeMinor: 0, feesMinor: 0 },
    );
    return { currency, totals, points };
  });
  return { from, to, granularity, timeZone: tz, series, freshness };
}
