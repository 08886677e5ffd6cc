#!/usr/bin/env node
// The production path without containers, as CI runs it: a fresh database on the machine's
// PostgreSQL (no demo seed), the MANGOPAY emulator, and the standalone server that `npm run build`
// assembles (`node .next/standalone/start.mjs`, the Dockerfile's CMD), started with production
// settings only — twice, on E2E_PORT and E2E_PORT+1 with the same database and secrets, as two
// instances behind a load balancer (DEPLOY_CHECK_INSTANCES changes the count). Instance n's stdout
// goes to .data/deploy-check/server.log (server-n.log from the second on) for the tests to scan.
// Used by playwright.deploy.config.ts; DEPLOY_CHECK_POSTGRES_URL picks the server.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { ROOT, startEmulator, stopAll } from "./lib/stack.mjs";

const port = Number(process.env.E2E_PORT ?? 3380);
const base = process.env.DEPLOY_CHECK_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const dbName = `deploy_check_${Date.now()}_${process.pid}`;
const logDir = path.join(ROOT, ".data/deploy-check");
const instances = Math.max(1, Number(process.env.DEPLOY_CHECK_INSTANCES ?? 2));
const server = path.join(ROOT, ".next/standalone/start.mjs");
for (const key of ["AUTH_SECRET", "ENCRYPTION_KEY", "SETUP_TOKEN"]) {
  if (!process.env[key]) throw new Error(`${key} must be set (playwright.deploy.config.ts sets it)`);
}
if (!fs.existsSync(server)) throw new Error("No .next/standalone/start.mjs: run `npm run build` first");

async function admin(sql) {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

const apps = [];
let stopping = false;
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const app of apps) app.kill("SIGTERM");
  stopAll();
  // FORCE ends the server's remaining connections.
  await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch((err) =>
    console.error(`[deploy-check] could not drop ${dbName}: ${err.message}`),
  );
  process.exit(code);
}
process.on("SIGINT", () => shutdown());
process.on("SIGTERM", () => shutdown());

try {
  await admin(`CREATE DATABASE ${dbName}`);
  const url = new URL(base);
  url.pathname = `/${dbName}`;
  const emulator = await startEmulator({ port: Number(process.env.E2E_EMULATOR_PORT ?? 0), seed: 1, quiet: true });
  fs.mkdirSync(logDir, { recursive: true });
  fs.writeFileSync(path.join(logDir, "emulator-url"), emulator.url);
  // For the tests that read audit rows and limiter state (the database has no password here).
  fs.writeFileSync(path.join(logDir, "database-url"), url.toString());
  for (let n = 1; n <= instances; n += 1) {
    const instancePort = port + n - 1;
    // Only what an operator would set (README "Deploy"), plus the emulator's address for the tests.
    // Every instance shares the database and the secrets; APP_URL is the load balancer's address.
    const env = {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(instancePort),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: url.toString(),
      AUTH_SECRET: process.env.AUTH_SECRET,
      ENCRYPTION_KEY: process.env.ENCRYPTION_KEY,
      SETUP_TOKEN: process.env.SETUP_TOKEN,
      APP_URL: `http://localhost:${port}`,
      NEXTAUTH_URL: `http://localhost:${port}`,
      // The emulator listens on loopback: allowed for this local check only.
      MANGOPAY_ALLOW_PRIVATE_HOSTS: "true",
      LOG_LEVEL: "info",
    };
    const log = fs.createWriteStream(path.join(logDir, n === 1 ? "server.log" : `server-${n}.log`));
    const app = spawn(process.execPath, [server], {
      cwd: path.dirname(server),
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    apps.push(app);
    app.stdout.pipe(log);
    app.stderr.pipe(log);
    app.stdout.on("data", (c) => process.stdout.write(c));
    app.on("exit", (code) => {
      if (!stopping) {
        console.error(`[deploy-check] instance ${n} exited with ${code}`);
        shutdown(1);
      }
    });
  }
  console.log(
    `[deploy-check] ${dbName} on ${base.replace(/\/\/[^@]*@/, "//")}; emulator ${emulator.url}; ` +
      `${instances} instance(s) from http://localhost:${port}`,
  );
} catch (err) {
  console.error(`[deploy-check] failed to start: ${err instanceof Error ? err.message : err}`);
  shutdown(1);
}
