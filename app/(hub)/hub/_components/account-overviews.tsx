import Link from "next/link";
import { EnvironmentBadge } from "@/components/environment-badge";
import { Money } from "@/components/money";
import { Card } from "@/components/ui/card";
import { syncedAgo } from "@/lib/format";
import type { HubContext } from "@/lib/server/context-types";
import {
  listAccountOverviews,
  OVERVIEW_DAYS,
  type AccountOverviewDTO,
  type MoneyTotal,
} from "@/lib/services/mirror-reads/list-account-overviews";

const Dash = () => <span className="text-slate-400">—</span>;

function Totals({ totals }: { totals: MoneyTotal[] | null }) {
  if (totals === null) return <Dash />;
  if (totals.length === 0) return <span className="text-slate-500">none</span>;
  return (
    <ul>
      {totals.map((t) => (
        <li key={t.currency}>
          <Money amountMinor={t.amountMinor} currency={t.currency} />
        </li>
      ))}
    </ul>
  );
}

const count = (n: number | null) => (n === null ? <Dash /> : n.toLocaleString("en-GB"));

function Freshness({ o }: { o: AccountOverviewDTO }) {
  const f = o.freshness;
  if (!f.connected)
    return (
      <span className="text-amber-700">
        Not connected ·{" "}
        <Link href={`/accounts/${encodeURIComponent(o.accountId)}/hooks`} className="underline">
          Hooks
        </Link>
      </span>
    );
  return <>{f.secondsAgo === null ? "not synced yet" : `synced ${syncedAgo(f.secondsAgo)}`}</>;
}

/**
 * Every API account the member may open, side by side, from the local mirror: shown to members with
 * several accounts. A dash is a metric they may not see there, or one the mirror does not hold yet.
 */
export async function AccountOverviews({ ctx }: { ctx: HubContext }) {
  const rows = await listAccountOverviews({ ctx });
  if (rows.length < 2) return null;
  return (
    <Card className="overflow-x-auto" aria-label="Accounts at a glance">
      <div className="px-5 pt-4">
        <h2 className="font-semibold">Accounts at a glance</h2>
        <p className="text-xs text-slate-500">
          Last {OVERVIEW_DAYS} days, from each account&apos;s local mirror (succeeded transactions). Disputes and KYC
          issues are not mirrored yet: open the account&apos;s dashboard for them.
        </p>
      </div>
      <table className="mt-2 w-full text-sm" data-testid="account-overviews">
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th className="px-5 py-2 font-medium">Account</th>
            <th className="px-3 py-2 font-medium">Volume</th>
            <th className="px-3 py-2 font-medium">Fees</th>
            <th className="px-3 py-2 font-medium">Open disputes</th>
            <th className="px-3 py-2 font-medium">KYC issues</th>
            <th className="px-3 py-2 font-medium">Failed payouts</th>
            <th className="px-3 py-2 font-medium">Mirror</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((o) => (
            <tr key={o.accountId} data-testid="account-overview" data-account={o.name} className="align-top">
              <td className="px-5 py-2">
                <Link href={`/accounts/${encodeURIComponent(o.accountId)}`} className="font-medium underline">
                  {o.name}
                </Link>{" "}
                <EnvironmentBadge environment={o.environment} />
              </td>
              <td className="px-3 py-2" data-testid="overview-volume">
                <Totals totals={o.volume} />
              </td>
              <td className="px-3 py-2" data-testid="overview-fees">
                <Totals totals={o.fees} />
              </td>
              <td className="px-3 py-2">{count(o.openDisputes)}</td>
              <td className="px-3 py-2">{count(o.kycIssues)}</td>
              <td className="px-3 py-2" data-testid="overview-failed-payouts">
                {count(o.failedPayouts)}
              </td>
              <td className="px-3 py-2 text-xs" data-testid="overview-freshness">
                <Freshness o={o} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
