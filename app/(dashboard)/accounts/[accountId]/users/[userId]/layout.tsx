import { Suspense } from "react";
import { CopyableId } from "@/components/copyable-id";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { StatusBadge } from "@/components/status-badge";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { getAccountContext } from "@/lib/server/account-context";
import type { AccountContext } from "@/lib/server/context-types";
import { can } from "@/lib/server/permissions";
import { getUser } from "@/lib/services/users/get";
import { settle } from "@/lib/services/upstream";
import { userTabsFor } from "./_components/user-tabs";
import { UserTabNav } from "./_components/user-tab-nav";

/** Name, badges and tabs; the user comes from the per-request memo the page shares. */
async function UserHeader({ ctx, userId }: { ctx: AccountContext; userId: string }) {
  const user = await settle(getUser({ ctx, input: { userId } }));
  // A missing user: the page renders the not-found screen; a failure: said here, once.
  if (!user.ok) return user.notFound ? null : <ServiceErrorMessage view={user.error} />;
  const u = user.data;
  const paths = dashboardPaths(ctx.account.id);
  const tabs = userTabsFor(ctx, u.personType).map((t) => ({
    label: t.label,
    href: t.tab ? paths.userTab(u.id, t.tab) : paths.user(u.id),
  }));
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-xs text-slate-500 uppercase">{u.personType === "LEGAL" ? "Legal user" : "Natural user"}</p>
          <h1 className="text-2xl font-semibold" data-testid="user-name">
            {u.name}
          </h1>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <CopyableId id={u.id} />
            {u.email ? <span>· {u.email}</span> : null}
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          <StatusBadge status={u.kycLevel} label={`KYC ${u.kycLevel?.toLowerCase() ?? "unknown"}`} />
          {u.category ? (
            <StatusBadge status="NEUTRAL" label={u.category.charAt(0) + u.category.slice(1).toLowerCase()} />
          ) : null}
          {u.status ? <StatusBadge status={u.status} /> : null}
        </div>
      </div>
      <UserTabNav tabs={tabs} />
    </>
  );
}

/**
 * A user's profile frame. The header streams in its own Suspense boundary so the page below renders
 * (and starts its own MANGOPAY calls) at the same time instead of after it.
 */
export default async function UserLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ accountId: string; userId: string }>;
}) {
  const { accountId, userId } = await params;
  const ctx = await getAccountContext(accountId);
  // Pages check users.read themselves; the frame shows nothing of the user without it.
  if (!can(ctx, "users.read")) return children;
  return (
    <div className="space-y-5">
      <Suspense fallback={<div className="h-24 animate-pulse rounded-lg bg-slate-200" aria-label="Loading user" />}>
        <UserHeader ctx={ctx} userId={userId} />
      </Suspense>
      {children}
    </div>
  );
}
