import { notFound } from "next/navigation";
import { CopyableId } from "@/components/copyable-id";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { StatusBadge } from "@/components/status-badge";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { getAccountContext } from "@/lib/server/account-context";
import { can } from "@/lib/server/permissions";
import { getUser } from "@/lib/services/users/get";
import { settle } from "@/lib/services/upstream";
import { userTabsFor } from "./_components/user-tabs";
import { UserTabNav } from "./_components/user-tab-nav";

/** Header and tabs of a user's profile; the user is fetched once per request (shared with the page). */
export default async function UserLayout({ children, params }: { children: React.ReactNode; params: Promise<{ accountId: string; userId: string }> }) {
  const { accountId, userId } = await params;
  const ctx = await getAccountContext(accountId);
  // Pages check users.read themselves; the layout shows nothing of the user without it.
  if (!can(ctx, "users.read")) return children;
  const paths = dashboardPaths(ctx.account.id);
  const user = await settle(getUser({ ctx, input: { userId } }));
  if (!user.ok && user.notFound) notFound();
  if (!user.ok) return <ServiceErrorMessage view={user.error} />;
  const u = user.data;
  const tabs = userTabsFor(ctx, u.personType).map((t) => ({ label: t.label, href: t.tab ? paths.userTab(u.id, t.tab) : paths.user(u.id) }));
  return (
    <div className="space-y-5">
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
          {u.category ? <StatusBadge status="NEUTRAL" label={u.category.charAt(0) + u.category.slice(1).toLowerCase()} /> : null}
          {u.status ? <StatusBadge status={u.status} /> : null}
        </div>
      </div>
      <UserTabNav tabs={tabs} />
      {children}
    </div>
  );
}
