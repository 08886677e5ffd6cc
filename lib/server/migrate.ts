// Applies prisma/migrations/*/migration.sql that the database has not seen, in name order, each in
// its own transaction, while holding a PostgreSQL advisory lock: when several instances start at once
// one applies, the others wait and then find nothing to do. The ledger is Prisma's own
// `_prisma_migrations` table (same checksum), so `prisma migrate deploy/status` agree with it.
// Used by the server at start (instrumentation.ts) and by `npm run db:migrate`. No `server-only`:
// the CLI imports it too.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

// The key Prisma's schema engine locks with, so a concurrent `prisma migrate deploy` waits too.
export const MIGRATION_LOCK_KEY = 72707369;

export type MigrationFile = { name: string; checksum: string; sql: string };
export type MigrateResult = { applied: string[]; alreadyApplied: number; waitedMs: number };

export function migrationsDir(root = process.cwd()): string {
  return path.join(root, "prisma", "migrations");
}

/** The migrations shipped with this build, oldest first. */
export function readMigrations(dir = migrationsDir()): MigrationFile[] {
  // turbopackIgnore: the folder is copied next to the server (scripts/assemble-standalone.mjs), not traced.
  if (!fs.existsSync(/*turbopackIgnore: true*/ dir)) throw new Error(`No migrations folder at ${dir}`);
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(/*turbopackIgnore: true*/ path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const LEDGER_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Runs one SQL statement without parameters (a pg client or Prisma's $queryRawUnsafe). */
export type RawQuery = (sql: string) => Promise<Array<Record<string, unknown>>>;

/** Names of migrations recorded as finished (and not rolled back); [] when there is no ledger yet. */
export async function appliedMigrationNames(query: RawQuery): Promise<string[]> {
  const exists = await query(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
  if (!exists[0]?.t) return [];
  const rows = await query(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return rows.map((r) => String(r.migration_name));
}

/** Migrations of this build the database lacks ([] = up to date). */
export async function pendingMigrations(query: RawQuery, files = readMigrations()): Promise<string[]> {
  const applied = new Set(await appliedMigrationNames(query));
  return files.filter((f) => !applied.has(f.name)).map((f) => f.name);
}

export async function migrate(opts: {
  connectionString: string;
  dir?: string;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}): Promise<MigrateResult> {
  const files = readMigrations(opts.dir);
  const log = opts.log ?? (() => undefined);
  const client = new pg.Client({
    connectionString: opts.connectionString,
    application_name: "mangopay-dashboard-migrate",
  });
  await client.connect();
  try {
    const t0 = Date.now();
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    const waitedMs = Date.now() - t0;
    try {
      await client.query(LEDGER_DDL);
      const rows = await client.query<{
        migration_name: string;
        checksum: string;
        finished_at: Date | null;
        rolled_back_at: Date | null;
      }>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`);
      const failed = rows.rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
      if (failed)
        throw new Error(
          `Migration ${failed.migration_name} failed earlier and needs attention (README "Deploy" → Upgrades)`,
        );
      const done = new Map(
        rows.rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => [r.migration_name, r.checksum]),
      );
      const applied: string[] = [];
      for (const file of files) {
        const recorded = done.get(file.name);
        if (recorded !== undefined) {
          if (recorded !== file.checksum) log("migration was edited after it was applied", { migration: file.name });
          continue;
        }
        const started = Date.now();
        await client.query("BEGIN");
        try {
          await client.query(file.sql);
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
             VALUES ($1, $2, $3, $4, now(), 1)`,
            [randomUUID(), file.checksum, file.name, new Date(started)],
          );
          await client.query("COMMIT");
        } catch (err) {
          await client.query("ROLLBACK");
          throw new Error(
            `Migration ${file.name} failed and was rolled back: ${err instanceof Error ? err.message : String(err)}`,
            { cause: err },
          );
        }
        log("migration applied", { migration: file.name, durationMs: Date.now() - started });
        applied.push(file.name);
      }
      return { applied, alreadyApplied: files.length - applied.length, waitedMs };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}
