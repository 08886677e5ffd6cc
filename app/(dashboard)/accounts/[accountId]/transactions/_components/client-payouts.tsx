import { CopyableId } from "@/components/copyable-id";
import { DataTable } from "@/components/data-table";
import { MaybeTime } from "@/components/local-time";
import { Money } from "@/components/money";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { StatusBadge } from "@/components/status-badge";
import { Card } from "@/components/ui/card";
import { dashboardPaths } from "@/lib/dashboard-paths";
import type { AccountContext } from "@/lib/server/context-types";
import { listClientPayouts } from "@/lib/services/client-wallets/list-client-payouts";
import { settle } from "@/lib/services/upstream";

/** The platform's own payouts (client wallets → its bank account) and the accounts they went to. */
export async function ClientPayouts({ ctx }: { ctx: AccountContext }) {
  const r = await settle(listClientPayouts({ ctx }));
  const paths = dashboardPaths(ctx.account.id);
  return (
    <section aria-label="Client payouts" data-testid="client-payouts" className="space-y-2">
      <h2 className="font-semibold">
        Client payouts{" "}
        {r.ok ? <span className="text-sm font-normal text-slate-500">({r.data.payouts.length})</span> : null}
      </h2>
      <p className="text-sm text-slate-600">
        Payouts from the platform&apos;s fees and repudiation wallets to its own bank account. MANGOPAY lists neither
        them nor the platform&apos;s bank accounts: they are found among the newest payouts touching a client wallet.
      </p>
      {!r.ok ? (
        <ServiceErrorMessage view={r.error} />
      ) : r.data.payouts.length === 0 ? (
        <Card className="border-dashed px-4 py-3 text-sm text-slate-600">
          No client payout among the newest {r.data.scanned} payouts touching a client wallet.
        </Card>
      ) : (
        <>
          <DataTable
            testId="client-payout-rows"
            caption="Client payouts"
            rows={r.data.payouts}
            rowKey={(p) => p.id}
            rowHref={(p) => paths.transaction(p.id, "PAYOUT")}
            rowLabel={(p) => `Open client payout ${p.id}`}
            columns={[
              { header: "Created", cell: (p) => <MaybeTime iso={p.createdAt} /> },
              { header: "Id", cell: (p) => <CopyableId id={p.id} /> },
              {
                header: "Amount",
                numeric: true,
                cell: (p) => <Money amountMinor={p.debited.amountMinor} currency={p.debited.currency} />,
              },
              { header: "From", cell: (p) => <span className="font-mono text-xs">{p.debitedWalletId ?? "—"}</span> },
              {
                header: "Bank account",
                cell: (p) => <span className="font-mono text-xs">{p.bankAccountId ?? "—"}</span>,
              },
              { header: "Reference", cell: (p) => p.bankWireRef ?? "—" },
              { header: "Status", cell: (p) => <StatusBadge status={p.status} /> },
            ]}
          />
          <div data-testid="client-bank-accounts" className="text-sm text-slate-700">
            <h3 className="font-medium">The platform&apos;s bank accounts</h3>
            <ul className="mt-1 space-y-0.5">
              {r.data.bankAccounts.map((a) => (
                <li key={a.id}>
                  <span className="font-mono text-xs">{a.id}</span>: {a.payoutCount} payout
                  {a.payoutCount === 1 ? "" : "s"}, last <MaybeTime iso={a.lastPaidAt} />
                </li>
              ))}
            </ul>
          </div>
        </>
      )}
      {r.ok && r.data.truncated ? (
        <p className="text-xs text-slate-500">Older payouts touching a client wallet were not read.</p>
      ) : null}
    </section>
  );
}
