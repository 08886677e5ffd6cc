/** @jest-environment node */
// The jobs worker (scripts/worker.ts) as it ships: bundled by scripts/build-worker.mjs from the
// current sources, started with `node` on a fresh database it migrates itself. A webhook ping job
// queued by the app side (a queue that only enqueues, as an app instance with a worker beside it) is
// processed by the worker; the worker stops cleanly on SIGTERM; and it refuses to start on an invalid
// setting, naming it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { encryptSecret } from "@/lib/server/crypto";
import { JobQueue } from "@/lib/server/jobs";
import { APP_JOBS } from "@/lib/services/background";
import { WEBHOOK_PING_JOB } from "@/lib/services/mirror/process-ping";
import { freshDatabase, type FreshDatabase } from "../support/fresh-database";

const ROOT = path.resolve(__dirname, "../../..");
// Inside the checkout, so that the packages the bundle leaves external resolve from node_modules.
const BUNDLE_DIR = path.join(ROOT, `.data/jobs-worker-test-${process.pid}`);
const BUNDLE = path.join(BUNDLE_DIR, "worker.mjs");

type Line = Record<string, unknown>;
type Worker = { child: ChildProcess; lines: Line[]; exited: Promise<number | null> };

function startWorker(env: NodeJS.ProcessEnv): Worker {
  const child = spawn(process.execPath, [BUNDLE], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const lines: Line[] = [];
  let buffered = "";
  const read = (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split("\n");
    buffered = parts.pop() ?? "";
    for (const l of parts) if (l.startsWith("{")) lines.push(JSON.parse(l) as Line);
  };
  child.stdout?.on("data", read);
  child.stderr?.on("data", read);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, lines, exited };
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined> | T | null | undefined, ms = 60_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The worker's settings: production (it migrates the fresh database), few connections (PGlite). */
function workerEnv(url: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: url,
    NODE_ENV: "production",
    APP_URL: "http://127.0.0.1:3499",
    MIGRATE_ON_START: "true",
    DB_POOL_MAX: "2",
    JOBS_POOL_MAX: "1",
    // The app instances' switches: the worker runs and works its queue whatever they say.
    JOBS_ENABLED: "false",
    JOBS_WORK: "false",
    LOG_LEVEL: "info",
    ...extra,
  };
}

beforeAll(() => {
  const built = spawnSync(process.execPath, [path.join(ROOT, "scripts/build-worker.mjs"), BUNDLE], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (built.status !== 0) throw new Error(`the worker did not build: ${built.stderr}`);
}, 60_000);
afterAll(() => fs.rmSync(BUNDLE_DIR, { recursive: true, force: true }));

describe("the jobs worker process", () => {
  let target: FreshDatabase;
  let worker: Worker | undefined;
  let client: PrismaClient | undefined;
  let appQueue: JobQueue | undefined;
  beforeAll(async () => {
    target = await freshDatabase();
  }, 60_000);
  afterAll(async () => {
    await appQueue?.stop().catch(() => undefined);
    await client?.$disconnect();
    if (worker && worker.child.exitCode === null) {
      worker.child.kill("SIGKILL");
      await worker.exited;
    }
    await target?.drop();
  });

  it("migrates its database, processes a webhook ping the app side queued, and stops on SIGTERM", async () => {
    worker = startWorker(workerEnv(target.url));
    const started = worker;
    await until("the worker to start", () => started.lines.find((l) => l.msg === "jobs worker started"));
    expect(started.lines.some((l) => l.msg === "database migrations up to date")).toBe(true);

    client = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url, max: 1 }) });
    const hub = await client.hub.create({ data: { name: "Worker test" } });
    const account = await client.apiAccount.create({
      data: {
        hubId: hub.id,
        name: "Worker test",
        environment: "SANDBOX",
        clientId: "worker-test",
        apiKeyEnc: encryptSecret("worker-test-key"),
        apiKeyLast4: "-key",
        baseUrl: "https://api.sandbox.mangopay.com",
      },
    });
    // An event type the mirror does not keep: the worker opens the account's client (the key is
    // decrypted with the same ENCRYPTION_KEY) and records the ping as IGNORED, with its audit row.
    const ping = await client.webhookPing.create({
      data: {
        hubId: hub.id,
        apiAccountId: account.id,
        eventType: "PREAUTHORIZATION_PAYMENT_WAITING",
        resourceId: "12345",
        eventDate: String(Math.floor(Date.now() / 1000)),
      },
    });
    // The app side: an instance with JOBS_WORK=false (a worker beside it) only enqueues.
    appQueue = new JobQueue(APP_JOBS, { connectionString: target.url, poolMax: 1, work: false });
    await appQueue.start();
    expect(await appQueue.send(WEBHOOK_PING_JOB, { pingId: ping.id })).not.toBeNull();

    const db = client;
    const processed = await until("the ping to be processed", async () => {
      const row = await db.webhookPing.findUniqueOrThrow({ where: { id: ping.id } });
      return row.status === "PENDING" ? null : row;
    });
    expect(processed).toMatchObject({ status: "IGNORED", attempts: 1, lastError: null });
    expect(processed.processedAt).not.toBeNull();
    const audit = await db.auditEvent.findMany({ where: { hubId: hub.id, action: "mirror.sync.ignored" } });
    expect(audit).toHaveLength(1);
    await until("pg-boss to record the job completed", async () => {
      const [row] = await db.$queryRawUnsafe<Array<{ state: string }>>(
        `SELECT state FROM pgboss.job WHERE name = $1 AND data->>'pingId' = $2`,
        WEBHOOK_PING_JOB.name,
        ping.id,
      );
      return row?.state === "completed";
    });

    started.child.kill("SIGTERM");
    expect(await started.exited).toBe(0);
    expect(started.lines.some((l) => l.msg === "jobs worker stopped")).toBe(true);
  }, 120_000);

  it("exits non-zero naming an invalid setting, before touching the database", async () => {
    const bad = startWorker(workerEnv(target.url, { ENCRYPTION_KEY: "too-short", ENCRYPTION_KEYS: "" }));
    expect(await bad.exited).toBe(1);
    const fatal = bad.lines.filter((l) => l.level === "fatal");
    expect(fatal.map((l) => l.variable)).toEqual(["ENCRYPTION_KEY"]);
    expect(bad.lines.some((l) => l.msg === "jobs worker started")).toBe(false);
  }, 30_000);
});
