// One measurement of the mirror bench (bench/mirror.ts) in its own process, so that its peak RSS is
// its own: `search` (the real findInMirror service), `fees` (90 days of fees per day and currency)
// or `csv` (every transaction of the account streamed as CSV). Run with
// `tsx --conditions=react-server` (server-only code) against DATABASE_URL; prints one JSON line.
import { Writable } from "node:stream";
import { stringify } from "csv-stringify";
import { db } from "@/lib/server/db";
import type { AccountContext } from "@/lib/server/context-types";
import { effectivePermissions, roleAccountPermissions } from "@/lib/server/permissions";
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

/** Queries a person types: an email's start, a whole email, a last name's start, "First Last". */
function searchTerms(i: number): Record<"email" | "name", string> {
  const n = (i * 7919) % 100_000;
  const kinds = [`user${n}@`, `user${n}@example${n % 50}.test`];
  const names = [`${LAST[n % LAST.length]?.slice(0, 4)}`, `${FIRST[n % FIRST.length]} ${LAST[(n * 3) % LAST.length]}`];
  return { email: kinds[i % 2] ?? "", name: names[i % 2] ?? "" };
}

async function search(): Promise<object> {
  const ctx = contextFor(hubId ?? "", accountId ?? "");
  const byEmail: number[] = [];
  const byName: number[] = [];
  let hits = 0;
  for (let i = 0; i < 220; i++) {
    const terms = searchTerms(i);
    const [a, ra] = await timed(() => findInMirror({ ctx, input: { query: terms.email } }));
    const [b, rb] = await timed(() => findInMirror({ ctx, input: { query: terms.name } }));
    // The first 20 warm the pool and the plans.
    if (i >= 20) {
      byEmail.push(a);
      byName.push(b);
    }
    hits += ra.hits.length + rb.hits.length;
  }
  return { email: stats(byEmail), name: stats(byName), hits };
}

async function fees(): Promise<object> {
  const ms: number[] = [];
  let days = 0;
  for (let i = 0; i < 25; i++) {
    const [t, rows] = await timed(
      () => db.$queryRaw<Array<{ day: Date; currency: string; fees: bigint; n: number }>>`
        SELECT date_trunc('day', "createdAt") AS day, currency, sum("feesMinor") AS fees, count(*)::int AS n
        FROM "MirrorTransaction"
        WHERE "hubId" = ${hubId} AND "apiAccountId" = ${accountId} AND status = 'SUCCEEDED'
          AND "createdAt" >= now() - interval '90 days'
        GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    if (i >= 5) ms.push(t);
    days = new Set(rows.map((r) => r.day.toISOString())).size;
  }
  return { ...stats(ms), days };
}

const COLUMNS = [
  "id",
  "createdAt",
  "type",
  "nature",
  "status",
  "currency",
  "debited",
  "fees",
  "author",
  "credited wallet",
];

async function csv(): Promise<object> {
  const t0 = performance.now();
  let firstByteMs = 0;
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (!bytes) firstByteMs = performance.now() - t0;
      bytes += chunk.length;
      done();
    },
  });
  const out = stringify({ header: true, columns: COLUMNS });
  const finished = new Promise<void>((resolve, reject) => {
    sink.on("finish", resolve);
    out.on("error", reject);
  });
  out.pipe(sink);
  // Keyset pagination on (createdAt, id): each page starts after the last row of the previous one.
  let after: { createdAt: Date; id: string } | null = null;
  let rows = 0;
  for (;;) {
    const page: Array<{
      id: string;
      mangopayId: string;
      createdAt: Date;
      type: string;
      nature: string;
      status: string;
      currency: string;
      debitedMinor: bigint;
      feesMinor: bigint;
      authorId: string | null;
      creditedWalletId: string | null;
    }> = await db.mirrorTransaction.findMany({
      where: {
        hubId,
        apiAccountId: accountId,
        // The redundant `gte` gives PostgreSQL an index range to start from; the OR alone made it
        // scan from the account's first row on every page.
        ...(after
          ? {
              createdAt: { gte: after.createdAt },
              OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }],
            }
          : {}),
      },
      select: {
        id: true,
        mangopayId: true,
        createdAt: true,
        type: true,
        nature: true,
        status: true,
        currency: true,
        debitedMinor: true,
        feesMinor: true,
        authorId: true,
        creditedWalletId: true,
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 5000,
    });
    for (const r of page) {
      const ok = out.write([
        r.mangopayId,
        r.createdAt.toISOString(),
        r.type,
        r.nature,
        r.status,
        r.currency,
        r.debitedMinor.toString(),
        r.feesMinor.toString(),
        r.authorId ?? "",
        r.creditedWalletId ?? "",
      ]);
      if (!ok) await new Promise((resolve) => out.once("drain", resolve));
    }
    rows += page.length;
    const last = page.at(-1);
    if (!last || page.length < 5000) break;
    after = { createdAt: last.createdAt, id: last.id };
  }
  out.end();
  await finished;
  return {
    rows,
    bytes,
    firstByteMs,
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
