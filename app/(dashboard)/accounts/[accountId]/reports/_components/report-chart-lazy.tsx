"use client";

import dynamic from "next/dynamic";

// recharts is loaded only on the run page, after the page itself (not in the shared bundle).
export const ReportChartLazy = dynamic(() => import("./report-chart"), {
  ssr: false,
  loading: () => <div className="h-72 w-full animate-pulse rounded bg-slate-100" aria-label="Loading chart" />,
});
