import { formatMoney, formatMoneyTick } from "@/lib/money";

// A bar chart drawn on the server in HTML and CSS: no JavaScript reaches the browser. The home page
// draws one per currency above the fold, where recharts (over 100 kB compressed) would double the
// page's weight; the Analytics page, where the reader changes metric and period, keeps the interactive
// SeriesBarChart. Values stay in minor units; the axis and the hover label format them per currency.
// Each bar's classes are named once in app/globals.css (bar-chart-*): written out in Tailwind on 90
// bars, they weighed over 40 kB of the home page's HTML and RSC payload.

/** A "nice" axis top and step (1, 2 or 5 × a power of ten) for values up to max, about four steps. */
export function niceAxis(max: number): { top: number; step: number } {
  if (!(max > 0)) return { top: 0, step: 0 };
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  return { top: Math.ceil(max / step) * step, step };
}

export default function StaticBarChart({
  title,
  currency,
  points,
  labelEvery = 1,
}: {
  /** What the chart shows, for screen readers. */
  title: string;
  /** Money in minor units of this currency. */
  currency: string;
  points: { label: string; value: number }[];
  /** Every how many bars an x-axis label is written. */
  labelEvery?: number;
}) {
  const values = points.map((p) => p.value);
  const high = niceAxis(Math.max(0, ...values));
  const low = niceAxis(-Math.min(0, ...values));
  const step = Math.max(high.step, low.step);
  const top = step ? Math.ceil(high.top / step) * step : 0;
  const bottom = step ? Math.ceil(low.top / step) * step : 0;
  const range = top + bottom || 1;
  const pct = (v: number) => (v / range) * 100;
  const zero = pct(bottom);
  const ticks: number[] = [];
  for (let v = bottom ? -bottom : 0; step && v <= top; v += step) ticks.push(v);
  if (ticks.length === 0) ticks.push(0);

  return (
    <figure className="w-full">
      <div className="flex h-48 w-full gap-1 text-[11px] text-slate-500" role="img" aria-label={title}>
        <div className="relative w-[60px] shrink-0" aria-hidden="true">
          {ticks.map((t) => (
            <span
              key={t}
              className="absolute right-1 translate-y-1/2 whitespace-nowrap"
              style={{ bottom: `${zero + pct(t)}%` }}
            >
              {formatMoneyTick(t, currency)}
            </span>
          ))}
        </div>
        <div className="relative flex-1 border-b border-slate-300">
          {ticks.map((t) => (
            <div
              key={t}
              aria-hidden="true"
              className="absolute inset-x-0 border-t border-dashed border-slate-200"
              style={{ bottom: `${zero + pct(t)}%` }}
            />
          ))}
          <div className="absolute inset-0 flex gap-px">
            {points.map((p, i) => (
              <div key={`${p.label}-${i}`} className="bar-chart-column">
                <div
                  className="bar-chart-bar"
                  style={{
                    bottom: `${p.value >= 0 ? zero : zero + pct(p.value)}%`,
                    height: `${pct(Math.abs(p.value))}%`,
                  }}
                />
                <span className="bar-chart-tip">
                  {p.label}: {formatMoney(p.value, currency)}
                </span>
              </div>
            ))}
          </div>
        </div>
      </div>
      <div className="ml-[64px] flex gap-px text-[11px] text-slate-500" aria-hidden="true">
        {points.map((p, i) => (
          <span key={`${p.label}-${i}`} className="relative h-4 flex-1">
            {i % labelEvery === 0 ? (
              <span className="absolute left-1/2 top-0.5 -translate-x-1/2 whitespace-nowrap">{p.label}</span>
            ) : null}
          </span>
        ))}
      </div>
      <figcaption className="sr-only">
        <table>
          <caption>{title}</caption>
          <tbody>
            {points.map((p, i) => (
              <tr key={`${p.label}-${i}`}>
                <th scope="row">{p.label}</th>
                <td>{formatMoney(p.value, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
