"use client";

import SeriesBarChart from "@/components/charts/series-bar-chart";

/** Fees per day for one currency (minor units in, formatted by currency out). */
export default function FeesChart({
  currency,
  days,
}: {
  currency: string;
  days: { date: string; amountMinor: number }[];
}) {
  return (
    <SeriesBarChart
      title={`Fees per day in ${currency} over the last ${days.length} days`}
      name="Fees"
      format={{ kind: "money", currency }}
      points={days.map((d) => ({ label: d.date.slice(5), value: d.amountMinor }))}
      tickInterval={4}
    />
  );
}
