"use client";

import Link from "next/link";

// Loaded with every dashboard page (error boundaries ship eagerly), so it stays plain markup: no
// component library, same look as components/ui/button.tsx's secondary and ghost variants.
export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="rounded-lg border border-red-200 bg-red-50 p-6" role="alert">
      <h2 className="font-semibold text-red-800">This page could not be loaded</h2>
      <p className="mb-4 text-sm text-red-700">
        Nothing was changed. MANGOPAY may be slow or unavailable, or the dashboard hit an error; try again in a moment.
        {error.digest ? ` Reference for the server log: ${error.digest}.` : ""}
      </p>
      <div className="flex gap-2">
        <button type="button" onClick={reset} className="inline-flex h-10 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-900 hover:bg-slate-100">
          Try again
        </button>
        <Link href="/hub" className="inline-flex h-10 items-center rounded-md px-4 text-sm font-medium text-slate-700 hover:bg-slate-100">
          Back to the Hub
        </Link>
      </div>
    </div>
  );
}
