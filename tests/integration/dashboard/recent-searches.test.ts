/** @jest-environment node */
// The search box's recent searches: per member AND per API account, in the database, the newest ten,
// audited, cleared by the member, never readable or writable across members, accounts or Hubs.
import { db } from "@/lib/server/db";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { clearRecentSearches } from "@/lib/services/recent-searches/clear";
import { listRecentSearches } from "@/lib/services/recent-searches/list";
import { recordRecentSearch } from "@/lib/services/recent-searches/record";
import { accountContextFor, createTestAccount, createTestHub, lastAudit, type TestHub } from "../hub/factories";

let hub: TestHub;
let otherHub: TestHub;
let account: Awaited<ReturnType<typeof createTestAccount>>;
let second: Awaited<ReturnType<typeof createTestAccount>>;
let foreign: Awaited<ReturnType<typeof createTestAccount>>;

beforeAll(async () => {
  hub = await createTestHub();
  otherHub = await createTestHub();
  account = await createTestAccount(hub, { baseUrl: "https://api.sandbox.mangopay.com" });
  second = await createTestAccount(hub, { baseUrl: "https://api.sandbox.mangopay.com" });
  foreign = await createTestAccount(otherHub, { baseUrl: "https://api.sandbox.mangopay.com" });
});
afterAll(() => db.$disconnect());

const ctxOf = (role: "OWNER" | "ADMIN" | "READ_ONLY", acc = account, grants?: string[]) =>
  accountContextFor(hub, role, acc, grants);
const queries = async (ctx: ReturnType<typeof ctxOf>) => (await listRecentSearches({ ctx })).map((r) => r.query);

it("keeps the member's searches newest first, moves a repeated one to the top, and keeps ten", async () => {
  const ctx = ctxOf("OWNER");
  await recordRecentSearch({ ctx, input: { query: "user_m_01" } });
  await recordRecentSearch({ ctx, input: { query: "  wlt_m_02 " } });
  await recordRecentSearch({ ctx, input: { query: "user_m_01" } });
  expect(await queries(ctx)).toEqual(["user_m_01", "wlt_m_02"]);
  for (let i = 0; i < 12; i++) await recordRecentSearch({ ctx, input: { query: `1000000${10 + i}` } });
  const kept = await queries(ctx);
  expect(kept).toHaveLength(10);
  expect(kept[0]).toBe("100000021");
  expect(kept).not.toContain("user_m_01");
  // Only ten rows stay in the table for this member and account, not just ten shown.
  expect(
    await db.recentSearch.count({ where: { membershipId: hub.members.OWNER.membershipId, apiAccountId: account.id } }),
  ).toBe(10);
  const audit = await lastAudit(hub.hubId, "search.recent.record");
  expect(audit?.targetId).toBe("100000021");
  expect(audit?.apiAccountId).toBe(account.id);
});

it("is per member and per API account", async () => {
  await recordRecentSearch({ ctx: ctxOf("ADMIN"), input: { query: "payin_m_admin" } });
  await recordRecentSearch({ ctx: ctxOf("ADMIN", second), input: { query: "payin_m_second" } });
  expect(await queries(ctxOf("ADMIN"))).toEqual(["payin_m_admin"]);
  expect(await queries(ctxOf("ADMIN", second))).toEqual(["payin_m_second"]);
  expect(await queries(ctxOf("OWNER"))).not.toContain("payin_m_admin");
});

it("clears the member's searches on this account only, and audits it", async () => {
  await recordRecentSearch({ ctx: ctxOf("READ_ONLY"), input: { query: "po_b_1" } });
  await recordRecentSearch({ ctx: ctxOf("READ_ONLY", second), input: { query: "po_b_2" } });
  const before = await queries(ctxOf("OWNER"));
  expect(await clearRecentSearches({ ctx: ctxOf("READ_ONLY") })).toEqual({ cleared: 1 });
  expect(await queries(ctxOf("READ_ONLY"))).toEqual([]);
  expect(await queries(ctxOf("READ_ONLY", second))).toEqual(["po_b_2"]);
  expect(await queries(ctxOf("OWNER"))).toEqual(before);
  expect((await lastAudit(hub.hubId, "search.recent.clear"))?.metadata).toEqual({ cleared: 1 });
});

it("refuses what is not an Id and stores nothing", async () => {
  const ctx = ctxOf("OWNER", second);
  for (const bad of ["", "   ", "<script>alert(1)</script>", "a b c", "x".repeat(301), 42, null]) {
    await expect(recordRecentSearch({ ctx, input: { query: bad } })).rejects.toBeInstanceOf(ValidationError);
  }
  expect(await queries(ctx)).toEqual([]);
});

it("is Forbidden without users.read (search needs it) and writes nothing", async () => {
  const ctx = ctxOf("OWNER", second, ["wallets.read"]);
  await expect(recordRecentSearch({ ctx, input: { query: "100000001" } })).rejects.toBeInstanceOf(ForbiddenError);
  await expect(listRecentSearches({ ctx })).rejects.toBeInstanceOf(ForbiddenError);
  await expect(clearRecentSearches({ ctx })).rejects.toBeInstanceOf(ForbiddenError);
  expect(await db.recentSearch.count({ where: { apiAccountId: second.id, query: "100000001" } })).toBe(0);
});

it("treats another Hub's account forged into the context as missing", async () => {
  const forged = ctxOf("OWNER", foreign);
  await expect(recordRecentSearch({ ctx: forged, input: { query: "100000001" } })).rejects.toBeInstanceOf(
    NotFoundError,
  );
  expect(await db.recentSearch.count({ where: { apiAccountId: foreign.id } })).toBe(0);
  // A row of the other Hub's own member stays invisible and survives a forged clear.
  await db.recentSearch.create({
    data: { membershipId: otherHub.members.OWNER.membershipId, apiAccountId: foreign.id, query: "theirs" },
  });
  expect(await listRecentSearches({ ctx: forged })).toEqual([]);
  await expect(clearRecentSearches({ ctx: forged })).rejects.toBeInstanceOf(NotFoundError);
  expect(await db.recentSearch.count({ where: { apiAccountId: foreign.id } })).toBe(1);
});
