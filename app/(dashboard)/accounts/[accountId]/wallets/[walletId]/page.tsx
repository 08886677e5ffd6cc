import type { Metadata } from "next";
import Link from "@/components/intent-link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { CopyableId } from "@/components/copyable-id";
import { EmptyState } from "@/components/empty-state";
import { MaybeTime } from "@/components/local-time";
import { Money } from "@/components/money";
import { SectionSkeleton } from "@/components/page-skeleton";
import { Pagination } from "@/components/pagination";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { Card } from "@/components/ui/card";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { requireAccountPermission } from "@/lib/server/account-context";
import type { AccountContext } from "@/lib/server/context-types";
import { can } from "@/lib/server/permissions";
import { listWalletTransactions } from "@/lib/services/transactions/list-by-wallet";
import { TransactionListQuery } from "@/lib/services/transactions/schemas";
import { settle } from "@/lib/services/upstream";
import { getWallet } from "@/lib/services/wallets/get";
import { TransactionFilters } from "../../_components/transaction-filters";
import { TransactionTable } from "../../_components/transaction-table";
import { WalletActions } from "../_components/wallet-actions";

export const metadata: Metadata = { title: "Wallet" };

type Query = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ accountId: string; walletId: string }>; searchParams: Promise<Query> };

async function WalletTransactions({ ctx, walletId, query }: { ctx: AccountContext; walletId: string; query: Query }) {
  const paths = dashboardPaths(ctx.account.id);
  const q = TransactionListQuery.parse(query);
  const result = await settle(listWalletTransactions({ ctx, input: { walletId, query: q } }));
  if (!result.ok) return <ServiceErrorMessage view={result.error} />;
  if (result.data.items.length === 0)
    return (
      <EmptyState title="No transactions">
        {Object.keys(query).length > 0
          ? "No transaction matches these filters."
          : "Nothing has moved through this wallet yet."}
      </EmptyState>
    );
  return (
    <>
      <TransactionTable rows={result.data.items} paths={paths} />
      <Pagination pathname={paths.wallet(walletId)} query={query} result={result.data} />
    </>
  );
}

/** A wallet: its balance, owner and transactions (filters and page in the URL). */
export default async function WalletPage({ params, searchParams }: Props) {
  const [{ accountId, walletId }, query] = await Promise.all([params, searchParams]);
  const ctx = await requireAccountPermission(accountId, "wallets.read");
  const paths = dashboardPaths(ctx.account.id);
  const canSeeTransactions = can(ctx, "transactions.read");
  // Start the transactions now (memoized for the section below) so they do not wait for the wallet.
  if (canSeeTransactions)
    void settle(listWalletTransactions({ ctx, input: { walletId, query: TransactionListQuery.parse(query) } }));
  const wallet = await settle(getWallet({ ctx, input: { walletId } }));
  if (!wallet.ok && wallet.notFound) notFound();
  const transactions = canSeeTransactions ? (
    <section className="space-y-3" aria-label="Wallet transactions">
      <h2 className="text-lg font-semibold">Transactions</h2>
      <TransactionFilters action={paths.wallet(walletId)} query={TransactionListQuery.parse(query)} />
      <Suspense key={JSON.stringify(query)} fallback={<SectionSkeleton label="Loading transactions" height="h-64" />}>
        <WalletTransactions ctx={ctx} walletId={walletId} query={query} />
      </Suspense>
    </section>
  ) : null;
  if (!wallet.ok) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">Wallet {walletId}</h1>
        <ServiceErrorMessage view={wallet.error} />
        {transactions}
      </div>
    );
  }
  const w = wallet.data;
  return (
    <div className="space-y-6">
      <Card className="flex flex-wrap items-end justify-between gap-4 p-5">
        <div>
          <p className="text-xs text-slate-500 uppercase">Wallet</p>
          <h1 className="text-2xl font-semibold">{w.description ?? "(no description)"}</h1>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <CopyableId id={w.id} />
            <span>
              · created <MaybeTime iso={w.createdAt} />
            </span>
            {w.ownerIds.map((o) => (
              <span key={o}>
                · owner{" "}
                {can(ctx, "users.read") ? (
                  <Link href={paths.user(o)} className="font-mono underline">
                    {o}
                  </Link>
                ) : (
                  <span className="font-mono">{o}</span>
                )}
              </span>
            ))}
          </div>
        </div>
        <div className="flex items-end gap-4 text-right">
          {w.ownerIds[0] ? (
            <WalletActions
              ctx={ctx}
              wallet={{ id: w.id, currency: w.currency, ownerId: w.ownerIds[0], description: w.description }}
            />
          ) : null}
          <div>
            <p className="text-xs text-slate-500 uppercase">Balance</p>
            <p className="text-3xl font-semibold" data-testid="wallet-balance">
              <Money amountMinor={w.balance.amountMinor} currency={w.balance.currency} />
            </p>
          </div>
        </div>
      </Card>
      {transactions}
    </div>
  );
}
