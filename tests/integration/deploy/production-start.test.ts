/** @jest-environment node */
// Production start: migrations at start under an advisory lock, and the health endpoints.
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { GET as live } from "@/app/api/health/live/route";
import { GET as ready } from "@/app/api/health/ready/route";
import { migrate, readMigrations, type RawQuery } from "@/lib/server/migrate";
import { checkReadiness } from "@/lib/services/health/check-readiness";
import { freshDatabase, freshPostgresDatabase, type FreshDatabase } from "../support/fresh-database";

const ROOT = path.resolve(__dirname, "../../..");
const MIGRATIONS = readMigrations(path.join(ROOT, "prisma/migrations")).map((m) => m.name);

/** `npm run db:migrate` as a separate process: the same code the server runs at start. */
function migrateProcess(url: string): Promise<{ code: number | null; lines: Array<Record<string, unknown>> }> {
  return new Promise((resolve) => {
    const child = spawn(
      path.join(ROOT, "node_modules/.bin/tsx"),
      ["--conditions=react-server", "--tsconfig", "tsconfig.json", "scripts/migrate.ts"],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: url,
          NODE_ENV: "production",
          APP_URL: "http://localhost:3000",
          LOG_LEVEL: "info",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    child.on("exit", (code) => {
      const lines = out
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      resolve({ code, lines });
    });
  });
}

async function withClient<T>(url: string, fn: (query: RawQuery) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn((sql) => client.query(sql).then((r) => r.rows as Array<Record<string, unknown>>));
  } finally {
    await client.end();
  }
}

// PGlite serves every connection from one session, so advisory locks cannot be exercised there.
const onPostgres = process.env.TEST_DB_KIND === "postgres";
(onPostgres ? describe : describe.skip)("migrations at start (PostgreSQL)", () => {
  let target: FreshDatabase;
  beforeAll(async () => {
    target = await freshPostgresDatabase(process.env.DATABASE_URL ?? "", "deploy_start");
  });
  afterAll(() => target?.drop());

  it("applies every migration exactly once when two processes start at once on an empty database", async () => {
    const [a, b] = await Promise.all([migrateProcess(target.url), migrateProcess(target.url)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const applied = [...a.lines, ...b.lines].filter((l) => l.msg === "migration applied").map((l) => l.migration);
    expect(applied.sort()).toEqual(MIGRATIONS);
    const rows = await withClient(target.url, (q) =>
      q(`SELECT migration_name, finished_at FROM "_prisma_migrations" ORDER BY migration_name`),
    );
    expect(rows.map((r) => r.migration_name)).toEqual(MIGRATIONS);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    // The schema really exists (not just the ledger).
    const hubs = await withClient(target.url, (q) => q(`SELECT count(*)::int AS n FROM "Hub"`));
    expect(hubs[0]?.n).toBe(0);
  }, 120_000);

  it("finds nothing to do on a migrated database", async () => {
    const again = await migrate({ connectionString: target.url, dir: path.join(ROOT, "prisma/migrations") });
    expect(again).toMatchObject({ applied: [], alreadyApplied: MIGRATIONS.length });
  });

  it("rolls a failing migration back and records nothing for it", async () => {
    const dir = path.join(ROOT, ".data/test-migrations-" + process.pid);
    const fs = await import("node:fs");
    fs.rmSync(dir, { recursive: true, force: true });
    fs.cpSync(path.join(ROOT, "prisma/migrations"), dir, { recursive: true });
    fs.mkdirSync(path.join(dir, "99990101000000_broken"));
    fs.writeFileSync(
      path.join(dir, "99990101000000_broken/migration.sql"),
      `CREATE TABLE "Half" (id int);\nSELECT no_such_function();`,
    );
    try {
      await expect(migrate({ connectionString: target.url, dir })).rejects.toThrow(
        /99990101000000_broken failed and was rolled back/,
      );
      const half = await withClient(target.url, (q) => q(`SELECT to_regclass('"Half"')::text AS t`));
      expect(half[0]?.t).toBeNull();
      const names = await withClient(target.url, (q) => q(`SELECT migration_name FROM "_prisma_migrations"`));
      expect(names.map((r) => r.migration_name)).not.toContain("99990101000000_broken");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("health endpoints", () => {
  it("live answers ok without touching the database", async () => {
    const res = live();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("ready answers 200 with every check ok on the migrated test database", async () => {
    const res = await ready();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ status: "ok", checks: { database: "ok", migrations: "ok" } });
  });

  it("is not ready while migrations are pending (an empty database)", async () => {
    const empty = await freshDatabase();
    try {
      const result = await withClient(empty.url, (q) => checkReadiness(q));
      expect(result).toEqual({ ready: false, checks: { database: "ok", migrations: "pending" } });
    } finally {
      await empty.drop();
    }
  }, 60_000);

  it("is not ready when the database is down, and says nothing about why", async () => {
    // A port nothing listens on: the connection is refused like a stopped database.
    const down: RawQuery = async (sql) => withClient("postgresql://postgres@127.0.0.1:9/none", (q) => q(sql));
    const result = await checkReadiness(down);
    expect(result).toEqual({ ready: false, checks: { database: "failed", migrations: "unknown" } });
    expect(JSON.stringify(result)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|postgres/);
  });
});
