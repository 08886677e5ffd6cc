/** @jest-environment node */
// `prisma migrate deploy` and `migrate diff` through the committed schema-engine stand-in
// (prisma/engine/schema-engine.mjs), on a database of its own: a fresh in-memory PGlite server, or a
// fresh database on the PostgreSQL of DATABASE_URL.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";

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

async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (process.env.TEST_DB_KIND === "postgres") {
    const base = process.env.DATABASE_URL ?? "";
    const name = `migrate_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: async () => {
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const child = spawn(process.execPath, [path.join(ROOT, "scripts/pglite-server.mjs")], {
    cwd: ROOT,
    env: { ...process.env, PGLITE_DATA_DIR: "memory://", PGLITE_PORT: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buf = "";
    child.stdout.on("data", (c: Buffer) => {
      buf += c.toString();
      const m = buf.match(/DATABASE_URL=(\S+)/);
      if (m?.[1]) resolve(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`pglite exited ${code}`)));
  });
  return {
    url,
    drop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
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
    const res = prisma(["migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--exit-code"], target.url);
    expect(res.out).not.toMatch(/Error/);
    expect(res.status).toBe(0);
  }, 120_000);

  it("reports a difference against an empty schema (the diff is real, not a no-op)", () => {
    const res = prisma(["migrate", "diff", "--from-config-datasource", "--to-empty", "--script", "--exit-code"], target.url);
    expect(res.status).toBe(2);
    expect(res.out).toMatch(/DROP TABLE "public"."User"/);
  }, 120_000);

  it("reports the migration history as up to date", () => {
    const res = prisma(["migrate", "status"], target.url);
    expect(res.out).toMatch(/Database schema is up to date/);
    expect(res.status).toBe(0);
  }, 120_000);
});
