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
// Not counted: the migrations table, and the MANGOPAY quota ledger — a cache of the X-RateLimit-*
// headers that any MANGOPAY read refreshes (a well-formed foreign id is read once to learn it is
// foreign), not a record of what an action did.
const NOT_ACTION_STATE = ["_prisma_migrations", "MangopayQuotaLedger"];

export async function countAllRows(): Promise<Record<string, number>> {
  const tables = (
    await db.$queryRawUnsafe<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
  ).filter((t) => !NOT_ACTION_STATE.includes(t.table_name));
  const out: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT count(*) AS n FROM "${table_name}"`);
    out[table_name] = Number(row?.n ?? 0);
  }
  return out;
}

export const newOperationKey = () => crypto.randomUUID();
