import { db } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";
import { pendingMigrations } from "@/lib/server/migrate";

// Readiness: the database answers and has every migration of this build. No auth; the answer names
// checks and outcomes only (no hosts, versions or error texts: those go to the log).
export const dynamic = "force-dynamic";

const TIMEOUT_MS = 3000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref()),
  ]);
}

type Check = "ok" | "failed";

export async function GET(): Promise<Response> {
  const checks: { database: Check; migrations: Check | "pending" | "unknown" } = { database: "failed", migrations: "unknown" };
  try {
    await withTimeout(db.$queryRawUnsafe("SELECT 1"));
    checks.database = "ok";
    const pending = await withTimeout(pendingMigrations((sql) => db.$queryRawUnsafe<Array<Record<string, unknown>>>(sql)));
    checks.migrations = pending.length === 0 ? "ok" : "pending";
    if (pending.length > 0) logger.warn({ pending }, "not ready: migrations pending");
  } catch (err) {
    if (checks.database === "ok") checks.migrations = "failed";
    logger.warn({ err: err instanceof Error ? err.message : String(err), checks }, "not ready");
  }
  const ready = checks.database === "ok" && checks.migrations === "ok";
  return Response.json({ status: ready ? "ok" : "unavailable", checks }, { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
