#!/usr/bin/env node
// `npm run screenshots`: the README's pictures. Starts the demo stack on its own ports (the e2e
// stack: throwaway PGlite, the emulator with seed 1, the demo Hub, `next start`), signs in as the
// demo Owner in Debian's chromium and writes one PNG per page of PAGES into docs/screenshots/.
// A page that does not exist yet (404) is skipped, so the script runs on any branch; the README's
// picture block is rewritten to show the images that exist. Re-run it when pages change and commit.
//
//   npm run screenshots                    next build, then write docs/screenshots/*.png
//   npm run screenshots -- --no-build      use the existing production build (.next)
//   npm run screenshots -- --check         write into a temporary directory and compare with the
//                                          committed images: same dimensions, byte size within 3×
//                                          (CI: the pages still render and look like their pictures)
//   ports: SCREENSHOTS_PORT (3370), SCREENSHOTS_PGLITE_PORT (5770), SCREENSHOTS_EMULATOR_PORT (4470)
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";

const ROOT = path.resolve(import.meta.dirname, "..");
const COMMITTED = path.join(ROOT, "docs/screenshots");
const VIEWPORT = { width: 1280, height: 800 };
const SIZE_FACTOR = 3;

/**
 * The pictures, in README order. `path` gets the ids found in the demo data (see demoIds); `ready`
 * is a locator that the page shows once its data is there.
 */
const PAGES = [
  {
    name: "hub",
    caption: "The Hub: API accounts",
    path: () => "/hub",
    ready: (p) => p.getByRole("heading", { name: "API accounts" }),
  },
  {
    name: "dashboard-home",
    caption: "A dashboard home",
    path: (ids) => `/accounts/${ids.account}`,
    ready: (p) => p.locator("main"),
  },
  {
    name: "user-profile",
    caption: "A user profile",
    path: (ids) => `/accounts/${ids.account}/users/${ids.kycRefusedUser}`,
    ready: (p) => p.locator("main"),
  },
  {
    name: "dispute",
    caption: "A dispute awaiting the platform",
    path: (ids) => `/accounts/${ids.account}/disputes/${ids.dispute}`,
    ready: (p) => p.locator("main"),
  },
];

const args = new Set(process.argv.slice(2));
const check = args.has("--check");
const outDir = check ? fs.mkdtempSync(path.join(os.tmpdir(), "screenshots-")) : COMMITTED;
const port = Number(process.env.SCREENSHOTS_PORT ?? 3370);
const password = `screenshots-${randomBytes(6).toString("hex")}`;
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  DEMO_OWNER_PASSWORD: password,
  E2E_PORT: String(port),
  E2E_PGLITE_PORT: process.env.SCREENSHOTS_PGLITE_PORT ?? "5770",
  E2E_EMULATOR_PORT: process.env.SCREENSHOTS_EMULATOR_PORT ?? "4470",
};
delete env.DATABASE_URL;
delete env.EMULATOR_URL;

function log(line) {
  console.log(`[screenshots] ${line}`);
}

/** Starts scripts/e2e-server.mjs; resolves with its emulator URL once the app is ready. */
function startStack() {
  const child = spawn(process.execPath, [path.join(ROOT, "scripts/e2e-server.mjs")], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const ready = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const emulator = output.match(/\[e2e\] emulator (\S+)/)?.[1];
      if (emulator && output.includes("[e2e] ready on")) resolve(emulator);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("exit", (code) => reject(new Error(`the demo stack exited (${code}) before it was ready:\n${output}`)));
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", resolve);
      child.kill("SIGTERM");
    });
  const tail = () => output.trim().split("\n").slice(-30).join("\n");
  return { ready, stop, tail };
}

/** GETs a MANGOPAY API list of the demo marketplace client from the emulator. */
async function mangopayList(emulatorUrl, client, resource) {
  const basic = Buffer.from(`${client.ClientId}:${client.ApiKey}`).toString("base64");
  const tokenRes = await fetch(`${emulatorUrl}/v2.01/oauth/token`, {
    method: "POST",
    headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  });
  const { access_token: token } = await tokenRes.json();
  const res = await fetch(`${emulatorUrl}/v2.01/${client.ClientId}/${resource}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`emulator answered ${res.status} on ${resource}`);
  return res.json();
}

/** The ids the pages need: the dashboard of "Demo Marketplace", a user, a dispute. */
async function demoIds(page, emulatorUrl) {
  await page.goto("/hub");
  const href = await page
    .getByTestId("api-account")
    .filter({ hasText: "Demo Marketplace" })
    .getByRole("link", { name: "Dashboard" })
    .getAttribute("href");
  const account = href?.match(/^\/accounts\/([^/?#]+)/)?.[1];
  if (!account) throw new Error(`no dashboard link for "Demo Marketplace" on the Hub (href ${href})`);
  const clients = await (await fetch(`${emulatorUrl}/_emulator/clients`)).json();
  const client = clients.find((c) => c.ClientId === "demo-marketplace");
  const [refused] = await mangopayList(
    emulatorUrl,
    client,
    "kyc/documents?Status=REFUSED&per_page=1&Sort=CreationDate:DESC",
  );
  const [dispute] = await mangopayList(
    emulatorUrl,
    client,
    "disputes?Status=PENDING_CLIENT_ACTION&per_page=1&Sort=CreationDate:DESC",
  );
  return { account, kycRefusedUser: refused?.UserId, dispute: dispute?.Id };
}

/** Rewrites the README's picture block (between its two markers) to show the images that exist. */
function updateReadme() {
  const file = path.join(ROOT, "README.md");
  const readme = fs.readFileSync(file, "utf8");
  const start = "<!-- screenshots:start (npm run screenshots rewrites this block) -->";
  const end = "<!-- screenshots:end -->";
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) return log("README.md has no screenshots block: left alone");
  const shots = PAGES.filter((p) => fs.existsSync(path.join(COMMITTED, `${p.name}.png`)));
  const cells = shots.map(
    (p) =>
      `<td width="50%"><img src="docs/screenshots/${p.name}.png" alt="${p.caption}"><br><sub>${p.caption}</sub></td>`,
  );
  const rows = [];
  for (let i = 0; i < cells.length; i += 2) rows.push(`<tr>${cells.slice(i, i + 2).join("")}</tr>`);
  const block = `${start}\n<table>\n${rows.join("\n")}\n</table>\n${end}`;
  fs.writeFileSync(file, readme.slice(0, from) + block + readme.slice(to + end.length));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file) {
  const b = fs.readFileSync(file);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), bytes: b.length };
}

function compare(taken) {
  const problems = [];
  for (const { name } of PAGES) {
    const committed = path.join(COMMITTED, `${name}.png`);
    const fresh = path.join(outDir, `${name}.png`);
    const has = { committed: fs.existsSync(committed), fresh: taken.includes(name) };
    if (!has.committed && !has.fresh) continue;
    if (has.committed && !has.fresh) {
      problems.push(`${name}: docs/screenshots/${name}.png is committed but the page no longer renders`);
      continue;
    }
    if (!has.committed) {
      log(`${name}: the page exists now but has no committed picture; run npm run screenshots and commit it`);
      continue;
    }
    const a = pngSize(committed);
    const b = pngSize(fresh);
    if (a.width !== b.width || a.height !== b.height)
      problems.push(`${name}: ${b.width}×${b.height}, committed ${a.width}×${a.height}`);
    else if (b.bytes * SIZE_FACTOR < a.bytes || b.bytes > a.bytes * SIZE_FACTOR)
      problems.push(`${name}: ${b.bytes} bytes, committed ${a.bytes} (more than ${SIZE_FACTOR}× apart)`);
    else log(`${name}: ${b.width}×${b.height}, ${b.bytes} bytes (committed ${a.bytes}) ✓`);
  }
  return problems;
}

if (!args.has("--no-build") && !check) {
  log("next build…");
  const build = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
    cwd: ROOT,
    env,
    stdio: "inherit",
  });
  if (build.status !== 0) process.exit(1);
}
if (!fs.existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
  console.error("[screenshots] no production build in .next: run without --no-build (or next build first)");
  process.exit(1);
}

const stack = startStack();
let browser;
let exitCode = 0;
try {
  const emulatorUrl = await stack.ready;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--hide-scrollbars"],
  });
  const context = await browser.newContext({
    baseURL: `http://localhost:${port}`,
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    colorScheme: "light",
  });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("owner@demo.test");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/hub$/);
  const ids = await demoIds(page, emulatorUrl);
  fs.mkdirSync(outDir, { recursive: true });
  const taken = [];
  for (const shot of PAGES) {
    const url = shot.path(ids);
    if (url.includes("/undefined")) {
      log(`${shot.name}: skipped, the demo data has nothing to show (${url})`);
      continue;
    }
    const res = await page.goto(url);
    if (res?.status() === 404) {
      log(`${shot.name}: skipped, ${url} does not exist yet (404)`);
      continue;
    }
    if (!res || res.status() >= 400) {
      // The other pictures are still taken; the run fails at the end.
      console.error(`[screenshots] ✗ ${shot.name}: ${url} answered ${res?.status()}`);
      exitCode = 1;
      continue;
    }
    await shot.ready(page).first().waitFor();
    // Most pages go quiet; one that keeps a request open (streaming, polling) gets 5 s.
    await page.waitForLoadState("networkidle", { timeout: 5000 }).catch(() => {});
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(outDir, `${shot.name}.png`), animations: "disabled", caret: "hide" });
    taken.push(shot.name);
    log(`${shot.name}: ${url} → ${path.relative(ROOT, path.join(outDir, `${shot.name}.png`))}`);
  }
  if (!check) updateReadme();
  if (check) {
    const problems = compare(taken);
    for (const p of problems) console.error(`[screenshots] ✗ ${p}`);
    if (problems.length) exitCode = 1;
  }
} catch (err) {
  console.error(`[screenshots] ${err instanceof Error ? err.message : err}`);
  exitCode = 1;
} finally {
  if (exitCode) console.error(`[screenshots] the demo stack's last output:\n${stack.tail()}`);
  await browser?.close();
  await stack.stop();
  if (check) fs.rmSync(outDir, { recursive: true, force: true });
}
process.exit(exitCode);
