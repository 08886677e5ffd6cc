import Link from "next/link";
import { getHubContext } from "@/lib/server/context";
import { can } from "@/lib/server/permissions";
import { listMyHubs } from "@/lib/services/hubs/list-my-hubs";
import { HubSwitcher } from "./_components/hub-switcher";

export default async function HubLayout({ children }: { children: React.ReactNode }) {
  const ctx = await getHubContext();
  const hubs = await listMyHubs({ actor: ctx.actor });
  // Navigation hides what the member cannot use; every page checks again on its own.
  const links = [
    { href: "/hub", label: "API accounts", show: true },
    { href: "/hub/team", label: "Team", show: can(ctx, "hub.team.manage") },
    { href: "/hub/security", label: "Security history", show: can(ctx, "hub.security.read") },
    { href: "/hub/settings", label: "Settings", show: can(ctx, "hub.settings.manage") },
    { href: "/hub/jobs", label: "Jobs", show: can(ctx, "hub.jobs.manage") },
    { href: "/hub/feedback", label: "Feedback", show: can(ctx, "hub.feedback.read") },
    { href: "/hub/profile", label: "Profile", show: true },
  ].filter((l) => l.show);
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-6 px-6">
          <div className="flex items-center gap-6">
            <Link href="/hub" className="font-semibold tracking-tight">
              <span className="text-brand">●</span> {ctx.hub.name}
            </Link>
            <nav aria-label="Hub" className="flex items-center gap-4 text-sm text-slate-600">
              {links.map((l) => (
                <Link key={l.href} href={l.href} className="hover:text-slate-900">
                  {l.label}
                </Link>
              ))}
            </nav>
          </div>
          <div className="flex items-center gap-4 text-sm text-slate-600">
            <HubSwitcher hubs={hubs} currentHubId={ctx.hub.id} />
            <span data-testid="current-user">{ctx.actor.email}</span>
            <Link href="/sign-out" className="hover:text-slate-900">
              Sign out
            </Link>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-6 py-8">{children}</main>
    </div>
  );
}
