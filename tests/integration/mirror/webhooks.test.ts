/** @jest-environment node */
// The local mirror fed by webhooks, end to end on the integration database and a private emulator over
// HTTP: "Connect webhooks" writes the hooks at MANGOPAY, pings reach the real route handler, pg-boss
// runs the processing, which re-reads each object from MANGOPAY; search then finds users by email and name.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { GET } from "@/app/api/webhooks/mangopay/[token]/route";
import { bankAccounts, cards, payouts, transfers, users, type MangopayClient } from "@/lib/mangopay";
import { EVENT_TYPES } from "@/lib/mangopay/event-types";
import { db } from "@/lib/server/db";
import { JobQueue, setCurrentJobQueue } from "@/lib/server/jobs";
import { connectWebhooks } from "@/lib/services/hooks/connect";
import { listHooks } from "@/lib/services/hooks/list";
import { getWebhookConnection } from "@/lib/services/hooks/connection";
import { RECEIVER_PATH } from "@/lib/services/mirror/endpoint";
import { WEBHOOK_PING_JOB } from "@/lib/services/mirror/process-ping";
import { findInMirror } from "@/lib/services/search/find-in-mirror";
import { accountContextFor, createTestHub } from "../hub/factories";
import { newKey } from "../mangopay/helpers";
import { emulatorHub } from "../security/emulator-hub";
import { buildWorld, eur, type World } from "../mangopay/world";

jest.setTimeout(120_000);

let env: Awaited<ReturnType<typeof emulatorHub>>;
let world: World;
let transferId: string;
let token: string;
let queue: JobQueue;
const ELSEWHERE = "https://elsewhere.example.test/hooks";

const dev = () => accountContextFor(env.hub, "DEVELOPER", env.account);
const now = () => String(Math.floor(Date.now() / 1000));

function ping(path: string, query: Record<string, string>): Promise<Response> {
  const url = new URL(`http://dashboard.test${RECEIVER_PATH}${path}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return GET(new Request(url), { params: Promise.resolve({ token: path }) });
}

async function settled(eventType: string, resourceId: string, timeoutMs = 40_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const row = await db.webhookPing.findFirst({
      where: { apiAccountId: env.account.id, eventType, resourceId },
      select: { id: true, status: true, attempts: true },
    });
    if (row && (row.status === "DONE" || row.status === "IGNORED")) return row;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`ping ${eventType} ${resourceId} was not processed`);
}

beforeAll(async () => {
  env = await emulatorHub(47, ["DEVELOPER", "READ_ONLY"]);
  world = await buildWorld(env.direct);
  const t = await transfers.create(
    env.direct,
    {
      AuthorId: world.payer.Id,
      DebitedWalletId: world.payerWallet.Id,
      CreditedWalletId: world.ownerWallet.Id,
      DebitedFunds: eur(2_500),
      Fees: eur(100),
    },
    { idempotencyKey: newKey() },
  );
  transferId = t.Id;
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  queue = new JobQueue([WEBHOOK_PING_JOB], {
    connectionString: url,
    poolMax: 1,
    pollingIntervalSeconds: 0.5,
    schema: "pgboss_test_webhooks",
  });
  await queue.start();
  setCurrentJobQueue(queue);
});

afterAll(async () => {
  setCurrentJobQueue(null);
  // Gracefully: a job still running after this file ends keeps pg-boss polling in a torn-down test
  // environment, which fails whichever file the jest worker runs next.
  await queue?.stop().catch(() => undefined);
  await env.emulator.close();
  await db.$disconnect();
});

describe("connecting webhooks", () => {
  it("points every event type at the receiver, leaves a hook pointing elsewhere alone until taken over", async () => {
    // The seeded account already has a few hooks to its own URLs; one more type points elsewhere.
    const initial = await getWebhookConnection({ ctx: dev() });
    const missing = initial.types.filter((t) => t.state === "missing").map((t) => t.eventType);
    const [firstType, otherType] = missing;
    if (!firstType || !otherType) throw new Error("no event type without a hook");
    const { hooks } = await import("@/lib/mangopay");
    await hooks.create(env.direct, { EventType: otherType, Url: ELSEWHERE });
    const foreignCount = initial.counts.elsewhere + 1;

    const first = await connectWebhooks({ ctx: dev(), input: { accountId: env.account.id, takeOver: false } });
    expect(first.counts).toEqual({
      connected: EVENT_TYPES.length - foreignCount,
      repair: 0,
      missing: 0,
      elsewhere: foreignCount,
    });
    expect(first.elsewhere).toContainEqual({ eventType: otherType, url: ELSEWHERE });
    const atMangopay = await allHookUrls(env.direct);
    expect(atMangopay.get(otherType)).toBe(ELSEWHERE);
    const ours = atMangopay.get(firstType) ?? "";
    expect(ours).toMatch(/\/api\/webhooks\/mangopay\/[A-Za-z0-9_-]{43}$/);
    token = ours.slice(ours.lastIndexOf("/") + 1);
    // Only the hash is stored; the audit trail never holds the secret path.
    const endpoint = await db.webhookEndpoint.findUnique({ where: { apiAccountId: env.account.id } });
    expect(endpoint?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(endpoint?.tokenHash).not.toContain(token);
    const audits = await db.auditEvent.findMany({ where: { hubId: env.hub.hubId, action: { startsWith: "hook." } } });
    expect(audits.length).toBe(2 * (EVENT_TYPES.length - foreignCount));
    expect(JSON.stringify(audits)).not.toContain(token);

    // Again: nothing to do, same secret path. Then the member takes the foreign hook over.
    const again = await connectWebhooks({ ctx: dev(), input: { accountId: env.account.id, takeOver: false } });
    expect(again.changed).toBe(0);
    const taken = await connectWebhooks({ ctx: dev(), input: { accountId: env.account.id, takeOver: true } });
    expect(taken.changed).toBe(foreignCount);
    expect(taken.counts.connected).toBe(EVENT_TYPES.length);
    expect((await allHookUrls(env.direct)).get(otherType)).toBe(ours);
    const readOnly = accountContextFor(env.hub, "READ_ONLY", env.account);
    expect((await getWebhookConnection({ ctx: readOnly })).counts.connected).toBe(EVENT_TYPES.length);
    await expect(connectWebhooks({ ctx: readOnly, input: { accountId: env.account.id } })).rejects.toThrow();

    // The hooks list shows where each hook points, never the receiver's secret: a member who may read
    // hooks must not be able to post pings as MANGOPAY.
    const listed = await listHooks({ ctx: readOnly });
    const firstRow = listed.rows.find((r) => r.eventType === firstType);
    expect(firstRow?.hook).toMatchObject({ receiver: true, url: ours.slice(0, ours.lastIndexOf("/") + 1) + "…" });
    expect(listed.rows.every((r) => r.hook?.receiver === true)).toBe(true);
    expect(JSON.stringify(listed)).not.toContain(token);
  });
});

async function allHookUrls(client: MangopayClient): Promise<Map<string, string>> {
  const { hooks } = await import("@/lib/mangopay");
  const out = new Map<string, string>();
  for (let page = 1; page < 10; page++) {
    const p = await hooks.list(client, { page, perPage: 100 });
    for (const h of p.items) out.set(h.EventType, h.Url);
    if (p.items.length < 100) break;
  }
  return out;
}

describe("webhook pings", () => {
  it("mirrors a user and its wallets, found then by email and by part of the last name", async () => {
    const res = await ping(token, { EventType: "USER_ACCOUNT_ACTIVATED", RessourceId: world.owner.Id, Date: now() });
    expect(res.status).toBe(200);
    expect((await settled("USER_ACCOUNT_ACTIVATED", world.owner.Id)).status).toBe("DONE");
    const user = await db.mirrorUser.findUnique({
      where: { apiAccountId_mangopayId: { apiAccountId: env.account.id, mangopayId: world.owner.Id } },
    });
    expect(user).toMatchObject({
      hubId: env.hub.hubId,
      personType: "NATURAL",
      email: "owner@example.test",
      emailLower: "owner@example.test",
      firstName: "Owner",
      lastName: "Seller",
      lastNameLower: "seller",
    });
    const wallet = await db.mirrorWallet.findUnique({
      where: { apiAccountId_mangopayId: { apiAccountId: env.account.id, mangopayId: world.ownerWallet.Id } },
    });
    expect(wallet).toMatchObject({ ownerId: world.owner.Id, currency: "EUR" });
    expect(await db.mirrorEvent.count({ where: { apiAccountId: env.account.id, resourceId: world.owner.Id } })).toBe(1);

    const byEmail = await findInMirror({ ctx: dev(), input: { query: "OWNER@example" } });
    expect(byEmail.connected).toBe(true);
    expect(byEmail.hits.map((h) => [h.id, h.name, h.email])).toEqual([
      [world.owner.Id, "Owner Seller", "owner@example.test"],
    ]);
    expect(byEmail.hits[0]?.syncedSecondsAgo).toBeLessThan(60);
    const byName = await findInMirror({ ctx: dev(), input: { query: "sell" } });
    expect(byName.hits.map((h) => h.id)).toEqual([world.owner.Id]);
    expect((await findInMirror({ ctx: dev(), input: { query: "Owner Sel" } })).hits.map((h) => h.id)).toEqual([
      world.owner.Id,
    ]);
    // A wildcard is a character, not a pattern; another Hub sees nothing of this mirror.
    expect((await findInMirror({ ctx: dev(), input: { query: "%ell" } })).hits).toEqual([]);
    const other = await createTestHub();
    const foreign = accountContextFor(other, "OWNER", env.account);
    expect((await findInMirror({ ctx: foreign, input: { query: "owner" } })).hits).toEqual([]);
  });

  it("mirrors a pay-in and a transfer with the wallets they moved, amounts in minor units", async () => {
    await ping(token, { EventType: "PAYIN_NORMAL_SUCCEEDED", RessourceId: world.payIn.Id, Date: now() });
    await ping(token, { EventType: "TRANSFER_NORMAL_SUCCEEDED", RessourceId: transferId, Date: now() });
    expect((await settled("PAYIN_NORMAL_SUCCEEDED", world.payIn.Id)).status).toBe("DONE");
    expect((await settled("TRANSFER_NORMAL_SUCCEEDED", transferId)).status).toBe("DONE");
    const key = (mangopayId: string) => ({ apiAccountId_mangopayId: { apiAccountId: env.account.id, mangopayId } });
    expect(await db.mirrorTransaction.findUnique({ where: key(world.payIn.Id) })).toMatchObject({
      type: "PAYIN",
      nature: "REGULAR",
      status: "SUCCEEDED",
      paymentType: "CARD",
      authorId: world.payer.Id,
      creditedWalletId: world.payerWallet.Id,
      currency: "EUR",
      debitedMinor: BigInt(10_000),
    });
    expect(await db.mirrorTransaction.findUnique({ where: key(transferId) })).toMatchObject({
      type: "TRANSFER",
      status: "SUCCEEDED",
      debitedWalletId: world.payerWallet.Id,
      creditedWalletId: world.ownerWallet.Id,
      debitedMinor: BigInt(2_500),
      creditedMinor: BigInt(2_400),
      feesMinor: BigInt(100),
    });
    // Wallet balances as MANGOPAY holds them after both movements.
    expect((await db.mirrorWallet.findUnique({ where: key(world.payerWallet.Id) }))?.balanceMinor).toBe(BigInt(7_500));
    expect((await db.mirrorWallet.findUnique({ where: key(world.ownerWallet.Id) }))?.balanceMinor).toBe(BigInt(2_400));
  });

  it("stores and processes a duplicate ping once", async () => {
    const q = { EventType: "USER_KYC_REGULAR", RessourceId: world.payer.Id, Date: now() };
    const [a, b] = await Promise.all([ping(token, q), ping(token, q)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const done = await settled(q.EventType, q.RessourceId);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await db.webhookPing.count({ where: { apiAccountId: env.account.id, resourceId: world.payer.Id } })).toBe(1);
    expect((await db.webhookPing.findUnique({ where: { id: done.id } }))?.attempts).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "mirror.sync", targetId: done.id } })).toBe(1);
    expect(await db.mirrorEvent.count({ where: { apiAccountId: env.account.id, resourceId: world.payer.Id } })).toBe(1);
  });

  it("changes nothing for a forged ping naming another MANGOPAY client's object", async () => {
    const otherClient = env.emulator.clients.find((c) => c.ClientId !== env.account.clientId);
    if (!otherClient) throw new Error("the emulator has a single client");
    const { client: theirs } = env.emulator.client({ clientId: otherClient.ClientId, apiKey: otherClient.ApiKey });
    const stranger = await users.createNatural(theirs, {
      FirstName: "Mallory",
      LastName: "Stranger",
      Email: "mallory@example.test",
      UserCategory: "PAYER",
      TermsAndConditionsAccepted: true,
    });
    await expect(users.get(env.direct, stranger.Id)).rejects.toMatchObject({ status: 404 });
    const res = await ping(token, { EventType: "USER_ACCOUNT_ACTIVATED", RessourceId: stranger.Id, Date: now() });
    expect(res.status).toBe(200);
    expect((await settled("USER_ACCOUNT_ACTIVATED", stranger.Id)).status).toBe("IGNORED");
    // This account's mirror (other test files' emulators number their objects from the same start, so
    // another account's mirror may hold an unrelated object with this Id).
    expect(await db.mirrorUser.count({ where: { apiAccountId: env.account.id, mangopayId: stranger.Id } })).toBe(0);
    expect(await db.mirrorEvent.count({ where: { apiAccountId: env.account.id, resourceId: stranger.Id } })).toBe(0);
    expect((await findInMirror({ ctx: dev(), input: { query: "mallory" } })).hits).toEqual([]);
  });

  it("answers 404 for an unknown path or a malformed ping and stores nothing", async () => {
    const before = await db.webhookPing.count();
    const q = { EventType: "USER_ACCOUNT_ACTIVATED", RessourceId: world.owner.Id, Date: now() };
    expect((await ping("A".repeat(43), q)).status).toBe(404);
    expect((await ping("not-a-token", q)).status).toBe(404);
    expect((await ping(token.slice(0, 42) + (token.endsWith("A") ? "B" : "A"), q)).status).toBe(404);
    expect((await ping(token, { EventType: "USER_ACCOUNT_ACTIVATED", Date: now() })).status).toBe(400);
    expect((await ping(token, { ...q, RessourceId: "1' OR 1=1" })).status).toBe(400);
    expect(await db.webhookPing.count()).toBe(before);
  });

  it("caps pings per account at the configured number a minute; the ping row is the record, not an audit row", async () => {
    const { webhookLimits } = await import("@/lib/services/mirror/receive-ping");
    const { LocalWindowCounter } = await import("@/lib/server/local-window");
    const configured = webhookLimits.pingsByAccount;
    webhookLimits.pingsByAccount = new LocalWindowCounter(() => 3, 60_000);
    try {
      const base = Number(now()) + 1000;
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push(
          (await ping(token, { EventType: "USER_KYC_LIGHT", RessourceId: world.owner.Id, Date: String(base + i) }))
            .status,
        );
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const stored = await db.webhookPing.findMany({
        where: { apiAccountId: env.account.id, eventType: "USER_KYC_LIGHT" },
        select: { id: true, eventDate: true, receivedAt: true },
        orderBy: { eventDate: "asc" },
      });
      expect(stored.map((p) => p.eventDate)).toEqual([String(base), String(base + 1), String(base + 2)]);
      expect(
        await db.auditEvent.count({
          where: { hubId: env.hub.hubId, action: "webhook.ping.received" },
        }),
      ).toBe(0);
    } finally {
      webhookLimits.pingsByAccount = configured;
    }
  });

  it("group-commits concurrent pings: each duplicate stored and queued once, every ping processed", async () => {
    const { receiveWebhookPing } = await import("@/lib/services/mirror/receive-ping");
    const base = Number(now()) + 5000;
    const distinct = Array.from({ length: 6 }, (_, i) => ({
      eventType: "USER_KYC_REGULAR",
      resourceId: i % 2 ? world.payer.Id : world.owner.Id,
      date: String(base + i),
    }));
    // Three copies of each at once: they meet in one batch or in batches written side by side.
    const outcomes = await Promise.all(
      [...distinct, ...distinct, ...distinct].map((query) => receiveWebhookPing({ token, query, ip: "203.0.113.9" })),
    );
    expect(outcomes.every((o) => o.status === 200)).toBe(true);
    expect(outcomes.filter((o) => o.status === 200 && o.stored).length).toBe(6);
    const stored = await db.webhookPing.findMany({
      where: { apiAccountId: env.account.id, eventType: "USER_KYC_REGULAR", eventDate: { gte: String(base) } },
      select: { id: true, eventDate: true, sourceIp: true },
      orderBy: { eventDate: "asc" },
    });
    expect(stored.map((p) => p.eventDate)).toEqual(distinct.map((d) => d.date));
    expect(stored.every((p) => p.sourceIp === "203.0.113.9")).toBe(true);
    const jobs = await db.$queryRawUnsafe<Array<{ pingId: string }>>(
      `SELECT data->>'pingId' AS "pingId" FROM pgboss_test_webhooks.job WHERE name = $1 AND data->>'pingId' = ANY($2::text[])`,
      WEBHOOK_PING_JOB.name,
      stored.map((p) => p.id),
    );
    expect(jobs.map((j) => j.pingId).sort()).toEqual(stored.map((p) => p.id).sort());
    // Processing (one job at a time here) re-reads each object from the emulator: slow on a loaded machine.
    const end = Date.now() + 100_000;
    for (;;) {
      const done = await db.webhookPing.count({ where: { id: { in: stored.map((p) => p.id) }, status: "DONE" } });
      if (done === stored.length) break;
      if (Date.now() > end) throw new Error(`${stored.length - done} of ${stored.length} pings not processed`);
      await new Promise((r) => setTimeout(r, 250));
    }
  });

  it("stores nothing for a path whose secret changed after the receiver last saw it", async () => {
    const mine = { apiAccountId: env.account.id };
    const q = { EventType: "USER_KYC_LIGHT", RessourceId: world.payer.Id, Date: String(Number(now()) + 9000) };
    expect((await ping(token, q)).status).toBe(200);
    // Processed before the secret changes: no job of this test is left running when the file ends.
    await settled(q.EventType, q.RessourceId);
    const endpoint = await db.webhookEndpoint.findFirstOrThrow({ where: mine, select: { id: true, tokenHash: true } });
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { tokenHash: "rotated".padEnd(64, "0") } });
    try {
      const before = await db.webhookPing.count({ where: mine });
      expect((await ping(token, { ...q, Date: String(Number(q.Date) + 1) })).status).toBe(404);
      expect((await ping(token, { ...q, Date: String(Number(q.Date) + 2) })).status).toBe(404);
      expect(await db.webhookPing.count({ where: mine })).toBe(before);
    } finally {
      await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { tokenHash: endpoint.tokenHash } });
    }
  });

  it("reads again the card a pay-in used and the bank account a payout went to: they have no events of their own", async () => {
    const key = (mangopayId: string) => ({ apiAccountId_mangopayId: { apiAccountId: env.account.id, mangopayId } });
    const payout = await payouts.create(
      env.direct,
      {
        AuthorId: world.owner.Id,
        DebitedWalletId: world.ownerWallet.Id,
        DebitedFunds: eur(500),
        Fees: eur(0),
        BankAccountId: world.bankAccount.Id,
        BankWireRef: "Mirror 1",
      },
      { idempotencyKey: newKey() },
    );
    // Both closed at MANGOPAY after the mirror last read them with their users.
    await cards.deactivate(env.direct, world.card.Id);
    await bankAccounts.deactivate(env.direct, world.owner.Id, world.bankAccount.Id);
    const date = String(Number(now()) + 11_000);
    await ping(token, { EventType: "PAYIN_NORMAL_SUCCEEDED", RessourceId: world.payIn.Id, Date: date });
    await ping(token, { EventType: "PAYOUT_NORMAL_CREATED", RessourceId: payout.Id, Date: date });
    expect((await settled("PAYIN_NORMAL_SUCCEEDED", world.payIn.Id)).status).toBe("DONE");
    expect((await settled("PAYOUT_NORMAL_CREATED", payout.Id)).status).toBe("DONE");
    expect(await db.mirrorCard.findUnique({ where: key(world.card.Id) })).toMatchObject({
      userId: world.payer.Id,
      active: false,
    });
    expect(await db.mirrorBankAccount.findUnique({ where: key(world.bankAccount.Id) })).toMatchObject({
      userId: world.owner.Id,
      active: false,
    });
    expect(await db.mirrorTransaction.findUnique({ where: key(payout.Id) })).toMatchObject({
      type: "PAYOUT",
      debitedMinor: BigInt(500),
    });
  });

  it("answers pings before Next.js in the production server, with the receiver's own checks", async () => {
    const { webhookDoor } = await import("@/lib/services/mirror/webhook-door");
    const server = createServer((req, res) => {
      if (webhookDoor(req, res)) return;
      res.writeHead(418).end("left to Next.js");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const at = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${port}${path}`, init);
    const mine = { apiAccountId: env.account.id };
    const q = new URLSearchParams({
      EventType: "USER_KYC_LIGHT",
      RessourceId: world.owner.Id,
      Date: String(Number(now()) + 7000),
    });
    try {
      const before = await db.webhookPing.count({ where: mine });
      const first = await at(`${RECEIVER_PATH}${token}?${q}`);
      expect([first.status, await first.text()]).toEqual([200, "OK"]);
      expect(first.headers.get("cache-control")).toBe("no-store");
      expect(first.headers.get("x-content-type-options")).toBe("nosniff");
      expect((await at(`${RECEIVER_PATH}${token}?${q}`)).status).toBe(200);
      await settled("USER_KYC_LIGHT", world.owner.Id);
      expect(await db.webhookPing.count({ where: mine })).toBe(before + 1);

      const unknown = await at(`${RECEIVER_PATH}${"B".repeat(43)}?${q}`);
      expect([unknown.status, await unknown.text()]).toEqual([404, "Not found"]);
      const malformed = await at(`${RECEIVER_PATH}${token}?EventType=USER_KYC_LIGHT&Date=1`);
      expect([malformed.status, await malformed.text()]).toEqual([400, "Bad request"]);
      // Whatever the door does not recognise goes on to Next.js, whose route handler answers it.
      expect((await at(`${RECEIVER_PATH}${token}?${q}`, { method: "POST" })).status).toBe(418);
      expect((await at(`${RECEIVER_PATH}not-a-token?${q}`)).status).toBe(418);
      expect((await at(`${RECEIVER_PATH}${token}/more?${q}`)).status).toBe(418);
      expect((await at(`${RECEIVER_PATH.replace("mangopay", "Mangopay")}${token}?${q}`)).status).toBe(418);
      expect(await db.webhookPing.count({ where: mine })).toBe(before + 1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  // Last: it exhausts the miss budget of this test's client address.
  it("turns away a client guessing paths after 30 misses a minute, and still serves the right path", async () => {
    const q = { EventType: "USER_ACCOUNT_ACTIVATED", RessourceId: world.owner.Id, Date: now() };
    const mine = { apiAccountId: env.account.id };
    const before = await db.webhookPing.count({ where: mine });
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await ping(`guess${String(i).padStart(38, "x")}`, q)).status);
    expect(statuses.filter((s) => s === 404).length).toBeLessThanOrEqual(30);
    expect(statuses.at(-1)).toBe(429);
    const blocked = await ping(`guess${"y".repeat(38)}`, q);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await db.webhookPing.count({ where: mine })).toBe(before);
    // The guesses share MANGOPAY's address (here, like behind no trusted proxy, "unknown"): its
    // pings on the right path must still arrive, or guessing would silence the mirror.
    const served = await ping(token, { ...q, Date: String(Number(q.Date) + 1) });
    expect(served.status).toBe(200);
    expect(await db.webhookPing.count({ where: mine })).toBe(before + 1);
  });
});
