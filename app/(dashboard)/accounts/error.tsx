"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="rounded-lg border border-red-200 bg-red-50 p-6">
      <h2 className="font-semibold text-red-800">This page could not be loaded</h2>
      <p className="mb-4 text-sm text-red-700">
        Nothing was changed. MANGOPAY may be slow or unavailable, or the dashboard hit an error; try again in a moment.
        {error.digest ? ` Reference for the server log: ${error.digest}.` : ""}
      </p>
      <div className="flex gap-2">
        <Button variant="secondary" onClick={reset}>
          Try again
        </Button>
        <Button asChild variant="ghost">
          <Link href="/hub">Back to the Hub</Link>
        </Button>
      </div>
    </div>
  );
}
