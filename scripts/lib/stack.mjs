// Starting the pieces of the stack as child processes: embedded database, migrations, emulator,
// demo seed and Next.js. Shared by `npm run dev`, the e2e web server and the integration setup.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const bin = (name) => path.join(ROOT, "node_modules/.bin", name);

const children = new Set();
const RECENT_LINES = 15;

/**
 * Spawns a child that dies with us; resolves when a stdout line matches `ready` (or rejects, quoting
 * the child's last output lines so the cause — a taken port, another server — is on screen).
 * The child keeps `recent` (its last output lines) for later messages.
 */
export function startService(name, cmd, args, { env, ready, timeoutMs = 60_000, quiet = false } = {}) {
  const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  child.serviceName = name;
  child.recent = [];
  children.add(child);
  child.on("exit", () => children.delete(child));
  const remember = (line) => {
    child.recent.push(line);
    if (child.recent.length > RECENT_LINES) child.recent.shift();
  };
  const prefix = (line) => (quiet ? undefined : process.stdout.write(`[${name}] ${line}\n`));
  return new Promise((resolve, reject) => {
    let buffer = "";
    let done = false;
    const timer = setTimeout(
      () => finish(new Error(`${name} was not ready after ${timeoutMs} ms${tail(child)}`)),
      timeoutMs,
    );
    function finish(err, match) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve({ child, match });
    }
    child.stdout.on("data", (chunk) => {
      buffer += chunk.toString();
      let nl;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        remember(line);
        prefix(line);
        const m = ready ? line.match(ready) : null;
        if (m) finish(null, m);
      }
    });
    child.stderr.on("data", (chunk) => {
      for (const line of chunk.toString().split("\n")) {
        if (!line.trim()) continue;
        remember(line);
        if (!quiet) process.stderr.write(`[${name}] ${line}\n`);
      }
    });
    child.on("error", (err) => finish(new Error(`${name} could not be started: ${err.message}`)));
    child.on("exit", (code, signal) =>
      finish(new Error(`${name} exited (${signal ?? `code ${code}`}) before it was ready${tail(child)}`)),
    );
    if (!ready) finish(null, null);
  });
}

/** The child's last output lines, indented, for an error message ("" when it said nothing). */
export function tail(child) {
  const lines = (child.recent ?? []).map((l) => l.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "").trimEnd()).filter(Boolean);
  return lines.length ? `; its last output:\n        ${lines.join("\n        ")}` : "";
}

/** The services started by this process that are still running. */
export function runningServices() {
  return [...children];
}

/** Runs a command to completion; rejects with its output on failure. */
export function run(name, cmd, args, { env, quiet = true } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    child.on("exit", (code) => {
      if (!quiet) process.stdout.write(out);
      if (code === 0) resolve(out);
      else reject(new Error(`${name} failed (exit ${code}):\n${out}`));
    });
  });
}

/** Pids of every process below `pid` (Next.js runs its server and workers as grandchildren). */
function descendants(pid) {
  let entries;
  try {
    entries = fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return []; // not Linux: the direct child only
  }
  const parentOf = new Map();
  for (const d of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      parentOf.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // exited while we looked
    }
  }
  const found = [];
  let frontier = [pid];
  while (frontier.length) {
    const next = [];
    for (const [p, pp] of parentOf) if (frontier.includes(pp)) next.push(p);
    found.push(...next);
    frontier = next;
  }
  return found;
}

function signal(pid, sig) {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/**
 * Stops every service started here: SIGTERM, up to `graceMs` for each to exit (the database flushes
 * its data directory, the emulator writes its snapshot), then SIGKILL for it and anything it left.
 */
export async function stopAll({ graceMs = 10_000 } = {}) {
  const live = [...children].filter((c) => c.exitCode === null && c.signalCode === null);
  await Promise.all(
    live.map(async (child) => {
      const family = descendants(child.pid);
      const exited = new Promise((resolve) => child.once("exit", () => resolve(true)));
      child.kill("SIGTERM");
      const inTime = await Promise.race([
        exited,
        new Promise((resolve) => setTimeout(() => resolve(false), graceMs).unref()),
      ]);
      if (!inTime) signal(child.pid, "SIGKILL");
      for (const pid of family) signal(pid, "SIGKILL"); // no-op for the ones that exited with their parent
    }),
  );
}

export async function startPglite({ dataDir, port = 5433, env = process.env, quiet = false }) {
  const { child, match } = await startService("db", process.execPath, [path.join(ROOT, "scripts/pglite-server.mjs")], {
    env: { ...env, PGLITE_DATA_DIR: dataDir, PGLITE_PORT: String(port) },
    ready: /^DATABASE_URL=(\S+)/,
    quiet,
  });
  return { child, url: match[1] };
}

export function migrateDeploy(env) {
  return run("prisma migrate deploy", bin("prisma"), ["migrate", "deploy"], { env });
}

export async function startEmulator({ port = 4010, snapshot, seed, rateLimits, env = process.env, quiet = false }) {
  const args = ["--port", String(port)];
  if (snapshot) args.push("--snapshot", snapshot);
  if (seed === null) args.push("--no-seed");
  else if (seed !== undefined) args.push("--seed", String(seed));
  if (rateLimits) args.push("--rate-limits", rateLimits.join(","));
  // `node --import tsx` rather than the tsx launcher, so that the emulator is our direct child.
  const { child, match } = await startService(
    "emulator",
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "emulator/cli.ts"), ...args],
    {
      env,
      ready: /emulator listening on (http:\/\/\S+)/,
      quiet,
    },
  );
  return { child, url: match[1] };
}

export function seedDemo(env) {
  // The demo seed refuses NODE_ENV=production; the e2e stack serves a production build of a demo Hub.
  const seedEnv = { ...env, NODE_ENV: env.NODE_ENV === "production" ? "test" : env.NODE_ENV };
  return run(
    "seed demo",
    bin("tsx"),
    ["--conditions=react-server", "--tsconfig", "tsconfig.json", "scripts/seed-demo.ts"],
    { env: seedEnv },
  );
}

/** The demo accounts' webhooks → the app's receiver (APP_URL); resolves to each account's outcome. */
export async function connectDemoWebhooks(env) {
  const out = await run(
    "connect demo webhooks",
    bin("tsx"),
    ["--conditions=react-server", "--tsconfig", "tsconfig.json", "scripts/connect-demo-webhooks.ts"],
    { env },
  );
  return JSON.parse(out.trim().split("\n").pop() ?? "[]");
}

/** Reads KEY=VALUE lines (no interpolation); missing file → {}. */
export function readEnvFile(file) {
  if (!fs.existsSync(file)) return {};
  const out = {};
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const m = line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/);
    if (m) out[m[1]] = m[2].replace(/^["']|["']$/g, "");
  }
  return out;
}

/** Dev secrets: generated once into .env.local when missing, never overwritten. */
export function ensureDevEnvFile(file = path.join(ROOT, ".env.local")) {
  const existing = readEnvFile(file);
  const wanted = {
    AUTH_SECRET: () => randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: () => randomBytes(32).toString("base64"),
    DEMO_OWNER_PASSWORD: () => `demo-${randomBytes(6).toString("base64url")}`,
  };
  const added = [];
  for (const [key, make] of Object.entries(wanted)) {
    if (!existing[key] && !process.env[key]) added.push(`${key}=${make()}`);
  }
  if (added.length) {
    const header = fs.existsSync(file)
      ? ""
      : "# Generated by `npm run dev` for local development. Never use these in production.\n";
    fs.appendFileSync(file, header + added.join("\n") + "\n", { mode: 0o600 });
  }
  return { ...readEnvFile(path.join(ROOT, ".env")), ...readEnvFile(file) };
}
