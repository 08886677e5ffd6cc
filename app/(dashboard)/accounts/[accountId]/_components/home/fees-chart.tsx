"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, minorDigits } from "@/lib/money";

/** Fees per day for one currency (minor units in, formatted by currency out). */
export default function FeesChart({
  currency,
  days,
}: {
  currency: string;
  days: { date: string; amountMinor: number }[];
}) {
  const scale = 10 ** minorDigits(currency);
  const data = days.map((d) => ({ date: d.date.slice(5), amount: d.amountMinor / scale, minor: d.amountMinor }));
  return (
    <div
      className="h-48 w-full"
      role="img"
      aria-label={`Fees per day in ${currency} over the last ${days.length} days`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="date" tick={{ fontSize: 11 }} interval={4} />
          <YAxis
            tick={{ fontSize: 11 }}
            width={60}
            tickFormatter={(v: number) => formatMoney(Math.round(v * scale), currency).replace(/\.00$/, "")}
          />
          <Tooltip
            formatter={(_v, _n, item) => [formatMoney((item.payload as { minor: number }).minor, currency), "Fees"]}
          />
          <Bar dataKey="amount" fill="#0f766e" radius={[2, 2, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
