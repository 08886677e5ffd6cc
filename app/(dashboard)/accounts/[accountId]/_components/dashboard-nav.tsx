"use client";

import Link from "@/components/intent-link";
import { usePathname } from "next/navigation";

/** The sections the member may see; the current one is marked. */
export function DashboardNav({ links }: { links: { label: string; href: string }[] }) {
  const pathname = usePathname() ?? "";
  const home = links[0]?.href ?? "";
  return (
    <nav
      aria-label="Dashboard"
      className="mx-auto flex max-w-7xl items-center gap-5 overflow-x-auto px-6 text-sm text-slate-600"
    >
      {links.map((l) => {
        const active = l.href === home ? pathname === home : pathname === l.href || pathname.startsWith(`${l.href}/`);
        return (
          <Link
            key={l.href}
            href={l.href}
            aria-current={active ? "page" : undefined}
            className={`border-b-2 py-2 hover:text-slate-900 ${active ? "border-slate-900 font-medium text-slate-900" : "border-transparent"}`}
          >
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}
