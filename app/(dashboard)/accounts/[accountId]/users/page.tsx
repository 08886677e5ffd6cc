import type { Metadata } from "next";
import Link from "@/components/intent-link";
import { Suspense } from "react";
import { CopyableId } from "@/components/copyable-id";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { LocalTime } from "@/components/local-time";
import { MirrorExportLink, MirrorFreshnessLine } from "@/components/mirror-freshness";
import { Pagination, hrefWith } from "@/components/pagination";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { StatusBadge } from "@/components/status-badge";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { requireAccountPermission } from "@/lib/server/account-context";
import type { AccountContext } from "@/lib/server/context-types";
import { can } from "@/lib/server/permissions";
import { PageQuery } from "@/lib/services/mangopay/inputs";
import { getMirrorFreshness } from "@/lib/services/mirror-reads/get-freshness";
import { requestGate } from "@/lib/services/mangopay/request";
import { getUser } from "@/lib/services/users/get";
import { listUsers } from "@/lib/services/users/list";
import { settle } from "@/lib/services/upstream";
import { CreateUserDialog } from "./_components/create-user-dialog";

export const metadata: Metadata = { title: "Users" };

type Props = {
  params: Promise<{ accountId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** `GET /users` has no names: each row's name streams in from the user's own record (≤ 25 reads at once). */
async function UserName({ ctx, userId }: { ctx: AccountContext; userId: string }) {
  const user = await settle(requestGate("user-names", 25).run(() => getUser({ ctx, input: { userId } })));
  return user.ok ? <>{user.data.name}</> : <span className="text-slate-400">(name unavailable)</span>;
}

const human = (s: string | null) => (s ? s.charAt(0) + s.slice(1).toLowerCase() : "—");

export default async function UsersPage({ params, searchParams }: Props) {
  const [{ accountId }, query] = await Promise.all([params, searchParams]);
  const ctx = await requireAccountPermission(accountId, "users.read");
  const paths = dashboardPaths(ctx.account.id);
  const q = PageQuery.parse(query);
  const [result, freshness] = await Promise.all([
    settle(listUsers({ ctx, input: q })),
    getMirrorFreshness({ ctx, input: { view: "users" } }),
  ]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Users</h1>
          <p className="text-sm text-slate-600">
            Natural and legal users of this account, by creation date. MANGOPAY&apos;s user list has no other filter;
            search finds any user by Id.
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <Link
            href={hrefWith(paths.users, query, { sort: q.sort === "desc" ? "asc" : undefined, page: undefined })}
            className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100"
            data-testid="sort-toggle"
          >
            {q.sort === "desc" ? "Newest first ↓" : "Oldest first ↑"}
          </Link>
          <MirrorExportLink
            freshness={freshness}
            href={paths.usersExport(q.sort === "desc" ? "" : `sort=${q.sort}`)}
            reportsHref={paths.reports}
          />
          {can(ctx, "users.create") ? <CreateUserDialog accountId={ctx.account.id} /> : null}
        </div>
      </div>
      <MirrorFreshnessLine freshness={freshness} hooksHref={paths.hooks} />
      {!result.ok ? (
        <ServiceErrorMessage view={result.error} />
      ) : result.data.items.length === 0 ? (
        <EmptyState title={q.page > 1 ? "No users on this page" : "No users yet"}>
          {q.page > 1 ? (
            <Link href={paths.users} className="underline">
              Back to the first page
            </Link>
          ) : (
            "Users created through the API appear here."
          )}
        </EmptyState>
      ) : (
        <>
          <DataTable
            testId="users"
            caption="Users"
            rows={result.data.items}
            rowKey={(u) => u.id}
            rowHref={(u) => paths.user(u.id)}
            rowLabel={(u) => `Open user ${u.id}`}
            columns={[
              {
                header: "Name",
                cell: (u) => (
                  <Suspense
                    fallback={
                      <span
                        className="inline-block h-3 w-28 animate-pulse rounded bg-slate-200"
                        aria-label="Loading name"
                      />
                    }
                  >
                    <UserName ctx={ctx} userId={u.id} />
                  </Suspense>
                ),
              },
              { header: "Email", cell: (u) => u.email ?? "—" },
              { header: "Id", cell: (u) => <CopyableId id={u.id} /> },
              { header: "Type", cell: (u) => human(u.personType) },
              { header: "KYC level", cell: (u) => <StatusBadge status={u.kycLevel} /> },
              { header: "Category", cell: (u) => human(u.category) },
              { header: "Created", cell: (u) => <LocalTime iso={u.createdAt} /> },
            ]}
          />
          <Pagination pathname={paths.users} query={query} result={result.data} />
        </>
      )}
    </div>
  );
}
