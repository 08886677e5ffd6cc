/** @jest-environment node */
// The dashboard's read services for transactions, events, compliance, disputes and hooks, on a real
// database and a private seeded emulator over HTTP. Expected values are read from the emulator
// through the MANGOPAY client directly, never hard-coded.
import {
  disputes as mpDisputes,
  events as mpEvents,
  kycDocuments as mpKyc,
  recipients as mpRecipients,
  transactions as mpTransactions,
} from "@/lib/mangopay";
import { db } from "@/lib/server/db";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { roleAccountPermissions } from "@/lib/server/permissions";
import { getDispute } from "@/lib/services/disputes/get";
import { listDisputes } from "@/lib/services/disputes/list";
import { listDisputeDocuments } from "@/lib/services/disputes/list-documents";
import { listDisputeTimeline } from "@/lib/services/disputes/list-timeline";
import { listDisputeTransactions, settlementState } from "@/lib/services/disputes/list-transactions";
import { getEventResource } from "@/lib/services/events/get-resource";
import { listEvents } from "@/lib/services/events/list";
import { listHooks } from "@/lib/services/hooks/list";
import { listKycDocuments } from "@/lib/services/kyc-documents/list";
import { getTransaction } from "@/lib/services/transactions/get";
import { listPlatformTransactions } from "@/lib/services/transactions/list-platform";
import { listWalletTransactions } from "@/lib/services/transactions/list-by-wallet";
import { listTransactionRefunds, refundableAmount } from "@/lib/services/transactions/list-refunds";
import { UpstreamServiceError } from "@/lib/services/upstream";
import { listUboDeclarations } from "@/lib/services/ubo-declarations/list";
import { accountContextFor, createTestAccount, createTestHub, type TestHub } from "../hub/factories";
import { startTestEmulator, type TestEmulator } from "../mangopay/helpers";

let emu: TestEmulator;
let hub: TestHub;
let account: Awaited<ReturnType<typeof createTestAccount>>;
let raw: ReturnType<TestEmulator["client"]>["client"];

beforeAll(async () => {
  emu = await startTestEmulator(7);
  const marketplace = emu.clients.find((c) => c.ClientId === "demo-marketplace");
  if (!marketplace) throw new Error("the emulator has no demo-marketplace client");
  hub = await createTestHub();
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

const owner = () => accountContextFor(hub, "OWNER", account);
const without = (permission: string) =>
  accountContextFor(
    hub,
    "OWNER",
    account,
    roleAccountPermissions("OWNER").filter((p) => p !== permission),
  );

/** The same account seen from another Hub: the services must not find it. */
async function foreignCtx() {
  const other = await createTestHub();
  return accountContextFor(other, "OWNER", account);
}

async function failEvery(route: string) {
  await emu.control("POST", "/faults", { kind: "error", route, status: 503, rate: 1 });
}

describe("listPlatformTransactions", () => {
  const list = (query: Record<string, unknown>, ctx = owner()) => listPlatformTransactions({ ctx, input: { query } });

  it("lists the platform's transactions newest first, with the values MANGOPAY returns", async () => {
    const expected = await mpTransactions.listByClient(raw, {
      perPage: 20,
      sort: { field: "CreationDate", direction: "DESC" },
    });
    const page = await list({ perPage: "20" });
    expect(page.items.map((t) => t.id)).toEqual(expected.items.map((t) => t.Id));
    expect(page.totalItems).toBe(expected.totalItems);
    const first = expected.items[0];
    expect(page.items[0]).toMatchObject({
      type: first?.Type,
      nature: first?.Nature,
      status: first?.Status,
      debited: { currency: first?.DebitedFunds.Currency, amountMinor: first?.DebitedFunds.Amount },
    });
    const dates = page.items.map((t) => Date.parse(t.createdAt));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  it("filters by type, status and nature, and by whole UTC days", async () => {
    const payouts = await list({ type: "PAYOUT", perPage: "50" });
    expect(payouts.items.length).toBeGreaterThan(0);
    expect(new Set(payouts.items.map((t) => t.type))).toEqual(new Set(["PAYOUT"]));
    const failed = await list({ status: "FAILED", perPage: "50" });
    expect(failed.items.every((t) => t.status === "FAILED")).toBe(true);
    const settlements = await list({ nature: "SETTLEMENT", perPage: "50" });
    expect(settlements.items.length).toBeGreaterThan(0);
    expect(settlements.items.every((t) => t.nature === "SETTLEMENT" && t.kind === "SETTLEMENT")).toBe(true);
    const day = payouts.items[0]?.createdAt.slice(0, 10) ?? "";
    const sameDay = await list({ from: day, to: day, perPage: "100" });
    expect(sameDay.items.length).toBeGreaterThan(0);
    expect(sameDay.items.every((t) => t.createdAt.slice(0, 10) === day)).toBe(true);
  });

  it("lists one wallet's transactions", async () => {
    const anyTx = (await mpTransactions.listByClient(raw, { perPage: 50, filters: { Type: "PAYOUT" } })).items.find(
      (t) => t.DebitedWalletId && !t.DebitedWalletId.includes("_"),
    );
    const walletId = anyTx?.DebitedWalletId ?? "";
    const page = await listWalletTransactions({ ctx: owner(), input: { walletId, query: { perPage: "100" } } });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((t) => t.debitedWalletId === walletId || t.creditedWalletId === walletId)).toBe(true);
  });

  it("rejects a member without Transactions and an account from another Hub", async () => {
    await expect(list({}, without("transactions.read"))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(list({}, await foreignCtx())).rejects.toBeInstanceOf(NotFoundError);
  });

  it("turns MANGOPAY 5xx into one upstream error with MANGOPAY's message", async () => {
    await failEvery("/clients/transactions");
    const err = await list({ perPage: "10" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamServiceError);
    expect((err as UpstreamServiceError).failure).toMatchObject({ kind: "unavailable", status: 503 });
    expect((err as Error).message).toMatch(/^MANGOPAY is not answering properly \(HTTP 503\)/);
  }, 30_000);
});

describe("getTransaction and its refunds", () => {
  it("loads a pay-in in full with or without the kind, and its refunds with the amount still refundable", async () => {
    // Pay-in refunds (from their events): some give back a repudiation (won dispute), the others a pay-in.
    const created = await mpEvents.list(raw, {
      perPage: 30,
      filters: { EventType: "PAYIN_REFUND_CREATED" },
      sort: { field: "Date", direction: "DESC" },
    });
    const loaded = await Promise.all(
      created.items.map((e) =>
        getTransaction({ ctx: owner(), input: { transactionId: e.ResourceId, kind: "REFUND" } }),
      ),
    );
    expect(loaded.length).toBeGreaterThan(0);
    expect(
      loaded.every(
        (r) =>
          r.kind === "REFUND" &&
          (r.initialTransaction?.kind === "PAYIN" || r.initialTransaction?.kind === "REPUDIATION"),
      ),
    ).toBe(true);
    const refund = loaded.find((r) => r.initialTransaction?.kind === "PAYIN");
    expect(refund).toBeDefined();
    if (!refund) return;
    const initialId = refund.initialTransaction?.id ?? "";

    const withKind = await getTransaction({ ctx: owner(), input: { transactionId: initialId, kind: "PAYIN" } });
    const probed = await getTransaction({ ctx: owner(), input: { transactionId: initialId } });
    expect(probed).toEqual(withKind);
    expect(withKind.payIn?.paymentType).toMatch(/CARD|DIRECT_DEBIT|BANK_WIRE|PREAUTHORIZED/);

    const refunds = await listTransactionRefunds({ ctx: owner(), input: { transactionId: initialId, kind: "PAYIN" } });
    expect(refunds.map((r) => r.id)).toContain(refund.id);
    const left = refundableAmount(withKind, refunds);
    const taken = refunds.filter((r) => r.status !== "FAILED").reduce((s, r) => s + r.debited.amountMinor, 0);
    expect(left).toEqual({
      currency: withKind.debited.currency,
      amountMinor: Math.max(0, withKind.debited.amountMinor - taken),
    });
  });

  it("shows a bank-wire pay-in's wire reference and the bank details to give the payer", async () => {
    const events = await mpEvents.list(raw, {
      perPage: 100,
      filters: { EventType: "PAYIN_NORMAL_CREATED" },
      sort: { field: "Date", direction: "DESC" },
    });
    const details = await Promise.all(
      events.items
        .slice(0, 40)
        .map((e) => getTransaction({ ctx: owner(), input: { transactionId: e.ResourceId, kind: "PAYIN" } })),
    );
    const wire = details.find((d) => d.payIn?.paymentType === "BANK_WIRE");
    expect(wire?.payIn?.wireReference).toEqual(expect.any(String));
    expect(wire?.payIn?.bankAccount?.iban).toEqual(expect.stringMatching(/^[A-Z]{2}\d{2}/));
  });

  it("answers NotFound for an id no endpoint knows, and Forbidden without Transactions", async () => {
    await expect(getTransaction({ ctx: owner(), input: { transactionId: "999999999" } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      getTransaction({ ctx: without("transactions.read"), input: { transactionId: "1" } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      getTransaction({ ctx: await foreignCtx(), input: { transactionId: "1", kind: "PAYIN" } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("listEvents and getEventResource", () => {
  const now = Date.now();
  const day = (offsetDays: number) => new Date(now + offsetDays * 86_400_000).toISOString().slice(0, 10);

  it("refuses a start day older than MANGOPAY's 45 days before calling it", async () => {
    const err = await listEvents({
      ctx: owner(),
      input: { filters: { types: [], from: day(-46), to: day(0) }, page: 1, perPage: 20 },
      nowMs: now,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors.from?.[0]).toMatch(
      /keeps events for 45 days: pick \d{4}-\d{2}-\d{2} or later/,
    );
  });

  it("lists events of the chosen types newest first, as MANGOPAY has them", async () => {
    const types = ["DISPUTE_CREATED", "KYC_FAILED"];
    const page = await listEvents({
      ctx: owner(),
      input: { filters: { types, from: day(-30) }, page: 1, perPage: 50 },
      nowMs: now,
    });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((e) => types.includes(e.eventType))).toBe(true);
    const dates = page.items.map((e) => Date.parse(e.date));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    expect(page.items.find((e) => e.eventType === "DISPUTE_CREATED")?.resource).toBe("dispute");
  });

  it("loads the dispute behind a DISPUTE_CREATED event, fully and with links, and hides it without Disputes", async () => {
    const page = await listEvents({
      ctx: owner(),
      input: { filters: { types: ["DISPUTE_CREATED"] }, page: 1, perPage: 10 },
      nowMs: now,
    });
    const event = page.items[0];
    const expected = await mpDisputes.get(raw, event?.resourceId ?? "");
    const res = await getEventResource({
      ctx: owner(),
      input: { resourceId: expected.Id, eventType: "DISPUTE_CREATED" },
    });
    expect(res.state).toBe("loaded");
    if (res.state !== "loaded") return;
    expect(res.fields.find((f) => f.key === "Status")?.value).toEqual({ kind: "text", value: expected.Status });
    expect(res.fields.find((f) => f.key === "InitialTransactionId")?.value).toEqual({
      kind: "id",
      value: expected.InitialTransactionId,
      target: "transaction",
    });
    expect(res.fields.find((f) => f.key === "DisputedFunds")?.value).toEqual({
      kind: "money",
      currency: expected.DisputedFunds.Currency,
      amountMinor: expected.DisputedFunds.Amount,
    });
    const hidden = await getEventResource({
      ctx: without("disputes.read"),
      input: { resourceId: expected.Id, eventType: "DISPUTE_CREATED" },
    });
    expect(hidden).toEqual({ state: "forbidden", resource: "dispute", permission: "disputes.read" });
  });

  it("loads the recipient behind a RECIPIENT_ACTIVE event, and hides it without Bank accounts", async () => {
    const page = await listEvents({
      ctx: owner(),
      input: { filters: { types: ["RECIPIENT_ACTIVE"] }, page: 1, perPage: 10 },
      nowMs: now,
    });
    const event = page.items[0];
    expect(event?.resource).toBe("recipient");
    const expected = await mpRecipients.get(raw, event?.resourceId ?? "");
    const res = await getEventResource({
      ctx: owner(),
      input: { resourceId: expected.Id, eventType: "RECIPIENT_ACTIVE" },
    });
    expect(res).toMatchObject({ state: "loaded", resource: "recipient", id: expected.Id, userId: expected.UserId });
    if (res.state !== "loaded") return;
    expect(res.fields.find((f) => f.key === "Status")?.value).toEqual({ kind: "text", value: expected.Status });
    expect(res.fields.find((f) => f.key === "DisplayName")?.value).toEqual({
      kind: "text",
      value: expected.DisplayName,
    });
    const hidden = await getEventResource({
      ctx: without("bankAccounts.read"),
      input: { resourceId: expected.Id, eventType: "RECIPIENT_ACTIVE" },
    });
    expect(hidden).toEqual({ state: "forbidden", resource: "recipient", permission: "bankAccounts.read" });
  });

  it("rejects members without Events and foreign accounts", async () => {
    await expect(
      listEvents({ ctx: without("events.read"), input: { filters: { types: [] }, page: 1, perPage: 10 } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      listEvents({ ctx: await foreignCtx(), input: { filters: { types: [] }, page: 1, perPage: 10 } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      getEventResource({ ctx: owner(), input: { resourceId: "1", eventType: "NOT_A_TYPE" } }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("compliance: KYC documents and UBO declarations", () => {
  it("filters KYC documents by status and type exactly as MANGOPAY does", async () => {
    const expected = await mpKyc.list(raw, { perPage: 100, filters: { Status: "REFUSED" } });
    const page = await listKycDocuments({
      ctx: owner(),
      input: { filters: { status: "REFUSED" }, page: 1, perPage: 100 },
    });
    expect(page.items.map((d) => d.id).sort()).toEqual(expected.items.map((d) => d.Id).sort());
    expect(page.items.every((d) => d.status === "REFUSED" && d.refusedReasonType !== null)).toBe(true);
    const ids = await listKycDocuments({
      ctx: owner(),
      input: { filters: { type: "IDENTITY_PROOF" }, page: 1, perPage: 100 },
    });
    expect(ids.items.every((d) => d.type === "IDENTITY_PROOF")).toBe(true);
  });

  it("lists the UBO declarations of legal users with status and refusal reason", async () => {
    const docs = await listKycDocuments({
      ctx: owner(),
      input: { filters: { type: "REGISTRATION_PROOF" }, page: 1, perPage: 20 },
    });
    const userIds = [...new Set(docs.items.map((d) => d.userId))];
    const decls = await listUboDeclarations({ ctx: owner(), input: { userIds } });
    expect(decls.length).toBeGreaterThan(0);
    expect(
      decls.every((d) => userIds.includes(d.userId) || Date.parse(d.createdAt) > Date.now() - 45 * 86_400_000),
    ).toBe(true);
    for (const d of decls.filter((x) => x.status === "REFUSED" || x.status === "INCOMPLETE"))
      expect(d.reason).toMatch(/MISSING_UBO|WRONG_UBO_INFORMATION/);
  });

  it("rejects members without the KYC or UBO permission", async () => {
    await expect(
      listKycDocuments({ ctx: without("kycDocuments.read"), input: { filters: {}, page: 1, perPage: 10 } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listUboDeclarations({ ctx: without("uboDeclarations.read"), input: {} })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      listKycDocuments({ ctx: await foreignCtx(), input: { filters: {}, page: 1, perPage: 10 } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("disputes", () => {
  it("quick filter 'Pending client' returns exactly MANGOPAY's disputes in both waiting statuses", async () => {
    const [a, b] = await Promise.all(
      ["PENDING_CLIENT_ACTION", "REOPENED_PENDING_CLIENT_ACTION"].map((Status) =>
        mpDisputes.list(raw, { perPage: 100, filters: { Status } }),
      ),
    );
    const page = await listDisputes({
      ctx: owner(),
      input: { filters: { quick: "pending-client" }, page: 1, perPage: 100 },
    });
    expect(page.items.map((d) => d.id).sort()).toEqual(
      [...(a?.items ?? []), ...(b?.items ?? [])].map((d) => d.Id).sort(),
    );
    expect(page.items.length).toBeGreaterThan(0);
  });

  it("quick filter 'To settle' returns exactly the lost disputes pending settlement", async () => {
    const expected = await mpDisputes.listPendingSettlement(raw, { perPage: 100 });
    const page = await listDisputes({
      ctx: owner(),
      input: { filters: { quick: "to-settle" }, page: 1, perPage: 100 },
    });
    expect(page.items.map((d) => d.id).sort()).toEqual(expected.items.map((d) => d.Id).sort());
    expect(page.items.every((d) => d.status === "CLOSED" && d.resultCode === "LOST")).toBe(true);
  });

  it("loads a lost dispute's documents, money and settlement state, and builds its timeline", async () => {
    const toSettle = (await mpDisputes.listPendingSettlement(raw, { perPage: 1 })).items[0];
    const dispute = await getDispute({ ctx: owner(), input: { disputeId: toSettle?.Id ?? "" } });
    const [documents, moves] = await Promise.all([
      listDisputeDocuments({ ctx: owner(), input: { disputeId: dispute.id } }),
      listDisputeTransactions({ ctx: owner(), input: { disputeId: dispute.id } }),
    ]);
    expect(moves.some((t) => t.nature === "REPUDIATION" && t.id === dispute.repudiationId)).toBe(true);
    expect(settlementState(dispute, moves).state).toBe("to-settle");
    const timeline = await listDisputeTimeline({ ctx: owner(), input: { dispute, documents, transactions: moves } });
    expect(timeline.entries[0]?.label).toBe("Dispute opened");
    expect(timeline.entries.some((e) => e.label.startsWith("Funds repudiated"))).toBe(true);
    const times = timeline.entries.map((e) => Date.parse(e.date));
    expect([...times].sort((x, y) => x - y)).toEqual(times);
  });

  it("rejects members without Disputes, foreign accounts, and maps an unknown dispute to NotFound", async () => {
    await expect(
      listDisputes({ ctx: without("disputes.read"), input: { filters: {}, page: 1, perPage: 10 } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getDispute({ ctx: await foreignCtx(), input: { disputeId: "1" } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(getDispute({ ctx: owner(), input: { disputeId: "999999999" } })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("listHooks", () => {
  it("lists every event type with its hook, and marks missing, invalid and disabled hooks as problems", async () => {
    const { rows } = await listHooks({ ctx: owner() });
    expect(rows.length).toBeGreaterThan(120);
    const hooked = rows.filter((r) => r.hook);
    expect(hooked.length).toBeGreaterThan(0);
    for (const r of rows) {
      const expected = !r.hook
        ? "missing"
        : r.hook.validity === "INVALID"
          ? "invalid"
          : r.hook.status === "DISABLED"
            ? "disabled"
            : null;
      expect(r.problem).toBe(expected);
    }
  });

  it("rejects members without Hooks", async () => {
    await expect(listHooks({ ctx: without("hooks.read") })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listHooks({ ctx: await foreignCtx() })).rejects.toBeInstanceOf(NotFoundError);
  });
});
