import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { effectivePermissions, type Permission } from "@/lib/server/permissions";
import { mirrorFreshnessOf, type MirrorFreshness } from "./internal";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
export const OVERVIEW_DAYS = 30;

export type MoneyTotal = { currency: string; amountMinor: number };

/** A metric the member may not see on that account, or one the mirror does not hold yet: null ("—"). */
export type AccountOverviewDTO = {
  accountId: string;
  name: string;
  environment: "SANDBOX" | "PRODUCTION";
  /** Succeeded transactions' debited amounts over the last 30 days, per currency. */
  volume: MoneyTotal[] | null;
  fees: MoneyTotal[] | null;
  failedPayouts: number | null;
  /** Disputes waiting for the platform (PENDING_CLIENT_ACTION, REOPENED_PENDING_CLIENT_ACTION). */
  openDisputes: number | null;
  /** KYC documents refused or out of date. */
  kycIssues: number | null;
  freshness: MirrorFreshness;
};

function totals(rows: { apiAccountId: string; currency: string; amount: bigint | null }[], accountId: string) {
  return rows
    .filter((r) => r.apiAccountId === accountId)
    .map((r) => ({ currency: r.currency, amountMinor: Number(r.amount ?? 0n) }))
    .sort((a, b) => a.currency.localeCompare(b.currency));
}

/** The first whole UTC hour at or after `since`. */
function nextHour(since: Date): Date {
  const hour = new Date(Math.floor(since.getTime() / HOUR_MS) * HOUR_MS);
  return hour.getTime() === since.getTime() ? hour : new Date(hour.getTime() + HOUR_MS);
}

/**
 * Transactions from `since` on matching `where`, as rows of (account, currency, count, debited, fees):
 * the whole hours from the hourly aggregate (MirrorTransactionHour, kept exact by triggers), the
 * part of an hour before the first whole one from the transactions themselves. Zero rows of the
 * aggregate (left by deletions and status changes) count nothing.
 */
function windowRows(hubId: string, accountIds: string[], since: Date, where: Prisma.Sql): Prisma.Sql {
  const edge = nextHour(since);
  const ids = Prisma.join(accountIds);
  return Prisma.sql`
    SELECT "apiAccountId", "currency", "count"::bigint AS "n", "debitedMinor", "feesMinor"
    FROM "MirrorTransactionHour"
    WHERE "hubId" = ${hubId} AND "apiAccountId" IN (${ids}) AND "hour" >= ${edge}::timestamp AND ${where}
    UNION ALL
    SELECT "apiAccountId", "currency", 1::bigint, "debitedMinor", "feesMinor"
    FROM "MirrorTransaction"
    WHERE "hubId" = ${hubId} AND "apiAccountId" IN (${ids})
      AND "createdAt" >= ${since}::timestamp AND "createdAt" < ${edge}::timestamp AND ${where}`;
}

/** Succeeded transactions' debited amounts and fees since `since`, per account and currency. */
function succeededSums(hubId: string, accountIds: string[], since: Date) {
  return db.$queryRaw<{ apiAccountId: string; currency: string; debitedMinor: bigint; feesMinor: bigint }[]>`
    SELECT "apiAccountId", "currency", SUM("debitedMinor")::bigint AS "debitedMinor", SUM("feesMinor")::bigint AS "feesMinor"
    FROM (${windowRows(hubId, accountIds, since, Prisma.sql`"status" = 'SUCCEEDED'`)}) t
    GROUP BY 1, 2
    HAVING SUM("n") > 0`;
}

/** Failed payouts since `since`, per account. */
function failedPayoutCounts(hubId: string, accountIds: string[], since: Date) {
  return db.$queryRaw<{ apiAccountId: string; count: number }[]>`
    SELECT "apiAccountId", SUM("n")::int AS "count"
    FROM (${windowRows(hubId, accountIds, since, Prisma.sql`"type" = 'PAYOUT' AND "status" = 'FAILED'`)}) t
    GROUP BY 1
    HAVING SUM("n") > 0`;
}

/**
 * The Hub home's row per API account the member may open: 30-day volume and fees, failed payouts, open
 * disputes, KYC documents refused or out of date, and the mirror's freshness, each metric only where the member's permissions on that account allow it.
 * One query per metric over all those accounts, whatever their number; the 30-day sums and failed
 * payouts read the hourly aggregate (plus the transactions of the window's first partial hour).
 */
export async function listAccountOverviews({
  ctx,
  now = new Date(),
}: {
  ctx: HubContext;
  now?: Date;
}): Promise<AccountOverviewDTO[]> {
  const access = await db.accountAccess.findMany({
    where: { membershipId: ctx.membership.id, apiAccount: { hubId: ctx.hub.id } },
    select: { grants: true, apiAccount: { select: { id: true, name: true, environment: true } } },
    orderBy: { apiAccount: { name: "asc" } },
  });
  const may = new Map(access.map((a) => [a.apiAccount.id, effectivePermissions(ctx.membership.role, a.grants)]));
  const holding = (p: Permission) => access.map((a) => a.apiAccount.id).filter((id) => may.get(id)?.has(p));
  const money = holding("transactions.read");
  const payouts = holding("payouts.read");
  const disputes = holding("disputes.read");
  const kyc = holding("kycDocuments.read");
  const since = new Date(now.getTime() - OVERVIEW_DAYS * DAY_MS);
  const [sums, failed, disputed, refused, freshness] = await Promise.all([
    money.length === 0 ? [] : succeededSums(ctx.hub.id, money, since),
    payouts.length === 0 ? [] : failedPayoutCounts(ctx.hub.id, payouts, since),
    disputes.length === 0
      ? []
      : db.mirrorDispute.groupBy({
          by: ["apiAccountId"],
          where: {
            hubId: ctx.hub.id,
            apiAccountId: { in: disputes },
            status: { in: ["PENDING_CLIENT_ACTION", "REOPENED_PENDING_CLIENT_ACTION"] },
          },
          _count: { _all: true },
        }),
    kyc.length === 0
      ? []
      : db.mirrorKycDocument.groupBy({
          by: ["apiAccountId"],
          where: { hubId: ctx.hub.id, apiAccountId: { in: kyc }, status: { in: ["REFUSED", "OUT_OF_DATE"] } },
          _count: { _all: true },
        }),
    mirrorFreshnessOf(
      ctx.hub.id,
      access.map((a) => a.apiAccount.id),
      now,
    ),
  ]);
  const volumes = sums.map((s) => ({ apiAccountId: s.apiAccountId, currency: s.currency, amount: s.debitedMinor }));
  const fees = sums.map((s) => ({ apiAccountId: s.apiAccountId, currency: s.currency, amount: s.feesMinor }));
  const failedBy = new Map(failed.map((f) => [f.apiAccountId, f.count]));
  const disputedBy = new Map(disputed.map((d) => [d.apiAccountId, d._count._all]));
  const refusedBy = new Map(refused.map((k) => [k.apiAccountId, k._count._all]));
  return access.map(({ apiAccount: a }) => ({
    accountId: a.id,
    name: a.name,
    environment: a.environment,
    volume: money.includes(a.id) ? totals(volumes, a.id) : null,
    fees: money.includes(a.id) ? totals(fees, a.id) : null,
    failedPayouts: payouts.includes(a.id) ? (failedBy.get(a.id) ?? 0) : null,
    openDisputes: disputes.includes(a.id) ? (disputedBy.get(a.id) ?? 0) : null,
    kycIssues: kyc.includes(a.id) ? (refusedBy.get(a.id) ?? 0) : null,
    freshness: freshness.get(a.id) ?? { connected: false, lastSyncedAt: null, secondsAgo: null },
  }));
}
