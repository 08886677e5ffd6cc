// Integration layer: a real database (the PostgreSQL of DATABASE_URL when set, otherwise a throwaway
// in-memory PGlite server), migrated with `prisma migrate deploy` through the offline engine
// stand-in, and the MANGOPAY emulator as a separate process over real HTTP. Values reach the test
// workers through process.env (workers are started after this runs).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ROOT, migrateDeploy, startEmulator, startPglite } from "../../scripts/lib/stack.mjs";

export default async function globalSetup() {
  const t0 = performance.now();
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  process.env.ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
  process.env.NEXTAUTH_URL ??= "http://localhost:3000";
  process.env.MANGOPAY_ALLOW_PRIVATE_HOSTS ??= "true"; // local emulation: emulator and fakes on 127.0.0.1
  const services = {};

  if (!process.env.DATABASE_URL) {
    // Sockets in all: 2 jest workers × 2, the CLI, and the tests that start their own clients — two
    // job-queue instances (report schedules, mirror), two app processes (shared quota). Past the
    // limit PGlite's socket server closes the newest connection, failing whichever test opened it.
    const db = await startPglite({
      dataDir: "memory://",
      port: 0,
      quiet: true,
      env: { ...process.env, PGLITE_MAX_CONNECTIONS: process.env.PGLITE_MAX_CONNECTIONS ?? "24" },
    });
    process.env.DATABASE_URL = db.url;
    process.env.DB_POOL_MAX ??= "2";
    process.env.TEST_DB_KIND = "pglite";
    services.db = db.child;
  } else {
    process.env.TEST_DB_KIND = "postgres";
  }
  await migrateDeploy(process.env);

  if (!process.env.EMULATOR_URL && fs.existsSync(path.join(ROOT, "emulator/cli.ts"))) {
    const emulator = await startEmulator({ port: 0, seed: 1, quiet: true });
    process.env.EMULATOR_URL = emulator.url;
    services.emulator = emulator.child;
  }
  globalThis.__INTEGRATION_SERVICES__ = services;
  console.log(
    `\n[integration] ${process.env.TEST_DB_KIND} database migrated` +
      (process.env.EMULATOR_URL ? `, emulator at ${process.env.EMULATOR_URL}` : "") +
      ` in ${Math.round(performance.now() - t0)} ms`,
  );
}
