#!/usr/bin/env node
// `npm run dev`: everything on one machine with no other service. Embedded PGlite (unless
// DATABASE_URL is set), migrations, the MANGOPAY emulator with seeded demo data, the demo Hub,
// then `next dev`, warmed up. Ctrl-C stops them all; data stays in .data/ for the next start.
// The banner is printed only once the app answers HTTP. If any part cannot start (a port taken,
// another `next dev` in this checkout, a process exiting) the cause is printed, everything started
// so far is stopped, and the exit code is 1.
import path from "node:path";
import { assertPortsFree } from "./lib/ports.mjs";
import {
  ROOT,
  connectDemoWebhooks,
  ensureDevEnvFile,
  migrateDeploy,
  runningServices,
  seedDemo,
  startEmulator,
  startPglite,
  startService,
  stopAll,
  tail,
} from "./lib/stack.mjs";
import { warmUp } from "./lib/warm-up.mjs";

const t0 = performance.now();
const fileEnv = ensureDevEnvFile();
const env = { ...fileEnv, ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const port = Number(env.PORT ?? 3000);
// Loopback only unless HOST says otherwise (HOST=0.0.0.0 to reach the dev server from another machine).
const host = env.HOST || "127.0.0.1";
const dataDir = path.resolve(env.DEV_DATA_DIR ?? path.join(ROOT, ".data"));
env.NEXTAUTH_URL ??= `http://localhost:${port}`;
env.APP_URL ??= env.NEXTAUTH_URL;
env.MANGOPAY_ALLOW_PRIVATE_HOSTS ??= "true"; // local emulation: the emulator listens on 127.0.0.1

let stopping = false;
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));
async function shutdown(code, message) {
  if (stopping) return;
  stopping = true;
  if (message) console.error(`\n[dev] ${message}`);
  const names = runningServices().map((c) => c.serviceName);
  if (names.length) console.error(`[dev] stopping ${names.join(", ")}…`);
  await stopAll();
  process.exit(code);
}

/** Rejects as soon as a started service exits: nothing may keep waiting on a dead part. */
function exitOf(child) {
  const exited = new Promise((_, reject) =>
    child.once("exit", (code, signal) => {
      if (!stopping) reject(new Error(`${child.serviceName} exited (${signal ?? `code ${code}`})${tail(child)}`));
    }),
  );
  exited.catch(() => {}); // observed by the races below; never an unhandled rejection meanwhile
  return exited;
}

async function connectWebhooksInBackground() {
  try {
    for (const r of await connectDemoWebhooks(env)) {
      if (stopping) return;
      if (r.ok)
        console.log(
          `[dev] webhooks of ${r.account} → ${r.receiverBase}… (${r.connected} event types${r.changed ? `, ${r.changed} written` : ""})`,
        );
      else console.error(`[dev] webhooks of ${r.account} not connected: ${r.error}`);
    }
  } catch (err) {
    if (!stopping) console.error(`[dev] demo webhooks not connected: ${err instanceof Error ? err.message : err}`);
  }
}

try {
  const wanted = [{ port, host, what: "the app", variable: "PORT" }];
  if (!env.DATABASE_URL)
    wanted.push({
      port: Number(env.PGLITE_PORT ?? 5433),
      host: "127.0.0.1",
      what: "the embedded database",
      variable: "PGLITE_PORT",
    });
  if (!env.EMULATOR_URL)
    wanted.push({
      port: Number(env.EMULATOR_PORT ?? 4010),
      host: "127.0.0.1",
      what: "the MANGOPAY emulator",
      variable: "EMULATOR_PORT",
    });
  await assertPortsFree(wanted);

  const watched = [];
  if (!env.DATABASE_URL) {
    const db = await startPglite({ dataDir: path.join(dataDir, "pglite"), port: Number(env.PGLITE_PORT ?? 5433), env });
    watched.push(exitOf(db.child));
    env.DATABASE_URL = db.url;
    env.DB_POOL_MAX ??= "3"; // PGlite accepts 8 sockets: 3 for Next.js, the rest for the CLI and psql
    console.log(`[dev] embedded database ready (${db.url})`);
  } else {
    console.log("[dev] using DATABASE_URL");
  }
  await migrateDeploy(env);
  console.log("[dev] migrations applied");

  if (!env.EMULATOR_URL) {
    const emulator = await startEmulator({
      port: Number(env.EMULATOR_PORT ?? 4010),
      snapshot: path.join(dataDir, "emulator/state.json"),
      env,
    });
    watched.push(exitOf(emulator.child));
    env.EMULATOR_URL = emulator.url;
  }
  const seeded = JSON.parse((await seedDemo(env)).trim().split("\n").pop() ?? "{}");

  // `next dev` prints "Ready" before it checks for another dev server in this checkout, so "Ready"
  // only means "listening": the app is up once it answers HTTP (warmUp), and not before.
  const next = await startService(
    "next",
    process.execPath,
    [path.join(ROOT, "node_modules/next/dist/bin/next"), "dev", "-p", String(port), "-H", host],
    {
      env,
      ready: /Ready in|✓ Ready/,
      timeoutMs: 120_000,
    },
  );
  watched.push(exitOf(next.child));
  const probeHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  const warm = await Promise.race([
    warmUp({
      origin: `http://${probeHost.includes(":") ? `[${probeHost}]` : probeHost}:${port}`,
      secret: env.AUTH_SECRET,
      secureCookie: env.NEXTAUTH_URL.startsWith("https:"),
      skip: env.DEV_WARM_UP === "0",
    }),
    ...watched,
  ]);
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`
  ┌──────────────────────────────────────────────────────────────┐
    MANGOPAY Dashboard is up in ${secs}s
    Open      ${env.NEXTAUTH_URL}${host === "127.0.0.1" ? "" : `  (listening on ${host})`}
    Email     ${seeded.email}
    Password  ${env.DEMO_OWNER_PASSWORD}
    Emulator  ${env.EMULATOR_URL}  (MANGOPAY API v2.01, seeded demo data)
    ${warm.note}
  └──────────────────────────────────────────────────────────────┘
`);
  // After the banner, a part that dies takes the rest down with it rather than leaving half a stack.
  Promise.race(watched).catch((err) => shutdown(1, `${err.message}\n[dev] the stack cannot run without it`));
  // Then, in the background (the first sign-in does not wait for it): the demo accounts' webhooks
  // point at this app, so what happens in the emulator reaches the mirror. Failures are printed only.
  if (env.DEV_CONNECT_WEBHOOKS !== "0" && seeded.accounts > 0) void connectWebhooksInBackground();
} catch (err) {
  await shutdown(1, `failed to start: ${err instanceof Error ? err.message : err}`);
}
