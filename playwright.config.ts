import { randomBytes } from "node:crypto";
import { defineConfig } from "@playwright/test";

// Debian's chromium (Playwright cannot download its own browser offline).
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const port = Number(process.env.E2E_PORT ?? 3300);
// Fixed ports so the tests can reach the stack's database (to seed fresh users) and the emulator's
// control API (to settle payouts, inject faults) through E2E_DATABASE_URL and E2E_EMULATOR_URL.
const dbPort = Number(process.env.E2E_PGLITE_PORT ?? 5733);
const emulatorPort = Number(process.env.E2E_EMULATOR_PORT ?? 4310);
process.env.E2E_DATABASE_URL = `postgresql://postgres@127.0.0.1:${dbPort}/postgres?sslmode=disable`;
process.env.E2E_EMULATOR_URL = `http://127.0.0.1:${emulatorPort}`;

// Secrets for the throwaway e2e stack; the web server and the tests share them through the env.
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
process.env.DEMO_OWNER_PASSWORD ??= "e2e-owner-password-" + randomBytes(4).toString("hex");

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".data/test-results/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: "chromium",
    headless: true,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `http://localhost:${port}/sign-in`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    env: { E2E_PORT: String(port), E2E_PGLITE_PORT: String(dbPort), E2E_EMULATOR_PORT: String(emulatorPort) },
  },
});
