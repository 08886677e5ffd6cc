// The mirror bench's backfill (bench/mirror.ts, part e) in its own process, so that its peak RSS is
// the backfill's: a Hub that allows custom base URLs, an API account on the emulator (key sealed as the
// app seals it), the backfill started by the start-backfill service, then its slices run one after
// the other with runBackfillSlice — what the job queue's worker does, without the queue between two
// slices (the queue only carries { backfillId, runId } from one slice to the next). Run with
// `tsx --conditions=react-server` (server-only code) against DATABASE_URL (MANGOPAY_ALLOW_PRIVATE_HOSTS
// true for a local emulator); prints progress on stderr and one JSON line on stdout.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { db } from "@/lib/server/db";
import type { AccountContext } from "@/lib/server/context-types";
import { encryptSecret } from "@/lib/server/crypto";
import { effectivePermissions, roleAccountPermissions } from "@/lib/server/permissions";
import { runBackfillSlice } from "@/lib/services/mirror/backfill";
import { countMirrorRows } from "@/lib/services/mirror/kinds";
import { startMirrorBackfill } from "@/lib/services/mirror/start-backfill";

const [baseUrl, clientId, apiKey] = process.argv.slice(2);
if (!baseUrl || !clientId || !apiKey) throw new Error("usage: mirror-backfill-worker <baseUrl> <clientId> <apiKey>");

function ownerContext(hub: { id: string }, account: { id: string; clientId: string; baseUrl: string }): AccountContext {
  const grants = roleAccountPermissions("OWNER");
  return {
    actor: { id: "bench", email: "bench@example.test", name: "Bench" },
    hub: { id: hub.id, name: "Bench backfill", require2fa: false },
    membership: { id: "bench", role: "OWNER" },
    account: { ...account, name: "Bench backfill", environment: "SANDBOX" },
    access: { grants, source: "MANUAL" },
    permissions: effectivePermissions("OWNER", grants),
    request: { ip: null, userAgent: "bench" },
    requestId: "bench",
  };
}

/** The process's memory every 250 ms: the peaks of each part, and a few samples along the run. */
function sampleMemory() {
  const peak = { rss: 0, heapUsed: 0, heapTotal: 0, external: 0, arrayBuffers: 0 };
  const timeline: { s: number; rssMb: number; heapMb: number; externalMb: number }[] = [];
  const t0 = performance.now();
  let lastLogged = 0;
  const mb = (n: number) => Math.round(n / 1e5) / 10;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    for (const k of Object.keys(peak) as (keyof typeof peak)[]) peak[k] = Math.max(peak[k], m[k]);
    const s = (performance.now() - t0) / 1000;
    if (s - lastLogged >= Number(process.env.BENCH_BACKFILL_SAMPLE_S ?? 15)) {
      lastLogged = s;
      // With --expose-gc (BENCH_BACKFILL_GC=1): the heap still held after a full collection too.
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      const kept = gc ? { heapAfterGcMb: mb(process.memoryUsage().heapUsed) } : {};
      timeline.push({
        s: Math.round(s),
        rssMb: mb(m.rss),
        heapMb: mb(m.heapUsed),
        externalMb: mb(m.external),
        ...kept,
      });
    }
  }, 250);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      return {
        peakMb: Object.fromEntries(Object.entries(peak).map(([k, v]) => [k, mb(v)])),
        timeline,
      };
    },
  };
}

/**
 * A diagnosis (BENCH_BACKFILL_ALLOC_PROFILE=<file>): V8's sampling heap profiler over the whole run,
 * objects collected since included, so the file (a .heapprofile, for Chrome DevTools) shows where the
 * run allocates — garbage included — rather than what it keeps.
 */
async function allocationProfile(): Promise<() => Promise<void>> {
  const file = process.env.BENCH_BACKFILL_ALLOC_PROFILE;
  if (!file) return async () => undefined;
  const session = new Session();
  session.connect();
  await session.post("HeapProfiler.startSampling", {
    samplingInterval: 64 * 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  return async () => {
    const { profile } = await session.post("HeapProfiler.stopSampling");
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

async function main(): Promise<object> {
  // What the process holds before the backfill's first page (modules loaded, nothing read yet).
  const loaded = process.memoryUsage();
  const hub = await db.hub.create({ data: { name: "Bench backfill", allowCustomBaseUrls: true } });
  const account = await db.apiAccount.create({
    data: {
      hubId: hub.id,
      name: "Bench backfill",
      environment: "SANDBOX",
      clientId: clientId ?? "",
      apiKeyEnc: encryptSecret(apiKey ?? ""),
      apiKeyLast4: (apiKey ?? "").slice(-4),
      baseUrl: baseUrl ?? "",
    },
  });
  const scope = { hubId: hub.id, apiAccountId: account.id };
  const memory = sampleMemory();
  const stopProfile = await allocationProfile();
  const t0 = performance.now();
  const started = await startMirrorBackfill({
    ctx: ownerContext(hub, { id: account.id, clientId: account.clientId, baseUrl: account.baseUrl }),
    input: { accountId: account.id },
  });
  if (!started.started) throw new Error("the backfill did not start");
  const run = await db.mirrorBackfill.findFirstOrThrow({ where: scope });
  const data = { backfillId: run.id, runId: run.runId };
  let slices = 0;
  let lastReport = performance.now();
  for (;;) {
    const outcome = await runBackfillSlice(data);
    slices++;
    if (outcome.status === "done") break;
    if (outcome.status === "stopped") throw new Error(`the backfill stopped after ${outcome.steps} pages`);
    if (performance.now() - lastReport > 30_000) {
      lastReport = performance.now();
      const state = await db.mirrorBackfill.findUniqueOrThrow({ where: { id: run.id } });
      const rss = Math.round(process.memoryUsage().rss / 1e6);
      console.error(
        `backfill: ${((lastReport - t0) / 1000).toFixed(0)} s, phase ${state.phase} page ${state.page}, ` +
          `users ${state.usersDone}/${state.usersTotal ?? "?"}, RSS ${rss} MB`,
      );
    }
  }
  const ms = performance.now() - t0;
  const { peakMb, timeline } = memory.stop();
  await stopProfile();
  const state = await db.mirrorBackfill.findUniqueOrThrow({ where: { id: run.id } });
  const rows = { ...(await countMirrorRows(scope)), event: await db.mirrorEvent.count({ where: scope }) };
  return {
    status: state.status,
    pages: state.steps,
    slices,
    usersDone: state.usersDone,
    eventsSince: Math.floor(state.eventsSince.getTime() / 1000),
    rows,
    totalRows: Object.values(rows).reduce((a, b) => a + b, 0),
    ms,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    loadedMb: { rss: Math.round(loaded.rss / 1e6), heapUsed: Math.round(loaded.heapUsed / 1e6) },
    peakMb,
    timeline,
  };
}

try {
  console.log(JSON.stringify(await main()));
} finally {
  await db.$disconnect();
}
