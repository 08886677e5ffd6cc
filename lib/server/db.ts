import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "./env";

// One client (and one pool) per process, created on first use so that `next build` can import
// server modules without a database. The globalThis guard survives dev HMR, which would otherwise
// open a new pool on every edit and exhaust the embedded PGlite's connection limit.
const g = globalThis as unknown as { prisma?: PrismaClient };

function client(): PrismaClient {
  if (g.prisma) return g.prisma;
  const { DATABASE_URL, DB_POOL_MAX } = env();
  // The embedded PGlite serves every socket from one backend and accepts 8 sockets: `npm run dev`
  // sets DB_POOL_MAX=3 for it. A real PostgreSQL gets a larger default pool.
  const max = DB_POOL_MAX ?? 10;
  g.prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: DATABASE_URL, max }) });
  return g.prisma;
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
