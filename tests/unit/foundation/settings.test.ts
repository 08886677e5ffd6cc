/** @jest-environment node */
import { randomBytes } from "node:crypto";
import { settingsProblems } from "@/lib/server/env";

const valid = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://app@db:5432/app",
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  APP_URL: "https://dashboard.example.com",
} as const;
const names = (env: Record<string, string | undefined>) =>
  settingsProblems(env as NodeJS.ProcessEnv).map((p) => p.variable);

describe("start-up settings check", () => {
  it("accepts a complete production configuration", () => {
    expect(settingsProblems(valid)).toEqual([]);
  });

  it("names each missing or invalid variable", () => {
    expect(names({ ...valid, DATABASE_URL: undefined })).toEqual(["DATABASE_URL"]);
    expect(names({ ...valid, AUTH_SECRET: "short" })).toEqual(["AUTH_SECRET"]);
    expect(names({ ...valid, ENCRYPTION_KEY: undefined })).toEqual(["ENCRYPTION_KEY"]);
    expect(names({ ...valid, ENCRYPTION_KEY: "dG9vIHNob3J0" })).toEqual(["ENCRYPTION_KEY"]);
    expect(names({ ...valid, APP_URL: undefined })).toEqual(["APP_URL"]);
    expect(names({ ...valid, LOG_LEVEL: "loud" })).toEqual(["LOG_LEVEL"]);
    expect(names({ ...valid, MIGRATE_ON_START: "yes" })).toEqual(["MIGRATE_ON_START"]);
    expect(names({ ...valid, SETUP_TOKEN: "short" })).toEqual(["SETUP_TOKEN"]);
  });

  it("takes ENCRYPTION_KEYS instead of ENCRYPTION_KEY and reports a bad entry without the key", () => {
    const key = randomBytes(32).toString("base64");
    expect(
      settingsProblems({
        ...valid,
        ENCRYPTION_KEY: undefined,
        ENCRYPTION_KEYS: `2026:${key},old:${randomBytes(32).toString("base64")}`,
      }),
    ).toEqual([]);
    const bad = settingsProblems({ ...valid, ENCRYPTION_KEY: undefined, ENCRYPTION_KEYS: `2026:${key},old:abcd` });
    expect(bad).toEqual([
      { variable: "ENCRYPTION_KEYS", message: 'ENCRYPTION_KEYS key "old" must be 32 bytes, base64-encoded' },
    ]);
    expect(JSON.stringify(bad)).not.toContain(key);
  });

  it("treats an empty variable as unset (compose files write KEY: ${KEY:-})", () => {
    expect(settingsProblems({ ...valid, SETUP_TOKEN: "", LOG_LEVEL: "", ENCRYPTION_KEYS: "" })).toEqual([]);
  });

  it("does not require APP_URL outside production", () => {
    expect(names({ ...valid, NODE_ENV: "development", APP_URL: undefined })).toEqual([]);
  });
});
