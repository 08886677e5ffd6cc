// One measurement in its own process (so its peak RSS is its own): `read` streams the source and
// counts bytes and lines; `preview` runs the dashboard's preview + chart summary over the same source.
// Source: a file path or an http(s) URL. Prints one JSON line.
import fs from "node:fs";
import { Readable } from "node:stream";
import { summarizeReportCsv } from "../../lib/services/reports/csv-summary";

async function open(source: string): Promise<Readable> {
  if (!/^https?:/.test(source)) return fs.createReadStream(source, { highWaterMark: 256 * 1024 });
  const res = await fetch(source);
  if (!res.ok || !res.body) throw new Error(`GET ${source} → ${res.status}`);
  return Readable.fromWeb(res.body as never);
}

async function main(): Promise<void> {
  const [mode, source] = process.argv.slice(2);
  if (!source || (mode !== "read" && mode !== "preview")) throw new Error("usage: read|preview <file|url>");
  const started = performance.now();
  let rows = 0;
  let bytes = 0;
  let days = 0;
  const input = await open(source);
  if (mode === "read") {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++;
    }
    rows -= 1; // header
  } else {
    const preview = await summarizeReportCsv(input, { chart: "volume" });
    rows = preview.totalRows;
    days = preview.chart?.points.length ?? 0;
  }
  const ms = performance.now() - started;
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify({ mode, ms: Math.round(ms), rows, bytes, days, peakRssMb }));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
