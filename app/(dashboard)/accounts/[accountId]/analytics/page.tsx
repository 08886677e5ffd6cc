import type { Metadata } from "next";
import Link from "@/components/intent-link";
import { Suspense } from "react";
import { SeriesBarChartLazy } from "@/components/charts/series-bar-chart-lazy";
import { EmptyState } from "@/components/empty-state";
import { FilterBar, optionsOf } from "@/components/filter-bar";
import { MirrorFreshnessLine } from "@/components/mirror-freshness";
import { Money } from "@/components/money";
import { SectionSkeleton } from "@/components/page-skeleton";
import { hrefWith } from "@/components/pagination";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { Card } from "@/components/ui/card";
import { cn } from "@/lib/cn";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { requireAccountPermission } from "@/lib/server/account-context";
import type { AccountContext } from "@/lib/server/context-types";
import { getTransactionSeries, type CurrencySeries } from "@/lib/services/analytics/get-transaction-series";
import {
  ANALYTICS_TYPES,
  AnalyticsQuery,
  GRANULARITIES,
  PERIOD_PRESETS,
  periodOf,
  todayIn,
  TransactionSeriesInput,
} from "@/lib/services/analytics/schemas";
import { settle } from "@/lib/services/upstream";

export const metadata: Metadata = { title: "Analytics" };

type Query = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ accountId: string }>; searchParams: Promise<Query> };

const rate = (succeeded: number, failed: number) =>
  succeeded + failed === 0 ? null : (succeeded / (succeeded + failed)) * 100;

function CurrencyCharts({ s, granularity }: { s: CurrencySeries; granularity: string }) {
  const label = (b: string) => (granularity === "month" ? b.slice(0, 7) : b.slice(5));
  const successRate = rate(s.totals.succeeded, s.totals.failed);
  const charts = [
    {
      key: "volume",
      name: "Volume",
      format: { kind: "money", currency: s.currency } as const,
      value: (p: CurrencySeries["points"][number]) => p.volumeMinor,
    },
    {
      key: "count",
      name: "Transactions",
      format: { kind: "count" } as const,
      value: (p: CurrencySeries["points"][number]) => p.count,
    },
    {
      key: "success",
      name: "Success rate",
      format: { kind: "percent" } as const,
      value: (p: CurrencySeries["points"][number]) => rate(p.succeeded, p.failed) ?? 0,
    },
    {
      key: "fees",
      name: "Fees",
      format: { kind: "money", currency: s.currency } as const,
      value: (p: CurrencySeries["points"][number]) => p.feesMinor,
    },
  ];
  return (
    <Card className="space-y-4 p-5" data-testid="analytics-currency" data-currency={s.currency}>
      <h2 className="font-semibold">{s.currency}</h2>
      <dl className="grid grid-cols-2 gap-3 text-sm md:grid-cols-4">
        <div>
          <dt className="text-slate-500">Volume (succeeded)</dt>
          <dd className="text-lg font-semibold" data-testid="total-volume">
            <Money amountMinor={s.totals.volumeMinor} currency={s.currency} />
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Transactions</dt>
          <dd className="text-lg font-semibold" data-testid="total-count">
            {s.totals.count.toLocaleString("en-GB")}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Success rate</dt>
          <dd className="text-lg font-semibold" data-testid="total-success-rate">
            {successRate === null ? "—" : `${successRate.toFixed(1)} %`}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Fees</dt>
          <dd className="text-lg font-semibold" data-testid="total-fees">
            <Money amountMinor={s.totals.feesMinor} currency={s.currency} />
          </dd>
        </div>
      </dl>
      <div className="grid gap-4 lg:grid-cols-2">
        {charts.map((c) => (
          <div key={c.key} data-testid={`chart-${c.key}`}>
            <p className="mb-1 text-sm font-medium">{c.name}</p>
            <SeriesBarChartLazy
              title={`${c.name} per ${granularity} in ${s.currency}`}
              name={c.name}
              format={c.format}
              points={s.points.map((p) => ({ label: label(p.bucket), value: c.value(p) }))}
            />
          </div>
        ))}
      </div>
    </Card>
  );
}

async function AnalyticsSection({ ctx, input }: { ctx: AccountContext; input: TransactionSeriesInput }) {
  const result = await settle(getTransactionSeries({ ctx, input }));
  if (!result.ok) return <ServiceErrorMessage view={result.error} />;
  const data = result.data;
  return (
    <div className="space-y-4">
      <MirrorFreshnessLine freshness={data.freshness} hooksHref={dashboardPaths(ctx.account.id).hooks} />
      <p className="text-sm text-slate-600" data-testid="analytics-period">
        {data.from} to {data.to} by {data.granularity}, days in {data.timeZone}.
      </p>
      {data.series.length === 0 ? (
        <EmptyState title="No transactions in this period">
          The mirror holds no transaction created in this period. It holds those that had a webhook event since the
          account&apos;s webhooks were connected.
        </EmptyState>
      ) : (
        data.series.map((s) => <CurrencyCharts key={s.currency} s={s} granularity={data.granularity} />)
      )}
    </div>
  );
}

/**
 * Volume, count, success rate and fees of the account's transactions over any period, per day, week
 * or month and per currency, aggregated from the local mirror (MANGOPAY's API has no aggregates).
 */
export default async function AnalyticsPage({ params, searchParams }: Props) {
  const [{ accountId }, query] = await Promise.all([params, searchParams]);
  const ctx = await requireAccountPermission(accountId, "transactions.read");
  const q = AnalyticsQuery.parse(query);
  const period = periodOf(q, todayIn(ctx.actor.timeZone, new Date()));
  const pathname = dashboardPaths(ctx.account.id).analytics;
  // Checked here too, so a wrong custom range is explained next to the form and nothing is read.
  const checked = TransactionSeriesInput.safeParse(period);
  const problems = checked.success ? [] : checked.error.issues.map((i) => i.message);
  const presets = Object.entries(PERIOD_PRESETS) as [keyof typeof PERIOD_PRESETS, { label: string }][];
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Analytics</h1>
        <p className="text-sm text-slate-600">
          Pay-ins, payouts, transfers and refunds from the local mirror. Volume and fees count succeeded transactions;
          the success rate is succeeded over succeeded and failed.
        </p>
      </div>
      <nav aria-label="Period" className="flex flex-wrap gap-2">
        {presets.map(([key, p]) => (
          <Link
            key={key}
            href={hrefWith(pathname, {}, { period: key, type: q.type })}
            aria-current={q.period === key ? "true" : undefined}
            className={cn(
              "rounded-md border px-3 py-1 text-sm",
              q.period === key
                ? "border-slate-900 bg-slate-900 text-white"
                : "border-slate-300 bg-white hover:bg-slate-100",
            )}
          >
            {p.label}
          </Link>
        ))}
      </nav>
      <FilterBar
        action={pathname}
        keep={{ period: "custom" }}
        fields={[
          { kind: "date", name: "from", label: "From", value: period.from },
          { kind: "date", name: "to", label: "To", value: period.to },
          {
            kind: "select",
            name: "granularity",
            label: "Group by",
            options: optionsOf(GRANULARITIES),
            value: period.granularity,
            anyLabel: "Default",
          },
          { kind: "select", name: "type", label: "Type", options: optionsOf(ANALYTICS_TYPES), value: q.type },
        ]}
      />
      {problems.length > 0 ? (
        <p role="alert" className="text-sm text-red-700" data-testid="analytics-problem">
          {problems.join(" ")}
        </p>
      ) : (
        <Suspense key={JSON.stringify(period)} fallback={<SectionSkeleton label="Loading analytics" height="h-96" />}>
          <AnalyticsSection ctx={ctx} input={period} />
        </Suspense>
      )}
    </div>
  );
}
