// `npm run db:migrate`: applies pending migrations under the same advisory lock the server takes at
// start (lib/server/migrate.ts). For upgrades run with MIGRATE_ON_START=false, or to migrate first.
import { env } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";
import { migrate } from "@/lib/server/migrate";

try {
  const result = await migrate({
    connectionString: env().DATABASE_URL,
    log: (msg, fields) => logger.info(fields ?? {}, msg),
  });
  logger.info(result, "database migrations up to date");
} catch (err) {
  logger.error({ err: err instanceof Error ? err.message : String(err) }, "database migrations failed");
  process.exitCode = 1;
}
