// `npm run bench:emulator [-- --duration S --transactions N --users U]`
// 1) GET-by-id throughput with autocannon against `npm run emulator` running in its own process
//    (one Node process = one core for the server); 2) time and memory to bulk-seed N transactions
//    in a child process, then list latencies at that size. Prints a table; asserts nothing.
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { readLine } from "./lib/child-output";

const { values } = parseArgs({
  options: {
    duration: { type: "string" },
    transactions: { type: "string" },
    users: { type: "string" },
    connections: { type: "string" },
  },
});
const duration = Number(values.duration ?? 10);
const transactions = Number(values.transactions ?? 1_000_000);
const users = Number(values.users ?? 100_000);
const connections = Number(values.connections ?? 32);
const NODE_FLAGS = ["--max-semi-space-size=64", "--max-old-space-size=8192", "--expose-gc", "--import", "tsx"];

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  return (await (await fetch(url, init)).json()) as T;
}

async function getThroughput(): Promise<Record<string, string | number>> {
  const child = spawn(process.execPath, ["--import", "tsx", "emulator/cli.ts", "--port", "0", "--seed", "1"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const url = (await readLine(child, /^emulator listening on /, 60_000)).trim().split(" ").pop() as string;
    const [client] = await json<Array<{ ClientId: string; ApiKey: string }>>(`${url}/_emulator/clients`);
    await fetch(`${url}/_emulator/ratelimit`, {
      method: "POST",
      body: JSON.stringify({ limits: [1e9, 1e9, 1e9, 1e9] }),
    });
    const token = await json<{ access_token: string }>(`${url}/v2.01/oauth/token`, {
      method: "POST",
      body: "grant_type=client_credentials",
      headers: {
        authorization: `Basic ${Buffer.from(`${client.ClientId}:${client.ApiKey}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
    });
    const headers = { authorization: `Bearer ${token.access_token}` };
    const base = `/v2.01/${client.ClientId}`;
    const usersPage = await json<Array<{ Id: string }>>(`${url}${base}/users?per_page=100`, { headers });
    const paths: string[] = [];
    for (const u of usersPage.slice(0, 50)) {
      paths.push(`${base}/users/${u.Id}`);
      const wallets = await json<Array<{ Id: string }>>(`${url}${base}/users/${u.Id}/wallets`, { headers });
      for (const w of wallets) paths.push(`${base}/wallets/${w.Id}`);
      const txs = await json<Array<{ Id: string; Type: string; Nature: string }>>(
        `${url}${base}/users/${u.Id}/transactions?per_page=5&Nature=REGULAR`,
        { headers },
      );
      for (const t of txs)
        paths.push(`${base}/${t.Type === "PAYIN" ? "payins" : t.Type === "PAYOUT" ? "payouts" : "transfers"}/${t.Id}`);
    }
    let i = 0;
    const result = await autocannon({
      url,
      connections,
      duration,
      headers,
      requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
    });
    return {
      "GET-by-id req/s (avg)": Math.round(result.requests.average),
      "GET-by-id req/s (p50 of 1s samples)": Math.round(result.requests.p50),
      "latency p50 / p99 (ms)": `${result.latency.p50} / ${result.latency.p99}`,
      "non-2xx responses": result.non2xx,
      "distinct ids": paths.length,
      connections,
      "duration (s)": duration,
    };
  } finally {
    child.kill("SIGTERM");
  }
}

async function bulkSeed(): Promise<Record<string, string | number>> {
  const child = spawn(
    process.execPath,
    [...NODE_FLAGS, "bench/lib/emulator-bulk-worker.ts", String(transactions), String(users)],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const line = await readLine(child, /^\{/, 30 * 60_000);
  const r = JSON.parse(line) as {
    transactions: number;
    users: number;
    events: number;
    seedMs: number;
    peakRssMb: number;
    peakHeapMb: number;
    heapAfterMb: number;
    latency: Record<string, number>;
  };
  const rows: Record<string, string | number> = {
    "bulk seed: transactions": r.transactions,
    "bulk seed: users / events": `${r.users} / ${r.events}`,
    "bulk seed: time (s)": (r.seedMs / 1000).toFixed(1),
    "bulk seed: tx/s": Math.round(r.transactions / (r.seedMs / 1000)),
    "bulk seed: peak RSS (MB)": r.peakRssMb,
    "bulk seed: heap after GC (MB)": r.heapAfterMb,
  };
  for (const [k, v] of Object.entries(r.latency)) rows[`at size: ${k} p50`] = v;
  return rows;
}

async function main(): Promise<void> {
  const rows: Record<string, string | number> = { ...(await getThroughput()), ...(await bulkSeed()) };
  const width = Math.max(...Object.keys(rows).map((k) => k.length));
  console.log(`\nMANGOPAY emulator benchmark (node ${process.version}, ${new Date().toISOString()})`);
  console.log(`${"metric".padEnd(width)} | value`);
  console.log(`${"-".repeat(width)}-+-${"-".repeat(20)}`);
  for (const [k, v] of Object.entries(rows)) console.log(`${k.padEnd(width)} | ${v}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
