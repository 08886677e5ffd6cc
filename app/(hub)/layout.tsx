import Link from "next/link";
import { getHubContext } from "@/lib/server/context";

export default async function HubLayout({ children }: { children: React.ReactNode }) {
  const ctx = await getHubContext();
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-6xl items-center justify-between px-6">
          <Link href="/hub" className="font-semibold tracking-tight">
            <span className="text-brand">●</span> {ctx.hub.name}
          </Link>
          <nav className="flex items-center gap-4 text-sm text-slate-600">
            <span data-testid="current-user">{ctx.actor.email}</span>
            <Link href="/sign-out" className="hover:text-slate-900">
              Sign out
            </Link>
          </nav>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-6 py-8">{children}</main>
    </div>
  );
}
