// One measurement of the mirror bench (bench/mirror.ts) in its own process, so that its peak RSS is
// its own: `search` (findInMirror), `fees` (getTransactionSeries, 90 days by day) or `csv` (every
// transaction of the account through exportTransactions and csvResponse) — the services pages use. Run with
// `tsx --conditions=react-server` (server-only code) against DATABASE_URL; prints one JSON line.
import { csvResponse } from "@/lib/server/csv-response";
import { db } from "@/lib/server/db";
import type { AccountContext } from "@/lib/server/context-types";
import { effectivePermissions, roleAccountPermissions } from "@/lib/server/permissions";
import { getTransactionSeries } from "@/lib/services/analytics/get-transaction-series";
import { TRANSACTION_CSV_COLUMNS } from "@/lib/services/exports/csv";
import { exportTransactions } from "@/lib/services/exports/export-transactions";
import { findInMirror } from "@/lib/services/search/find-in-mirror";
import { FIRST, LAST } from "./mirror-names";

const [mode, hubId, accountId] = process.argv.slice(2);
if (!mode || !hubId || !accountId) throw new Error("usage: mirror-query-worker <search|fees|csv> <hubId> <accountId>");

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95) };
};

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const out = await fn();
  return [performance.now() - t, out];
}

function contextFor(hub: string, account: string): AccountContext {
  const grants = roleAccountPermissions("READ_ONLY");
  return {
    actor: { id: "bench", email: "bench@example.test", name: "Bench" },
    hub: { id: hub, name: "Bench", require2fa: false },
    membership: { id: "bench", role: "READ_ONLY" },
    account: { id: account, name: "Bench", environment: "SANDBOX", clientId: "bench", baseUrl: "http://127.0.0.1:9" },
    access: { grants, source: "MANUAL" },
    permissions: effectivePermissions("READ_ONLY", grants),
    request: { ip: null, userAgent: "bench" },
    requestId: "bench",
  };
}

/**
 * Queries a person types: an email's start, a whole email, a last name's start, "First Last"; and a
 * part from inside a last name: 4 letters that one user in ten has ("ovel" of Lovelace…, the most
 * rows a substring finds in this data) or a name's end with its number ("elace42", about 100 users).
 */
function searchTerms(i: number): Record<"email" | "name" | "substring", string> {
  const n = (i * 7919) % 100_000;
  const kinds = [`user${n}@`, `user${n}@example${n % 50}.test`];
  const names = [`${LAST[n % LAST.length]?.slice(0, 4)}`, `${FIRST[n % FIRST.length]} ${LAST[(n * 3) % LAST.length]}`];
  const last = LAST[n % LAST.length] ?? "";
  const inside = [last.slice(1, 5), `${last.slice(3)}${n % 97}`];
  return { email: kinds[i % 2] ?? "", name: names[i % 2] ?? "", substring: inside[i % 2] ?? "" };
}

async function search(): Promise<object> {
  const ctx = contextFor(hubId ?? "", accountId ?? "");
  const byEmail: number[] = [];
  const byName: number[] = [];
  const bySubstring: number[] = [];
  let hits = 0;
  let substringHits = 0;
  for (let i = 0; i < 220; i++) {
    const terms = searchTerms(i);
    const [a, ra] = await timed(() => findInMirror({ ctx, input: { query: terms.email } }));
    const [b, rb] = await timed(() => findInMirror({ ctx, input: { query: terms.name } }));
    const [c, rc] = await timed(() => findInMirror({ ctx, input: { query: terms.substring } }));
    // The first 20 warm the pool and the plans.
    if (i >= 20) {
      byEmail.push(a);
      byName.push(b);
      bySubstring.push(c);
    }
    hits += ra.hits.length + rb.hits.length;
    substringHits += rc.hits.length;
  }
  // Every substring query has 20 hits in this data: fewer would mean the substring match is not run.
  return {
    email: stats(byEmail),
    name: stats(byName),
    substring: { ...stats(bySubstring), hits: substringHits },
    hits,
  };
}

/** The analytics page's 90 days by day (getTransactionSeries, UTC), as a member opens it. */
async function fees(): Promise<object> {
  const ctx = contextFor(hubId ?? "", accountId ?? "");
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const to = new Date();
  const from = new Date(to.getTime() - 89 * 86_400_000);
  const ms: number[] = [];
  let days = 0;
  for (let i = 0; i < 25; i++) {
    const [t, series] = await timed(() =>
      getTransactionSeries({ ctx, input: { from: day(from), to: day(to), granularity: "day" } }),
    );
    if (i >= 5) ms.push(t);
    days = series.series[0]?.points.filter((p) => p.count > 0).length ?? 0;
  }
  return { ...stats(ms), days };
}

/** Every transaction of the account through the export route's service and CSV stream. */
async function csv(): Promise<object> {
  const ctx = contextFor(hubId ?? "", accountId ?? "");
  // The app's server is connected long before anyone exports: this process connects first, and says
  // how long that took, so the first byte is the export's own.
  const tc = performance.now();
  await db.$queryRaw`SELECT 1`;
  const connectMs = performance.now() - tc;
  const t0 = performance.now();
  let firstByteMs = 0;
  let bytes = 0;
  let lines = 0;
  const records = await exportTransactions({ ctx, input: {} });
  const body = csvResponse(records, TRANSACTION_CSV_COLUMNS, "transactions").body;
  if (!body) throw new Error("no body");
  const reader = body.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    if (!bytes) firstByteMs = performance.now() - t0;
    bytes += r.value.length;
    for (const b of r.value) if (b === 10) lines++;
  }
  return {
    rows: lines - 1,
    bytes,
    firstByteMs,
    connectMs,
    totalMs: performance.now() - t0,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

const run = { search, fees, csv }[mode as "search" | "fees" | "csv"];
if (!run) throw new Error(`unknown mode ${mode}`);
try {
  console.log(JSON.stringify(await run()));
} finally {
  await db.$disconnect();
}
