// `npm run dev` (scripts/dev.mjs) either starts the whole stack and says so, or says why it cannot,
// stops what it started and exits 1. Real processes: PGlite, the emulator and `next dev` in this
// checkout (so no other `next dev` may run in this checkout meanwhile). The warm-up is switched off
// (DEV_WARM_UP=0) and the stacks run at low priority to spare the CPU; the banner still waits for
// the app to answer HTTP.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, "../../..");
const BANNER = "MANGOPAY Dashboard is up";

type Ports = { app: number; db: number; emulator: number };
type Run = { child: ChildProcess; output: () => string; exited: Promise<number | null>; marker: string };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function freePorts(): Promise<Ports> {
  return { app: await freePort(), db: await freePort(), emulator: await freePort() };
}

async function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
}

const dataDirs: string[] = [];

/** Starts scripts/dev.mjs; every process it starts inherits DEV_START_TEST_MARKER=<marker>. */
function startDev(ports: Ports, marker: string): Run {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dev-start-"));
  dataDirs.push(dataDir);
  const child = spawn(process.execPath, [path.join(ROOT, "scripts/dev.mjs")], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "development",
      PORT: String(ports.app),
      PGLITE_PORT: String(ports.db),
      EMULATOR_PORT: String(ports.emulator),
      DEV_DATA_DIR: dataDir,
      DEV_WARM_UP: "0",
      DATABASE_URL: "", // the embedded database and emulator, whatever the test layer or .env.local use
      EMULATOR_URL: "",
      AUTH_SECRET: "dev-start-test-secret-dev-start-test-secret",
      ENCRYPTION_KEY: Buffer.alloc(32, 3).toString("base64"),
      DEMO_OWNER_PASSWORD: "dev-start-test-password",
      DEV_START_TEST_MARKER: marker,
    },
  });
  // Low CPU priority, inherited by everything it starts: `next dev` compiling must not starve the
  // tests that run beside this one.
  if (child.pid) os.setPriority(child.pid, 10);
  let output = "";
  child.stdout!.on("data", (c) => (output += c));
  child.stderr!.on("data", (c) => (output += c));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited, marker };
}

async function untilBannerOrExit(run: Run): Promise<void> {
  const deadline = Date.now() + 280_000;
  while (!run.output().includes(BANNER)) {
    if (run.child.exitCode !== null) throw new Error(`npm run dev exited ${run.child.exitCode}:\n${run.output()}`);
    if (Date.now() > deadline) throw new Error(`no banner:\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Command lines of the live processes that carry this run's marker in their environment. */
function processesOf(marker: string): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const environ = fs.readFileSync(`/proc/${pid}/environ`, "utf8");
      if (!environ.split("\0").includes(`DEV_START_TEST_MARKER=${marker}`)) continue;
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      if (stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z")) continue; // exited, not yet reaped
      found.push(`${pid}: ${fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ")}`);
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/** processesOf, after up to 10 s for processes that end by themselves (Next.js's telemetry flush). */
async function remainingOf(marker: string): Promise<string[]> {
  const deadline = Date.now() + 10_000;
  let left = processesOf(marker);
  while (left.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    left = processesOf(marker);
  }
  return left;
}

let first: Run | undefined;
let firstPorts: Ports;

afterAll(async () => {
  if (first && first.child.exitCode === null) {
    first.child.kill("SIGTERM");
    await first.exited;
  }
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

// It starts its own embedded database whatever DATABASE_URL says: CI's second integration run on
// PostgreSQL would only repeat it.
const describeOnce = process.env.TEST_DB_KIND === "postgres" ? describe.skip : describe;

describeOnce("npm run dev", () => {
  it("is up only once the app answers, and a second start on the same ports exits 1 naming them, with no banner and nothing left running", async () => {
    firstPorts = await freePorts();
    first = startDev(firstPorts, `first-${process.pid}`);
    await untilBannerOrExit(first);
    const signIn = await fetch(`http://127.0.0.1:${firstPorts.app}/sign-in`);
    expect(signIn.status).toBe(200);
    expect(await signIn.text()).toContain("Sign in");

    const second = startDev(firstPorts, `second-${process.pid}`);
    expect(await second.exited).toBe(1);
    const out = second.output();
    expect(out).toContain(`port ${firstPorts.app} on 127.0.0.1 (the app) is already in use`);
    expect(out).toContain(`port ${firstPorts.db} on 127.0.0.1 (the embedded database) is already in use`);
    expect(out).toContain(`port ${firstPorts.emulator} on 127.0.0.1 (the MANGOPAY emulator) is already in use`);
    expect(out).not.toContain(BANNER);
    expect(await remainingOf(second.marker)).toEqual([]);

    // The first stack is untouched by the failed second start.
    expect(first.child.exitCode).toBeNull();
    expect((await fetch(`http://127.0.0.1:${firstPorts.app}/sign-in`)).status).toBe(200);
  });

  it("when next dev refuses to start after the database and emulator did, it names the cause and stops both", async () => {
    expect(first?.child.exitCode).toBeNull(); // its `next dev` holds this checkout's dev-server lock
    const ports = await freePorts();
    const third = startDev(ports, `third-${process.pid}`);
    expect(await third.exited).toBe(1);
    const out = third.output();
    expect(out).toContain("[dev] embedded database ready"); // it did get past the database…
    expect(out).toContain("Another next dev server is already running");
    expect(out).toMatch(/PID:\s+\d+/); // …and quotes Next.js on which process holds the checkout
    expect(out).toMatch(/\[dev\] stopping db, emulator/);
    expect(out).not.toContain(BANNER);
    expect(await remainingOf(third.marker)).toEqual([]);
    expect(await isFree(ports.db)).toBe(true);
    expect(await isFree(ports.emulator)).toBe(true);
  });

  it("Ctrl-C (SIGTERM) stops every part and frees every port", async () => {
    expect(first?.child.exitCode).toBeNull();
    first!.child.kill("SIGTERM");
    expect(await first!.exited).toBe(0);
    expect(await remainingOf(first!.marker)).toEqual([]);
    for (const port of [firstPorts.app, firstPorts.db, firstPorts.emulator]) expect(await isFree(port)).toBe(true);
  });

  it("a port held by another program is named with its holder before anything starts", async () => {
    const ports = await freePorts();
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(ports.app, "127.0.0.1", resolve));
    try {
      const run = startDev(ports, `squatted-${process.pid}`);
      expect(await run.exited).toBe(1);
      const out = run.output();
      expect(out).toContain(`port ${ports.app} on 127.0.0.1 (the app) is already in use by pid ${process.pid}`);
      expect(out).toContain("set PORT to another port");
      expect(out).not.toContain("embedded database ready");
      expect(out).not.toContain(BANNER);
      expect(await remainingOf(run.marker)).toEqual([]);
    } finally {
      squatter.close();
    }
  });
});
