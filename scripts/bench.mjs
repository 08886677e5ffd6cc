#!/usr/bin/env node
// `npm run bench`: every benchmark under bench/ (speed goals live here, not in timed tests).
// `npm run bench -- emulator` runs the ones whose name starts with "emulator". Shared code lives in
// bench/lib/. Each benchmark prints its own table.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const only = process.argv[2];
const files = fs
  .readdirSync(path.join(ROOT, "bench"))
  .filter((f) => /\.(ts|mjs)$/.test(f) && !f.startsWith("_"))
  .filter((f) => !only || f.startsWith(only))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== bench/${file} ===`);
  const res = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), [path.join("bench", file)], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (res.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
