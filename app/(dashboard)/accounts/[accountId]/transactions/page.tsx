import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { EmptyState } from "@/components/empty-state";
import { FilterBar, optionsOf } from "@/components/filter-bar";
import { SectionSkeleton } from "@/components/page-skeleton";
import { Pagination } from "@/components/pagination";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { TransactionsTable } from "@/components/transactions-table";
import { accountPath, userPath } from "@/lib/dashboard-links";
import { requireAccountPermission, type AccountContext } from "@/lib/server/account-context";
import { can } from "@/lib/server/permissions";
import { listTransactions } from "@/lib/services/transactions/list";
import { scopeOf, TRANSACTION_NATURES, TRANSACTION_STATUSES, TRANSACTION_TYPES, TransactionsQuery } from "@/lib/services/transactions/schemas";
import { settle } from "@/lib/services/upstream";

export const metadata: Metadata = { title: "Transactions" };

type Query = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ accountId: string }>; searchParams: Promise<Query> };

async function TransactionsSection({ ctx, q, query, pathname }: { ctx: AccountContext; q: TransactionsQuery; query: Query; pathname: string }) {
  const result = await settle(
    listTransactions({
      ctx,
      input: { scope: scopeOf(q), filters: { status: q.status, type: q.type, nature: q.nature, from: q.from, to: q.to }, page: q.page, perPage: q.perPage },
    }),
  );
  if (!result.ok) return <ServiceErrorMessage view={result.error} />;
  const page = result.data;
  if (page.items.length === 0) {
    return (
      <EmptyState title="No transactions">
        {q.page > 1 ? "There are no transactions on this page." : "No transaction matches these filters. Change or clear the filters to see more."}
      </EmptyState>
    );
  }
  return (
    <>
      <TransactionsTable accountId={ctx.account.id} rows={page.items} canSeeUsers={can(ctx, "users.read")} />
      <Pagination pathname={pathname} query={query} page={page.page} perPage={page.perPage} totalPages={page.totalPages} totalItems={page.totalItems} itemCount={page.items.length} />
    </>
  );
}

/** The platform's transactions (client wallets), or one user's or one wallet's, newest first. */
export default async function TransactionsPage({ params, searchParams }: Props) {
  const [{ accountId }, query] = await Promise.all([params, searchParams]);
  const ctx = await requireAccountPermission(accountId, "transactions.read");
  const q = TransactionsQuery.parse(query);
  const pathname = `${accountPath(ctx.account.id)}/transactions`;
  const scope = scopeOf(q);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Transactions</h1>
        <p className="text-sm text-slate-600" data-testid="transactions-scope">
          {scope.kind === "client" ? (
            "The platform's own transactions: fees collected, repudiations, settlements and client-wallet movements."
          ) : scope.kind === "wallet" ? (
            <>
              Transactions of wallet <span className="font-mono">{scope.walletId}</span>.{" "}
              <Link href={pathname} className="underline">
                All platform transactions
              </Link>
            </>
          ) : (
            <>
              Transactions of user{" "}
              {can(ctx, "users.read") ? (
                <Link href={userPath(ctx.account.id, scope.userId)} className="font-mono underline">
                  {scope.userId}
                </Link>
              ) : (
                <span className="font-mono">{scope.userId}</span>
              )}
              .{" "}
              <Link href={pathname} className="underline">
                All platform transactions
              </Link>
            </>
          )}
        </p>
      </div>
      <FilterBar
        action={pathname}
        keep={{ userId: q.userId, walletId: q.walletId, perPage: q.perPage === 20 ? undefined : String(q.perPage) }}
        fields={[
          { kind: "select", name: "status", label: "Status", options: optionsOf(TRANSACTION_STATUSES), value: q.status },
          { kind: "select", name: "type", label: "Type", options: optionsOf(TRANSACTION_TYPES), value: q.type },
          { kind: "select", name: "nature", label: "Nature", options: optionsOf(TRANSACTION_NATURES), value: q.nature },
          { kind: "date", name: "from", label: "From (UTC)", value: q.from },
          { kind: "date", name: "to", label: "To (UTC)", value: q.to },
        ]}
      />
      <Suspense key={JSON.stringify(q)} fallback={<SectionSkeleton label="Loading transactions" height="h-96" />}>
        <TransactionsSection ctx={ctx} q={q} query={query} pathname={pathname} />
      </Suspense>
    </div>
  );
}
