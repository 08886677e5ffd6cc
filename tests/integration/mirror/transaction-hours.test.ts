/** @jest-environment node */
// MirrorTransactionHour, the charts' aggregate: after inserts, re-reads that change a status or an
// amount, stale reads, direct updates and deletions, it equals a direct SUM over MirrorTransaction;
// a rebuild repairs it; the analytics series reads it, and zones off whole hours still cut days right.
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { getTransactionSeries } from "@/lib/services/analytics/get-transaction-series";
import type { MirrorItem } from "@/lib/services/mirror/kinds";
import { rebuildTransactionHours } from "@/lib/services/mirror/transaction-hours";
import { writeMirrorItems } from "@/lib/services/mirror/write";
import { accountContextFor, createTestAccount, createTestHub, type TestHub } from "../hub/factories";

jest.setTimeout(120_000);
afterAll(() => db.$disconnect());

let hub: TestHub;
let other: TestHub;
let account: AccountContext["account"];
let foreign: AccountContext["account"];
const scopeOf = (h: TestHub, a: AccountContext["account"]) => ({ hubId: h.hubId, apiAccountId: a.id });

type Tx = {
  id: string;
  at: string;
  status?: string;
  type?: string;
  currency?: string;
  debited?: number;
  fees?: number;
};
/** A transaction as MANGOPAY returns it (the fields the mirror reads). */
function item(t: Tx): MirrorItem {
  const currency = t.currency ?? "EUR";
  const debited = t.debited ?? 1000;
  const fees = t.fees ?? 10;
  return {
    kind: "transaction",
    item: {
      Id: t.id,
      Type: t.type ?? "PAYIN",
      Nature: "REGULAR",
      Status: t.status ?? "SUCCEEDED",
      AuthorId: "author",
      DebitedFunds: { Currency: currency, Amount: debited },
      CreditedFunds: { Currency: currency, Amount: debited - fees },
      Fees: { Currency: currency, Amount: fees },
      CreationDate: new Date(t.at),
      ResultCode: "000000",
    },
  } as unknown as MirrorItem;
}

async function write(scope: { hubId: string; apiAccountId: string }, list: Tx[], syncedAt = new Date()) {
  await db.$transaction((tx) => writeMirrorItems(tx, scope, list.map(item), syncedAt));
}

type Sum = { hour: string; currency: string; type: string; status: string; n: number; debited: string; fees: string };
/** The aggregate's non-empty rows and the same sums computed from the transactions, side by side. */
async function aggregateAndDirect(apiAccountId: string): Promise<[Sum[], Sum[]]> {
  const select = `to_char(h, 'YYYY-MM-DD"T"HH24') AS hour, currency, type, status`;
  const aggregate = await db.$queryRawUnsafe<Sum[]>(
    `SELECT ${select}, n::int, debited::text, fees::text FROM (
       SELECT "hour" AS h, currency, type, status, "count" AS n, "debitedMinor" AS debited, "feesMinor" AS fees
       FROM "MirrorTransactionHour" WHERE "apiAccountId" = $1 AND "count" <> 0) a
     ORDER BY 1, 2, 3, 4`,
    apiAccountId,
  );
  const direct = await db.$queryRawUnsafe<Sum[]>(
    `SELECT ${select}, n::int, debited::text, fees::text FROM (
       SELECT date_trunc('hour', "createdAt") AS h, currency, type, status, count(*) AS n,
              sum("debitedMinor") AS debited, sum("feesMinor") AS fees
       FROM "MirrorTransaction" WHERE "apiAccountId" = $1 GROUP BY 1, 2, 3, 4) d
     ORDER BY 1, 2, 3, 4`,
    apiAccountId,
  );
  return [aggregate, direct];
}

async function expectExact(apiAccountId: string): Promise<Sum[]> {
  const [aggregate, direct] = await aggregateAndDirect(apiAccountId);
  expect(aggregate).toEqual(direct);
  return aggregate;
}

beforeAll(async () => {
  [hub, other] = await Promise.all([createTestHub(), createTestHub()]);
  const baseUrl = "https://api.sandbox.mangopay.com";
  account = await createTestAccount(hub, { baseUrl });
  foreign = await createTestAccount(other, { baseUrl });
});

describe("the hourly aggregate of mirrored transactions", () => {
  const statuses = ["CREATED", "SUCCEEDED", "FAILED"];
  const types = ["PAYIN", "TRANSFER", "PAYOUT"];
  const first: Tx[] = Array.from({ length: 120 }, (_, i) => ({
    id: `t${i}`,
    at: new Date(Date.UTC(2026, 0, 5, 8) + i * 17 * 60_000).toISOString(),
    status: statuses[i % 3],
    type: types[Math.floor(i / 3) % 3],
    currency: i % 5 === 0 ? "GBP" : "EUR",
    debited: 1000 + i * 7,
    fees: i % 11,
  }));

  it("equals a direct sum after inserts, re-reads changing status and amounts, and stale reads", async () => {
    const scope = scopeOf(hub, account);
    await write(scope, first, new Date("2026-01-06T00:00:00Z"));
    await write(scopeOf(other, foreign), first.slice(0, 30), new Date("2026-01-06T00:00:00Z"));
    const inserted = await expectExact(account.id);
    expect(inserted.reduce((n, r) => n + r.n, 0)).toBe(120);

    // Every pending one settles: the CREATED become SUCCEEDED with new fees, some FAILED; one batch.
    const settled = first
      .filter((t) => t.status === "CREATED")
      .map((t, k) => ({ ...t, status: k % 4 ? "SUCCEEDED" : "FAILED", fees: 99, debited: (t.debited ?? 0) + 1 }));
    await write(scope, settled, new Date("2026-01-07T00:00:00Z"));
    const after = await expectExact(account.id);
    expect(after.filter((r) => r.status === "CREATED")).toEqual([]);
    // A read started before the stored one changes nothing, in the rows or the aggregate.
    await write(scope, first.slice(0, 9), new Date("2026-01-06T12:00:00Z"));
    expect(await expectExact(account.id)).toEqual(after);
    // Unchanged re-reads (syncedAt only) leave it as it is.
    await write(scope, settled, new Date("2026-01-08T00:00:00Z"));
    expect(await expectExact(account.id)).toEqual(after);
    // The other Hub's account has its own rows only.
    expect((await expectExact(foreign.id)).reduce((n, r) => n + r.n, 0)).toBe(30);
  });

  it("follows direct updates and deletions, one row or many at once", async () => {
    const where = { apiAccountId: account.id };
    await db.mirrorTransaction.updateMany({ where: { ...where, status: "FAILED" }, data: { status: "SUCCEEDED" } });
    await expectExact(account.id);
    await db.mirrorTransaction.update({
      where: { apiAccountId_mangopayId: { apiAccountId: account.id, mangopayId: "t1" } },
      data: { feesMinor: BigInt(12_345), createdAt: new Date("2026-02-01T10:30:00Z") },
    });
    const moved = await expectExact(account.id);
    expect(moved.find((r) => r.hour === "2026-02-01T10")).toMatchObject({ n: 1, fees: "12345" });
    await db.mirrorTransaction.deleteMany({ where: { ...where, currency: "GBP" } });
    const left = await expectExact(account.id);
    expect(left.some((r) => r.currency === "GBP")).toBe(false);
  });

  it("is recounted from the transactions by a rebuild, over a range or whole", async () => {
    const scope = scopeOf(hub, account);
    const exact = await expectExact(account.id);
    await db.mirrorTransactionHour.updateMany({ where: { apiAccountId: account.id }, data: { count: 999 } });
    await db.mirrorTransactionHour.deleteMany({ where: { apiAccountId: account.id, currency: "EUR", type: "PAYIN" } });
    // The range holds 2026-01-05 only: the later hours stay wrong until the whole rebuild.
    await db.$transaction((tx) =>
      rebuildTransactionHours(tx, scope, {
        from: new Date("2026-01-05T00:00:00Z"),
        to: new Date("2026-01-05T23:59:59Z"),
      }),
    );
    const [partial, direct] = await aggregateAndDirect(account.id);
    const day = (rows: Sum[], d: string) => rows.filter((r) => r.hour.startsWith(d));
    expect(day(partial, "2026-01-05")).toEqual(day(direct, "2026-01-05"));
    expect(day(partial, "2026-01-06")).not.toEqual(day(direct, "2026-01-06"));
    await db.$transaction((tx) => rebuildTransactionHours(tx, scope));
    expect(await expectExact(account.id)).toEqual(exact);
    expect((await expectExact(foreign.id)).reduce((n, r) => n + r.n, 0)).toBe(30);
  });

  it("feeds the analytics series: whole-hour zones from the aggregate, others cut from the transactions", async () => {
    const a = await createTestAccount(hub, { baseUrl: "https://api.sandbox.mangopay.com" });
    await write(scopeOf(hub, a), [
      // 18:40 UTC is 00:10 the next day in Kolkata (UTC+5:30) and 19:40 in Paris (UTC+1).
      { id: "k1", at: "2026-01-05T18:40:00Z", debited: 500, fees: 5 },
      { id: "k2", at: "2026-01-05T18:20:00Z", debited: 700, fees: 7 },
      { id: "k3", at: "2026-01-05T23:30:00Z", debited: 900, fees: 9 },
    ]);
    const ctx = accountContextFor(hub, "FINANCE", a);
    const days = async (timeZone: string) =>
      (
        await getTransactionSeries({
          ctx: { ...ctx, actor: { ...ctx.actor, timeZone } },
          input: { from: "2026-01-05", to: "2026-01-06", granularity: "day" },
        })
      ).series[0]?.points.map((p) => [p.bucket, p.count, p.volumeMinor, p.feesMinor]);
    expect(await days("Asia/Kolkata")).toEqual([
      ["2026-01-05", 1, 700, 7],
      ["2026-01-06", 2, 1400, 14],
    ]);
    expect(await days("Europe/Paris")).toEqual([
      ["2026-01-05", 2, 1200, 12],
      ["2026-01-06", 1, 900, 9],
    ]);
    expect(await days("UTC")).toEqual([
      ["2026-01-05", 3, 2100, 21],
      ["2026-01-06", 0, 0, 0],
    ]);
  });
});
