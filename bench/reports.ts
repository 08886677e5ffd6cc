// `npm run bench -- reports [rows]`: the report preview + chart over a 1,000,000-row report CSV from a
// scaled emulator. The emulator runs in its own process with `--scale`; a USER_WALLET_TRANSACTIONS
// report over the last 12 months (every transaction) is generated, then each measurement runs in its
// own process: reading the file once (bytes and lines) versus the dashboard's streaming preview
// (first rows, row count, volume per day and currency), from disk and over HTTP from the emulator.
// Goals: preview peak RSS ≤ 250 MB, preview time ≤ 2× reading the file once.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { readLine } from "./lib/child-output";

const transactions = Number(process.argv[2] ?? 1_000_000);
const users = Math.max(100, Math.round(transactions / 20));

async function api<T>(url: string, token: string | null, init: RequestInit = {}): Promise<T> {
  const res = await fetch(url, {
    ...init,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": "application/json" },
  });
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${url} → ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

type Measure = { mode: string; ms: number; rows: number; bytes: number; days: number; peakRssMb: number };

function measure(mode: "read" | "preview", source: string): Measure {
  const res = spawnSync(process.execPath, ["--import", "tsx", "bench/lib/report-preview-worker.ts", mode, source], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (res.status !== 0) throw new Error(`worker ${mode} failed: ${res.stderr}`);
  return JSON.parse(res.stdout.trim().split("\n").pop() ?? "{}") as Measure;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [
      "--max-old-space-size=8192",
      "--import",
      "tsx",
      "emulator/cli.ts",
      "--port",
      "0",
      "--seed",
      "1",
      "--scale",
      `users=${users},transactions=${transactions}`,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  try {
    const url = (await readLine(child, /^emulator listening on /, 600_000)).trim().split(" ").pop() as string;
    console.log(
      `scaled emulator ready in ${((performance.now() - t0) / 1000).toFixed(1)} s (${transactions} transactions)`,
    );
    const [client] = await api<{ ClientId: string; ApiKey: string }[]>(`${url}/_emulator/clients`, null);
    if (!client) throw new Error("no emulator client");
    const tokenRes = await fetch(`${url}/v2.01/oauth/token`, {
      method: "POST",
      body: "grant_type=client_credentials",
      headers: {
        authorization: `Basic ${Buffer.from(`${client.ClientId}:${client.ApiKey}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
    });
    const { access_token: token } = (await tokenRes.json()) as { access_token: string };
    const now = Math.floor(Date.now() / 1000);
    const base = `${url}/v2.01/${client.ClientId}`;
    const created = await api<{ Id: string }>(`${base}/reporting/reports`, token, {
      method: "POST",
      body: JSON.stringify({
        ReportType: "USER_WALLET_TRANSACTIONS",
        AfterDate: now - 370 * 86_400,
        BeforeDate: now + 60,
      }),
    });
    let downloadUrl: string | null = null;
    for (let i = 0; i < 600 && !downloadUrl; i++) {
      const r = await api<{ Status: string; DownloadURL: string | null }>(
        `${base}/reporting/reports/${created.Id}`,
        token,
      );
      downloadUrl = r.Status === "GENERATED" ? r.DownloadURL : null;
      if (!downloadUrl) await new Promise((res) => setTimeout(res, 200));
    }
    if (!downloadUrl) throw new Error("the report was never generated");

    const file = path.join(os.tmpdir(), `report-bench-${process.pid}.csv`);
    const dl = await fetch(downloadUrl);
    await pipeline(Readable.fromWeb(dl.body as never), fs.createWriteStream(file));
    const sizeMb = fs.statSync(file).size / 1e6;
    try {
      const results = [
        { source: "disk", read: measure("read", file), preview: measure("preview", file) },
        { source: "HTTP (emulator)", read: measure("read", downloadUrl), preview: measure("preview", downloadUrl) },
      ];
      console.log(`\nreport: ${results[0]?.read.rows.toLocaleString("en-GB")} rows, ${sizeMb.toFixed(0)} MB CSV`);
      console.log(
        "| source | read once (s) | read RSS (MB) | preview + chart (s) | preview RSS (MB) | ratio | days charted |",
      );
      console.log("| --- | --: | --: | --: | --: | --: | --: |");
      for (const r of results)
        console.log(
          `| ${r.source} | ${(r.read.ms / 1000).toFixed(2)} | ${r.read.peakRssMb} | ${(r.preview.ms / 1000).toFixed(2)} | ${r.preview.peakRssMb} | ${(r.preview.ms / r.read.ms).toFixed(2)}× | ${r.preview.days} |`,
        );
      const worst = results.reduce((m, r) => Math.max(m, r.preview.peakRssMb), 0);
      console.log(`\ngoal: preview RSS ≤ 250 MB → ${worst <= 250 ? "met" : "MISSED"} (${worst} MB)`);
      const diskRatio = (results[0]?.preview.ms ?? 0) / (results[0]?.read.ms ?? 1);
      const httpRatio = (results[1]?.preview.ms ?? 0) / (results[1]?.read.ms ?? 1);
      console.log(`goal: preview ≤ 2× one read → HTTP ${httpRatio.toFixed(2)}×, disk ${diskRatio.toFixed(2)}×`);
    } finally {
      fs.rmSync(file, { force: true });
    }
  } finally {
    child.kill("SIGTERM");
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
