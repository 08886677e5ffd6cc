import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "./env";

// One client (and one pool) per process, created on first use so that `next build` can import
// server modules without a database. The globalThis guard survives dev HMR, which would otherwise
// open a new pool on every edit and exhaust the embedded PGlite's connection limit.
const g = globalThis as unknown as { prisma?: PrismaClient; pgPool?: pg.Pool };

function client(): PrismaClient {
  if (g.prisma) return g.prisma;
  const { DATABASE_URL, DB_POOL_MAX } = env();
  // The embedded PGlite serves every socket from one backend and accepts 8 sockets: `npm run dev`
  // sets DB_POOL_MAX=3 for it. A real PostgreSQL gets a larger default pool.
  const max = DB_POOL_MAX ?? 10;
  // The pool is the client's (it ends with `$disconnect`), and large exports read through it too.
  g.pgPool = new pg.Pool({ connectionString: DATABASE_URL, max });
  g.prisma = new PrismaClient({ adapter: new PrismaPg(g.pgPool, { disposeExternalPool: true }) });
  return g.prisma;
}

/**
 * The connections under `db`, for reads of many rows that Prisma's client should not carry: see
 * `keysetRows` in lib/services/exports/internal.ts.
 */
export function dbPool(): pg.Pool {
  client();
  if (!g.pgPool || g.pgPool.ended) throw new Error("the database pool was closed ($disconnect)");
  return g.pgPool;
}

/**
 * Runs `fn` in a transaction on a client of `dbPool()` (BEGIN … COMMIT; ROLLBACK when it throws) and
 * returns its result: for statements that Prisma's interactive `$transaction` would make costly where
 * they run many times (the quota ledger, the backfill's pages). A connection whose ROLLBACK fails is
 * in an unknown state: it leaves the pool.
 */
export async function inPoolTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await dbPool().connect();
  let broken = false;
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => (broken = true));
    throw error;
  } finally {
    client.release(broken);
  }
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const c = client();
    const value: unknown = Reflect.get(c, prop, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
});

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
