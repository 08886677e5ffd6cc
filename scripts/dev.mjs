#!/usr/bin/env node
// `npm run dev`: everything on one machine with no other service. Embedded PGlite (unless
// DATABASE_URL is set), migrations, the MANGOPAY emulator with seeded demo data, the demo Hub,
// then `next dev`. Ctrl-C stops them all; data stays in .data/ for the next start.
import path from "node:path";
import {
  ROOT,
  ensureDevEnvFile,
  migrateDeploy,
  seedDemo,
  startEmulator,
  startPglite,
  startService,
  stopAll,
} from "./lib/stack.mjs";

const t0 = performance.now();
const port = Number(process.env.PORT ?? 3000);
const fileEnv = ensureDevEnvFile();
const env = { ...fileEnv, ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
env.NEXTAUTH_URL ??= `http://localhost:${port}`;
env.APP_URL ??= env.NEXTAUTH_URL;
env.MANGOPAY_ALLOW_PRIVATE_HOSTS ??= "true"; // local emulation: the emulator listens on 127.0.0.1

process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));
function shutdown(code) {
  stopAll();
  setTimeout(() => process.exit(code), 300).unref();
}

try {
  if (!env.DATABASE_URL) {
    const db = await startPglite({ dataDir: path.join(ROOT, ".data/pglite"), port: Number(env.PGLITE_PORT ?? 5433), env });
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
      snapshot: path.join(ROOT, ".data/emulator/state.json"),
      env,
    });
    env.EMULATOR_URL = emulator.url;
  }
  const seeded = JSON.parse((await seedDemo(env)).trim().split("\n").pop() ?? "{}");

  await startService("next", process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "dev", "-p", String(port)], {
    env,
    ready: /Ready in|✓ Ready/,
    timeoutMs: 120_000,
  });
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`
  ┌──────────────────────────────────────────────────────────────┐
    MANGOPAY Dashboard is up in ${secs}s
    Open      ${env.NEXTAUTH_URL}
    Email     ${seeded.email}
    Password  ${env.DEMO_OWNER_PASSWORD}
    Emulator  ${env.EMULATOR_URL}  (MANGOPAY API v2.01, seeded demo data)
  └──────────────────────────────────────────────────────────────┘
`);
} catch (err) {
  console.error(`[dev] failed to start: ${err instanceof Error ? err.message : err}`);
  shutdown(1);
}
