import "server-only";
// The periodic reconciliation of PENDING operations, in process for now: started once per server
// process by instrumentation.ts, beside the job queue. A job runner can call
// reconcilePendingOperations() instead and drop this file.
import { logger } from "@/lib/server/logger";
import { env } from "@/lib/server/env";
import { reconcilePendingOperations } from "./reconcile";

const SWEEP_EVERY_MS = 60_000;
const state = globalThis as typeof globalThis & { operationSweep?: ReturnType<typeof setInterval> };

export function ensureOperationSweep(): void {
  if (state.operationSweep || env().NODE_ENV === "test") return;
  let running = false;
  state.operationSweep = setInterval(() => {
    if (running) return;
    running = true;
    reconcilePendingOperations()
      .then((r) => {
        if (r.settled > 0) logger.info({ checked: r.checked, settled: r.settled }, "pending operations reconciled");
      })
      .catch((err: unknown) =>
        logger.warn({ err: err instanceof Error ? err.message : String(err) }, "operation sweep failed"),
      )
      .finally(() => {
        running = false;
      });
  }, SWEEP_EVERY_MS);
  state.operationSweep.unref?.();
}
