// What a server or jobs worker process does once before it works (called from instrumentation.ts and
// scripts/worker.ts): refuse to start on missing or invalid settings, naming them; apply pending
// migrations under an advisory lock (MIGRATE_ON_START, on by default in production). The server also
// installs its request log and prints the first-run setup link when no Hub exists yet.
import pg from "pg";
import { logger } from "./logger";
import { migrate } from "./migrate";
import { installRequestLog } from "./request-log";
import { setupToken, setupTokenIsConfigured } from "./setup-token";
import { env, settingsProblems } from "./env";

/** Logs each missing or invalid setting by name and stops the process: a half-configured process must not run. */
export function exitOnInvalidSettings(): void {
  const problems = settingsProblems();
  if (problems.length === 0) return;
  for (const p of problems) logger.fatal({ variable: p.variable }, `invalid setting ${p.variable}: ${p.message}`);
  process.exit(1);
}

/** In production with MIGRATE_ON_START=true: applies pending migrations, or stops the process naming the failure. */
export async function migrateOnStart(): Promise<void> {
  const settings = env();
  if (settings.NODE_ENV !== "production" || settings.MIGRATE_ON_START !== "true") return;
  try {
    const result = await migrate({
      connectionString: settings.DATABASE_URL,
      log: (msg, fields) => logger.info(fields ?? {}, msg),
    });
    logger.info(
      { applied: result.applied, alreadyApplied: result.alreadyApplied, waitedMs: result.waitedMs },
      "database migrations up to date",
    );
  } catch (err) {
    logger.fatal({ err: err instanceof Error ? err.message : String(err) }, "database migrations failed; not starting");
    process.exit(1);
  }
}

export async function startServer(): Promise<void> {
  exitOnInvalidSettings();
  const settings = env();
  if (settings.NODE_ENV === "production") installRequestLog();
  await migrateOnStart();
  await announceSetup(settings.DATABASE_URL, settings.APP_URL);
}

async function announceSetup(connectionString: string, appUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  try {
    await client.connect();
    const res = await client.query(`SELECT EXISTS (SELECT 1 FROM "Hub") AS "hasHub"`);
    if (res.rows[0]?.hasHub) return;
    const base = appUrl.replace(/\/+$/, "");
    if (setupTokenIsConfigured())
      logger.warn({ setupUrl: `${base}/setup` }, "no Hub yet: open /setup with the SETUP_TOKEN you configured");
    // Printed on purpose, once, to whoever can read the server's own output (README "Deploy" → First run).
    else
      process.stdout.write(
        `\nFirst run: no Hub yet. Create it at ${base}/setup with the setup token:\n\n    ${setupToken()}\n\n`,
      );
  } catch (err) {
    logger.warn({ err: err instanceof Error ? err.message : String(err) }, "could not check for a first run");
  } finally {
    await client.end().catch(() => undefined);
  }
}
