#!/usr/bin/env node
// The stack the Playwright suite runs against: a throwaway in-memory PGlite, migrations, the
// emulator (seed 1), the demo Hub, and `next start` on a production build (`next build` first).
import path from "node:path";
import { ROOT, migrateDeploy, seedDemo, startEmulator, startPglite, startService, stopAll } from "./lib/stack.mjs";

const port = Number(process.env.E2E_PORT ?? 3300);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
for (const key of ["AUTH_SECRET", "ENCRYPTION_KEY", "DEMO_OWNER_PASSWORD"]) {
  if (!env[key]) throw new Error(`${key} must be set (playwright.config.ts sets it)`);
}
env.NEXTAUTH_URL = `http://localhost:${port}`;
env.APP_URL = env.NEXTAUTH_URL;
env.PORT = String(port);
env.MANGOPAY_ALLOW_PRIVATE_HOSTS = "true"; // local emulation: the emulator listens on 127.0.0.1

process.on("SIGINT", () => shutdown());
process.on("SIGTERM", () => shutdown());
function shutdown(code = 0) {
  stopAll().finally(() => process.exit(code));
}

try {
  // The tests seed through this database too: the app keeps 4 of PGlite's 8 sockets.
  const db = await startPglite({ dataDir: "memory://", port: Number(env.E2E_PGLITE_PORT ?? 0), env, quiet: true });
  env.DATABASE_URL = db.url;
  env.DB_POOL_MAX = "4";
  await migrateDeploy(env);
  if (!env.EMULATOR_URL) {
    // Twenty times a sandbox client's quotas: the whole suite makes more calls in 15 minutes than one
    // sandbox quota allows, and its first "Connect webhooks" starts a backfill that, at background
    // priority, uses the quota down to the reserve kept for people (by design). The quota specs set
    // their own limits through the control API, whose reset restores these.
    const emulator = await startEmulator({
      port: Number(env.E2E_EMULATOR_PORT ?? 0),
      seed: 1,
      rateLimits: [46_000, 90_000, 176_000, 2_112_000],
      env,
      quiet: true,
    });
    env.EMULATOR_URL = emulator.url;
  }
  console.log(`[e2e] emulator ${env.EMULATOR_URL}`);
  await seedDemo(env);
  // scripts/start.mjs: `next start` plus the signed TCP-peer header the app reads the client IP from.
  await startService("next", process.execPath, [path.join(ROOT, "scripts/start.mjs")], {
    env,
    ready: /Ready in|✓ Ready/,
  });
  console.log(`[e2e] ready on ${env.NEXTAUTH_URL}`);
} catch (err) {
  console.error(`[e2e] failed to start: ${err instanceof Error ? err.message : err}`);
  shutdown(1);
}
