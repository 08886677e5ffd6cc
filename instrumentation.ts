import type { Instrumentation } from "next";

// Next.js calls register() once per server process before it serves (next start and the standalone
// server.js alike): settings check, request log, migrations, first-run notice (lib/server/startup.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/server/startup");
  await startServer();
  // After migrations: report schedules on the job queue (JOBS_ENABLED, lib/services/background.ts).
  const { startBackgroundJobs } = await import("./lib/services/background");
  await startBackgroundJobs();
  // Once a minute, settles money operations a crash left PENDING (lib/services/operations/sweep.ts).
  const { ensureOperationSweep } = await import("./lib/services/operations/sweep");
  ensureOperationSweep();
  // Webhook pings answered before Next.js by the production server (scripts/start.mjs).
  const { offerWebhookDoor } = await import("./lib/services/mirror/webhook-door");
  offerWebhookDoor();
}

// One JSON line per server error, with the request id the user can quote (the error pages show it).
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logServerError } = await import("./lib/server/error-log");
  logServerError(error, request, context);
};
