"use client";

import dynamic from "next/dynamic";

// recharts is loaded only where a chart is drawn, after the page itself (not in the shared bundle).
export const SeriesBarChartLazy = dynamic(() => import("./series-bar-chart"), {
  ssr: false,
  loading: () => <div className="h-48 w-full animate-pulse rounded bg-slate-100" aria-label="Loading chart" />,
});
