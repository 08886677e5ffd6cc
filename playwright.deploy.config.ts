import { randomBytes } from "node:crypto";
import { defineConfig } from "@playwright/test";
import base, { CHROMIUM_PATH } from "./playwright.config";

// The deploy check: the first run of a real installation, through the standalone server on the
// machine's PostgreSQL (scripts/deploy-check-server.mjs). Needs `npm run build` first.
const port = Number(process.env.E2E_PORT ?? 3380);
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
process.env.SETUP_TOKEN ??= randomBytes(24).toString("base64url");

export default defineConfig({
  ...base,
  testDir: "tests/e2e-deploy",
  retries: 0,
  reporter: [["list"], ["json", { outputFile: ".data/test-results/e2e-deploy.json" }]],
  use: {
    ...base.use,
    baseURL: `http://localhost:${port}`,
    launchOptions: { ...base.use?.launchOptions, executablePath: CHROMIUM_PATH },
  },
  webServer: {
    command: "node scripts/deploy-check-server.mjs",
    url: `http://localhost:${port}/api/health/ready`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    // SIGTERM (not the default SIGKILL) so the server script drops its database on the way out.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: { E2E_PORT: String(port), E2E_EMULATOR_PORT: process.env.E2E_EMULATOR_PORT ?? "0" },
  },
});
