// V8 flags of the jobs worker (scripts/worker.ts imports this module first, so they are set before
// Prisma compiles its query compiler, which happens at the first query). Each was measured on the
// mirror bench's backfill of 2,000 users (docs/mirror.md, "The backfill in the jobs worker"): peak
// RSS 276 MB with neither, 268 MB with --liftoff-only alone, 215 MB with --heap-growing-percent=50
// alone, 175–177 MB with both.
//  --heap-growing-percent=50: when V8 enlarges the heap it grows it by at most half, so a burst of
//    garbage (a backfill page) does not leave a much larger heap behind.
//  --liftoff-only: Prisma's query compiler is WebAssembly; V8 tiers its hot functions up with
//    TurboFan, whose compilations take tens of MB of resident memory. Liftoff, V8's baseline
//    compiler, only: slower WebAssembly (the bench's rows/s were 198–240 with both flags against 273
//    with neither, on a shared machine whose load varied between the runs).
import v8 from "node:v8";

export const WORKER_V8_FLAGS = ["--liftoff-only", "--heap-growing-percent=50"];

for (const flag of WORKER_V8_FLAGS) v8.setFlagsFromString(flag);
