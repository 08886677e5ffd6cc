import type { Metadata } from "next";
import { Suspense } from "react";
import { EmptyState } from "@/components/empty-state";
import { MirrorExportLink, MirrorFreshnessLine } from "@/components/mirror-freshness";
import { SectionSkeleton } from "@/components/page-skeleton";
import { Pagination } from "@/components/pagination";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { requireAccountPermission } from "@/lib/server/account-context";
import { can } from "@/lib/server/permissions";
import type { AccountContext } from "@/lib/server/context-types";
import { getMirrorFreshness } from "@/lib/services/mirror-reads/get-freshness";
import { listClientPayouts } from "@/lib/services/client-wallets/list-client-payouts";
import { listPlatformTransactions } from "@/lib/services/transactions/list-platform";
import { TransactionListQuery } from "@/lib/services/transactions/schemas";
import { settle } from "@/lib/services/upstream";
import { TransactionFilters } from "../_components/transaction-filters";
import { TransactionTable } from "../_components/transaction-table";
import { ClientPayouts } from "./_components/client-payouts";

export const metadata: Metadata = { title: "Transactions" };

type Query = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ accountId: string }>; searchParams: Promise<Query> };

async function TransactionsSection({ ctx, q, query }: { ctx: AccountContext; q: TransactionListQuery; query: Query }) {
  const paths = dashboardPaths(ctx.account.id);
  const result = await settle(listPlatformTransactions({ ctx, input: { query: q } }));
  if (!result.ok) return <ServiceErrorMessage view={result.error} />;
  const page = result.data;
  if (page.items.length === 0) {
    return (
      <EmptyState title="No transactions">
        {q.page > 1
          ? "There are no transactions on this page."
          : "No transaction matches these filters. Change or clear the filters to see more."}
      </EmptyState>
    );
  }
  return (
    <>
      <TransactionTable rows={page.items} paths={paths} platformId={ctx.account.clientId} />
      <Pagination pathname={paths.transactions} query={query} result={page} />
    </>
  );
}

/**
 * The platform's own transactions (its FEES and CREDIT client wallets), newest first. A user's and
 * a wallet's transactions are on the user's Transactions tab and on the wallet's page.
 */
export default async function TransactionsPage({ params, searchParams }: Props) {
  const [{ accountId }, query] = await Promise.all([params, searchParams]);
  const ctx = await requireAccountPermission(accountId, "transactions.read");
  const q = TransactionListQuery.parse(query);
  const paths = dashboardPaths(ctx.account.id);
  // The sections' MANGOPAY reads start before the mirror's freshness is read, not after it (the
  // sections below get the same reads from the request's memo).
  void settle(listPlatformTransactions({ ctx, input: { query: q } }));
  if (can(ctx, "clientWallets.read")) void settle(listClientPayouts({ ctx }));
  const freshness = await getMirrorFreshness({ ctx, input: { view: "transactions" } });
  const filterQuery = new URLSearchParams(
    Object.entries({ status: q.status, type: q.type, nature: q.nature, from: q.from, to: q.to }).filter(
      (e): e is [string, string] => e[1] !== undefined,
    ),
  ).toString();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Transactions</h1>
          <p className="text-sm text-slate-600">
            The platform&apos;s own transactions: fees collected, repudiations, settlements and client-wallet movements.
            A user&apos;s transactions are on their profile.
          </p>
        </div>
        <div className="space-y-1 text-right">
          <MirrorExportLink
            freshness={freshness}
            href={paths.transactionsExport(filterQuery)}
            reportsHref={paths.reports}
          />
        </div>
      </div>
      <div className="text-xs text-slate-500">
        The CSV export holds every transaction of the account the mirror has (pay-ins, payouts, transfers and refunds of
        all users) that matches these filters.
        <MirrorFreshnessLine freshness={freshness} hooksHref={paths.hooks} />
      </div>
      <TransactionFilters action={paths.transactions} query={q} />
      <Suspense key={JSON.stringify(q)} fallback={<SectionSkeleton label="Loading transactions" height="h-96" />}>
        <TransactionsSection ctx={ctx} q={q} query={query} />
      </Suspense>
      {can(ctx, "clientWallets.read") ? (
        <Suspense fallback={<SectionSkeleton label="Loading client payouts" height="h-24" />}>
          <ClientPayouts ctx={ctx} />
        </Suspense>
      ) : null}
    </div>
  );
}
