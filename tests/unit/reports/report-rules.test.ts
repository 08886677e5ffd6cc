/** @jest-environment node */
// The pure parts of reports: the schedule's previous period, the body MANGOPAY receives for a
// definition, and the streaming CSV summary behind the preview and chart.
import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { summarizeReportCsv } from "@/lib/services/reports/csv-summary";
import { reportRequest } from "@/lib/services/reports/request-body";
import { previousPeriod, scheduleKeyOf } from "@/lib/services/reports/schedule-periods";
import { CreateReportInput, definitionFilters } from "@/lib/services/reports/schemas";

const iso = (d: Date) => d.toISOString().slice(0, 10);
const period = (p: { start: Date; end: Date }) => [iso(p.start), iso(p.end)];

describe("the period a schedule covers when it fires", () => {
  const now = new Date("2026-05-13T10:30:00Z"); // a Wednesday
  it("daily: yesterday", () => expect(period(previousPeriod("DAILY", now))).toEqual(["2026-05-12", "2026-05-13"]));
  it("weekly: last Monday to Sunday", () =>
    expect(period(previousPeriod("WEEKLY", now))).toEqual(["2026-05-04", "2026-05-11"]));
  it("weekly on a Monday: the week that just ended", () =>
    expect(period(previousPeriod("WEEKLY", new Date("2026-05-11T00:00:00Z")))).toEqual(["2026-05-04", "2026-05-11"]));
  it("monthly: the previous calendar month, across a year end", () => {
    expect(period(previousPeriod("MONTHLY", now))).toEqual(["2026-04-01", "2026-05-01"]);
    expect(period(previousPeriod("MONTHLY", new Date("2027-01-01T00:00:01Z")))).toEqual(["2026-12-01", "2027-01-01"]);
  });
  it("quarterly: the previous calendar quarter", () => {
    expect(period(previousPeriod("QUARTERLY", now))).toEqual(["2026-01-01", "2026-04-01"]);
    expect(period(previousPeriod("QUARTERLY", new Date("2026-02-01T00:00:00Z")))).toEqual(["2025-10-01", "2026-01-01"]);
  });
  it("one key per definition, schedule and period", () =>
    expect(scheduleKeyOf("def1", "DAILY", new Date("2026-05-12T00:00:00Z"))).toBe("def1:DAILY:2026-05-12"));
});

describe("the body sent to MANGOPAY", () => {
  const parsed = CreateReportInput.parse({
    accountId: "acc",
    name: "Fees in euros",
    reportType: "TRANSACTIONS",
    from: iso(new Date(Date.now() - 10 * 86_400_000)),
    to: iso(new Date(Date.now() - 86_400_000)),
    columns: ["Id", "FeesAmount"],
    status: "SUCCEEDED",
    resultCode: "000000, 001001",
    feesMin: "1.50",
    feesCurrency: "eur",
  });

  it("legacy transactions: the period and filters inside Filters, amounts in minor units", () => {
    const start = new Date("2026-01-01T00:00:00Z");
    const end = new Date("2026-02-01T00:00:00Z");
    const req = reportRequest(
      {
        name: parsed.name,
        reportType: "TRANSACTIONS",
        filters: definitionFilters(parsed),
        columns: parsed.columns,
        sort: parsed.sort,
      },
      { start, end },
    );
    expect(req).toEqual({
      endpoint: "transactions",
      body: {
        Tag: "Fees in euros",
        DownloadFormat: "CSV",
        Sort: "CreationDate:DESC",
        Columns: ["Id", "FeesAmount"],
        Filters: {
          AfterDate: 1767225600,
          BeforeDate: 1769904000,
          Status: ["SUCCEEDED"],
          ResultCode: ["000000", "001001"],
          MinFeesAmount: 150,
          MinFeesCurrency: "EUR",
        },
      },
    });
  });

  it("Reporting Service: ReportType and the period at the top level", () => {
    const req = reportRequest(
      {
        name: "Fees",
        reportType: "COLLECTED_FEES",
        filters: { currency: "GBP" },
        columns: ["TransactionId"],
        sort: "CreationDate:ASC",
      },
      { start: new Date(1_000_000_000), end: new Date(2_000_000_000) },
    );
    expect(req).toEqual({
      endpoint: "reporting",
      body: {
        Tag: "Fees",
        DownloadFormat: "CSV",
        Sort: "CreationDate:ASC",
        Columns: ["TransactionId"],
        ReportType: "COLLECTED_FEES",
        AfterDate: 1_000_000,
        BeforeDate: 2_000_000,
        Filters: { Currency: "GBP" },
      },
    });
  });
});

describe("the streaming summary behind the preview", () => {
  const csv = [
    "Id,CreationDate,DebitedFundsAmount,DebitedFundsCurrency",
    "1,1767225600,1000,EUR",
    '2,1767229200,250,"EUR"',
    "3,1767312000,500,GBP",
    "4,1767312001,700,EUR",
  ].join("\n");

  it("keeps the first rows, counts every row and sums per UTC day and currency", async () => {
    const preview = await summarizeReportCsv(Readable.from([csv.slice(0, 37), csv.slice(37)]), {
      chart: "volume",
      previewRows: 2,
    });
    expect(preview.columns).toEqual(["Id", "CreationDate", "DebitedFundsAmount", "DebitedFundsCurrency"]);
    expect(preview.rows).toEqual([
      ["1", "1767225600", "1000", "EUR"],
      ["2", "1767229200", "250", "EUR"],
    ]);
    expect(preview.totalRows).toBe(4);
    expect(preview.chart).toEqual({
      kind: "volume",
      currencies: ["EUR", "GBP"],
      points: [
        { day: "2026-01-01", EUR: 1250, GBP: 0 },
        { day: "2026-01-02", EUR: 700, GBP: 500 },
      ],
    });
  });

  it("reads quoted fields like csv-parse: commas, doubled quotes, line ends inside values, CRLF", async () => {
    const tricky = [
      "Id,Tag,CreationDate,DebitedFundsAmount,DebitedFundsCurrency",
      '1,"a, b",1767225600,100,EUR',
      '2,"say ""hi""\nsecond line",1767225601,200,EUR',
      "3,,1767312000,300,USD",
      '4,"x\r\ny",1767312001,400,USD',
    ].join("\r\n");
    // Chunk boundaries inside a quoted value and inside a CRLF.
    const chunks = [tricky.slice(0, 70), tricky.slice(70, 71), tricky.slice(71, 140), tricky.slice(140)];
    const preview = await summarizeReportCsv(Readable.from(chunks), { chart: "volume", previewRows: 1 });
    expect(preview.rows).toEqual([["1", "a, b", "1767225600", "100", "EUR"]]);
    expect(preview.totalRows).toBe(4);
    expect(preview.chart?.points).toEqual([
      { day: "2026-01-01", EUR: 300, USD: 0 },
      { day: "2026-01-02", EUR: 0, USD: 700 },
    ]);
    const all = await summarizeReportCsv(Readable.from(chunks), { chart: null, previewRows: 10 });
    expect(all.rows[1]).toEqual(["2", 'say "hi"\nsecond line', "1767225601", "200", "EUR"]);
    expect(all.rows[3]).toEqual(["4", "x\r\ny", "1767312001", "400", "USD"]);
  });

  it("agrees with csv-parse on every row and every sum for awkward generated values, in any chunking", async () => {
    const pieces = ["", "a", ",", '"', "\n", "\r\n", "é", "💶", " ", "x,y"];
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const records = [["Id", "Tag", "CreationDate", "DebitedFundsAmount", "DebitedFundsCurrency"]];
    for (let i = 0; i < 300; i++) {
      const tag = Array.from({ length: rnd(5) }, () => pieces[rnd(pieces.length)]).join("");
      records.push([
        String(i),
        tag,
        String(1767225600 + rnd(5) * 86_400),
        String(rnd(10_000)),
        ["EUR", "GBP"][rnd(2)] ?? "",
      ]);
    }
    // Line ends as MANGOPAY's files have them (LF; CRLF files are covered above). RFC 4180 quotes any
    // value holding a line end, as csv-stringify does.
    const text = stringify(records, { quoted_match: /[\r\n]/ });
    const expected = parse(text) as string[][];
    const sums = new Map<string, number>();
    for (const r of expected.slice(1)) sums.set(r[4] ?? "", (sums.get(r[4] ?? "") ?? 0) + Number(r[3]));
    for (const size of [1, 7, 64, 100_000]) {
      const chunks: Buffer[] = [];
      const bytes = Buffer.from(text);
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const preview = await summarizeReportCsv(Readable.from(chunks), { chart: "volume", previewRows: 1000 });
      expect(preview.rows).toEqual(expected.slice(1));
      const charted = new Map<string, number>();
      for (const p of preview.chart?.points ?? [])
        for (const c of preview.chart?.currencies ?? []) charted.set(c, (charted.get(c) ?? 0) + Number(p[c]));
      expect(charted).toEqual(sums);
      // The fast path (past the preview rows) gives the same sums.
      const fast = await summarizeReportCsv(Readable.from(chunks), { chart: "volume", previewRows: 0 });
      expect(fast.totalRows).toBe(300);
      expect(fast.chart?.points).toEqual(preview.chart?.points);
    }
  });

  it("says which column the chart needs when it was not chosen", async () => {
    const preview = await summarizeReportCsv(Readable.from(["Id,CreationDate\n1,1767225600\n"]), { chart: "fees" });
    expect(preview.chart).toBeNull();
    expect(preview.chartNote).toBe("Add the columns FeesAmount, FeesCurrency to chart it.");
    expect(preview.totalRows).toBe(1);
  });
});
