// The mirror bench's backfill (bench/mirror.ts, part e), the app's side of it: `start <baseUrl>
// <clientId> <apiKey>` creates a Hub that allows custom base URLs and an API account on the emulator
// (key sealed as the app seals it), then starts the backfill with the start-backfill service, which
// queues its first slice on the job queue (this process enqueues only: JOBS_WORK off); the jobs
// worker (scripts/worker.ts, started by the bench) runs the slices. `result <backfillId>` reads the
// run's state and the rows mirrored per kind. Run with `tsx --conditions=react-server` (server-only
// code) against DATABASE_URL; each prints one JSON line on stdout.
import { db } from "@/lib/server/db";
import type { AccountContext } from "@/lib/server/context-types";
import { encryptSecret } from "@/lib/server/crypto";
import { env } from "@/lib/server/env";
import { JobQueue, setCurrentJobQueue } from "@/lib/server/jobs";
import { effectivePermissions, roleAccountPermissions } from "@/lib/server/permissions";
import { APP_JOBS } from "@/lib/services/background";
import { countMirrorRows } from "@/lib/services/mirror/kinds";
import { startMirrorBackfill } from "@/lib/services/mirror/start-backfill";

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

async function start(baseUrl: string, clientId: string, apiKey: string): Promise<object> {
  const hub = await db.hub.create({ data: { name: "Bench backfill", allowCustomBaseUrls: true } });
  const account = await db.apiAccount.create({
    data: {
      hubId: hub.id,
      name: "Bench backfill",
      environment: "SANDBOX",
      clientId,
      apiKeyEnc: encryptSecret(apiKey),
      apiKeyLast4: apiKey.slice(-4),
      baseUrl,
    },
  });
  const queue = new JobQueue(APP_JOBS, { connectionString: env().DATABASE_URL, poolMax: 1, work: false });
  await queue.start();
  setCurrentJobQueue(queue);
  try {
    const started = await startMirrorBackfill({
      ctx: ownerContext(hub, { id: account.id, clientId: account.clientId, baseUrl: account.baseUrl }),
      input: { accountId: account.id },
    });
    if (!started.started || !started.queued) throw new Error(`the backfill did not start: ${JSON.stringify(started)}`);
  } finally {
    setCurrentJobQueue(null);
    await queue.stop();
  }
  const run = await db.mirrorBackfill.findFirstOrThrow({ where: { hubId: hub.id, apiAccountId: account.id } });
  return { hubId: hub.id, accountId: account.id, backfillId: run.id };
}

async function result(backfillId: string): Promise<object> {
  const state = await db.mirrorBackfill.findUniqueOrThrow({ where: { id: backfillId } });
  const scope = { hubId: state.hubId, apiAccountId: state.apiAccountId };
  const rows = { ...(await countMirrorRows(scope)), event: await db.mirrorEvent.count({ where: scope }) };
  return {
    status: state.status,
    lastError: state.lastError,
    pages: state.steps,
    usersDone: state.usersDone,
    eventsSince: Math.floor(state.eventsSince.getTime() / 1000),
    rows,
    totalRows: Object.values(rows).reduce((a, b) => a + b, 0),
  };
}

const [mode, a, b, c] = process.argv.slice(2);
try {
  if (mode === "start" && a && b && c) console.log(JSON.stringify(await start(a, b, c)));
  else if (mode === "result" && a) console.log(JSON.stringify(await result(a)));
  else throw new Error("usage: mirror-backfill-start start <baseUrl> <clientId> <apiKey> | result <backfillId>");
} finally {
  await db.$disconnect();
}
