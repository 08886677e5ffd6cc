// How long a newcomer waits: `npm run dev` on a fresh checkout state (no .next, no .data) until the
// banner, then the first sign-in in chromium until the Hub shows, then the first dashboard home.
// Own ports (BENCH_PORT…) and its own data directory, so it runs next to a developer's `npm run dev`.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";

const ROOT = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.BENCH_PORT ?? 3390);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-dev-"));
const password = "bench-owner-password";
const env = {
  ...process.env,
  PORT: String(port),
  PGLITE_PORT: String(process.env.BENCH_PGLITE_PORT ?? 5790),
  EMULATOR_PORT: String(process.env.BENCH_EMULATOR_PORT ?? 4490),
  DEV_DATA_DIR: dataDir,
  DEMO_OWNER_PASSWORD: password,
  AUTH_SECRET: "bench-auth-secret-bench-auth-secret-0123456789",
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};
delete env.DATABASE_URL;
delete env.EMULATOR_URL;

// Its cold start deletes .next/dev: not while a `next dev` of this checkout is using it.
for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
  try {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    if (/next(\/dist\/bin\/next)?\0dev|next-server/.test(cmd) && fs.readlinkSync(`/proc/${pid}/cwd`) === ROOT) {
      console.error(`a next dev server (pid ${pid}) runs in this checkout: stop it first`);
      process.exit(1);
    }
  } catch {
    // not ours to read, or gone
  }
}
fs.rmSync(path.join(ROOT, ".next/dev"), { recursive: true, force: true }); // cold compile, as on a fresh clone
const t0 = performance.now();
const dev = spawn(process.execPath, [path.join(ROOT, "scripts/dev.mjs")], {
  cwd: ROOT,
  env,
  stdio: ["ignore", "pipe", "inherit"],
});
let output = "";
const banner = await new Promise((resolve, reject) => {
  dev.stdout.on("data", (c) => {
    output += c;
    if (output.includes("MANGOPAY Dashboard is up")) resolve(performance.now() - t0);
  });
  dev.on("exit", (code) => reject(new Error(`npm run dev exited (${code}) before its banner:\n${output}`)));
});
const seconds = (ms) => (ms / 1000).toFixed(1);
const rows = [["banner printed", banner]];
let browser;
try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const page = await browser.newPage();
  let t = performance.now();
  await page.goto(`http://localhost:${port}/sign-in`);
  await page.getByLabel("Email").fill("owner@demo.test");
  rows.push(["sign-in page shown", performance.now() - t]);
  await page.getByLabel("Password").fill(password);
  t = performance.now();
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "API accounts" }).waitFor({ timeout: 180_000 });
  rows.push(["sign-in → Hub shown", performance.now() - t]);
  t = performance.now();
  await page.getByRole("link", { name: "Dashboard" }).first().click();
  await page.waitForURL(/\/accounts\/[^/]+/, { timeout: 180_000 });
  await page.waitForLoadState("load");
  rows.push(["Hub → dashboard home shown", performance.now() - t]);
} finally {
  await browser?.close();
  dev.kill("SIGTERM");
  await new Promise((r) => dev.once("exit", r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log("| step (fresh .next, fresh data) | seconds |\n| --- | --- |");
for (const [name, ms] of rows) console.log(`| ${name} | ${seconds(ms)} |`);
