"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, minorDigits } from "@/lib/money";

const COLORS = ["#0f766e", "#1d4ed8", "#b45309", "#7c3aed", "#be123c", "#15803d", "#0369a1"];

/** Money per UTC day, one line per currency (each in its own unit: amounts of different currencies never add up). */
export default function ReportChart({
  title,
  currencies,
  points,
}: {
  title: string;
  currencies: string[];
  points: ({ day: string } & Record<string, number | string>)[];
}) {
  const data = points.map((p) => {
    const row: Record<string, number | string> = { day: p.day };
    for (const c of currencies) row[c] = Number(p[c] ?? 0) / 10 ** minorDigits(c);
    return row;
  });
  return (
    <div className="h-72 w-full" role="img" aria-label={`${title} per day, by currency: ${currencies.join(", ")}`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} minTickGap={24} />
          <YAxis tick={{ fontSize: 11 }} width={70} />
          <Tooltip
            formatter={(value, name) => [
              formatMoney(Math.round(Number(value) * 10 ** minorDigits(String(name))), String(name)),
              String(name),
            ]}
          />
          <Legend />
          {currencies.map((c, i) => (
            <Line
              key={c}
              type="monotone"
              dataKey={c}
              stroke={COLORS[i % COLORS.length]}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
