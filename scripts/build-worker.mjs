#!/usr/bin/env node
// Bundles the jobs worker (scripts/worker.ts) into one ES module, .next/worker/worker.mjs, that
// `node` runs without tsx: the `react-server` condition as Next.js's server uses it (`server-only`
// resolves to an empty module), the app's path aliases from tsconfig.json, everything bundled but
// the packages that stay in node_modules: Prisma's client runtime (it loads its WebAssembly query
// compiler at run time) and pg. Next.js keeps those two external to its server bundles as well, so
// the standalone tree holds them (scripts/assemble-standalone.mjs copies the bundle there as
// worker.mjs and checks they are present).
// `npm run build` runs it after `next build`; `node scripts/build-worker.mjs [outfile]` alone rebuilds it.
import path from "node:path";
import { build } from "esbuild";

const ROOT = path.resolve(import.meta.dirname, "..");
export const WORKER_EXTERNALS = ["@prisma/client", "pg"];

export async function buildWorker({ outfile = path.join(ROOT, ".next/worker/worker.mjs") } = {}) {
  await build({
    absWorkingDir: ROOT,
    entryPoints: [path.join(ROOT, "scripts/worker.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    conditions: ["react-server"],
    tsconfig: path.join(ROOT, "tsconfig.json"),
    external: WORKER_EXTERNALS,
    // Bundled CommonJS packages call require(): give the module one.
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
    },
    logLevel: "warning",
  });
  return outfile;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // An output path may be given (tests bundle the current sources into a place of their own).
  const out = await buildWorker(process.argv[2] ? { outfile: path.resolve(process.argv[2]) } : {});
  console.log(`jobs worker bundled: node ${path.relative(ROOT, out)}`);
}
