"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, formatMoneyTick, minorDigits } from "@/lib/money";

/** How a series' values read: money in minor units of one currency, a count, or a percentage. */
export type SeriesFormat = { kind: "money"; currency: string } | { kind: "count" } | { kind: "percent" };

function formatValue(v: number, format: SeriesFormat): string {
  if (format.kind === "money") return formatMoney(v, format.currency);
  if (format.kind === "percent") return `${v.toFixed(1)} %`;
  return v.toLocaleString("en-GB");
}

/**
 * One series as bars, interactive, for the Analytics page's metrics (the home page draws its fees
 * on the server with StaticBarChart, without JavaScript). Values arrive as the DTO has them (money in
 * minor units) and are scaled here for the axis.
 */
export default function SeriesBarChart({
  title,
  name,
  format,
  points,
  tickInterval,
}: {
  /** What the chart shows, for screen readers. */
  title: string;
  /** The tooltip's label of a value ("Fees", "Volume"). */
  name: string;
  format: SeriesFormat;
  points: { label: string; value: number }[];
  tickInterval?: number;
}) {
  const scale = format.kind === "money" ? 10 ** minorDigits(format.currency) : 1;
  const data = points.map((p) => ({ label: p.label, amount: p.value / scale, raw: p.value }));
  return (
    <div className="h-48 w-full" role="img" aria-label={title}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={tickInterval ?? "preserveStartEnd"} />
          <YAxis
            tick={{ fontSize: 11 }}
            width={60}
            tickFormatter={(v: number) =>
              format.kind === "money" ? formatMoneyTick(Math.round(v * scale), format.currency) : formatValue(v, format)
            }
          />
          <Tooltip formatter={(_v, _n, item) => [formatValue((item.payload as { raw: number }).raw, format), name]} />
          <Bar dataKey="amount" fill="#0f766e" radius={[2, 2, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
