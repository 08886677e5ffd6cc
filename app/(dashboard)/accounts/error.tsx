"use client";

import { ErrorPanel } from "@/components/error-panel";

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorPanel
      error={error}
      reset={reset}
      backHref="/hub"
      title="This page could not be loaded"
      description="Nothing was changed. MANGOPAY may be slow or unavailable, or the dashboard hit an error; try again in a moment."
    />
  );
}
