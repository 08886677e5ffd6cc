// Three jest projects: unit (pure code, jsdom or node per docblock), emulator (the MANGOPAY emulator
// over real HTTP) and integration (services on a real database + the emulator over HTTP).
// The e2e layer is Playwright (playwright.config.ts). scripts/test.mjs runs the layers in order.
import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

const shared = {
  setupFilesAfterEnv: ["<rootDir>/tests/setup/jest.setup.ts"],
  moduleNameMapper: {
    "^@/(.*)$": "<rootDir>/$1",
    // Prisma 7's client loads its wasm query compiler with import("…/*.mjs"): use the CJS twins.
    "^@prisma/client/runtime/(.*)\\.mjs$": "@prisma/client/runtime/$1.js",
    // `server-only` throws outside a React server environment; tests call server code directly.
    "^server-only$": "<rootDir>/tests/setup/empty-module.cjs",
  },
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/.next/", "<rootDir>/tests/e2e/"],
  // The standalone server (.next/standalone) carries a copy of package.json: keep it out of the module map.
  modulePathIgnorePatterns: ["<rootDir>/.next/"],
};

async function project(name, overrides) {
  const cfg = await createJestConfig({ ...shared, ...overrides })();
  return { ...cfg, displayName: name };
}

const config = async () => ({
  // Jest reads the per-test timeout from the global config only (a project's testTimeout is ignored),
  // so the integration and emulator layers' 30 s must be set here.
  testTimeout: 30_000,
  projects: [
    await project("unit", {
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/tests/unit/**/*.test.{ts,tsx}"],
    }),
    await project("emulator", {
      testEnvironment: "node",
      testMatch: ["<rootDir>/tests/emulator/**/*.test.ts"],
    }),
    await project("integration", {
      testEnvironment: "node",
      testMatch: ["<rootDir>/tests/integration/**/*.test.ts"],
      // Real database + argon2 + HTTP on a 2-core machine: 5 s is too tight under a parallel run (testTimeout above).
      globalSetup: "<rootDir>/tests/setup/integration-global-setup.mjs",
      globalTeardown: "<rootDir>/tests/setup/integration-global-teardown.mjs",
    }),
  ],
});
export default config;
