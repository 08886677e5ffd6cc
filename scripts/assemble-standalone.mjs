#!/usr/bin/env node
// After `next build` and scripts/build-worker.mjs: completes .next/standalone with what Next.js does
// not trace into it — the static assets, `public/`, the SQL migrations the server applies at start —
// the start entry (scripts/start.mjs as start.mjs: the signed client-IP server that `npm start` also
// runs; Next's own server.js would leave the app without the TCP peer's address) and the jobs worker
// (.next/worker/worker.mjs as worker.mjs; the packages it leaves external are the server's too). The Dockerfile and CI both run it
// through `npm run build`, so the image and the CI check start the same tree with the same command.
import fs from "node:fs";
import path from "node:path";
import { WORKER_EXTERNALS } from "./build-worker.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const out = path.join(ROOT, ".next/standalone");
if (!fs.existsSync(path.join(out, "server.js"))) {
  console.error('No .next/standalone/server.js: run `next build` with output: "standalone" first.');
  process.exit(1);
}
const copies = [
  [".next/static", ".next/static"],
  ["public", "public"],
  ["prisma/migrations", "prisma/migrations"],
];
for (const [from, to] of copies) {
  const src = path.join(ROOT, from);
  if (!fs.existsSync(src)) continue;
  fs.rmSync(path.join(out, to), { recursive: true, force: true });
  fs.cpSync(src, path.join(out, to), { recursive: true });
}
fs.copyFileSync(path.join(ROOT, "scripts/start.mjs"), path.join(out, "start.mjs"));
const worker = path.join(ROOT, ".next/worker/worker.mjs");
if (!fs.existsSync(worker)) {
  console.error("No .next/worker/worker.mjs: run `node scripts/build-worker.mjs` first.");
  process.exit(1);
}
fs.copyFileSync(worker, path.join(out, "worker.mjs"));
// Every package the worker leaves external must be in the tree, as the server's own trace put it there.
const missing = WORKER_EXTERNALS.filter((name) => !fs.existsSync(path.join(out, "node_modules", name, "package.json")));
if (missing.length > 0) {
  console.error(`The standalone tree lacks what worker.mjs imports: ${missing.join(", ")}`);
  process.exit(1);
}
console.log(`standalone server ready: node ${path.relative(ROOT, out)}/start.mjs (jobs worker: worker.mjs)`);
