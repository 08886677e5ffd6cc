import Link from "@/components/intent-link";
import { LocalTime } from "@/components/local-time";
import { Money } from "@/components/money";
import { ServiceErrorMessage } from "@/components/service-error-message";
import StaticBarChart from "@/components/charts/static-bar-chart";
import { Card } from "@/components/ui/card";
import type { AccountContext } from "@/lib/server/context-types";
import { getFeesPerDay } from "@/lib/services/client-wallets/fees-per-day";
import { listFeesWallets } from "@/lib/services/client-wallets/list-fees";
import { countDisputesNeedingAction } from "@/lib/services/disputes/count-needing-action";
import { countKycIssues } from "@/lib/services/kyc-documents/count-issues";
import { listReturnedPayouts } from "@/lib/services/payouts/list-returned";
import { listUboNeedingAttention } from "@/lib/services/ubo-declarations/list-needing-attention";
import { settle } from "@/lib/services/upstream";

function IssueCard({
  title,
  testId,
  children,
  href,
}: {
  title: string;
  testId: string;
  children: React.ReactNode;
  href?: string | null;
}) {
  return (
    <Card className="flex flex-col gap-2 p-5" data-testid={testId}>
      <h2 className="text-sm font-semibold text-slate-600">{title}</h2>
      {children}
      {href ? (
        <Link href={href} className="mt-auto text-sm underline">
          Review
        </Link>
      ) : null}
    </Card>
  );
}

const Count = ({ n, testId }: { n: number; testId?: string }) => (
  <p className={`text-3xl font-semibold ${n > 0 ? "text-amber-700" : "text-slate-900"}`} data-testid={testId}>
    {n.toLocaleString("en-GB")}
  </p>
);

export async function FeesBalances({ ctx }: { ctx: AccountContext }) {
  const r = await settle(listFeesWallets({ ctx }));
  if (!r.ok) return <ServiceErrorMessage view={r.error} />;
  if (r.data.length === 0) return <p className="text-sm text-slate-600">No fees collected yet.</p>;
  return (
    <ul className="flex flex-wrap gap-6" aria-label="Fees collected per currency">
      {r.data.map((m) => (
        <li key={m.currency} data-testid="fees-balance" data-currency={m.currency}>
          <p className="text-xs text-slate-500">{m.currency}</p>
          <Money amountMinor={m.amountMinor} currency={m.currency} className="text-2xl font-semibold" />
        </li>
      ))}
    </ul>
  );
}

export async function FeesPerDay({ ctx }: { ctx: AccountContext }) {
  // Started together: the series of the currencies already known need not wait for the FEES wallets.
  const [wallets, r] = await Promise.all([
    settle(listFeesWallets({ ctx })),
    settle(getFeesPerDay({ ctx, input: { days: 30 } })),
  ]);
  // The FEES wallets list is shared (memoized) with FeesBalances, which already says why it failed.
  if (!wallets.ok) return null;
  if (!r.ok) return <ServiceErrorMessage view={r.error} />;
  if (r.data.length === 0) return null;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {r.data.map((s) => (
        <div key={s.currency} data-testid="fees-series" data-currency={s.currency}>
          <p className="mb-1 text-sm">
            <span className="font-medium">{s.currency}</span> · last 30 days:{" "}
            <Money amountMinor={s.totalMinor} currency={s.currency} />
            {s.complete ? null : <span className="text-amber-700"> (partial: more transactions than read)</span>}
          </p>
          <StaticBarChart
            title={`Fees per day in ${s.currency} over the last ${s.days.length} days`}
            currency={s.currency}
            points={s.days.map((d) => ({ label: d.date.slice(5), value: d.amountMinor }))}
            labelEvery={4}
          />
        </div>
      ))}
    </div>
  );
}

export async function ComplianceCard({
  ctx,
  href,
  withUbo,
}: {
  ctx: AccountContext;
  href: string | null;
  withUbo: boolean;
}) {
  const [kyc, ubos] = await Promise.all([
    settle(countKycIssues({ ctx })),
    withUbo ? settle(listUboNeedingAttention({ ctx })) : Promise.resolve(null),
  ]);
  return (
    <IssueCard title="Compliance" testId="issue-compliance" href={href}>
      {kyc.ok ? (
        <>
          <Count n={kyc.data.refused + kyc.data.outOfDate} testId="kyc-issue-count" />
          <p className="text-sm text-slate-600">
            KYC documents refused ({kyc.data.refused}) or out of date ({kyc.data.outOfDate})
          </p>
        </>
      ) : (
        <ServiceErrorMessage view={kyc.error} />
      )}
      {ubos === null ? null : ubos.ok ? (
        <p className="text-sm text-slate-600" data-testid="ubo-issues">
          UBO declarations incomplete ({ubos.data.incomplete}) or refused ({ubos.data.refused})
          {ubos.data.partial ? " — recent ones only" : ""}
        </p>
      ) : (
        <ServiceErrorMessage view={ubos.error} />
      )}
    </IssueCard>
  );
}

export async function PayoutIssuesCard({ ctx, days }: { ctx: AccountContext; days: number }) {
  const r = await settle(listReturnedPayouts({ ctx, input: { days } }));
  return (
    <IssueCard title={`Payouts returned (${days} days)`} testId="issue-payouts">
      {r.ok ? (
        <>
          <Count n={r.data.count} testId="returned-payout-count" />
          <p className="text-sm text-slate-600">
            {r.data.totals.length === 0
              ? "No payout came back from the bank."
              : r.data.totals.map((t, i) => (
                  <span key={t.currency}>
                    {i > 0 ? " · " : ""}
                    <Money amountMinor={t.amountMinor} currency={t.currency} />
                  </span>
                ))}
            {r.data.partial ? " (latest 50 read)" : ""}
          </p>
        </>
      ) : (
        <ServiceErrorMessage view={r.error} />
      )}
    </IssueCard>
  );
}

export async function DisputesCard({ ctx, href }: { ctx: AccountContext; href: string | null }) {
  const r = await settle(countDisputesNeedingAction({ ctx }));
  return (
    <IssueCard title="Disputes needing action" testId="issue-disputes" href={href}>
      {r.ok ? (
        <>
          <Count n={r.data.count} testId="dispute-action-count" />
          <p className="text-sm text-slate-600">
            {r.data.nearestDeadline ? (
              <>
                Nearest contest deadline <LocalTime iso={r.data.nearestDeadline} />
              </>
            ) : (
              "No contest deadline ahead."
            )}
          </p>
        </>
      ) : (
        <ServiceErrorMessage view={r.error} />
      )}
    </IssueCard>
  );
}
