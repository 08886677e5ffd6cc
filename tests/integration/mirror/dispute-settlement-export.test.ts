/** @jest-environment node */
// The disputes export's "To settle" queue: MANGOPAY's own list of lost disputes whose repudiation is
// not repaid yet, which the mirror cannot tell apart, read from a private seeded emulator over HTTP
// through the export route with the session faked. Expected values come from the emulator itself.
import { disputes as mpDisputes, iterateAll } from "@/lib/mangopay";
import type { Dispute } from "@/lib/mangopay/schemas/disputes";
import type { AccountContext, HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { roleAccountPermissions } from "@/lib/server/permissions";
import { createTestAccount, createTestHub, type TestHub } from "../hub/factories";
import { startTestEmulator, type TestEmulator } from "../mangopay/helpers";

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

type Route = { GET: (r: Request, c: { params: Promise<{ accountId: string }> }) => Promise<Response> };
const route = () => import("@/app/(dashboard)/accounts/[accountId]/disputes/export/route") as Promise<Route>;

let emu: TestEmulator;
let hub: TestHub;
let other: TestHub;
let account: AccountContext["account"];
let raw: ReturnType<TestEmulator["client"]>["client"];

beforeAll(async () => {
  emu = await startTestEmulator(7);
  const marketplace = emu.clients.find((c) => c.ClientId === "demo-marketplace");
  if (!marketplace) throw new Error("the emulator has no demo-marketplace client");
  [hub, other] = await Promise.all([createTestHub(), createTestHub()]);
  account = await createTestAccount(hub, {
    baseUrl: emu.url,
    clientId: marketplace.ClientId,
    apiKey: marketplace.ApiKey,
  });
  raw = emu.client().client;
}, 60_000);

afterAll(async () => {
  await emu?.close();
  await db.$disconnect();
});

afterEach(() => emu.clearFaults());

async function get(query: string, accountId = account.id): Promise<Response> {
  return (await route()).GET(new Request(`http://dashboard.test/accounts/${accountId}/disputes/export?${query}`), {
    params: Promise.resolve({ accountId }),
  });
}
const rowsOf = async (res: Response) => (await res.text()).trim().split("\n");
const exportAudits = () =>
  db.auditEvent.count({ where: { hubId: hub.hubId, apiAccountId: account.id, action: "mirror.export" } });

async function pendingSettlement(filters: { DisputeType?: string } = {}): Promise<Dispute[]> {
  const all: Dispute[] = [];
  const pages = (page: number) => mpDisputes.listPendingSettlement(raw, { page, perPage: 100, filters });
  for await (const d of iterateAll(pages)) all.push(d);
  return all;
}

describe("the disputes export's 'To settle' queue", () => {
  it("holds exactly MANGOPAY's lost disputes still to settle, with their amounts and result, and is audited", async () => {
    current = hub.ctx("OWNER");
    const expected = await pendingSettlement();
    expect(expected.length).toBeGreaterThan(0);
    const before = await exportAudits();
    const res = await get("quick=to-settle");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="disputes-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = await rowsOf(res);
    expect(rows[0]).toBe(
      "id,type,status,result_code,reason_type,currency,disputed_amount,disputed_minor,contested_amount,contested_minor,contest_deadline_utc,initial_transaction_id,user_id,tag,created_utc,closed_utc,synced_utc",
    );
    expect(rows.slice(1).map((r) => r.split(",")[0])).toEqual(
      [...expected].sort((a, b) => b.CreationDate.getTime() - a.CreationDate.getTime()).map((d) => d.Id),
    );
    const first = expected.find((d) => d.Id === rows[1]?.split(",")[0]);
    const cells = rows[1]?.split(",") ?? [];
    expect(cells.slice(1, 4)).toEqual([first?.DisputeType, "CLOSED", "LOST"]);
    expect(cells[5]).toBe(first?.DisputedFunds.Currency);
    expect(Number(cells[7])).toBe(first?.DisputedFunds.Amount);
    expect(Number(cells[6])).toBeCloseTo((first?.DisputedFunds.Amount ?? 0) / 100, 2);
    expect(cells[11]).toBe(first?.InitialTransactionId);
    expect(await exportAudits()).toBe(before + 1);
  });

  it("applies the page's type filter as MANGOPAY does", async () => {
    current = hub.ctx("OWNER");
    const all = await pendingSettlement();
    const type = all[0]?.DisputeType ?? "CONTESTABLE";
    const expected = await pendingSettlement({ DisputeType: type });
    const rows = await rowsOf(await get(`quick=to-settle&type=${type}`));
    expect(
      rows
        .slice(1)
        .map((r) => r.split(",")[0])
        .sort(),
    ).toEqual(expected.map((d) => d.Id).sort());
    expect(rows.slice(1).every((r) => r.split(",")[1] === type)).toBe(true);
  });

  it("answers MANGOPAY's failure with its reason (502) instead of a cut-off file, and audits nothing", async () => {
    current = hub.ctx("OWNER");
    await emu.control("POST", "/faults", {
      kind: "error",
      route: "/disputes/pendingsettlement",
      status: 503,
      rate: 1,
    });
    const before = await exportAudits();
    const res = await get("quick=to-settle");
    expect(res.status).toBe(502);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await res.text()).toMatch(/^MANGOPAY unavailable\./);
    expect(await exportAudits()).toBe(before);
  });

  it("refuses another Hub (404) and a member whose grants leave out disputes, auditing nothing", async () => {
    const before = await exportAudits();
    current = other.ctx("OWNER");
    await expect(get("quick=to-settle")).rejects.toMatchObject({ digest: expect.stringMatching(/404/) });
    await db.accountAccess.updateMany({
      where: { membershipId: hub.members.FINANCE.membershipId, apiAccountId: account.id },
      data: { grants: roleAccountPermissions("FINANCE").filter((p) => p !== "disputes.read") },
    });
    current = hub.ctx("FINANCE");
    await expect(get("quick=to-settle")).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT;.*denied=1/),
    });
    expect(await exportAudits()).toBe(before);
  });
});
