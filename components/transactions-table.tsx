import Link from "next/link";
import { CopyableId } from "@/components/copyable-id";
import { DataTable } from "@/components/data-table";
import { humanize } from "@/components/filter-bar";
import { LocalTime } from "@/components/local-time";
import { MaybeMoney, Money } from "@/components/money";
import { StatusBadge } from "@/components/status-badge";
import { transactionPath, userPath, walletTransactionsPath } from "@/lib/dashboard-links";
import type { TransactionRowDTO } from "@/lib/services/transactions/dto";

/** A page of transactions (any list's common fields); a row opens the transaction. */
export function TransactionsTable({ accountId, rows, canSeeUsers, testId = "transactions" }: { accountId: string; rows: readonly TransactionRowDTO[]; canSeeUsers: boolean; testId?: string }) {
  return (
    <DataTable
      testId={testId}
      caption="Transactions"
      rows={rows}
      rowKey={(t) => t.id}
      rowHref={(t) => transactionPath(accountId, t.id, t.kind)}
      rowLabel={(t) => `Transaction ${t.id}`}
      columns={[
        { header: "Created", cell: (t) => <LocalTime iso={t.creationDate} /> },
        {
          header: "Type",
          cell: (t) => (
            <span data-testid="tx-type">
              {humanize(t.type)}
              {t.nature !== "REGULAR" ? <span className="text-slate-500"> · {humanize(t.nature)}</span> : null}
            </span>
          ),
        },
        {
          header: "Status",
          cell: (t) => (
            <span className="flex flex-col gap-0.5">
              <StatusBadge status={t.status} />
              {t.status === "FAILED" && t.resultMessage ? (
                <span className="text-xs text-red-700">
                  {t.resultCode} {t.resultMessage}
                </span>
              ) : null}
            </span>
          ),
        },
        {
          header: "Author",
          cell: (t) =>
            t.authorId ? (
              canSeeUsers ? (
                <Link href={userPath(accountId, t.authorId)} className="font-mono text-xs hover:underline">
                  {t.authorId}
                </Link>
              ) : (
                <span className="font-mono text-xs">{t.authorId}</span>
              )
            ) : (
              <span className="text-slate-400">—</span>
            ),
        },
        {
          header: "Wallets",
          cell: (t) => (
            <span className="font-mono text-xs">
              {t.debitedWalletId ? <Link href={walletTransactionsPath(accountId, t.debitedWalletId)} className="hover:underline">{t.debitedWalletId}</Link> : "—"} →{" "}
              {t.creditedWalletId ? <Link href={walletTransactionsPath(accountId, t.creditedWalletId)} className="hover:underline">{t.creditedWalletId}</Link> : "—"}
            </span>
          ),
        },
        { header: "Debited", numeric: true, cell: (t) => <Money amountMinor={t.debitedFunds.amountMinor} currency={t.debitedFunds.currency} /> },
        { header: "Fees", numeric: true, cell: (t) => <MaybeMoney value={t.fees} /> },
        { header: "Id", cell: (t) => <CopyableId id={t.id} /> },
      ]}
    />
  );
}
