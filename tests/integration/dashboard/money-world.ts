// A Hub on a private emulator with the objects money actions need: an OWNER with an empty wallet and a
// bank account, a PAYER whose wallet received a 100.00 EUR card pay-in, and helpers to read MANGOPAY's
// side directly (the truth the operations must match) and to count what reached it.
import { transactions, type MangopayClient } from "@/lib/mangopay";
import { defaultCallRecorder } from "@/lib/mangopay/recorder";
import { db } from "@/lib/server/db";
import type { RoleName } from "@/lib/server/permissions";
import { accountContextFor } from "../hub/factories";
import { buildWorld } from "../mangopay/world";
import { emulatorHub } from "../security/emulator-hub";

export async function moneyWorld(seed: number, access: RoleName[] = ["OWNER", "OPERATOR", "READ_ONLY", "DEVELOPER"]) {
  const env = await emulatorHub(seed, access);
  const world = await buildWorld(env.direct);
  const ctx = (role: RoleName = "OPERATOR", grants?: string[]) => accountContextFor(env.hub, role, env.account, grants);
  return { ...env, world, ctx };
}
export type MoneyWorld = Awaited<ReturnType<typeof moneyWorld>>;

/** A wallet's transactions of one type, straight from MANGOPAY. */
export async function walletTransactions(
  direct: MangopayClient,
  walletId: string,
  type?: "PAYOUT" | "TRANSFER" | "PAYIN",
) {
  const page = await transactions.listByWallet(direct, walletId, { perPage: 100, filters: type ? { Type: type } : {} });
  return page.items;
}

/** MANGOPAY writes (POST/PUT/DELETE) the dashboard's clients sent so far, token calls excluded. */
export function mangopayWrites(): number {
  return defaultCallRecorder()
    .list()
    .filter((c) => c.method !== "GET" && !c.pathTemplate.includes("oauth")).length;
}
export const mangopayCalls = () => defaultCallRecorder().recordedTotal;

/** Exact row counts of every table of the database (the proof that nothing was written). */
// Tables that belong to no Hub: the migrations, the sign-in limiter's windows (other test files sign
// in at the same time) and the MANGOPAY quota ledger — a cache of the X-RateLimit-* headers that any
// MANGOPAY read refreshes (a well-formed foreign id is read once to learn it is foreign). No dashboard
// action writes them. Any other table must be reachable from a Hub, or the count throws.
const NOT_HUB_STATE = ["_prisma_migrations", "RateLimitWindow", "MangopayQuotaLedger"];

/**
 * Exact row counts, table by table, of everything that belongs to the given Hubs — their own rows,
 * their accounts', memberships' and members' rows (the proof that nothing was written). Scoped to the
 * test's Hubs because the other test files write to the same database at the same time.
 */
export async function countAllRows(hubIds: readonly string[]): Promise<Record<string, number>> {
  const columns = await db.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'`,
  );
  const byTable = new Map<string, Set<string>>();
  for (const { table_name, column_name } of columns) {
    if (!byTable.has(table_name)) byTable.set(table_name, new Set());
    byTable.get(table_name)?.add(column_name);
  }
  const members = `SELECT "userId" FROM "Membership" WHERE "hubId" = ANY($1)`;
  const out: Record<string, number> = {};
  for (const [table, cols] of [...byTable].sort(([a], [b]) => a.localeCompare(b))) {
    if (NOT_HUB_STATE.includes(table)) continue;
    const where =
      table === "Hub"
        ? `id = ANY($1)`
        : table === "User"
          ? `id IN (${members})`
          : cols.has("hubId")
            ? `"hubId" = ANY($1)`
            : cols.has("apiAccountId")
              ? `"apiAccountId" IN (SELECT id FROM "ApiAccount" WHERE "hubId" = ANY($1))`
              : cols.has("membershipId")
                ? `"membershipId" IN (SELECT id FROM "Membership" WHERE "hubId" = ANY($1))`
                : cols.has("userId")
                  ? `"userId" IN (${members})`
                  : null;
    if (!where) throw new Error(`countAllRows: table "${table}" belongs to no Hub; say how to count it`);
    const [row] = await db.$queryRawUnsafe<{ n: bigint | number }[]>(
      `SELECT count(*) AS n FROM "${table}" WHERE ${where}`,
      [...hubIds],
    );
    out[table] = Number(row?.n ?? 0);
  }
  return out;
}

export const newOperationKey = () => crypto.randomUUID();
