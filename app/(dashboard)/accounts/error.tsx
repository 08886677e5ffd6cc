"use client";

import dynamic from "next/dynamic";

const TITLE = "This page could not be loaded";
const DESCRIPTION =
  "Nothing was changed. MANGOPAY may be slow or unavailable, or the dashboard hit an error; try again in a moment.";

// The boundary ships with every dashboard page, the panel (buttons, styles) only when an error shows;
// until it arrives the same words are already there.
const ErrorPanel = dynamic(() => import("@/components/error-panel").then((m) => m.ErrorPanel), {
  loading: () => (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6">
      <h2 className="font-semibold text-red-800">{TITLE}</h2>
      <p className="text-sm text-red-700">{DESCRIPTION}</p>
    </div>
  ),
});

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel error={error} reset={reset} backHref="/hub" title={TITLE} description={DESCRIPTION} />;
}
