// V8 flags of the jobs worker (scripts/worker.ts imports this module first, so they are set before
// Prisma compiles its query compiler, which happens at the first query). Measured on the mirror
// bench's backfill (docs/mirror.md, "The backfill's memory"):
//  --liftoff-only: Prisma's query compiler is WebAssembly; V8 tiers its hot functions up with
//    TurboFan, whose compilations cost tens of MB of resident memory for no speed a job needs
//    (the worker waits on MANGOPAY and PostgreSQL). Liftoff, V8's baseline compiler, only.
//  --heap-growing-percent=50: the heap grows by at most half each time V8 enlarges it, so a burst of
//    garbage (a backfill page) does not leave a much larger heap behind.
import v8 from "node:v8";

export const WORKER_V8_FLAGS = ["--liftoff-only", "--heap-growing-percent=50"];

for (const flag of WORKER_V8_FLAGS) v8.setFlagsFromString(flag);
