import type { Metadata } from "next";
import { CopyableId } from "@/components/copyable-id";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { MaybeTime } from "@/components/local-time";
import { Pagination } from "@/components/pagination";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { StatusBadge } from "@/components/status-badge";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { formatDate } from "@/lib/format";
import { requireAccountPermission } from "@/lib/server/account-context";
import { listIntentSettlements } from "@/lib/services/intent-settlements/list";
import { settle } from "@/lib/services/upstream";
import { SettlementAmount } from "./_components/settlement-amount";

export const metadata: Metadata = { title: "Settlements" };

type Query = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ accountId: string }>; searchParams: Promise<Query> };

/**
 * The settlements of pay-in intents (V3.0), newest first: each is a provider's settlement file MANGOPAY matched (or
 * not) to the declared intents. One page per read; the page and its size stay in the URL.
 */
export default async function SettlementsPage({ params, searchParams }: Props) {
  const [{ accountId }, query] = await Promise.all([params, searchParams]);
  const ctx = await requireAccountPermission(accountId, "payins.read");
  const paths = dashboardPaths(ctx.account.id);
  const result = await settle(listIntentSettlements({ ctx, input: { query } }));
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Settlements</h1>
        <p className="text-sm text-slate-600">
          Your payment provider&apos;s settlement files for pay-in intents: once a file matches the declared intents and
          the funds arrive, the intents&apos; splits can be paid to the sellers. Amounts are in minor units of the
          file&apos;s currency.
        </p>
      </div>
      {!result.ok ? (
        <ServiceErrorMessage view={result.error} />
      ) : result.data.items.length === 0 && result.data.page === 1 ? (
        <EmptyState title="No settlement yet">
          Settlements appear here once your platform sends MANGOPAY a provider&apos;s settlement file.
        </EmptyState>
      ) : (
        <>
          <DataTable
            testId="settlements"
            caption="Settlements"
            rows={result.data.items}
            rowKey={(s) => s.id}
            rowHref={(s) => paths.intentSettlement(s.id)}
            rowLabel={(s) => `Settlement ${s.id}`}
            columns={[
              { header: "Created", cell: (s) => <MaybeTime iso={s.createdAt} /> },
              { header: "Status", cell: (s) => <StatusBadge status={s.status} /> },
              { header: "File", cell: (s) => <span className="font-mono text-xs">{s.fileName}</span> },
              { header: "Provider", cell: (s) => s.providerName },
              {
                header: "Settlement date",
                className: "whitespace-nowrap",
                cell: (s) => (s.settlementDate ? formatDate(new Date(s.settlementDate), "UTC") : null),
              },
              {
                header: "Net settled",
                numeric: true,
                cell: (s) => <SettlementAmount minor={s.actualMinor} currency={null} />,
              },
              { header: "Id", cell: (s) => <CopyableId id={s.id} /> },
            ]}
          />
          <Pagination pathname={paths.intentSettlements} query={query} result={result.data} />
        </>
      )}
    </div>
  );
}
