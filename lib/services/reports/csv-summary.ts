// A report's CSV → what its preview shows: the first rows, the row count, and money per day and
// currency for the chart, computed as the file streams: memory holds the first rows and one sum per
// (day, currency), never the file. Records are split on line ends outside quotes (RFC 4180: a quote
// inside a field is doubled, so an odd number of quotes means the record goes on). Records with a
// quote, and the header and first rows, are parsed by csv-parse; the others — nearly all MANGOPAY
// rows — are plain comma-separated values, read by position without parsing every field.
import { StringDecoder } from "node:string_decoder";
import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";

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
const DAY_SECONDS = 86_400;

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

/** Unix seconds or an ISO date → the UTC day number (days since 1970-01-01), or null. */
function dayNumber(value: string): number | null {
  if (value.length > 0 && value.length <= 12 && /^\d+$/.test(value)) return Math.floor(Number(value) / DAY_SECONDS);
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000 / DAY_SECONDS);
}

/** Fields `wanted` (ascending indexes) of an unquoted CSV line, without splitting the whole line. */
function pick(line: string, wanted: readonly number[], out: string[]): void {
  let field = 0;
  let start = 0;
  let w = 0;
  while (w < wanted.length) {
    const comma = line.indexOf(",", start);
    const end = comma === -1 ? line.length : comma;
    if (field === wanted[w]) out[w++] = line.slice(start, end);
    if (comma === -1) break;
    field++;
    start = comma + 1;
  }
  for (; w < wanted.length; w++) out[w] = "";
}

function countQuotes(s: string): number {
  let n = 0;
  for (let i = s.indexOf('"'); i !== -1; i = s.indexOf('"', i + 1)) n++;
  return n;
}

export async function summarizeReportCsv(
  source: ReadableStream<Uint8Array> | NodeJS.ReadableStream,
  options: { chart: ChartKind | null; previewRows?: number },
): Promise<ReportPreview> {
  const previewRows = options.previewRows ?? 20;
  const input = source instanceof ReadableStream ? Readable.fromWeb(source as never) : (source as Readable);
  let columns: string[] | null = null;
  const rows: string[][] = [];
  let totalRows = 0;
  let chartNote: string | null = null;
  // Chart column indexes in ascending order, and where each of date/amount/currency sits among them.
  let wanted: number[] | null = null;
  let slot = { date: 0, amount: 0, currency: 0 };
  const picked: string[] = [];
  const sums = new Map<number, Map<string, number>>();
  let keys = 0;

  const add = (date: string, amountText: string, currency: string) => {
    const day = dayNumber(date);
    const amount = Number(amountText);
    if (day === null || !currency || amountText === "" || !Number.isFinite(amount)) return;
    let perCurrency = sums.get(day);
    if (!perCurrency) {
      if (keys >= MAX_SERIES_KEYS) return;
      perCurrency = new Map();
      sums.set(day, perCurrency);
    }
    const before = perCurrency.get(currency);
    if (before === undefined) keys++;
    perCurrency.set(currency, (before ?? 0) + amount);
  };

  const header = (record: string[]) => {
    columns = record;
    if (!options.chart) return;
    const found = chartColumns(options.chart, record);
    if (found.missing.length > 0) {
      chartNote = `Add the column${found.missing.length > 1 ? "s" : ""} ${found.missing.join(", ")} to chart it.`;
      return;
    }
    const order = [found.at.date, found.at.amount, found.at.currency].sort((a, b) => a - b);
    wanted = order;
    slot = {
      date: order.indexOf(found.at.date),
      amount: order.indexOf(found.at.amount),
      currency: order.indexOf(found.at.currency),
    };
  };

  const record = (text: string) => {
    if (text === "" || text === "\r") return;
    const line = text.endsWith("\r") ? text.slice(0, -1) : text;
    const quoted = line.includes('"');
    if (columns === null) {
      header((parse(line, { bom: true, relax_column_count: true }) as string[][])[0] ?? []);
      return;
    }
    totalRows++;
    if (quoted || rows.length < previewRows) {
      const fields = (parse(line, { relax_column_count: true }) as string[][])[0] ?? [];
      if (rows.length < previewRows) rows.push(fields);
      if (wanted) {
        const at = (i: number | undefined) => (i === undefined ? "" : (fields[i] ?? ""));
        const [d, a, c] = [wanted[slot.date], wanted[slot.amount], wanted[slot.currency]];
        add(at(d), at(a), at(c));
      }
      return;
    }
    if (!wanted) return;
    pick(line, wanted, picked);
    add(picked[slot.date] ?? "", picked[slot.amount] ?? "", picked[slot.currency] ?? "");
  };

  const decoder = new StringDecoder("utf8");
  let carry = "";
  let carryQuotes = 0;
  const feed = (text: string) => {
    let start = 0;
    for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", nl + 1)) {
      const piece = text.slice(start, nl);
      start = nl + 1;
      const quotes = carryQuotes + countQuotes(piece);
      if (quotes % 2 === 1) {
        // Inside a quoted field: the line end belongs to the value.
        carry += `${piece}\n`;
        carryQuotes = quotes;
        continue;
      }
      record(carry + piece);
      carry = "";
      carryQuotes = 0;
    }
    const rest = text.slice(start);
    carry += rest;
    carryQuotes += countQuotes(rest);
  };
  for await (const chunk of input as AsyncIterable<Buffer | string>)
    feed(typeof chunk === "string" ? chunk : decoder.write(chunk));
  feed(decoder.end());
  if (carry !== "") record(carry);

  const currencies = new Set<string>();
  for (const perCurrency of sums.values()) for (const c of perCurrency.keys()) currencies.add(c);
  const ordered = [...currencies].sort();
  const chart: ReportChart | null =
    options.chart && wanted
      ? {
          kind: options.chart,
          currencies: ordered,
          points: [...sums.keys()]
            .sort((a, b) => a - b)
            .map((day) => {
              const point: { day: string } & Record<string, number | string> = {
                day: new Date(day * DAY_SECONDS * 1000).toISOString().slice(0, 10),
              };
              for (const c of ordered) point[c] = sums.get(day)?.get(c) ?? 0;
              return point;
            }),
        }
      : null;
  return { columns: columns ?? [], rows, totalRows, chart, chartNote };
}
