/** @jest-environment node */
// Non-money MANGOPAY writes (recordedMangopayCall) whose process died between MANGOPAY's answer and
// the record are settled by the periodic operation sweep, never re-sent: a creation from MANGOPAY's
// stored answer (GET /responses/{key}), an update by reading the object back. A request MANGOPAY never
// received ends NOT_SENT once the grace period is over.
import { db } from "@/lib/server/db";
import { ResultNotRecordedError } from "@/lib/services/operations/recorded-call";
import { reconcilePendingOperations } from "@/lib/services/operations/reconcile";
import { createHook } from "@/lib/services/hooks/create";
import { updateHook } from "@/lib/services/hooks/update";
import { accountContextFor, createTestAccount, createTestHub, type TestHub } from "../hub/factories";
import { startTestEmulator, type TestEmulator } from "../mangopay/helpers";

// The "crash": the result step's audit row cannot be written (as a killed process never writes it),
// so the result transaction rolls back and the row stays PENDING. The sweep's own records go through.
let crashOn: string | null = null;
jest.mock("@/lib/server/audit", () => {
  const actual = jest.requireActual<typeof import("@/lib/server/audit")>("@/lib/server/audit");
  return {
    ...actual,
    writeAudit: (...args: Parameters<typeof actual.writeAudit>) => {
      if (crashOn && args[2].action === crashOn) throw new Error("process killed between the call and the record");
      return actual.writeAudit(...args);
    },
  };
});

afterAll(() => db.$disconnect());

let emu: TestEmulator;
let hub: TestHub;
let account: Awaited<ReturnType<typeof createTestAccount>>;
beforeAll(async () => {
  emu = await startTestEmulator(23);
  const mk = emu.clients.find((c) => c.ClientId === "demo-marketplace");
  hub = await createTestHub();
  account = await createTestAccount(hub, { baseUrl: emu.url, clientId: mk?.ClientId, apiKey: mk?.ApiKey });
});
afterAll(() => emu.close());
afterEach(() => {
  crashOn = null;
});

const ctx = () => accountContextFor(hub, "DEVELOPER", account);
const THREE_MINUTES_AGO = () => new Date(Date.now() - 3 * 60_000);
const pending = (action: string) =>
  db.upstreamOperation.findFirstOrThrow({ where: { hubId: hub.hubId, action, status: "PENDING" } });
const backdate = (id: string) =>
  db.upstreamOperation.update({ where: { id }, data: { sentAt: THREE_MINUTES_AGO(), createdAt: THREE_MINUTES_AGO() } });
const sweepAudit = (action: string, operationId: string) =>
  db.auditEvent.findMany({
    where: { hubId: hub.hubId, action, metadata: { path: ["operationId"], equals: operationId } },
  });
/** The hooks MANGOPAY holds, read straight from the emulator. */
async function hooksAtMangopay(): Promise<{ Id: string; EventType: string; Url: string }[]> {
  const mk = emu.clients.find((c) => c.ClientId === "demo-marketplace");
  const res = await fetch(`${emu.url}/v2.01/demo-marketplace/hooks?per_page=100`, {
    headers: { authorization: `Basic ${Buffer.from(`demo-marketplace:${mk?.ApiKey}`).toString("base64")}` },
  });
  return (await res.json()) as { Id: string; EventType: string; Url: string }[];
}
async function freeEventType(): Promise<string> {
  const taken = (await hooksAtMangopay()).map((h) => h.EventType);
  const free = ["KYC_OUTDATED", "UBO_DECLARATION_INCOMPLETE", "MANDATE_EXPIRED", "PAYOUT_REFUND_FAILED"].find(
    (t) => !taken.includes(t),
  );
  if (!free) throw new Error("every candidate event type already has a hook in this seed");
  return free;
}

it("settles a hook creation whose result was never recorded from MANGOPAY's stored answer, without sending it again", async () => {
  const eventType = await freeEventType();
  crashOn = "hook.create";
  const err = await createHook({
    ctx: ctx(),
    input: { accountId: account.id, eventType, url: "https://hooks.example.test/swept" },
  }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ResultNotRecordedError);
  crashOn = null;
  const row = await pending("hook.create");
  expect(row.upstreamId).toBeNull();
  await backdate(row.id);

  const swept = await reconcilePendingOperations({ limit: 500 });
  expect(swept.settled).toBeGreaterThanOrEqual(1);
  const after = await db.upstreamOperation.findUniqueOrThrow({ where: { id: row.id } });
  const created = (await hooksAtMangopay()).filter((h) => h.EventType === eventType);
  // One hook at MANGOPAY (never re-sent), and the row names it.
  expect(created).toEqual([expect.objectContaining({ Url: "https://hooks.example.test/swept" })]);
  expect(after).toMatchObject({ status: "SUCCEEDED", upstreamId: created[0]?.Id });
  const audit = await sweepAudit("hook.create.result", row.id);
  expect(audit).toHaveLength(1);
  expect(audit[0]?.metadata).toMatchObject({ trigger: "sweep" });
  expect(audit[0]?.targetId).toBe(created[0]?.Id);
});

it("settles a hook update whose result was never recorded by reading the hook back", async () => {
  const eventType = await freeEventType();
  const hook = await createHook({
    ctx: ctx(),
    input: { accountId: account.id, eventType, url: "https://hooks.example.test/before" },
  });
  crashOn = "hook.update";
  await expect(
    updateHook({
      ctx: ctx(),
      input: { accountId: account.id, hookId: hook.id, url: "https://hooks.example.test/after" },
    }),
  ).rejects.toBeInstanceOf(ResultNotRecordedError);
  crashOn = null;
  const row = await pending("hook.update");
  await backdate(row.id);

  await reconcilePendingOperations({ limit: 500 });
  const after = await db.upstreamOperation.findUniqueOrThrow({ where: { id: row.id } });
  expect(after).toMatchObject({ status: "SUCCEEDED", upstreamId: hook.id, upstreamStatus: "ENABLED" });
  expect(await sweepAudit("hook.update.result", row.id)).toHaveLength(1);
});

it("ends as NOT_SENT, after the grace period, a creation MANGOPAY has no answer for and an update it does not show", async () => {
  const eventType = await freeEventType();
  const hook = await createHook({
    ctx: ctx(),
    input: { accountId: account.id, eventType, url: "https://hooks.example.test/unchanged" },
  });
  const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
  const base = {
    hubId: hub.hubId,
    apiAccountId: account.id,
    actorUserId: hub.members.DEVELOPER.userId,
    sentAt: tenMinutesAgo,
    createdAt: tenMinutesAgo,
  };
  const lostCreate = await db.upstreamOperation.create({
    data: {
      ...base,
      action: "user.create",
      idempotencyKey: crypto.randomUUID(),
      request: { confirm: { by: "response" }, targetId: null },
    },
  });
  const lostUpdate = await db.upstreamOperation.create({
    data: {
      ...base,
      action: "hook.update",
      idempotencyKey: crypto.randomUUID(),
      request: {
        confirm: {
          by: "read",
          path: "/hooks/{hookId}",
          params: { hookId: hook.id },
          expect: { Url: "https://hooks.example.test/never-arrived" },
        },
        targetId: hook.id,
      },
    },
  });
  // A younger row of the same kind waits: its call may still be in flight.
  const young = await db.upstreamOperation.create({
    data: {
      ...base,
      sentAt: new Date(Date.now() - 40_000),
      createdAt: new Date(Date.now() - 40_000),
      action: "user.create",
      idempotencyKey: crypto.randomUUID(),
      request: { confirm: { by: "response" }, targetId: null },
    },
  });

  await reconcilePendingOperations({ limit: 500 });
  const rows = await db.upstreamOperation.findMany({ where: { id: { in: [lostCreate.id, lostUpdate.id, young.id] } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  expect(byId.get(lostCreate.id)).toMatchObject({ status: "NOT_SENT", resultCode: "NOT_RECEIVED" });
  expect(byId.get(lostUpdate.id)).toMatchObject({ status: "NOT_SENT", resultCode: "NOT_RECEIVED" });
  expect(byId.get(lostUpdate.id)?.resultMessage).toMatch(/no record of this change/);
  expect(byId.get(young.id)).toMatchObject({ status: "PENDING" });
  expect(await sweepAudit("user.create.not_sent", lostCreate.id)).toHaveLength(1);
});
