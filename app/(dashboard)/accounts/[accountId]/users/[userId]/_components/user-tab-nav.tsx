"use client";

import Link from "@/components/intent-link";
import { usePathname } from "next/navigation";

/** Tabs as links: the tab lives in the URL (`/users/{id}/{tab}`). */
export function UserTabNav({ tabs }: { tabs: { label: string; href: string }[] }) {
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label="User sections" className="flex gap-1 overflow-x-auto border-b border-slate-200 text-sm">
      {tabs.map((t, i) => {
        const active = i === 0 ? pathname === t.href : pathname === t.href || pathname.startsWith(`${t.href}/`);
        return (
          <Link
            key={t.href}
            href={t.href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 whitespace-nowrap ${active ? "border-slate-900 font-medium text-slate-900" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
