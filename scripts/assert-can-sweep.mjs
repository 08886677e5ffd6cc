// Proves that every permission check in lib/services is under test: deletes each `assertCan(...)`
// line on its own, runs the given integration tests, puts the line back, and reports the deletions
// no test caught (exit code 1 if any). One database and one emulator serve every run.
//
//   node scripts/assert-can-sweep.mjs [test files…]
//   (default: tests/integration/services/service-matrix.test.ts)
//   SWEEP_FILTER=sso/update node scripts/assert-can-sweep.mjs   only the checks in matching files
//
// CPU heavy (one jest run per check): run it once, not in CI loops. The working tree is restored
// after each run, and on Ctrl-C.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, startEmulator, startPglite, stopAll } from "./lib/stack.mjs";

const REPORT = path.join(os.tmpdir(), `assert-can-sweep-${process.pid}.json`);
const tests = process.argv.slice(2);
if (tests.length === 0) tests.push("tests/integration/services/service-matrix.test.ts");

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}

const checks = walk(path.join(ROOT, "lib/services"))
  .filter((f) => f.endsWith(".ts"))
  .flatMap((file) =>
    fs
      .readFileSync(file, "utf8")
      .split("\n")
      .map((text, index) => ({ file, line: index + 1, text }))
      .filter(({ text }) => /^\s*assertCan\(.*\);\s*$/.test(text)),
  )
  // SWEEP_FILTER=<text>: only the checks whose file path contains it (to try the script quickly).
  .filter(({ file }) => file.includes(process.env.SWEEP_FILTER ?? ""));

let restore = null;
const cleanup = () => {
  restore?.();
  fs.rmSync(REPORT, { force: true });
  stopAll();
};
process.on("SIGINT", () => {
  cleanup();
  process.exit(130);
});

const db = await startPglite({ dataDir: "memory://", port: 0, quiet: true });
const emulator = await startEmulator({ port: 0, seed: 1, quiet: true });
// With DATABASE_URL and EMULATOR_URL set, the integration global setup reuses both (and migrates).
const env = { ...process.env, DATABASE_URL: db.url, DB_POOL_MAX: "2", EMULATOR_URL: emulator.url };

function runTests() {
  const res = spawnSync(
    path.join(ROOT, "node_modules/.bin/jest"),
    [...tests, "--selectProjects", "integration", "--json", "--outputFile", REPORT],
    { cwd: ROOT, env, stdio: ["ignore", "ignore", "ignore"] },
  );
  const report = JSON.parse(fs.readFileSync(REPORT, "utf8"));
  return { status: res.status, failed: report.numFailedTests, total: report.numTotalTests };
}

const results = [];
try {
  const baseline = runTests();
  console.log(`baseline: ${baseline.total} tests, ${baseline.failed} failing (${tests.join(", ")})`);
  if (baseline.failed > 0 || baseline.status !== 0)
    throw new Error("the tests fail before any deletion: fix them first");

  for (const check of checks) {
    const original = fs.readFileSync(check.file, "utf8");
    restore = () => fs.writeFileSync(check.file, original);
    const lines = original.split("\n");
    lines.splice(check.line - 1, 1);
    fs.writeFileSync(check.file, lines.join("\n"));
    const started = Date.now();
    const outcome = runTests();
    restore();
    restore = null;
    const where = `${path.relative(ROOT, check.file)}:${check.line}  ${check.text.trim()}`;
    const caught = outcome.failed > 0;
    results.push({ where, caught });
    console.log(
      `${caught ? "caught    " : "NOT CAUGHT"} ${where}  (${outcome.failed} failing tests, ${Math.round((Date.now() - started) / 1000)} s)`,
    );
  }
} finally {
  cleanup();
}

const missed = results.filter((r) => !r.caught);
console.log(`\n${results.length - missed.length} of ${results.length} assertCan deletions caught by a failing test.`);
for (const m of missed) console.log(`  not caught: ${m.where}`);
process.exit(missed.length > 0 ? 1 : 0);
