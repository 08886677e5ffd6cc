import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "./env";

// One client (and one pool) per process. The globalThis guard survives dev HMR, which would
// otherwise open a new pool on every edit and exhaust the embedded PGlite's connection limit.
const g = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  const { DATABASE_URL, DB_POOL_MAX } = env();
  // The embedded PGlite serves every socket from one backend and accepts 8 sockets: `npm run dev`
  // sets DB_POOL_MAX=3 for it. A real PostgreSQL gets a larger default pool.
  const max = DB_POOL_MAX ?? 10;
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: DATABASE_URL, max }) });
}

export const db: PrismaClient = g.prisma ?? createClient();
g.prisma = db;

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
