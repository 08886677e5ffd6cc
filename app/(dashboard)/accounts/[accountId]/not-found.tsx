"use client";

import Link from "@/components/intent-link";
import { usePathname } from "next/navigation";

/**
 * Inside an accessible account (the layout rendered): a page that does not exist here. A foreign or
 * not-granted account never gets this far: its layout 404s into ../not-found.tsx.
 */
export default function DashboardPageNotFound() {
  const home = (usePathname() ?? "").split("/").slice(0, 3).join("/") || "/hub";
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="mb-2 text-xl font-semibold">Page not found</h1>
      <p className="mb-6 text-sm text-slate-600">
        This page does not exist in this dashboard yet, or you have no access to it.
      </p>
      <Link href={home} className="text-sm underline">
        Back to the dashboard home
      </Link>
    </div>
  );
}
