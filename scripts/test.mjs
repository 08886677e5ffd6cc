#!/usr/bin/env node
// `npm test`: the whole suite, layer by layer — unit (jest), integration (jest: emulator over HTTP,
// services on a real database), e2e (Playwright in Debian chromium against a production build).
// `npm test -- unit|integration|e2e` runs one layer. Ends with one line "N passed, N failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const RESULTS = path.join(ROOT, ".data/test-results");
const bin = (name) => path.join(ROOT, "node_modules/.bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const isCI = process.env.CI === "true" || process.env.CI === "1";

const requested = process.argv.slice(2);
const layers = requested.length ? requested : ["unit", "integration", "e2e"];
const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];
let exitCode = 0;

fs.mkdirSync(RESULTS, { recursive: true });

function sh(cmd, args, extraEnv = {}) {
  const t0 = performance.now();
  const res = spawnSync(cmd, args, { cwd: ROOT, env: { ...env, ...extraEnv }, stdio: "inherit" });
  return { status: res.status ?? 1, seconds: ((performance.now() - t0) / 1000).toFixed(1) };
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function jestLayer(name, projects, extra = []) {
  const out = path.join(RESULTS, `${name}.json`);
  fs.rmSync(out, { force: true });
  const args = ["--selectProjects", ...projects, "--json", `--outputFile=${out}`, "--maxWorkers=2", ...extra];
  const { status, seconds } = sh(bin("jest"), args);
  const r = readJson(out);
  const passed = r?.numPassedTests ?? 0;
  const failed = (r?.numFailedTests ?? 0) + (r && r.numRuntimeErrorTestSuites ? r.numRuntimeErrorTestSuites : 0);
  const skipped = (r?.numPendingTests ?? 0) + (r?.numTodoTests ?? 0);
  record(name, status, passed, failed || (status !== 0 ? 1 : 0), skipped, seconds);
}

function record(name, status, passed, failed, skipped, seconds) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  if (status !== 0) exitCode = 1;
  summary.push(
    `${name.padEnd(12)} ${passed} passed, ${failed} failed, ${skipped} skipped (${seconds}s)${status !== 0 ? "  ✗" : ""}`,
  );
}

function e2eLayer() {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(chromium)) {
    const msg = `\n!!! E2E SKIPPED: no chromium at ${chromium}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.\n`;
    console.error(msg);
    if (isCI) {
      record("e2e", 1, 0, 1, 0, "0");
    } else {
      summary.push("e2e          SKIPPED: no browser on this machine");
    }
    return;
  }
  console.log("\n[test] building the production app for e2e (next build)…");
  const build = sh(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"]);
  if (build.status !== 0) {
    record("e2e", 1, 0, 1, 0, build.seconds);
    return;
  }
  const out = path.join(RESULTS, "e2e.json");
  fs.rmSync(out, { force: true });
  const { status, seconds } = sh(bin("playwright"), ["test"]);
  const r = readJson(out);
  const s = r?.stats ?? {};
  const failed = (s.unexpected ?? 0) + (r?.errors?.length ?? 0);
  record("e2e", status, (s.expected ?? 0) + (s.flaky ?? 0), failed || (status !== 0 ? 1 : 0), s.skipped ?? 0, seconds);
}

for (const layer of layers) {
  console.log(`\n[test] ── ${layer} ──`);
  if (layer === "unit") jestLayer("unit", ["unit"]);
  else if (layer === "integration") jestLayer("integration", ["emulator", "integration"]);
  else if (layer === "e2e") e2eLayer();
  else {
    console.error(`unknown layer "${layer}" (unit, integration, e2e)`);
    process.exit(2);
  }
}

console.log("\n[test] summary");
for (const line of summary) console.log(`  ${line}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);
