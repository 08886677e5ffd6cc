/** @jest-environment node */
// The compliance (KYC documents) and disputes CSV exports from the mirror, through their route handlers
// with the session faked, on mirror rows this file inserts for its own Hubs: the pages' filters, the
// columns and values an operator reads, refusals (permission, another Hub, hostile query strings).
import type { AccountContext, HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { ForbiddenError, NotFoundError } from "@/lib/server/errors";
import { roleAccountPermissions } from "@/lib/server/permissions";
import { exportDisputes } from "@/lib/services/exports/export-disputes";
import { exportKycDocuments } from "@/lib/services/exports/export-kyc-documents";
import { getMirrorFreshness } from "@/lib/services/mirror-reads/get-freshness";
import { accountContextFor, createTestAccount, createTestHub, type TestHub } from "../hub/factories";

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

type Account = AccountContext["account"];
type Route = { GET: (r: Request, c: { params: Promise<{ accountId: string }> }) => Promise<Response> };

const SANDBOX = "https://api.sandbox.mangopay.com";
let hub: TestHub;
let other: TestHub;
let account: Account;
let foreign: Account;

function kycDocument(
  a: Account,
  hubId: string,
  d: { id: string; type: string; status: string; at: string; reason?: string; message?: string; tag?: string },
) {
  return {
    hubId,
    apiAccountId: a.id,
    mangopayId: d.id,
    userId: `user-${d.id}`,
    type: d.type,
    status: d.status,
    refusedReasonType: d.reason ?? null,
    tag: d.tag ?? null,
    createdAt: new Date(d.at),
    processedAt: d.status === "CREATED" ? null : new Date(Date.parse(d.at) + 3_600_000),
    raw: { Id: d.id, Type: d.type, Status: d.status, RefusedReasonMessage: d.message ?? null },
  };
}

function dispute(
  a: Account,
  hubId: string,
  d: {
    id: string;
    status: string;
    at: string;
    type?: string;
    currency?: string;
    disputed?: number;
    contested?: number;
    resultCode?: string;
    payInId?: string;
    reason?: string;
  },
) {
  const currency = d.currency ?? "EUR";
  return {
    hubId,
    apiAccountId: a.id,
    mangopayId: d.id,
    initialTransactionId: d.payInId ?? `payin-${d.id}`,
    disputeType: d.type ?? "CONTESTABLE",
    status: d.status,
    resultCode: d.resultCode ?? null,
    currency,
    disputedMinor: BigInt(d.disputed ?? 1000),
    contestDeadline: new Date(Date.parse(d.at) + 7 * 86_400_000),
    createdAt: new Date(d.at),
    raw: {
      Id: d.id,
      DisputeReason: { DisputeReasonType: d.reason ?? "OTHER", DisputeReasonMessage: null },
      ContestedFunds: d.contested === undefined ? null : { Amount: d.contested, Currency: currency },
    },
  };
}

beforeAll(async () => {
  [hub, other] = await Promise.all([createTestHub(), createTestHub()]);
  account = await createTestAccount(hub, { baseUrl: SANDBOX });
  foreign = await createTestAccount(other, { baseUrl: SANDBOX });
  const h = hub.hubId;
  await db.mirrorKycDocument.createMany({
    data: [
      kycDocument(account, h, {
        id: "kyc-refused-id",
        type: "IDENTITY_PROOF",
        status: "REFUSED",
        at: "2026-03-02T10:00:00Z",
        reason: "DOCUMENT_UNREADABLE",
        message: "=cmd|' /C calc'!A0",
        tag: "@SUM(1)",
      }),
      kycDocument(account, h, {
        id: "kyc-validated-id",
        type: "IDENTITY_PROOF",
        status: "VALIDATED",
        at: "2026-03-03T10:00:00Z",
      }),
      kycDocument(account, h, {
        id: "kyc-refused-registration",
        type: "REGISTRATION_PROOF",
        status: "REFUSED",
        at: "2026-03-04T10:00:00Z",
        reason: "DOCUMENT_FALSIFIED",
      }),
      kycDocument(account, h, {
        id: "kyc-refused-april",
        type: "IDENTITY_PROOF",
        status: "REFUSED",
        at: "2026-04-01T00:00:00Z",
        reason: "DOCUMENT_UNREADABLE",
      }),
      // Another Hub's document in the same days: never exported here.
      kycDocument(foreign, other.hubId, {
        id: "kyc-other-hub",
        type: "IDENTITY_PROOF",
        status: "REFUSED",
        at: "2026-03-02T11:00:00Z",
      }),
    ],
  });
  const ubo = (
    a: Account,
    hubId: string,
    id: string,
    status: string,
    at: string,
    extra: Record<string, unknown> = {},
  ) => ({
    hubId,
    apiAccountId: a.id,
    mangopayId: id,
    userId: `legal-${id}`,
    status,
    reason: (extra.Reason as string | undefined) ?? null,
    tag: null,
    createdAt: new Date(at),
    processedAt: status === "CREATED" ? null : new Date(Date.parse(at) + 86_400_000),
    raw: { Id: id, Status: status, Ubos: [], ...extra },
  });
  await db.mirrorUboDeclaration.createMany({
    data: [
      ubo(account, h, "ubo-refused", "REFUSED", "2026-03-02T09:00:00Z", {
        Reason: "MISSING_UBO",
        Message: '+HYPERLINK("http://evil.test")',
        Ubos: [{ Id: "u1" }, { Id: "u2" }],
      }),
      ubo(account, h, "ubo-validated", "VALIDATED", "2026-03-20T09:00:00Z", { Ubos: [{ Id: "u3" }] }),
      ubo(account, h, "ubo-created-april", "CREATED", "2026-04-02T09:00:00Z"),
      ubo(foreign, other.hubId, "ubo-other-hub", "REFUSED", "2026-03-02T10:00:00Z"),
    ],
  });
  await db.mirrorDispute.createMany({
    data: [
      dispute(account, h, {
        id: "dsp-waiting",
        status: "PENDING_CLIENT_ACTION",
        at: "2026-03-05T08:00:00Z",
        disputed: 12_345,
        contested: 5_000,
        payInId: "payin-ada",
        reason: "DUPLICATE",
      }),
      dispute(account, h, {
        id: "dsp-reopened-jpy",
        status: "REOPENED_PENDING_CLIENT_ACTION",
        type: "NOT_CONTESTABLE",
        currency: "JPY",
        disputed: 1_200,
        at: "2026-03-06T08:00:00Z",
      }),
      dispute(account, h, {
        id: "dsp-lost",
        status: "CLOSED",
        resultCode: "LOST",
        at: "2026-03-07T08:00:00Z",
      }),
      dispute(account, h, { id: "dsp-waiting-may", status: "PENDING_CLIENT_ACTION", at: "2026-05-01T08:00:00Z" }),
      dispute(foreign, other.hubId, {
        id: "dsp-other-hub",
        status: "PENDING_CLIENT_ACTION",
        at: "2026-03-05T09:00:00Z",
      }),
    ],
  });
  // The disputed pay-in of the first dispute is mirrored: its author is the "User" column.
  await db.mirrorTransaction.create({
    data: {
      hubId: h,
      apiAccountId: account.id,
      mangopayId: "payin-ada",
      type: "PAYIN",
      nature: "REGULAR",
      status: "SUCCEEDED",
      authorId: "user-ada",
      currency: "EUR",
      debitedMinor: 12_345n,
      creditedMinor: 12_345n,
      feesMinor: 0n,
      createdAt: new Date("2026-03-01T08:00:00Z"),
      raw: {},
    },
  });
});

async function get(route: Route, path: string, accountId = account.id): Promise<Response> {
  return route.GET(new Request(`http://dashboard.test/accounts/${accountId}/${path}`), {
    params: Promise.resolve({ accountId }),
  });
}
const rowsOf = async (res: Response) => (await res.text()).trim().split("\n");
const column = (rows: string[], index: number) => rows.slice(1).map((r) => r.split(",")[index]);
const complianceRoute = () => import("@/app/(dashboard)/accounts/[accountId]/compliance/export/route");
const disputesRoute = () => import("@/app/(dashboard)/accounts/[accountId]/disputes/export/route");
const exportAudits = (accountId = account.id) =>
  db.auditEvent.count({ where: { hubId: hub.hubId, apiAccountId: accountId, action: "mirror.export" } });

describe("the compliance export", () => {
  it("exports the KYC documents with exactly the page's filters, formulas neutralised, and audits who and what", async () => {
    current = hub.ctx("READ_ONLY");
    const route = await complianceRoute();
    const res = await get(route, "compliance/export?type=IDENTITY_PROOF&status=REFUSED&from=2026-03-01&to=2026-03-31");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="kyc-documents-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows = await rowsOf(res);
    expect(rows).toEqual([
      "id,user_id,type,status,refused_reason_type,refused_reason_message,tag,created_utc,processed_utc,synced_utc",
      expect.stringMatching(
        /^kyc-refused-id,user-kyc-refused-id,IDENTITY_PROOF,REFUSED,DOCUMENT_UNREADABLE,'=cmd\|' \/C calc'!A0,'@SUM\(1\),2026-03-02T10:00:00\.000Z,2026-03-02T11:00:00\.000Z,\d{4}-/,
      ),
    ]);
    const audit = await db.auditEvent.findFirst({
      where: { hubId: hub.hubId, apiAccountId: account.id, action: "mirror.export" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit?.actorUserId).toBe(hub.members.READ_ONLY.userId);
    expect(audit?.metadata).toEqual({
      list: "compliance",
      filters: { type: "IDENTITY_PROOF", status: "REFUSED", from: "2026-03-01", to: "2026-03-31" },
    });
  });

  it("exports every document of the account newest first without filters, and by status or day alone", async () => {
    current = hub.ctx("OPERATOR");
    const route = await complianceRoute();
    expect(column(await rowsOf(await get(route, "compliance/export")), 0)).toEqual([
      "kyc-refused-april",
      "kyc-refused-registration",
      "kyc-validated-id",
      "kyc-refused-id",
    ]);
    expect(column(await rowsOf(await get(route, "compliance/export?status=REFUSED&to=2026-03-31")), 0)).toEqual([
      "kyc-refused-registration",
      "kyc-refused-id",
    ]);
    // Inclusive days: the first second of April is in "from April 1st", not in "to March 31st".
    expect(column(await rowsOf(await get(route, "compliance/export?from=2026-04-01&to=2026-04-01")), 0)).toEqual([
      "kyc-refused-april",
    ]);
  });
});

describe("the UBO declarations export", () => {
  const uboRoute = () => import("@/app/(dashboard)/accounts/[accountId]/compliance/ubo-declarations/export/route");

  it("exports the declarations of the page's days with their owners counted, formulas neutralised, and audits it", async () => {
    current = hub.ctx("OPERATOR");
    const res = await get(await uboRoute(), "compliance/ubo-declarations/export?from=2026-03-01&to=2026-03-31");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/filename="ubo-declarations-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = await rowsOf(res);
    expect(rows[0]).toBe("id,user_id,status,reason,message,ubo_count,tag,created_utc,processed_utc,synced_utc");
    expect(rows.slice(1).map((r) => r.split(",").slice(0, 9))).toEqual([
      [
        "ubo-validated",
        "legal-ubo-validated",
        "VALIDATED",
        "",
        "",
        "1",
        "",
        "2026-03-20T09:00:00.000Z",
        "2026-03-21T09:00:00.000Z",
      ],
      [
        "ubo-refused",
        "legal-ubo-refused",
        "REFUSED",
        "MISSING_UBO",
        `"'+HYPERLINK(""http://evil.test"")"`,
        "2",
        "",
        "2026-03-02T09:00:00.000Z",
        "2026-03-03T09:00:00.000Z",
      ],
    ]);
    const audit = await db.auditEvent.findFirst({
      where: { hubId: hub.hubId, apiAccountId: account.id, action: "mirror.export" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit?.actorUserId).toBe(hub.members.OPERATOR.userId);
    expect(audit?.metadata).toEqual({ list: "ubo-declarations", filters: { from: "2026-03-01", to: "2026-03-31" } });
    // Every declaration of this account, newest first; by status alone.
    expect(column(await rowsOf(await get(await uboRoute(), "compliance/ubo-declarations/export")), 0)).toEqual([
      "ubo-created-april",
      "ubo-validated",
      "ubo-refused",
    ]);
    expect(
      column(await rowsOf(await get(await uboRoute(), "compliance/ubo-declarations/export?status=CREATED")), 0),
    ).toEqual(["ubo-created-april"]);
  });

  it("refuses a bad status or day (400), Finance (no UBO permission) and another Hub's account (404), auditing nothing", async () => {
    current = hub.ctx("OWNER");
    const before = await exportAudits();
    for (const [path, reason] of [
      ["compliance/ubo-declarations/export?status=OUT_OF_DATE", "status: "],
      ["compliance/ubo-declarations/export?from=2026-02-30", "from: This day does not exist."],
    ]) {
      const res = await get(await uboRoute(), path!);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain(reason);
    }
    await expect(get(await uboRoute(), "compliance/ubo-declarations/export", foreign.id)).rejects.toMatchObject({
      digest: expect.stringMatching(/404/),
    });
    current = hub.ctx("FINANCE");
    await expect(get(await uboRoute(), "compliance/ubo-declarations/export")).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT;.*denied=1/),
    });
    expect(await exportAudits()).toBe(before);
    expect(await exportAudits(foreign.id)).toBe(0);
  });
});

describe("the disputes export", () => {
  it("exports a dispute's amounts as decimals in its currency, its reason, deadline and the pay-in's author", async () => {
    current = hub.ctx("FINANCE");
    const route = await disputesRoute();
    const res = await get(route, "disputes/export?from=2026-03-01&to=2026-03-31");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/filename="disputes-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = await rowsOf(res);
    expect(rows[0]).toBe(
      "id,type,status,result_code,reason_type,currency,disputed_amount,disputed_minor,contested_amount,contested_minor," +
        "contest_deadline_utc,initial_transaction_id,user_id,tag,created_utc,closed_utc,synced_utc",
    );
    expect(column(rows, 0)).toEqual(["dsp-lost", "dsp-reopened-jpy", "dsp-waiting"]);
    expect(rows[3]?.split(",").slice(0, 16)).toEqual([
      "dsp-waiting",
      "CONTESTABLE",
      "PENDING_CLIENT_ACTION",
      "",
      "DUPLICATE",
      "EUR",
      "123.45",
      "12345",
      "50.00",
      "5000",
      "2026-03-12T08:00:00.000Z",
      "payin-ada",
      "user-ada",
      "",
      "2026-03-05T08:00:00.000Z",
      "",
    ]);
    // No minor unit in yen; no contested funds and no mirrored pay-in leave their cells empty.
    expect(rows[2]?.split(",").slice(5, 13)).toEqual([
      "JPY",
      "1200",
      "1200",
      "",
      "",
      expect.any(String),
      "payin-dsp-reopened-jpy",
      "",
    ]);
    expect(rows[1]?.split(",").slice(2, 4)).toEqual(["CLOSED", "LOST"]);
  });

  it("applies the page's filters: 'Pending client' is both waiting statuses and overrides status, as on the page", async () => {
    current = hub.ctx("OWNER");
    const route = await disputesRoute();
    const ids = async (query: string) => column(await rowsOf(await get(route, `disputes/export?${query}`)), 0);
    expect(await ids("quick=pending-client")).toEqual(["dsp-waiting-may", "dsp-reopened-jpy", "dsp-waiting"]);
    expect(await ids("quick=pending-client&status=CLOSED&to=2026-03-31")).toEqual(["dsp-reopened-jpy", "dsp-waiting"]);
    expect(await ids("status=CLOSED")).toEqual(["dsp-lost"]);
    expect(await ids("type=CONTESTABLE&to=2026-03-31")).toEqual(["dsp-lost", "dsp-waiting"]);
    expect(await ids("status=REOPENED_PENDING_CLIENT_ACTION&type=CONTESTABLE")).toEqual([]);
  });

  it("reads any number of disputes in keyset batches, each exactly once, even when many share one second", async () => {
    const big = await createTestAccount(hub, { baseUrl: SANDBOX });
    const second = "2026-02-01T12:00:00Z";
    await db.mirrorDispute.createMany({
      data: Array.from({ length: 2_500 }, (_, n) =>
        dispute(big, hub.hubId, {
          id: `bulk-${String(n).padStart(4, "0")}`,
          status: "CLOSED",
          at: n < 1_500 ? second : new Date(Date.parse(second) - n * 1_000).toISOString(),
        }),
      ),
    });
    current = hub.ctx("OWNER");
    const reads = jest.spyOn(db.mirrorDispute, "findMany");
    try {
      const rows = await rowsOf(await get(await disputesRoute(), "disputes/export", big.id));
      expect(rows).toHaveLength(2_501);
      expect(new Set(column(rows, 0)).size).toBe(2_500);
      expect(rows.at(-1)?.split(",")[0]).toBe("bulk-2499");
      // 500, then 1,000 and 1,000; a full last batch needs one more (empty) read to know it was the last.
      expect(reads.mock.calls.length).toBe(4);
    } finally {
      reads.mockRestore();
    }
  });
});

describe("refusals", () => {
  it.each([
    ["compliance/export?from=2026-02-30", "from: This day does not exist."],
    ["compliance/export?to=2026-1-5", "to: Use a day as YYYY-MM-DD."],
    ["compliance/export?from=yesterday", "from: Use a day as YYYY-MM-DD."],
    ["compliance/export?from=2026-03-31&to=2026-03-01", "to: The end date must be on or after the start date."],
    ["compliance/export?status=MAYBE", "status: "],
    ["compliance/export?status=REFUSED'%20OR%20'1'%3D'1", "status: "],
    ["compliance/export?type=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "type: "],
    ["disputes/export?status=CLOSED%3B%20DROP%20TABLE%20%22MirrorDispute%22", "status: "],
    ["disputes/export?quick=everything", "quick: "],
    ["disputes/export?type=RETRIEVAL&from=2026-13-45", "from: This day does not exist."],
  ])("answers %s with 400 and the reason, exporting and auditing nothing", async (path, reason) => {
    current = hub.ctx("OWNER");
    const route = path.startsWith("compliance") ? await complianceRoute() : await disputesRoute();
    const before = await exportAudits();
    const res = await get(route, path);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const text = await res.text();
    expect(text.startsWith("Invalid filters.\n")).toBe(true);
    expect(text).toContain(reason);
    expect(await exportAudits()).toBe(before);
  });

  it("ignores query keys that are not the page's filters (paging, unknown names)", async () => {
    current = hub.ctx("OWNER");
    const res = await get(await complianceRoute(), "compliance/export?page=3&perPage=100&sql=1%3D1&status=VALIDATED");
    expect(column(await rowsOf(res), 0)).toEqual(["kyc-validated-id"]);
  });

  it("refuses a member without the list's permission and another Hub's account (404), auditing nothing", async () => {
    const before = await exportAudits();
    // Finance does not read KYC documents.
    current = hub.ctx("FINANCE");
    await expect(get(await complianceRoute(), "compliance/export")).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT;.*denied=1/),
    });
    // Every role reads disputes: a member whose grants on this account leave it out is refused.
    const without = roleAccountPermissions("OPERATOR").filter((p) => p !== "disputes.read");
    await db.accountAccess.updateMany({
      where: { membershipId: hub.members.OPERATOR.membershipId, apiAccountId: account.id },
      data: { grants: without },
    });
    try {
      current = hub.ctx("OPERATOR");
      await expect(get(await disputesRoute(), "disputes/export")).rejects.toMatchObject({
        digest: expect.stringMatching(/^NEXT_REDIRECT;.*denied=1/),
      });
      current = hub.ctx("OWNER");
      await expect(get(await disputesRoute(), "disputes/export", foreign.id)).rejects.toMatchObject({
        digest: expect.stringMatching(/404/),
      });
      await expect(get(await complianceRoute(), "compliance/export", foreign.id)).rejects.toMatchObject({
        digest: expect.stringMatching(/404/),
      });
      expect(await exportAudits()).toBe(before);
      // The services refuse on their own too, before reading or auditing anything.
      await expect(
        exportDisputes({ ctx: accountContextFor(hub, "OPERATOR", account, without), input: {} }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        exportKycDocuments({ ctx: accountContextFor(hub, "FINANCE", account), input: {} }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        exportKycDocuments({ ctx: accountContextFor(hub, "OWNER", foreign), input: {} }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(exportDisputes({ ctx: accountContextFor(hub, "OWNER", foreign), input: {} })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect(await exportAudits()).toBe(before);
      expect(await exportAudits(foreign.id)).toBe(0);
      // The freshness line beside each export takes the same permission as its list.
      await expect(
        getMirrorFreshness({ ctx: accountContextFor(hub, "FINANCE", account), input: { view: "compliance" } }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        getMirrorFreshness({ ctx: accountContextFor(hub, "OWNER", account), input: { view: "disputes" } }),
      ).resolves.toMatchObject({ connected: false });
    } finally {
      await db.accountAccess.updateMany({
        where: { membershipId: hub.members.OPERATOR.membershipId, apiAccountId: account.id },
        data: { grants: roleAccountPermissions("OPERATOR") },
      });
    }
  });
});
