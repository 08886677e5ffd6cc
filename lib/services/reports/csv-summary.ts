// A report's CSV → what its preview shows: the first rows, the row count, and money per day and
// currency for the chart. The file is parsed as it streams (csv-parse), one record at a time: memory
// holds the first rows and one sum per (day, currency), never the file.
import { Readable } from "node:stream";
import { parse } from "csv-parse";

export type ChartKind = "volume" | "fees";
export type ReportChart = {
  kind: ChartKind;
  currencies: string[];
  /** One point per UTC day: `{ day: "2026-01-31", EUR: 12345, GBP: 0 }`, amounts in minor units. */
  points: ({ day: string } & Record<string, number | string>)[];
};
export type ReportPreview = {
  columns: string[];
  rows: string[][];
  totalRows: number;
  chart: ReportChart | null;
  /** Why there is no chart although the report type has one (a column the chart needs was not chosen). */
  chartNote: string | null;
};

const MAX_SERIES_KEYS = 50_000;

/** Which columns the chart reads, by what they are called in each report type's CSV. */
function chartColumns(kind: ChartKind, columns: string[]) {
  const date = columns.indexOf("CreationDate") >= 0 ? "CreationDate" : "CreationDate:ISO";
  const [amount, currency] =
    kind === "fees" ? ["FeesAmount", "FeesCurrency"] : ["DebitedFundsAmount", "DebitedFundsCurrency"];
  const at = { date: columns.indexOf(date), amount: columns.indexOf(amount), currency: columns.indexOf(currency) };
  const missing = [
    at.date < 0 ? "CreationDate" : null,
    at.amount < 0 ? amount : null,
    at.currency < 0 ? currency : null,
  ].filter((c): c is string => c !== null);
  return { at, missing };
}

function dayOf(value: string): string | null {
  if (/^\d+$/.test(value)) return new Date(Number(value) * 1000).toISOString().slice(0, 10);
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}

export async function summarizeReportCsv(
  source: ReadableStream<Uint8Array> | NodeJS.ReadableStream,
  options: { chart: ChartKind | null; previewRows?: number },
): Promise<ReportPreview> {
  const previewRows = options.previewRows ?? 20;
  const input = source instanceof ReadableStream ? Readable.fromWeb(source as never) : (source as Readable);
  const parser = parse({ relax_column_count: true, bom: true });
  let columns: string[] | null = null;
  const rows: string[][] = [];
  let totalRows = 0;
  let at: ReturnType<typeof chartColumns>["at"] | null = null;
  let chartNote: string | null = null;
  const sums = new Map<string, Map<string, number>>();
  const currencies = new Set<string>();
  let keys = 0;

  const take = (record: string[]) => {
    if (columns === null) {
      columns = record;
      if (options.chart) {
        const found = chartColumns(options.chart, record);
        if (found.missing.length === 0) at = found.at;
        else
          chartNote = `Add the column${found.missing.length > 1 ? "s" : ""} ${found.missing.join(", ")} to chart it.`;
      }
      return;
    }
    totalRows++;
    if (rows.length < previewRows) rows.push(record);
    if (!at) return;
    const amount = Number(record[at.amount]);
    const currency = record[at.currency] ?? "";
    const day = dayOf(record[at.date] ?? "");
    if (!day || !currency || !Number.isFinite(amount)) return;
    let perCurrency = sums.get(day);
    if (!perCurrency) {
      if (keys >= MAX_SERIES_KEYS) return;
      perCurrency = new Map();
      sums.set(day, perCurrency);
    }
    if (!perCurrency.has(currency)) keys++;
    perCurrency.set(currency, (perCurrency.get(currency) ?? 0) + amount);
    currencies.add(currency);
  };

  await new Promise<void>((resolve, reject) => {
    parser.on("readable", () => {
      let record: string[] | null;
      while ((record = parser.read() as string[] | null) !== null) take(record);
    });
    parser.on("error", reject);
    parser.on("end", resolve);
    input.on("error", (err) => parser.destroy(err));
    input.pipe(parser);
  });

  const ordered = [...currencies].sort();
  const chart: ReportChart | null =
    options.chart && at
      ? {
          kind: options.chart,
          currencies: ordered,
          points: [...sums.keys()].sort().map((day) => {
            const point: { day: string } & Record<string, number | string> = { day };
            for (const c of ordered) point[c] = sums.get(day)?.get(c) ?? 0;
            return point;
          }),
        }
      : null;
  return { columns: columns ?? [], rows, totalRows, chart, chartNote };
}
