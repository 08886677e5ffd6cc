import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { EmptyState } from "@/components/empty-state";
import { Pagination } from "@/components/pagination";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { dashboardPaths, isUserTab } from "@/lib/dashboard-paths";
import { requireAccountPermission } from "@/lib/server/account-context";
import { can } from "@/lib/server/permissions";
import { PageQuery } from "@/lib/services/mangopay/inputs";
import { TransactionListQuery } from "@/lib/services/transactions/schemas";
import { settle } from "@/lib/services/upstream";
import { getUser } from "@/lib/services/users/get";
import { TransactionFilters } from "../../../_components/transaction-filters";
import { USER_SECTIONS } from "../_components/user-sections";
import { tabSpec } from "../_components/user-tabs";
import { preloadWalletActions } from "../../../wallets/_components/wallet-actions";

export const metadata: Metadata = { title: "User" };

type Props = {
  params: Promise<{ accountId: string; userId: string; tab: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** One tab of a user's profile: the full, paginated list (transactions with their filters). */
export default async function UserTabPage({ params, searchParams }: Props) {
  const [{ accountId, userId, tab }, query] = await Promise.all([params, searchParams]);
  const ctx = await requireAccountPermission(accountId, "users.read");
  if (!isUserTab(tab)) notFound();
  const spec = tabSpec(tab);
  if (!can(ctx, spec.permission)) redirect(`${dashboardPaths(ctx.account.id).home}?denied=1`);
  const paths = dashboardPaths(ctx.account.id);
  const section = USER_SECTIONS[tab];
  const isTransactions = tab === "transactions";
  const parsed = isTransactions ? TransactionListQuery.parse(query) : PageQuery.parse(query);
  // The user (memoized with the layout) and the list load in parallel.
  if (tab === "wallets") preloadWalletActions(ctx, userId);
  const [user, result] = await Promise.all([
    settle(getUser({ ctx, input: { userId } })),
    settle(section.load(ctx, userId, parsed)),
  ]);
  if (!user.ok && user.notFound) notFound();
  if (!user.ok) return null; // the header (layout) already says why
  if (spec.legalOnly && user.data.personType !== "LEGAL") notFound();
  const pathname = paths.userTab(userId, tab);
  return (
    <div className="space-y-3">
      {isTransactions ? <TransactionFilters action={pathname} query={TransactionListQuery.parse(query)} /> : null}
      {!result.ok ? (
        <ServiceErrorMessage view={result.error} />
      ) : result.data.items.length === 0 ? (
        <EmptyState title={`No ${section.noun}`}>
          {isTransactions && Object.keys(query).length > 0
            ? "No transaction matches these filters."
            : `This user has no ${section.noun}.`}
        </EmptyState>
      ) : (
        <>
          {section.table(result.data.items, paths, false, ctx)}
          <Pagination pathname={pathname} query={query} result={result.data} />
        </>
      )}
    </div>
  );
}
