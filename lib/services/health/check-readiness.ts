import "server-only";
import { db } from "@/lib/server/db";
import { currentJobQueue } from "@/lib/server/jobs";
import { logger } from "@/lib/server/logger";
import { pendingMigrations, type RawQuery } from "@/lib/server/migrate";

export type Readiness = {
  ready: boolean;
  checks: {
    database: "ok" | "failed";
    migrations: "ok" | "pending" | "failed" | "unknown";
    /** Only when this instance runs the job queue; reported, not required (pages work without it). */
    jobs?: "ok" | "failed";
  };
};

const TIMEOUT_MS = 3000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref(),
    ),
  ]);
}

/**
 * The database answers within 3 s and has every migration of this build. The result names checks
 * and outcomes only; causes (hosts, error texts) go to the log, never to the unauthenticated caller.
 */
export async function checkReadiness(
  query: RawQuery = (sql) => db.$queryRawUnsafe<Array<Record<string, unknown>>>(sql),
): Promise<Readiness> {
  const checks: Readiness["checks"] = { database: "failed", migrations: "unknown" };
  try {
    await withTimeout(query("SELECT 1"));
    checks.database = "ok";
    const pending = await withTimeout(pendingMigrations(query));
    checks.migrations = pending.length === 0 ? "ok" : "pending";
    if (pending.length > 0) logger.warn({ pending }, "not ready: migrations pending");
  } catch (err) {
    if (checks.database === "ok") checks.migrations = "failed";
    logger.warn({ err: err instanceof Error ? err.message : String(err), checks }, "not ready");
  }
  const queue = currentJobQueue();
  if (queue) {
    const health = await withTimeout(queue.health()).catch(() => ({ ok: false, detail: "no answer" }));
    checks.jobs = health.ok ? "ok" : "failed";
    if (!health.ok) logger.warn({ detail: health.detail }, "job queue not healthy");
  }
  return { ready: checks.database === "ok" && checks.migrations === "ok", checks };
}
