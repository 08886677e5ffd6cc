import Link from "@/components/intent-link";
import { CopyableId } from "@/components/copyable-id";
import { DataTable } from "@/components/data-table";
import { MaybeTime } from "@/components/local-time";
import { MaybeMoney, Money } from "@/components/money";
import { StatusBadge } from "@/components/status-badge";
import { isClientWallet, type DashboardPaths } from "@/lib/dashboard-paths";
import type { TransactionDTO } from "@/lib/services/transactions/dto";

const label = (s: string) =>
  s
    .replaceAll("_", " ")
    .toLowerCase()
    .replace(/^\w/, (c) => c.toUpperCase());

/** MANGOPAY's common transaction view as a table; a row opens the transaction, links go to the author and the wallets. */
export function TransactionTable({
  rows,
  paths,
  compact = false,
  testId = "transactions",
  platformId,
}: {
  rows: TransactionDTO[];
  paths: DashboardPaths;
  compact?: boolean;
  testId?: string;
  /** The account's ClientId: the author of client payouts and conversions, not a user to link to. */
  platformId?: string;
}) {
  const walletLink = (id: string | null) =>
    id && isClientWallet(id) ? (
      <span className="font-mono text-xs">{id}</span>
    ) : id ? (
      <Link
        href={paths.wallet(id)}
        className="font-mono text-xs underline decoration-slate-300 hover:decoration-slate-700"
      >
        {id}
      </Link>
    ) : (
      <span className="text-slate-400">—</span>
    );
  return (
    <DataTable
      testId={testId}
      caption="Transactions"
      rows={rows}
      rowKey={(t) => t.id}
      rowHref={(t) => paths.transaction(t.id, t.kind)}
      rowLabel={(t) => `Transaction ${t.id}`}
      columns={[
        { header: "Created", cell: (t) => <MaybeTime iso={t.createdAt} /> },
        { header: "Id", cell: (t) => <CopyableId id={t.id} /> },
        { header: "Type", cell: (t) => `${label(t.type)}${t.nature !== "REGULAR" ? ` · ${label(t.nature)}` : ""}` },
        { header: "Status", cell: (t) => <StatusBadge status={t.status} /> },
        {
          header: "Amount",
          numeric: true,
          cell: (t) => <Money amountMinor={t.debited.amountMinor} currency={t.debited.currency} />,
        },
        { header: "Fees", numeric: true, cell: (t) => <MaybeMoney value={t.fees} /> },
        ...(compact
          ? []
          : [
              {
                header: "Author",
                cell: (t: TransactionDTO) =>
                  t.authorId && t.authorId === platformId ? (
                    <span className="text-xs">Platform</span>
                  ) : t.authorId ? (
                    <Link
                      href={paths.user(t.authorId)}
                      className="font-mono text-xs underline decoration-slate-300 hover:decoration-slate-700"
                    >
                      {t.authorId}
                    </Link>
                  ) : (
                    "—"
                  ),
              },
              { header: "Debited wallet", cell: (t: TransactionDTO) => walletLink(t.debitedWalletId) },
              { header: "Credited wallet", cell: (t: TransactionDTO) => walletLink(t.creditedWalletId) },
            ]),
        {
          header: "Result",
          cell: (t) => (
            <span className={t.status === "FAILED" ? "text-red-700" : "text-slate-600"}>{t.resultMessage ?? "—"}</span>
          ),
        },
      ]}
    />
  );
}
