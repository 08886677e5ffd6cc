import Link from "@/components/intent-link";
import { TimeZoneProvider } from "@/components/time-zone";
import { Toaster } from "@/components/toast";
import { getAccountContext } from "@/lib/server/account-context";
import { getHubContext } from "@/lib/server/context";
import { can } from "@/lib/server/permissions";
import { DASHBOARD_NAV } from "@/lib/server/route-permissions";
import { listOpenableApiAccounts } from "@/lib/services/api-accounts/list-openable";
import { getMemberTimeZone } from "@/lib/services/auth/time-zone";
import { AccountSwitcher } from "./_components/account-switcher";
import { DashboardNav } from "./_components/dashboard-nav";
import { ProfileMenu } from "./_components/profile-menu";
import { SearchBox } from "./_components/search-box";

export default async function AccountDashboardLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ accountId: string }>;
}) {
  const { accountId } = await params;
  // The switcher's accounts and the member's time zone need only the Hub context: read alongside the
  // account's own row, not after it (getHubContext is memoized: the same read getAccountContext awaits).
  const shared = getHubContext().then((hub) =>
    Promise.all([
      listOpenableApiAccounts({ ctx: hub }),
      hub.actor.timeZone !== undefined ? hub.actor.timeZone : getMemberTimeZone(hub.actor.id),
    ]),
  );
  shared.catch(() => undefined); // awaited below once the account is known to be accessible
  // Not accessible (foreign, missing, not granted) → the not-found page, before anything renders.
  const ctx = await getAccountContext(accountId);
  const [switchable, timeZone] = await shared;
  const isProduction = ctx.account.environment === "PRODUCTION";
  const base = `/accounts/${encodeURIComponent(ctx.account.id)}`;
  const nav = DASHBOARD_NAV.filter((l) => l.permission === null || can(ctx, l.permission)).map((l) => ({
    label: l.label,
    href: `${base}${l.segment}`,
  }));
  return (
    <TimeZoneProvider zone={timeZone}>
      <div className="min-h-screen">
        {isProduction ? (
          <div
            className="bg-production px-6 py-1 text-center text-xs font-semibold tracking-wide text-white uppercase"
            role="note"
          >
            Production — real money
          </div>
        ) : null}
        <header className={`border-b bg-white ${isProduction ? "border-production" : "border-slate-200"}`}>
          <div className="mx-auto flex h-14 max-w-7xl items-center justify-between gap-4 px-6">
            <div className="flex min-w-0 items-center gap-3">
              {/* No prefetch: it would load the Hub's pages' code on every dashboard page's first load. */}
              <Link
                href="/hub"
                prefetch={false}
                className="text-sm text-slate-500 hover:text-slate-900"
                aria-label="Back to the Hub"
              >
                <span className="text-brand">●</span>
              </Link>
              <AccountSwitcher
                current={{ id: ctx.account.id, name: ctx.account.name, environment: ctx.account.environment }}
                accounts={switchable}
              />
            </div>
            {can(ctx, "users.read") ? <SearchBox accountId={ctx.account.id} /> : <span />}
            <ProfileMenu
              accountId={ctx.account.id}
              email={ctx.actor.email}
              canManagePermissions={can(ctx, "dashboard.permissions.manage")}
              canSeeSso={can(ctx, "ssos.read")}
              canManageTeam={can(ctx, "hub.team.manage")}
            />
          </div>
          <DashboardNav links={nav} />
        </header>
        <main className="mx-auto max-w-7xl px-6 py-8">{children}</main>
      </div>
      <Toaster />
    </TimeZoneProvider>
  );
}
