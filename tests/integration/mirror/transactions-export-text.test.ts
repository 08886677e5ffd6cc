/** @jest-environment node */
// The transactions export reads its rows with SQL through the client's pool (lib/services/exports/
// internal.ts keysetRows) rather than through Prisma. Its bytes must be those of a Prisma read: text neutralised and quoted, negative and
// 64-bit amounts, empty columns, dates to the millisecond in UTC, and rows sharing a creation time
// across a batch's end, each exactly once, in order.
import { stringify } from "csv-stringify/sync";
import { db } from "@/lib/server/db";
import { csvRecord, TRANSACTION_CSV_COLUMNS } from "@/lib/services/exports/csv";
import { exportTransactions } from "@/lib/services/exports/export-transactions";
import { EXPORT_FIRST_BATCH } from "@/lib/services/exports/internal";
import type { ExportTransactionsInput } from "@/lib/services/exports/schemas";
import { csvResponse } from "@/lib/server/csv-response";
import { accountContextFor, createTestAccount, createTestHub, type TestHub } from "../hub/factories";

jest.setTimeout(120_000);
afterAll(() => db.$disconnect());

const TEXTS = ["=SUM(A1)", "+33 6", "-x", "@me", "\tTab", 'say "hi", then\nleave', "a,b", "r\rn", "é ü 💶", "plain"];
let hub: TestHub;
let accountId: string;
let ctx: ReturnType<typeof accountContextFor>;

beforeAll(async () => {
  hub = await createTestHub();
  const account = await createTestAccount(hub, { baseUrl: "https://api.sandbox.mangopay.com" });
  accountId = account.id;
  ctx = accountContextFor(hub, "READ_ONLY", account);
  // Seven rows per creation time, so rows of one time straddle the first batch's end.
  const base = Date.parse("2026-03-31T23:59:59.000Z");
  await db.mirrorTransaction.createMany({
    data: Array.from({ length: EXPORT_FIRST_BATCH + 260 }, (_, i) => ({
      hubId: hub.hubId,
      apiAccountId: accountId,
      mangopayId: i % 50 === 3 ? `=id${i}` : `tx${i}`,
      type: ["PAYIN", "TRANSFER", "PAYOUT"][i % 3] ?? "PAYIN",
      nature: i % 11 === 0 ? "REFUND" : "REGULAR",
      status: i % 4 === 0 ? "FAILED" : "SUCCEEDED",
      paymentType: i % 3 === 0 ? "CARD" : null,
      authorId: i % 5 === 0 ? null : `author${i % 13}`,
      creditedUserId: i % 6 === 0 ? null : TEXTS[i % TEXTS.length],
      debitedWalletId: `w${i}`,
      creditedWalletId: i % 7 === 0 ? null : `w${i + 1}`,
      currency: ["EUR", "GBP", "USD"][i % 3] ?? "EUR",
      debitedMinor: i % 9 === 0 ? -BigInt(i) : BigInt(i) * 9_007_199_254_741n,
      creditedMinor: BigInt(i * 37 - 500),
      feesMinor: BigInt(i % 17),
      resultCode: i % 2 ? "000000" : null,
      tag: TEXTS[(i * 3) % TEXTS.length] ?? null,
      createdAt: new Date(base - Math.floor(i / 7) * 86_400_123),
      executedAt: i % 8 === 0 ? null : new Date(base - i * 1000),
      syncedAt: new Date(Date.UTC(2026, 3, 1, 0, 0, 0, i % 1000)),
      raw: {},
    })),
  });
});

/** The same rows read by Prisma and written by csv-stringify, as the export did before. */
async function expected(where: Record<string, unknown>): Promise<string> {
  const rows = await db.mirrorTransaction.findMany({
    where: { hubId: hub.hubId, apiAccountId: accountId, ...where },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const records = rows.map((t) =>
    csvRecord([
      t.mangopayId,
      t.type,
      t.nature,
      t.status,
      t.paymentType,
      t.currency,
      t.debitedMinor,
      t.creditedMinor,
      t.feesMinor,
      t.authorId,
      t.creditedUserId,
      t.debitedWalletId,
      t.creditedWalletId,
      t.resultCode,
      t.tag,
      t.createdAt,
      t.executedAt,
      t.syncedAt,
    ]),
  );
  return stringify(records, { header: true, columns: [...TRANSACTION_CSV_COLUMNS] });
}

async function exported(input: ExportTransactionsInput): Promise<string> {
  const records = await exportTransactions({ ctx, input });
  return csvResponse(records, TRANSACTION_CSV_COLUMNS, "transactions").text();
}

describe("the transactions export's text", () => {
  it("is byte for byte the Prisma read written by csv-stringify, every row once", async () => {
    const text = await exported({});
    expect(text).toBe(await expected({}));
    const ids = text.split("\n").filter((l) => /^'?(=id|tx)\d+,/.test(l));
    expect(ids).toHaveLength(EXPORT_FIRST_BATCH + 260);
    expect(text).toContain(`"say ""hi"", then\nleave"`);
    expect(text).toContain("'=SUM(A1)");
    expect(text).toMatch(/,-9,/);
  });

  it("applies the list's filters as before: status, type, nature and inclusive UTC days", async () => {
    expect(await exported({ status: "FAILED", type: "PAYIN" })).toBe(
      await expected({ status: "FAILED", type: "PAYIN" }),
    );
    expect(await exported({ nature: "REFUND" })).toBe(await expected({ nature: "REFUND" }));
    const days = await exported({ from: "2026-02-01", to: "2026-02-28" });
    expect(days).toBe(
      await expected({
        createdAt: { gte: new Date("2026-02-01T00:00:00Z"), lt: new Date("2026-03-01T00:00:00Z") },
      }),
    );
    expect(days.split("\n").length).toBeGreaterThan(100);
  });
});
