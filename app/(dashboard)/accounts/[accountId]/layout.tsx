import Link from "next/link";
import { EnvironmentBadge } from "@/components/environment-badge";
import { getAccountContext } from "@/lib/server/account-context";
import { can } from "@/lib/server/permissions";
import { DASHBOARD_NAV } from "@/lib/server/route-permissions";
import { ProfileMenu } from "./_components/profile-menu";

export default async function AccountDashboardLayout({ children, params }: { children: React.ReactNode; params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  // Not accessible (foreign, missing, not granted) → the not-found page, before anything renders.
  const ctx = await getAccountContext(accountId);
  const isProduction = ctx.account.environment === "PRODUCTION";
  const base = `/accounts/${encodeURIComponent(ctx.account.id)}`;
  const nav = DASHBOARD_NAV.filter((l) => l.permission === null || can(ctx, l.permission));
  return (
    <div className="min-h-screen">
      {isProduction ? (
        <div className="bg-production px-6 py-1 text-center text-xs font-semibold tracking-wide text-white uppercase" role="note">
          Production — real money
        </div>
      ) : null}
      <header className={`border-b bg-white ${isProduction ? "border-production" : "border-slate-200"}`}>
        <div className="mx-auto flex h-14 max-w-7xl items-center justify-between gap-4 px-6">
          <div className="flex min-w-0 items-center gap-5">
            <Link href="/hub" className="text-sm text-slate-500 hover:text-slate-900" aria-label="Back to the Hub">
              <span className="text-brand">●</span>
            </Link>
            <Link href={base} className="flex min-w-0 items-center gap-2">
              <span className="truncate font-semibold" data-testid="account-name">
                {ctx.account.name}
              </span>
              <EnvironmentBadge environment={ctx.account.environment} />
            </Link>
            <nav aria-label="Dashboard" className="hidden items-center gap-4 text-sm text-slate-600 md:flex">
              {nav.map((l) => (
                <Link key={l.label} href={`${base}${l.segment}`} className="hover:text-slate-900">
                  {l.label}
                </Link>
              ))}
            </nav>
          </div>
          <ProfileMenu
            accountId={ctx.account.id}
            email={ctx.actor.email}
            canManagePermissions={can(ctx, "dashboard.permissions.manage")}
            canSeeSso={can(ctx, "ssos.read")}
          />
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-6 py-8">{children}</main>
    </div>
  );
}
