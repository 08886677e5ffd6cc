// A database of its own for tests that must not touch the shared one (migrations, key rotation):
// a fresh database on the PostgreSQL of DATABASE_URL, or a fresh in-memory PGlite server.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { migrate } from "@/lib/server/migrate";

const ROOT = path.resolve(__dirname, "../../..");

export type FreshDatabase = { url: string; drop: () => Promise<void> };

/** A new, empty database on the PostgreSQL server of `base` (dropped by `drop`). */
export async function freshPostgresDatabase(base: string, prefix = "test"): Promise<FreshDatabase> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
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

export async function freshDatabase(): Promise<FreshDatabase> {
  if (process.env.TEST_DB_KIND === "postgres")
    return freshPostgresDatabase(process.env.DATABASE_URL ?? "", "migrate_test");
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

/** A fresh database with every migration applied and its own Prisma client; `close` drops both. */
export async function freshMigratedClient(): Promise<{
  url: string;
  client: PrismaClient;
  close: () => Promise<void>;
}> {
  const target = await freshDatabase();
  await migrate({ connectionString: target.url, dir: path.join(ROOT, "prisma/migrations") });
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url, max: 2 }) });
  return {
    url: target.url,
    client,
    close: async () => {
      await client.$disconnect();
      await target.drop();
    },
  };
}
