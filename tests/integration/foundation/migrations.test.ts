/** @jest-environment node */
// `prisma migrate deploy` and `migrate diff` through the committed schema-engine stand-in
// (prisma/engine/schema-engine.mjs), on a database of its own: a fresh in-memory PGlite server, or a
// fresh database on the PostgreSQL of DATABASE_URL.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { freshDatabase } from "../support/fresh-database";

const ROOT = path.resolve(__dirname, "../../..");
const prismaBin = path.join(ROOT, "node_modules/.bin/prisma");

function prisma(args: string[], url: string) {
  const res = spawnSync(prismaBin, args, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: res.status, out: `${res.stdout}${res.stderr}` };
}

describe(`prisma migrations through the offline engine (${process.env.TEST_DB_KIND})`, () => {
  let target: { url: string; drop: () => Promise<void> };
  beforeAll(async () => {
    target = await freshDatabase();
  }, 60_000);
  afterAll(() => target?.drop());

  it("applies every migration to an empty database with migrate deploy", () => {
    const res = prisma(["migrate", "deploy"], target.url);
    expect(res.out).toMatch(/All migrations have been successfully applied|migrations? (have|has) been applied/);
    expect(res.status).toBe(0);
  }, 120_000);

  it("finds no difference between the migrated database and schema.prisma", () => {
    const res = prisma(
      ["migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--exit-code"],
      target.url,
    );
    expect(res.out).not.toMatch(/Error/);
    expect(res.status).toBe(0);
  }, 120_000);

  it("reports a difference against an empty schema (the diff is real, not a no-op)", () => {
    const res = prisma(
      ["migrate", "diff", "--from-config-datasource", "--to-empty", "--script", "--exit-code"],
      target.url,
    );
    expect(res.status).toBe(2);
    expect(res.out).toMatch(/DROP TABLE "public"."User"/);
  }, 120_000);

  it("reports the migration history as up to date", () => {
    const res = prisma(["migrate", "status"], target.url);
    expect(res.out).toMatch(/Database schema is up to date/);
    expect(res.status).toBe(0);
  }, 120_000);
});
