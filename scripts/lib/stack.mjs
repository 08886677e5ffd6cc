// Starting the pieces of the stack as child processes: embedded database, migrations, emulator,
// demo seed and Next.js. Shared by `npm run dev`, the e2e web server and the integration setup.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const bin = (name) => path.join(ROOT, "node_modules/.bin", name);

const children = new Set();

/** Spawns a child that dies with us; resolves when a stdout line matches `ready` (or rejects). */
export function startService(name, cmd, args, { env, ready, timeoutMs = 60_000, quiet = false } = {}) {
  const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  child.on("exit", () => children.delete(child));
  const prefix = (line) => (quiet ? undefined : process.stdout.write(`[${name}] ${line}\n`));
  return new Promise((resolve, reject) => {
    let buffer = "";
    let done = false;
    const timer = setTimeout(() => finish(new Error(`${name} was not ready after ${timeoutMs} ms`)), timeoutMs);
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
        prefix(line);
        const m = ready ? line.match(ready) : null;
        if (m) finish(null, m);
      }
    });
    child.stderr.on("data", (chunk) => {
      for (const line of chunk.toString().split("\n")) if (line.trim()) process.stderr.write(`[${name}] ${line}\n`);
    });
    child.on("exit", (code) => finish(new Error(`${name} exited with code ${code} before it was ready`)));
    if (!ready) finish(null, null);
  });
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

export function stopAll(signal = "SIGTERM") {
  for (const child of children) child.kill(signal);
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

export async function startEmulator({ port = 4010, snapshot, seed, env = process.env, quiet = false }) {
  const args = ["--port", String(port)];
  if (snapshot) args.push("--snapshot", snapshot);
  if (seed !== undefined) args.push("--seed", String(seed));
  // `node --import tsx` rather than the tsx launcher, so that the emulator is our direct child.
  const { child, match } = await startService("emulator", process.execPath, ["--import", "tsx", path.join(ROOT, "emulator/cli.ts"), ...args], {
    env,
    ready: /emulator listening on (http:\/\/\S+)/,
    quiet,
  });
  return { child, url: match[1] };
}

export function seedDemo(env) {
  // The demo seed refuses NODE_ENV=production; the e2e stack serves a production build of a demo Hub.
  const seedEnv = { ...env, NODE_ENV: env.NODE_ENV === "production" ? "test" : env.NODE_ENV };
  return run("seed demo", bin("tsx"), ["--conditions=react-server", "--tsconfig", "tsconfig.json", "scripts/seed-demo.ts"], { env: seedEnv });
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
    const header = fs.existsSync(file) ? "" : "# Generated by `npm run dev` for local development. Never use these in production.\n";
    fs.appendFileSync(file, header + added.join("\n") + "\n", { mode: 0o600 });
  }
  return { ...readEnvFile(path.join(ROOT, ".env")), ...readEnvFile(file) };
}
