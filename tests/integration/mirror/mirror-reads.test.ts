/** @jest-environment node */
// The mirror's reading side on the integration database, with mirror rows this file inserts for its
// own Hubs: events beyond 45 days and their retention, the Analytics aggregates, the CSV exports
// (through their route handlers, session faked) and the Hub home's accounts at a glance.
import { randomBytes } from "node:crypto";
import type { AccountContext, HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { roleAccountPermissions } from "@/lib/server/permissions";
import { getTransactionSeries } from "@/lib/services/analytics/get-transaction-series";
import { setEventRetention } from "@/lib/services/api-accounts/set-event-retention";
import { listEventHistory } from "@/lib/services/events/list-history";
import { exportTransactions } from "@/lib/services/exports/export-transactions";
import { exportUsers } from "@/lib/services/exports/export-users";
import { expireMirrorEvents } from "@/lib/services/mirror-reads/expire-events";
import { getMirrorFreshness } from "@/lib/services/mirror-reads/get-freshness";
import { listAccountOverviews } from "@/lib/services/mirror-reads/list-account-overviews";
import { accountContextFor, createTestAccount, createTestHub, uid, type TestHub } from "../hub/factories";

let current: HubContext | null = null;
jest.mock("@/lib/server/auth", () => ({
  ...jest.requireActual("@/lib/server/auth"),
  sessionUserIdHint: async () => current?.actor.id ?? null,
}));
jest.mock("@/lib/server/context", () => ({
  ...jest.requireActual("@/lib/server/context"),
  getHubContext: async () => {
    if (!current) throw new Error("signed out");
    return current;
  },
}));

jest.setTimeout(120_000);
afterAll(() => db.$disconnect());

const DAY_MS = 86_400_000;
const daysAgo = (n: number, now = Date.now()) => new Date(now - n * DAY_MS);
type Account = AccountContext["account"];

let hub: TestHub;
let other: TestHub;
let account: Account;
let second: Account;
let foreign: Account;

async function connect(a: Account, hubId: string, processedSecondsAgo: number | null) {
  await db.webhookEndpoint.create({
    data: { hubId, apiAccountId: a.id, tokenHash: randomBytes(32).toString("hex") },
  });
  if (processedSecondsAgo !== null)
    await db.webhookPing.create({
      data: {
        hubId,
        apiAccountId: a.id,
        eventType: "USER_ACCOUNT_ACTIVATED",
        resourceId: `u${uid()}`,
        eventDate: String(Math.floor(Date.now() / 1000)),
        status: "DONE",
        processedAt: new Date(Date.now() - processedSecondsAgo * 1000),
      },
    });
}

function event(a: Account, hubId: string, eventType: string, at: Date, resourceId = `r${uid()}`) {
  return { hubId, apiAccountId: a.id, eventType, resourceId, eventDate: at };
}

type Tx = {
  status?: string;
  type?: string;
  currency?: string;
  debited?: number;
  fees?: number;
  at: Date;
};
function transaction(a: Account, hubId: string, t: Tx) {
  return {
    hubId,
    apiAccountId: a.id,
    mangopayId: `t${uid()}${uid()}`,
    type: t.type ?? "PAYIN",
    nature: "REGULAR",
    status: t.status ?? "SUCCEEDED",
    currency: t.currency ?? "EUR",
    debitedMinor: BigInt(t.debited ?? 1000),
    creditedMinor: BigInt((t.debited ?? 1000) - (t.fees ?? 0)),
    feesMinor: BigInt(t.fees ?? 0),
    createdAt: t.at,
    raw: {},
  };
}

beforeAll(async () => {
  [hub, other] = await Promise.all([createTestHub(), createTestHub()]);
  const base = "https://api.sandbox.mangopay.com";
  account = await createTestAccount(hub, { baseUrl: base });
  second = await createTestAccount(hub, { baseUrl: base });
  foreign = await createTestAccount(other, { baseUrl: base });
});

const as = (role: Parameters<typeof accountContextFor>[1], a: Account = account, grants?: readonly string[]) =>
  accountContextFor(hub, role, a, grants);

describe("events beyond 45 days", () => {
  it("lists the mirror's events newest first with the page's filters, and says how fresh the mirror is", async () => {
    const now = Date.now();
    await connect(account, hub.hubId, 30);
    const old = event(account, hub.hubId, "PAYIN_NORMAL_SUCCEEDED", daysAgo(60, now), "p60");
    await db.mirrorEvent.createMany({
      data: [
        event(account, hub.hubId, "PAYIN_NORMAL_SUCCEEDED", daysAgo(2, now), "p2"),
        old,
        event(account, hub.hubId, "USER_ACCOUNT_ACTIVATED", daysAgo(90, now), "u90"),
        event(account, hub.hubId, "PAYIN_NORMAL_FAILED", daysAgo(400, now), "p400"),
        event(foreign, other.hubId, "PAYIN_NORMAL_SUCCEEDED", daysAgo(60, now), "foreign60"),
      ],
    });
    const all = await listEventHistory({ ctx: as("READ_ONLY"), input: { filters: {}, page: 1, perPage: 20 } });
    expect(all.items.map((e) => e.resourceId)).toEqual(["p2", "p60", "u90", "p400"]);
    expect(all.totalItems).toBe(4);
    expect(all.freshness.connected).toBe(true);
    expect(all.freshness.secondsAgo).toBeGreaterThanOrEqual(30);
    expect(all.freshness.secondsAgo).toBeLessThan(120);

    const day = (d: Date) => d.toISOString().slice(0, 10);
    const payins = await listEventHistory({
      ctx: as("FINANCE"),
      input: {
        filters: { types: ["PAYIN_NORMAL_SUCCEEDED", "PAYIN_NORMAL_FAILED"], from: day(daysAgo(61, now)) },
        page: 1,
        perPage: 20,
      },
    });
    expect(payins.items.map((e) => [e.resourceId, e.eventType, e.resource])).toEqual([
      ["p2", "PAYIN_NORMAL_SUCCEEDED", "payIn"],
      ["p60", "PAYIN_NORMAL_SUCCEEDED", "payIn"],
    ]);
    expect(payins.items[1]?.date).toBe(old.eventDate.toISOString());
    const page2 = await listEventHistory({ ctx: as("OWNER"), input: { filters: {}, page: 2, perPage: 10 } });
    expect(page2.items).toEqual([]);
  });

  it("refuses a member without events.read, a reversed range, and another Hub's account", async () => {
    const noEvents = roleAccountPermissions("READ_ONLY").filter((p) => p !== "events.read");
    await expect(
      listEventHistory({ ctx: as("READ_ONLY", account, noEvents), input: { filters: {}, page: 1, perPage: 20 } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      listEventHistory({
        ctx: as("OWNER"),
        input: { filters: { from: "2026-02-01", to: "2026-01-01" }, page: 1, perPage: 20 },
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      listEventHistory({ ctx: as("OWNER", foreign), input: { filters: {}, page: 1, perPage: 20 } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("event retention", () => {
  it("is set per account (45 days at least), audited, and refused to other roles and other Hubs", async () => {
    const owner = hub.ctx("OWNER");
    expect(await setEventRetention({ ctx: owner, input: { accountId: second.id, days: "45" } })).toEqual({
      id: second.id,
      eventRetentionDays: 45,
    });
    const audit = await db.auditEvent.findFirst({
      where: { hubId: hub.hubId, action: "api_account.event_retention.update", targetId: second.id },
    });
    expect(audit?.before).toEqual({ eventRetentionDays: 730 });
    expect(audit?.after).toEqual({ eventRetentionDays: 45 });
    for (const days of [44, 0, -1, 1.5, "abc", 4000])
      await expect(
        setEventRetention({ ctx: owner, input: { accountId: second.id, days: days as number } }),
      ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      setEventRetention({ ctx: hub.ctx("FINANCE"), input: { accountId: second.id, days: 90 } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setEventRetention({ ctx: owner, input: { accountId: foreign.id, days: 90 } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const row = await db.apiAccount.findUniqueOrThrow({
      where: { id: second.id },
      select: { eventRetentionDays: true },
    });
    expect(row.eventRetentionDays).toBe(45);
  });

  it("the daily job deletes only events older than each account's own retention, once", async () => {
    const now = new Date();
    await db.mirrorEvent.createMany({
      data: [10, 50, 400, 800].flatMap((d) => [
        event(second, hub.hubId, "TRANSFER_NORMAL_SUCCEEDED", daysAgo(d, now.getTime()), `s${d}`),
        event(account, hub.hubId, "TRANSFER_NORMAL_SUCCEEDED", daysAgo(d, now.getTime()), `a${d}`),
      ]),
    });
    const left = async (a: Account) =>
      (
        await db.mirrorEvent.findMany({
          where: { hubId: hub.hubId, apiAccountId: a.id, eventType: "TRANSFER_NORMAL_SUCCEEDED" },
          select: { resourceId: true },
          orderBy: { eventDate: "desc" },
        })
      ).map((r) => r.resourceId);
    const first = await expireMirrorEvents(now);
    expect(first.filter((r) => r.apiAccountId === second.id)).toEqual([{ apiAccountId: second.id, deleted: 3 }]);
    expect(await left(second)).toEqual(["s10"]);
    // 730 days (the default): only the 800-day-old event goes; the other account's 400-day event stays.
    expect(await left(account)).toEqual(["a10", "a50", "a400"]);
    const audit = await db.auditEvent.findFirst({
      where: { hubId: hub.hubId, apiAccountId: second.id, action: "mirror.events.expire" },
    });
    expect(audit?.metadata).toMatchObject({ deleted: 3, retentionDays: 45 });
    const again = await expireMirrorEvents(now);
    expect(again.filter((r) => r.apiAccountId === second.id || r.apiAccountId === account.id)).toEqual([]);
    expect(await left(second)).toEqual(["s10"]);
  });
});

describe("analytics from the mirrored transactions", () => {
  let ctx: AccountContext;
  let tokyo: AccountContext;
  beforeAll(async () => {
    const a = await createTestAccount(hub, { baseUrl: "https://api.sandbox.mangopay.com" });
    ctx = as("FINANCE", a);
    tokyo = { ...ctx, actor: { ...ctx.actor, timeZone: "Asia/Tokyo" } };
    const at = (iso: string) => new Date(iso);
    await db.mirrorTransaction.createMany({
      data: [
        // Monday 2026-01-05 and Tuesday 2026-01-06 (ISO week of the 5th), then February.
        transaction(a, hub.hubId, { at: at("2026-01-05T09:00:00Z"), debited: 10_000, fees: 150 }),
        transaction(a, hub.hubId, { at: at("2026-01-05T20:00:00Z"), debited: 2_500, fees: 50 }),
        transaction(a, hub.hubId, { at: at("2026-01-06T10:00:00Z"), status: "FAILED", debited: 99_999, fees: 999 }),
        transaction(a, hub.hubId, { at: at("2026-01-06T11:00:00Z"), status: "CREATED", debited: 7 }),
        transaction(a, hub.hubId, { at: at("2026-01-12T11:00:00Z"), type: "PAYOUT", debited: 4_000 }),
        transaction(a, hub.hubId, { at: at("2026-02-03T08:00:00Z"), currency: "GBP", debited: 3_000, fees: 30 }),
        // Outside the period: the day after, and another Hub's rows.
        transaction(a, hub.hubId, { at: at("2026-03-01T00:00:00Z"), debited: 1 }),
        transaction(foreign, other.hubId, { at: at("2026-01-05T09:00:00Z"), debited: 555_555 }),
      ],
    });
  });

  it("sums per day, with empty days, the success rate's parts and fees, per currency", async () => {
    const r = await getTransactionSeries({ ctx, input: { from: "2026-01-05", to: "2026-01-07", granularity: "day" } });
    expect(r.timeZone).toBe("UTC");
    expect(r.series.map((s) => s.currency)).toEqual(["EUR"]);
    expect(r.series[0]?.points).toEqual([
      { bucket: "2026-01-05", count: 2, succeeded: 2, failed: 0, volumeMinor: 12_500, feesMinor: 200 },
      { bucket: "2026-01-06", count: 2, succeeded: 0, failed: 1, volumeMinor: 0, feesMinor: 0 },
      { bucket: "2026-01-07", count: 0, succeeded: 0, failed: 0, volumeMinor: 0, feesMinor: 0 },
    ]);
  });

  it("groups by ISO week and by month, per currency, and filters by type", async () => {
    const weeks = await getTransactionSeries({
      ctx,
      input: { from: "2026-01-01", to: "2026-01-18", granularity: "week" },
    });
    expect(weeks.series[0]?.points.map((p) => [p.bucket, p.count, p.volumeMinor])).toEqual([
      ["2025-12-29", 0, 0],
      ["2026-01-05", 4, 12_500],
      ["2026-01-12", 1, 4_000],
    ]);
    const months = await getTransactionSeries({
      ctx,
      input: { from: "2026-01-01", to: "2026-02-28", granularity: "month" },
    });
    const byCurrency = Object.fromEntries(
      months.series.map((s) => [s.currency, s.points.map((p) => [p.bucket, p.volumeMinor, p.feesMinor])]),
    );
    expect(byCurrency).toEqual({
      EUR: [
        ["2026-01-01", 16_500, 200],
        ["2026-02-01", 0, 0],
      ],
      GBP: [
        ["2026-01-01", 0, 0],
        ["2026-02-01", 3_000, 30],
      ],
    });
    expect(months.series.find((s) => s.currency === "EUR")?.totals).toEqual({
      count: 5,
      succeeded: 3,
      failed: 1,
      volumeMinor: 16_500,
      feesMinor: 200,
    });
    const payouts = await getTransactionSeries({
      ctx,
      input: { from: "2026-01-01", to: "2026-02-28", granularity: "month", type: "PAYOUT" },
    });
    expect(payouts.series.map((s) => [s.currency, s.totals.count, s.totals.volumeMinor])).toEqual([["EUR", 1, 4_000]]);
  });

  it("cuts days in the member's time zone", async () => {
    // 2026-01-05T20:00Z is already the 6th in Tokyo (UTC+9).
    const r = await getTransactionSeries({
      ctx: tokyo,
      input: { from: "2026-01-05", to: "2026-01-06", granularity: "day" },
    });
    expect(r.timeZone).toBe("Asia/Tokyo");
    expect(r.series[0]?.points.map((p) => [p.bucket, p.count, p.volumeMinor])).toEqual([
      ["2026-01-05", 1, 10_000],
      ["2026-01-06", 3, 2_500],
    ]);
  });

  it("refuses a member without transactions.read, too many points, and another Hub's account", async () => {
    const without = roleAccountPermissions("FINANCE").filter((p) => p !== "transactions.read");
    await expect(
      getTransactionSeries({
        ctx: as("FINANCE", ctx.account, without),
        input: { from: "2026-01-01", to: "2026-01-02" },
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      getTransactionSeries({ ctx, input: { from: "2020-01-01", to: "2026-01-01", granularity: "day" } }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      getTransactionSeries({ ctx: as("OWNER", foreign), input: { from: "2026-01-01", to: "2026-01-02" } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("CSV exports from the mirror", () => {
  let exportAccount: Account;
  beforeAll(async () => {
    exportAccount = await createTestAccount(hub, { baseUrl: "https://api.sandbox.mangopay.com" });
    const user = (id: string, email: string, createdAt: Date, firstName = "Ada") => ({
      hubId: hub.hubId,
      apiAccountId: exportAccount.id,
      mangopayId: id,
      personType: "NATURAL",
      email,
      emailLower: email.toLowerCase(),
      firstName,
      lastName: "Lovelace",
      createdAt,
      raw: {},
    });
    await db.mirrorUser.createMany({
      data: [
        user("u1", "ada@example.test", new Date("2026-01-01T00:00:00Z")),
        user("u2", "=cmd@example.test", new Date("2026-01-02T00:00:00Z"), "=HYPERLINK()"),
      ],
    });
    await db.mirrorTransaction.createMany({
      data: [
        transaction(exportAccount, hub.hubId, { at: new Date("2026-01-05T09:00:00Z"), debited: 1_234, fees: 12 }),
        transaction(exportAccount, hub.hubId, { at: new Date("2026-01-06T09:00:00Z"), status: "FAILED" }),
        transaction(exportAccount, hub.hubId, { at: new Date("2026-02-06T09:00:00Z"), debited: 42 }),
      ],
    });
  });

  async function get(
    path: string,
    route: { GET: (r: Request, c: { params: Promise<{ accountId: string }> }) => Promise<Response> },
    accountId: string,
  ) {
    return route.GET(new Request(`http://dashboard.test/accounts/${accountId}/${path}`), {
      params: Promise.resolve({ accountId }),
    });
  }
  const lines = async (res: Response) => (await res.text()).trim().split("\n");

  it("exports users in the list's order, with spreadsheet formulas neutralised, and audits who and what", async () => {
    current = hub.ctx("READ_ONLY");
    const route = await import("@/app/(dashboard)/accounts/[accountId]/users/export/route");
    const res = await get("users/export?sort=asc", route, exportAccount.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = await lines(res);
    expect(rows[0]).toBe("id,person_type,email,first_name,last_name,company_name,status,tag,created_utc,synced_utc");
    expect(rows.slice(1).map((r) => r.split(",").slice(0, 4).join(","))).toEqual([
      "u1,NATURAL,ada@example.test,Ada",
      "u2,NATURAL,'=cmd@example.test,'=HYPERLINK()",
    ]);
    const audit = await db.auditEvent.findFirst({
      where: { hubId: hub.hubId, apiAccountId: exportAccount.id, action: "mirror.export" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit?.actorUserId).toBe(hub.members.READ_ONLY.userId);
    expect(audit?.metadata).toEqual({ list: "users", filters: { sort: "asc" } });
  });

  it("exports transactions with exactly the list's filters; a bad filter is a 400 naming nothing changed", async () => {
    current = hub.ctx("FINANCE");
    const route = await import("@/app/(dashboard)/accounts/[accountId]/transactions/export/route");
    const res = await get(
      "transactions/export?status=SUCCEEDED&from=2026-01-01&to=2026-01-31",
      route,
      exportAccount.id,
    );
    const rows = await lines(res);
    expect(
      rows[0]?.startsWith("id,type,nature,status,payment_type,currency,debited_minor,credited_minor,fees_minor"),
    ).toBe(true);
    expect(rows.slice(1).map((r) => r.split(",").slice(1, 9).join(","))).toEqual([
      "PAYIN,REGULAR,SUCCEEDED,,EUR,1234,1222,12",
    ]);
    const audits = () =>
      db.auditEvent.count({ where: { hubId: hub.hubId, apiAccountId: exportAccount.id, action: "mirror.export" } });
    const before = await audits();
    const bad = await get("transactions/export?status=MAYBE", route, exportAccount.id);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/^Invalid filters\.\nstatus: /);
    // A day that does not exist, or a reversed range, is refused too: never widened to every row.
    for (const [query, field] of [
      ["from=2026-13-45", "from"],
      ["to=2026-02-30", "to"],
      ["from=2026-02-01&to=2026-01-01", "to"],
    ] as const) {
      const refused = await get(`transactions/export?${query}`, route, exportAccount.id);
      expect(refused.status).toBe(400);
      expect(await refused.text()).toMatch(new RegExp(`^Invalid filters\\.\\n${field}: `));
    }
    expect(await audits()).toBe(before);
  });

  it("refuses a member without the list's permission (no audit row) and another Hub's account (404)", async () => {
    const route = await import("@/app/(dashboard)/accounts/[accountId]/transactions/export/route");
    const without = roleAccountPermissions("FINANCE").filter((p) => p !== "transactions.read");
    await db.accountAccess.updateMany({
      where: { membershipId: hub.members.FINANCE.membershipId, apiAccountId: exportAccount.id },
      data: { grants: without },
    });
    current = hub.ctx("FINANCE");
    const audits = () =>
      db.auditEvent.count({ where: { hubId: hub.hubId, apiAccountId: exportAccount.id, action: "mirror.export" } });
    const before = await audits();
    // Next.js turns these into its "not permitted" redirect and its 404 page.
    await expect(get("transactions/export", route, exportAccount.id)).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT;.*denied=1/),
    });
    await expect(get("transactions/export", route, foreign.id)).rejects.toMatchObject({
      digest: expect.stringMatching(/404/),
    });
    expect(await audits()).toBe(before);
    // The services refuse on their own too.
    await expect(exportTransactions({ ctx: as("FINANCE", exportAccount, without), input: {} })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(exportUsers({ ctx: as("OWNER", foreign), input: {} })).rejects.toBeInstanceOf(NotFoundError);
    expect(await audits()).toBe(before);
  });

  it("streams a 20,000-event export: the first rows leave before the later batches are read", async () => {
    const big = await createTestAccount(hub, { baseUrl: "https://api.sandbox.mangopay.com" });
    const start = Date.parse("2025-06-01T00:00:00Z");
    for (let chunk = 0; chunk < 4; chunk++)
      await db.mirrorEvent.createMany({
        data: Array.from({ length: 5_000 }, (_, i) => {
          const n = chunk * 5_000 + i;
          return event(
            big,
            hub.hubId,
            n % 2 ? "PAYIN_NORMAL_SUCCEEDED" : "PAYOUT_NORMAL_FAILED",
            new Date(start + n * 60_000),
            `e${n}`,
          );
        }),
      });
    current = hub.ctx("OWNER");
    const route = await import("@/app/(dashboard)/accounts/[accountId]/events/export/route");
    const reads = jest.spyOn(db.mirrorEvent, "findMany");
    try {
      const res = await get("events/export", route, big.id);
      const reader = res.body?.getReader();
      if (!reader) throw new Error("no body");
      const first = await reader.read();
      expect(new TextDecoder().decode(first.value)).toMatch(/^date_utc,event_type,resource_id,recorded_utc\n/);
      expect(reads.mock.calls.length).toBeLessThanOrEqual(2);
      let text = new TextDecoder().decode(first.value);
      for (;;) {
        const next = await reader.read();
        if (next.done) break;
        text += new TextDecoder().decode(next.value);
      }
      const rows = text.trim().split("\n");
      expect(rows).toHaveLength(20_001);
      expect(rows[1]?.split(",").slice(1, 3)).toEqual(["PAYIN_NORMAL_SUCCEEDED", "e19999"]);
      expect(rows[20_000]?.split(",").slice(1, 3)).toEqual(["PAYOUT_NORMAL_FAILED", "e0"]);
      expect(new Set(rows).size).toBe(20_001);
      expect(reads.mock.calls.length).toBe(21);
    } finally {
      reads.mockRestore();
    }
    // The filters apply to the export as to the page.
    const filtered = await get("events/export?types=PAYOUT_NORMAL_FAILED&from=2025-06-01&to=2025-06-01", route, big.id);
    const rows = await lines(filtered);
    expect(rows).toHaveLength(1 + 720);
    expect(rows.slice(1).every((r) => r.includes(",PAYOUT_NORMAL_FAILED,"))).toBe(true);
    // A day that does not exist is refused, not dropped (which would export every event).
    const refused = await get("events/export?types=PAYOUT_NORMAL_FAILED&from=2025-13-45", route, big.id);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/^Invalid filters\.\nfrom: /);
  });
});

describe("the Hub home's accounts at a glance", () => {
  it("shows each account the member may open, one metric per query, each only where permitted", async () => {
    const h = await createTestHub();
    const base = "https://api.sandbox.mangopay.com";
    const a = await createTestAccount(h, { baseUrl: base });
    const b = await createTestAccount(h, { baseUrl: base });
    const ownersOnly = await createTestAccount(h, { baseUrl: base, access: ["OWNER"] });
    const now = Date.now();
    await db.mirrorTransaction.createMany({
      data: [
        transaction(a, h.hubId, { at: daysAgo(1, now), debited: 10_000, fees: 100 }),
        transaction(a, h.hubId, { at: daysAgo(2, now), currency: "GBP", debited: 500, fees: 5 }),
        transaction(a, h.hubId, { at: daysAgo(40, now), debited: 77_777, fees: 777 }),
        transaction(a, h.hubId, { at: daysAgo(3, now), status: "FAILED", debited: 9_999 }),
        transaction(b, h.hubId, { at: daysAgo(4, now), type: "PAYOUT", status: "FAILED" }),
        transaction(b, h.hubId, { at: daysAgo(5, now), type: "PAYOUT", status: "FAILED" }),
        transaction(ownersOnly, h.hubId, { at: daysAgo(1, now), debited: 1 }),
      ],
    });
    const dispute = (acc: Account, status: string) => ({
      hubId: h.hubId,
      apiAccountId: acc.id,
      mangopayId: `d${uid()}`,
      initialTransactionId: `t${uid()}`,
      status,
      currency: "EUR",
      disputedMinor: 1000n,
      createdAt: daysAgo(60, now),
      raw: {},
    });
    await db.mirrorDispute.createMany({
      data: [
        dispute(a, "PENDING_CLIENT_ACTION"),
        dispute(a, "REOPENED_PENDING_CLIENT_ACTION"),
        dispute(a, "CLOSED"),
        dispute(b, "SUBMITTED"),
      ],
    });
    const kyc = (acc: Account, status: string) => ({
      hubId: h.hubId,
      apiAccountId: acc.id,
      mangopayId: `k${uid()}`,
      userId: `u${uid()}`,
      type: "IDENTITY_PROOF",
      status,
      createdAt: daysAgo(90, now),
      raw: {},
    });
    await db.mirrorKycDocument.createMany({
      data: [kyc(a, "REFUSED"), kyc(a, "VALIDATED"), kyc(b, "OUT_OF_DATE"), kyc(b, "REFUSED")],
    });
    await connect(a, h.hubId, 90);
    // The Developer may not read transactions on b.
    await db.accountAccess.updateMany({
      where: { membershipId: h.members.DEVELOPER.membershipId, apiAccountId: b.id },
      data: { grants: roleAccountPermissions("DEVELOPER").filter((p) => p !== "transactions.read") },
    });
    const byName = (rows: Awaited<ReturnType<typeof listAccountOverviews>>) =>
      Object.fromEntries(rows.map((r) => [r.accountId, r]));
    const dev = byName(await listAccountOverviews({ ctx: h.ctx("DEVELOPER") }));
    expect(Object.keys(dev).sort()).toEqual([a.id, b.id].sort());
    expect(dev[a.id]).toMatchObject({
      volume: [
        { currency: "EUR", amountMinor: 10_000 },
        { currency: "GBP", amountMinor: 500 },
      ],
      fees: [
        { currency: "EUR", amountMinor: 100 },
        { currency: "GBP", amountMinor: 5 },
      ],
      failedPayouts: 0,
      openDisputes: 2,
      kycIssues: 1,
      freshness: { connected: true },
    });
    expect(dev[a.id]?.freshness.secondsAgo).toBeGreaterThanOrEqual(90);
    expect(dev[b.id]).toMatchObject({
      volume: null,
      fees: null,
      failedPayouts: 2,
      openDisputes: 0,
      kycIssues: 2,
      freshness: { connected: false },
    });
    const owner = byName(await listAccountOverviews({ ctx: h.ctx("OWNER") }));
    expect(owner[ownersOnly.id]?.volume).toEqual([{ currency: "EUR", amountMinor: 1 }]);
    expect(owner[b.id]?.volume).toEqual([]);
  });
});

describe("the Hub home's 30-day sums from the hourly aggregate", () => {
  it("equal the sums over the transactions themselves, at the window's edges and after updates and deletions", async () => {
    const h = await createTestHub();
    const base = "https://api.sandbox.mangopay.com";
    const a = await createTestAccount(h, { baseUrl: base });
    const b = await createTestAccount(h, { baseUrl: base });
    // Not on a whole hour: the window starts inside an hour.
    const now = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000 + 37 * 60_000 + 12_345);
    const since = new Date(now.getTime() - 30 * DAY_MS);
    const firstWholeHour = new Date(Math.ceil(since.getTime() / 3_600_000) * 3_600_000);
    const at = (ms: number) => new Date(ms);
    const edges = [
      since.getTime() - 1,
      since.getTime(),
      since.getTime() + 10 * 60_000,
      firstWholeHour.getTime() - 1,
      firstWholeHour.getTime(),
      firstWholeHour.getTime() + 5 * 3_600_000,
      now.getTime() - 3_600_000,
      now.getTime() + 2 * 3_600_000,
    ];
    const statuses = ["SUCCEEDED", "FAILED", "CREATED"];
    const types = ["PAYIN", "PAYOUT", "TRANSFER"];
    const currencies = ["EUR", "GBP", "JPY"];
    const rows = [
      ...edges.flatMap((ms, i) =>
        [a, b].map((acc, j) =>
          transaction(acc, h.hubId, {
            at: at(ms),
            status: statuses[(i + j) % 2],
            type: types[(i + j) % 3],
            currency: currencies[i % 3],
            debited: 1_000 + i * 17 + j,
            fees: i + j,
          }),
        ),
      ),
      // Spread over 32 days, so some fall before the window.
      ...Array.from({ length: 300 }, (_, i) =>
        transaction(i % 2 ? a : b, h.hubId, {
          at: at(now.getTime() - ((i * 7_919_993) % (32 * DAY_MS))),
          status: statuses[i % 3],
          type: types[(i * 7) % 3],
          currency: currencies[(i * 5) % 3],
          debited: 100 + ((i * 37) % 5_000),
          fees: (i * 13) % 50,
        }),
      ),
      // A currency whose only transaction is deleted below.
      {
        ...transaction(a, h.hubId, { at: at(now.getTime() - DAY_MS), currency: "USD", debited: 5 }),
        mangopayId: "gone",
      },
    ];
    await db.mirrorTransaction.createMany({ data: rows });
    // Re-read with another status, another amount; one deleted: the aggregate keeps zero rows.
    await db.mirrorTransaction.updateMany({
      where: { apiAccountId: a.id, status: "SUCCEEDED", type: "PAYOUT" },
      data: { status: "FAILED" },
    });
    await db.mirrorTransaction.updateMany({
      where: { apiAccountId: b.id, status: "SUCCEEDED", currency: "GBP" },
      data: { debitedMinor: 4_242n, feesMinor: 42n },
    });
    await db.mirrorTransaction.deleteMany({ where: { apiAccountId: a.id, mangopayId: "gone" } });
    expect(
      await db.mirrorTransactionHour.count({ where: { apiAccountId: a.id, currency: "USD", count: 0 } }),
    ).toBeGreaterThan(0);

    // The same figures read row by row from the transactions.
    const direct = async (acc: Account) => {
      const where = { hubId: h.hubId, apiAccountId: acc.id, createdAt: { gte: since } };
      const sums = await db.mirrorTransaction.groupBy({
        by: ["currency"],
        where: { ...where, status: "SUCCEEDED" },
        _sum: { debitedMinor: true, feesMinor: true },
        orderBy: { currency: "asc" },
      });
      return {
        volume: sums.map((s) => ({ currency: s.currency, amountMinor: Number(s._sum.debitedMinor) })),
        fees: sums.map((s) => ({ currency: s.currency, amountMinor: Number(s._sum.feesMinor) })),
        failedPayouts: await db.mirrorTransaction.count({ where: { ...where, type: "PAYOUT", status: "FAILED" } }),
      };
    };
    const overviews = await listAccountOverviews({ ctx: h.ctx("OWNER"), now });
    for (const acc of [a, b]) {
      const expected = await direct(acc);
      expect(expected.volume.length).toBeGreaterThan(1);
      expect(expected.failedPayouts).toBeGreaterThan(0);
      const got = overviews.find((o) => o.accountId === acc.id);
      expect({ volume: got?.volume, fees: got?.fees, failedPayouts: got?.failedPayouts }).toEqual(expected);
    }
    expect(overviews.find((o) => o.accountId === a.id)?.volume?.map((v) => v.currency)).not.toContain("USD");

    // Read from the aggregate indeed: a change to an hour of the aggregate alone shows in the sums.
    const hour = await db.mirrorTransactionHour.findFirstOrThrow({
      where: { apiAccountId: b.id, status: "SUCCEEDED", hour: { gte: firstWholeHour }, count: { gt: 0 } },
    });
    await db.mirrorTransactionHour.update({
      where: {
        apiAccountId_hour_currency_type_status: {
          apiAccountId: b.id,
          hour: hour.hour,
          currency: hour.currency,
          type: hour.type,
          status: hour.status,
        },
      },
      data: { debitedMinor: { increment: 1_000_000 } },
    });
    const tampered = (await listAccountOverviews({ ctx: h.ctx("OWNER"), now })).find((o) => o.accountId === b.id);
    const before = (await direct(b)).volume.find((v) => v.currency === hour.currency)?.amountMinor ?? 0;
    expect(tampered?.volume?.find((v) => v.currency === hour.currency)?.amountMinor).toBe(before + 1_000_000);
  });
});

describe("freshness", () => {
  it("says an account without a webhook endpoint is not connected and never synced", async () => {
    expect(await getMirrorFreshness({ ctx: as("READ_ONLY", second), input: { view: "events" } })).toEqual({
      connected: false,
      lastSyncedAt: null,
      secondsAgo: null,
    });
  });

  it("is the latest of the last processed ping, the last page a backfill wrote and the last reconciliation", async () => {
    const h = await createTestHub();
    const acc = await createTestAccount(h, { baseUrl: "https://api.sandbox.mangopay.com" });
    const ctx = accountContextFor(h, "READ_ONLY", acc);
    const fresh = () => getMirrorFreshness({ ctx, input: { view: "users" } });
    const ago = (s: number) => new Date(Date.now() - s * 1000);
    // A backfill without a webhook endpoint: not connected, yet synced by its pages.
    const backfill = await db.mirrorBackfill.create({
      data: {
        hubId: h.hubId,
        apiAccountId: acc.id,
        runId: "r1",
        status: "RUNNING",
        phase: "user",
        eventsSince: ago(86_400),
        lastPageAt: ago(3_000),
      },
    });
    expect(await fresh()).toEqual({
      connected: false,
      lastSyncedAt: backfill.lastPageAt?.toISOString(),
      secondsAgo: expect.any(Number),
    });
    expect((await fresh()).secondsAgo).toBeGreaterThanOrEqual(3_000);
    // A processed ping newer than the page.
    await connect(acc, h.hubId, 2_000);
    expect((await fresh()).secondsAgo).toBeGreaterThanOrEqual(2_000);
    expect((await fresh()).secondsAgo).toBeLessThan(2_100);
    // A reconciliation run newer still.
    const reconciledAt = ago(1_000);
    await db.webhookEndpoint.update({ where: { apiAccountId: acc.id }, data: { reconciledAt } });
    expect(await fresh()).toMatchObject({ connected: true, lastSyncedAt: reconciledAt.toISOString() });
    // Then the backfill writes a page: the newest of the three.
    const lastPageAt = ago(10);
    await db.mirrorBackfill.update({ where: { id: backfill.id }, data: { lastPageAt } });
    expect(await fresh()).toMatchObject({ lastSyncedAt: lastPageAt.toISOString() });
    // The Hub home reads the same.
    const [overview] = await listAccountOverviews({ ctx: h.ctx("OWNER") });
    expect(overview?.freshness).toMatchObject({ connected: true, lastSyncedAt: lastPageAt.toISOString() });
  });
});
