/** @jest-environment node */
import { writeAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { ForbiddenError } from "@/lib/server/errors";
import { CSV_COLUMNS } from "@/lib/services/security/csv";
import { exportAuditEvents } from "@/lib/services/security/export-events";
import { listAuditEvents } from "@/lib/services/security/list-events";
import { listSecurityFilterOptions } from "@/lib/services/security/list-filter-options";
import { parseSecurityFilter, SECURITY_PAGE_SIZE } from "@/lib/services/security/schemas";
import { createTestAccount, createTestHub, type TestHub } from "./factories";

// Each test file has its own Prisma pool: close it so files do not exhaust the database's sockets.
afterAll(() => db.$disconnect());

let hub: TestHub;
let other: TestHub;
let accountId: string;

beforeAll(async () => {
  hub = await createTestHub();
  other = await createTestHub();
  accountId = (await createTestAccount(hub, { baseUrl: "http://127.0.0.1:9", access: [] })).id;
  const admin = hub.members.ADMIN;
  await db.$transaction(async (tx) => {
    // 60 team events by the admin, 5 account events by the owner on one day, 1 in the other Hub.
    for (let i = 0; i < 60; i++) {
      await writeAudit(
        tx,
        { actor: { id: admin.userId, email: admin.email } },
        { hubId: hub.hubId, action: "team.invite.create", target: { type: "invite", id: `i${i}` } },
      );
    }
    for (let i = 0; i < 5; i++) {
      await writeAudit(
        tx,
        { actor: { id: hub.members.OWNER.userId, email: hub.members.OWNER.email } },
        { hubId: hub.hubId, apiAccountId: accountId, action: "api_account.rename" },
      );
    }
    await writeAudit(tx, null, { hubId: other.hubId, action: "team.invite.create" });
  });
  await db.auditEvent.updateMany({
    where: { hubId: hub.hubId, action: "api_account.rename" },
    data: { createdAt: new Date("2026-01-15T12:00:00Z") },
  });
});

async function exported(ctx: ReturnType<TestHub["ctx"]>, params: Record<string, string>) {
  const rows: string[][] = [];
  for await (const r of await exportAuditEvents({ ctx, input: parseSecurityFilter(params) })) rows.push(r);
  return rows;
}

describe("security history", () => {
  it("pages through this Hub's events only", async () => {
    const page1 = await listAuditEvents({ ctx: hub.ctx("OWNER"), input: parseSecurityFilter({}) });
    expect(page1.total).toBe(65);
    expect(page1.events).toHaveLength(SECURITY_PAGE_SIZE);
    expect(page1.pageCount).toBe(2);
    const page2 = await listAuditEvents({ ctx: hub.ctx("OWNER"), input: parseSecurityFilter({ page: "2" }) });
    expect(page2.events).toHaveLength(15);
  });

  it("filters by member, action, account and local date range", async () => {
    const byMember = await listAuditEvents({
      ctx: hub.ctx("FINANCE"),
      input: parseSecurityFilter({ member: hub.members.OWNER.userId }),
    });
    expect(byMember.total).toBe(5);
    const byAccount = await listAuditEvents({
      ctx: hub.ctx("OWNER"),
      input: parseSecurityFilter({ account: accountId }),
    });
    expect(byAccount.events.every((e) => e.apiAccountId === accountId && e.apiAccountName)).toBe(true);
    expect(
      (await listAuditEvents({ ctx: hub.ctx("OWNER"), input: parseSecurityFilter({ action: "team.invite.create" }) }))
        .total,
    ).toBe(60);
    const day = await listAuditEvents({
      ctx: hub.ctx("OWNER"),
      input: parseSecurityFilter({ from: "2026-01-15", to: "2026-01-15", tz: "-60" }),
    });
    expect(day.total).toBe(5);
    // 12:00Z is 02:00 next day at UTC+14: not on the 15th there.
    expect(
      (
        await listAuditEvents({
          ctx: hub.ctx("OWNER"),
          input: parseSecurityFilter({ from: "2026-01-15", to: "2026-01-15", tz: "-840" }),
        })
      ).total,
    ).toBe(0);
  });

  it("exports exactly the filtered rows, across all pages", async () => {
    const all = await exported(hub.ctx("ADMIN"), { action: "team.invite.create" });
    expect(all).toHaveLength(60);
    expect(all.every((r) => r[CSV_COLUMNS.indexOf("action")] === "team.invite.create")).toBe(true);
    // The export is audited with its filter, and its own row is not part of what it exports.
    const audit = await db.auditEvent.findFirst({
      where: { hubId: hub.hubId, action: "security.export" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit).toMatchObject({
      actorEmail: hub.members.ADMIN.email,
      metadata: { filter: { action: "team.invite.create" } },
    });
    expect(
      (await exported(hub.ctx("ADMIN"), { action: "security.export" })).map((r) => r[CSV_COLUMNS.indexOf("action")]),
    ).toEqual(["security.export"]);
    const filtered = await exported(hub.ctx("ADMIN"), { account: accountId });
    const page = await listAuditEvents({ ctx: hub.ctx("ADMIN"), input: parseSecurityFilter({ account: accountId }) });
    expect(filtered.map((r) => r[0])).toEqual(page.events.map((e) => e.createdAt.toISOString()));
  });

  it("refuses roles without hub.security.read and never shows another Hub's rows", async () => {
    await expect(listAuditEvents({ ctx: hub.ctx("OPERATOR"), input: parseSecurityFilter({}) })).rejects.toThrow(
      ForbiddenError,
    );
    await expect(exported(hub.ctx("READ_ONLY"), {})).rejects.toThrow(ForbiddenError);
    await expect(listSecurityFilterOptions({ ctx: hub.ctx("DEVELOPER") })).rejects.toThrow(ForbiddenError);
    expect(
      (await listAuditEvents({ ctx: other.ctx("OWNER"), input: parseSecurityFilter({ account: accountId }) })).total,
    ).toBe(0);
    const options = await listSecurityFilterOptions({ ctx: hub.ctx("OWNER") });
    expect(options.members.map((m) => m.email).sort()).toEqual(
      [hub.members.ADMIN.email, hub.members.OWNER.email].sort(),
    );
  });
});
