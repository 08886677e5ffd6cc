// The jobs worker: a process that runs the job queue (pg-boss) and nothing else, with every job the
// app defines and the ticks that feed them (startJobQueue, lib/services/background.ts), so that the
// app instances can run with JOBS_WORK=false (README "App instances and the jobs worker"). It
// checks its settings as the server does (stopping with one log line per invalid one), applies
// pending migrations when the server would (MIGRATE_ON_START in production), and on SIGTERM or SIGINT
// lets running jobs finish (pg-boss's graceful stop), then exits. `npm run build` bundles it
// (scripts/build-worker.mjs) into .next/worker/worker.mjs and the standalone tree as worker.mjs;
// `npm run worker` runs the bundle.
import "./lib/worker-v8-flags";
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/server/db";
import { jobSettings } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";
import { exitOnInvalidSettings, migrateOnStart } from "@/lib/server/startup";
import { startJobQueue } from "@/lib/services/background";

// In the standalone tree (worker.mjs beside server.js) migrations are read from its own directory.
const here = import.meta.dirname;
if (fs.existsSync(path.join(here, "server.js")) && fs.existsSync(path.join(here, "prisma/migrations")))
  process.chdir(here);

exitOnInvalidSettings();
await migrateOnStart();
// A worker works its queue whatever JOBS_ENABLED / JOBS_WORK say (they configure the app instances).
const running = await startJobQueue({ ...jobSettings(), enabled: true, work: true });
if (!running) {
  logger.fatal("the job queue did not start; the worker stops");
  process.exit(1);
}
// The queue's own timers do not hold the process open: this one does, until a signal.
const alive = setInterval(() => undefined, 3_600_000);
let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "jobs worker stopping: running jobs finish first");
  try {
    await running?.stop();
    await db.$disconnect();
  } catch (err) {
    logger.error({ err: err instanceof Error ? err.message : String(err) }, "jobs worker did not stop cleanly");
    process.exitCode = 1;
  }
  clearInterval(alive);
  logger.info("jobs worker stopped");
}
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void stop(signal));
logger.info({ pid: process.pid }, "jobs worker started");
