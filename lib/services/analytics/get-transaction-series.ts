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

type Period = { from: string; to: string; granularity: Granularity; type?: string };

/**
 * Whether the zone is a whole number of hours from UTC through the period (checked weekly and at both
 * ends): then its days are whole UTC hours and MirrorTransactionHour cuts them exactly.
 */
export function isWholeHourZone(tz: string, from: string, to: string): boolean {
  if (tz === "UTC") return true;
  const fmt = new Intl.DateTimeFormat("en", { timeZone: tz, timeZoneName: "longOffset" });
  const end = Date.parse(`${to}T12:00:00Z`) + 86_400_000;
  for (
    let t = Date.parse(`${from}T12:00:00Z`) - 86_400_000;
    t <= end;
    t = t < end && t + 7 * 86_400_000 > end ? end : t + 7 * 86_400_000
  ) {
    const offset = fmt.formatToParts(new Date(t)).find((p) => p.type === "timeZoneName")?.value ?? "";
    if (!/^GMT([+-]\d{2}(:00)?)?$/.test(offset)) return false;
  }
  return true;
}

// Bounds: the period's first and last local days, as UTC instants (createdAt and hour are stored as
// UTC without a zone: AT TIME ZONE 'UTC' marks them so, AT TIME ZONE tz reads them locally).
const bounds = (column: Prisma.Sql, p: Period, tz: string) => Prisma.sql`
  ${column} >= ((${p.from}::date)::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC'
  AND ${column} < ((${p.to}::date + 1)::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC'`;
const localBucket = (column: Prisma.Sql, p: Period, tz: string) =>
  Prisma.sql`to_char(date_trunc(${p.granularity}, ((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${tz})), 'YYYY-MM-DD')`;

/** From the hourly aggregate: a 90-day chart reads a few thousand rows, however many transactions. */
function fromHours(ctx: AccountContext, p: Period, tz: string): Promise<Row[]> {
  const hour = Prisma.sql`"hour"`;
  return db.$queryRaw<Row[]>`
    SELECT ${localBucket(hour, p, tz)} AS "bucket",
           "currency",
           SUM("count")::int AS "count",
           (COALESCE(SUM("count") FILTER (WHERE "status" = 'SUCCEEDED'), 0))::int AS "succeeded",
           (COALESCE(SUM("count") FILTER (WHERE "status" = 'FAILED'), 0))::int AS "failed",
           COALESCE(SUM("debitedMinor") FILTER (WHERE "status" = 'SUCCEEDED'), 0)::bigint AS "volumeMinor",
           COALESCE(SUM("feesMinor") FILTER (WHERE "status" = 'SUCCEEDED'), 0)::bigint AS "feesMinor"
    FROM "MirrorTransactionHour"
    WHERE "hubId" = ${ctx.hub.id}
      AND "apiAccountId" = ${ctx.account.id}
      AND ${bounds(hour, p, tz)}
      ${p.type ? Prisma.sql`AND "type" = ${p.type}` : Prisma.empty}
    GROUP BY 1, 2
    HAVING SUM("count") > 0
    ORDER BY 2, 1`;
}

/** From the transactions themselves, for the few zones whose days are not whole UTC hours. */
function fromTransactions(ctx: AccountContext, p: Period, tz: string): Promise<Row[]> {
  const createdAt = Prisma.sql`"createdAt"`;
  return db.$queryRaw<Row[]>`
    SELECT ${localBucket(createdAt, p, tz)} AS "bucket",
           "currency",
           COUNT(*)::int AS "count",
           (COUNT(*) FILTER (WHERE "status" = 'SUCCEEDED'))::int AS "succeeded",
           (COUNT(*) FILTER (WHERE "status" = 'FAILED'))::int AS "failed",
           COALESCE(SUM("debitedMinor") FILTER (WHERE "status" = 'SUCCEEDED'), 0)::bigint AS "volumeMinor",
           COALESCE(SUM("feesMinor") FILTER (WHERE "status" = 'SUCCEEDED'), 0)::bigint AS "feesMinor"
    FROM "MirrorTransaction"
    WHERE "hubId" = ${ctx.hub.id}
      AND "apiAccountId" = ${ctx.account.id}
      AND ${bounds(createdAt, p, tz)}
      ${p.type ? Prisma.sql`AND "type" = ${p.type}` : Prisma.empty}
    GROUP BY 1, 2
    ORDER BY 2, 1`;
}

/**
 * Volume, count, success rate and fees of the mirrored transactions per day, week or month and per
 * currency, over any period. Aggregated in the database (date_trunc in the member's time zone, sums
 * of BIGINT minor units) from the hourly aggregate; volume and fees count succeeded transactions only.
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
  const tz = zoneOf(ctx);
  // A context forged with another Hub's account finds nothing: NotFound, as for a missing account.
  // The check runs beside the reads (scoped to the Hub themselves), not before them: one round.
  const [, rows, freshness] = await Promise.all([
    getAccountInHub(db, ctx.hub.id, ctx.account.id),
    isWholeHourZone(tz, from, to)
      ? fromHours(ctx, { from, to, granularity, type }, tz)
      : fromTransactions(ctx, { from, to, granularity, type }, tz),
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
