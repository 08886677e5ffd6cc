/** @jest-environment node */
// The mirror's sync side on the integration database and a private emulator over HTTP: pings for
// every newly mirrored kind through the real receiver, a backfill that fails mid-page and resumes
// from its cursor on the job queue, cancel, reconciliation repairing a deleted row, permissions,
// search by IBAN ending / card alias / wire reference / tag / amount, and the account's deletion.
import { GET } from "@/app/api/webhooks/mangopay/[token]/route";
import {
  bankAccounts,
  cards,
  kycDocuments,
  mandates,
  payins,
  transactions,
  transfers,
  ubo,
  users,
  wallets,
  type MangopayClient,
} from "@/lib/mangopay";
import { db } from "@/lib/server/db";
import { JobQueue, setCurrentJobQueue } from "@/lib/server/jobs";
import { deleteApiAccount } from "@/lib/services/api-accounts/delete";
import { MIRROR_BACKFILL_JOB, resumeStalledBackfills, runBackfillSlice } from "@/lib/services/mirror/backfill";
import { cancelMirrorBackfill } from "@/lib/services/mirror/cancel-backfill";
import { newEndpointToken, RECEIVER_PATH } from "@/lib/services/mirror/endpoint";
import { getMirrorBackfill } from "@/lib/services/mirror/get-backfill";
import { getMirrorFreshness } from "@/lib/services/mirror-reads/get-freshness";
import { processWebhookPing } from "@/lib/services/mirror/process-ping";
import { reconcileMirror } from "@/lib/services/mirror/reconcile";
import { startMirrorBackfill } from "@/lib/services/mirror/start-backfill";
import { findInMirror } from "@/lib/services/search/find-in-mirror";
import { accountContextFor } from "../hub/factories";
import { newKey } from "../mangopay/helpers";
import { emulatorHub } from "../security/emulator-hub";
import { ADDRESS, buildWorld, eur, type World } from "../mangopay/world";

jest.setTimeout(240_000);

let env: Awaited<ReturnType<typeof emulatorHub>>;
let world: World;
let token: string;
const seeded: Record<string, string> = {};

const dev = () => accountContextFor(env.hub, "DEVELOPER", env.account);
const scope = () => ({ hubId: env.hub.hubId, apiAccountId: env.account.id });
const now = () => String(Math.floor(Date.now() / 1000));

/** A ping through the real receiver, then processed at once (the queue's handler, without the queue). */
async function pingAndProcess(eventType: string, resourceId: string): Promise<string> {
  const url = new URL(`http://dashboard.test${RECEIVER_PATH}${token}`);
  url.search = new URLSearchParams({ EventType: eventType, RessourceId: resourceId, Date: now() }).toString();
  const res = await GET(new Request(url), { params: Promise.resolve({ token }) });
  expect(res.status).toBe(200);
  const ping = await db.webhookPing.findFirst({
    where: { apiAccountId: env.account.id, eventType, resourceId },
    orderBy: { receivedAt: "desc" },
    select: { id: true },
  });
  if (!ping) throw new Error("ping not stored");
  return processWebhookPing({ pingId: ping.id });
}

beforeAll(async () => {
  env = await emulatorHub(48, ["DEVELOPER", "OPERATOR", "READ_ONLY"]);
  world = await buildWorld(env.direct);
  const c = env.direct;
  const transfer = await transfers.create(
    c,
    {
      AuthorId: world.payer.Id,
      DebitedWalletId: world.payerWallet.Id,
      CreditedWalletId: world.ownerWallet.Id,
      DebitedFunds: eur(2_531),
      Fees: eur(0),
      Tag: "order-4711",
    },
    { idempotencyKey: newKey() },
  );
  seeded.transfer = transfer.Id;
  const wire = await payins.createBankWireDirect(
    c,
    {
      AuthorId: world.owner.Id,
      CreditedWalletId: world.ownerWallet.Id,
      DeclaredDebitedFunds: eur(7_777),
      DeclaredFees: eur(0),
    },
    { idempotencyKey: newKey() },
  );
  seeded.wire = wire.Id;
  seeded.wireReference = wire.WireReference ?? "";
  // A bank wire no webhook announces: only the backfill brings it.
  const quietWire = await payins.createBankWireDirect(
    c,
    {
      AuthorId: world.owner.Id,
      CreditedWalletId: world.ownerWallet.Id,
      DeclaredDebitedFunds: eur(3_131),
      DeclaredFees: eur(0),
    },
    { idempotencyKey: newKey() },
  );
  seeded.quietWire = quietWire.Id;
  seeded.quietWireReference = quietWire.WireReference ?? "";
  seeded.kyc = (await kycDocuments.create(c, world.owner.Id, { Type: "IDENTITY_PROOF", Tag: "kyc-tagged" })).Id;
  const legal = await users.createLegal(c, {
    Name: "Acme SAS",
    LegalPersonType: "BUSINESS",
    Email: "acme@example.test",
    LegalRepresentativeFirstName: "Grace",
    LegalRepresentativeLastName: "Hopper",
    HeadquartersAddress: ADDRESS,
    UserCategory: "PAYER",
  });
  seeded.legal = legal.Id;
  seeded.ubo = (await ubo.createDeclaration(c, legal.Id)).Id;
  seeded.mandate = (
    await mandates.create(c, {
      BankAccountId: world.bankAccount.Id,
      Culture: "EN",
      ReturnURL: "https://dashboard.example.test/return",
    })
  ).Id;
  const clientId = env.account.clientId;
  const dispute = (await env.emulator.control("POST", `/clients/${clientId}/disputes`, {
    PayInId: world.payIn.Id,
    advance: false,
  })) as { Id: string };
  seeded.dispute = dispute.Id;
  // The receiver's secret path, made the way "Connect webhooks" makes it (no hooks needed here).
  const endpoint = newEndpointToken();
  token = endpoint.token;
  await db.webhookEndpoint.create({ data: { ...scope(), tokenHash: endpoint.tokenHash } });
});

afterAll(async () => {
  setCurrentJobQueue(null);
  await env.emulator.close();
  await db.$disconnect();
});

const key = (mangopayId: string) => ({ apiAccountId_mangopayId: { apiAccountId: env.account.id, mangopayId } });

describe("webhooks for the newly mirrored kinds", () => {
  it("ends each ping with the object's row: KYC document, UBO declaration, mandate, dispute, bank wire", async () => {
    expect(await pingAndProcess("KYC_CREATED", seeded.kyc ?? "")).toBe("DONE");
    expect(await db.mirrorKycDocument.findUnique({ where: key(seeded.kyc ?? "") })).toMatchObject({
      userId: world.owner.Id,
      type: "IDENTITY_PROOF",
      status: "CREATED",
      tag: "kyc-tagged",
    });
    expect(await pingAndProcess("UBO_DECLARATION_CREATED", seeded.ubo ?? "")).toBe("DONE");
    expect(await db.mirrorUboDeclaration.findUnique({ where: key(seeded.ubo ?? "") })).toMatchObject({
      userId: seeded.legal,
      status: "CREATED",
    });
    expect(await pingAndProcess("MANDATE_CREATED", seeded.mandate ?? "")).toBe("DONE");
    expect(await db.mirrorMandate.findUnique({ where: key(seeded.mandate ?? "") })).toMatchObject({
      userId: world.owner.Id,
      bankAccountId: world.bankAccount.Id,
    });
    expect(await pingAndProcess("DISPUTE_CREATED", seeded.dispute ?? "")).toBe("DONE");
    expect(await db.mirrorDispute.findUnique({ where: key(seeded.dispute ?? "") })).toMatchObject({
      initialTransactionId: world.payIn.Id,
      currency: "EUR",
    });
    expect(await pingAndProcess("PAYIN_NORMAL_CREATED", seeded.wire ?? "")).toBe("DONE");
    expect(await db.mirrorTransaction.findUnique({ where: key(seeded.wire ?? "") })).toMatchObject({
      paymentType: "BANK_WIRE",
      wireReference: seeded.wireReference,
      status: "CREATED",
    });
  });

  it("brings a user's bank accounts (IBAN ending only) and cards (alias) with a user event", async () => {
    expect(await pingAndProcess("USER_KYC_LIGHT", world.owner.Id)).toBe("DONE");
    expect(await db.mirrorBankAccount.findUnique({ where: key(world.bankAccount.Id) })).toMatchObject({
      userId: world.owner.Id,
      type: "IBAN",
      accountTail: "0143",
      ownerName: "Owner Seller",
    });
    expect(await pingAndProcess("USER_KYC_LIGHT", world.payer.Id)).toBe("DONE");
    expect(await db.mirrorCard.findUnique({ where: key(world.card.Id) })).toMatchObject({
      userId: world.payer.Id,
      alias: world.card.Alias,
      aliasTail: "1119",
    });
  });

  it("changes nothing for a forged ping naming another client's KYC document", async () => {
    const other = env.emulator.clients.find((c) => c.ClientId !== env.account.clientId);
    if (!other) throw new Error("the emulator has a single client");
    const { client: theirs } = env.emulator.client({ clientId: other.ClientId, apiKey: other.ApiKey });
    const stranger = await users.createNatural(theirs, {
      FirstName: "Mallory",
      LastName: "Stranger",
      Email: "mallory@example.test",
      UserCategory: "PAYER",
      TermsAndConditionsAccepted: true,
    });
    const doc = await kycDocuments.create(theirs, stranger.Id, { Type: "IDENTITY_PROOF" });
    expect(await pingAndProcess("KYC_CREATED", doc.Id)).toBe("IGNORED");
    expect(await db.mirrorKycDocument.count({ where: { mangopayId: doc.Id } })).toBe(0);
  });
});

/** What MANGOPAY holds for this account, counted through its own lists. */
async function countsAtMangopay(c: MangopayClient) {
  const ids = { users: new Set<string>(), wallets: new Set<string>(), tx: new Set<string>(), banks: new Set<string>() };
  const cardIds = new Set<string>();
  for (let page = 1; ; page++) {
    const p = await users.list(c, { page, perPage: 100 });
    for (const u of p.items) ids.users.add(u.Id);
    if (p.items.length < 100) break;
  }
  for (const userId of ids.users) {
    for (const w of (await wallets.listByUser(c, userId, { perPage: 100 })).items) ids.wallets.add(w.Id);
    for (let page = 1; ; page++) {
      const p = await transactions.listByUser(c, userId, { page, perPage: 100 });
      for (const t of p.items) ids.tx.add(t.Id);
      if (p.items.length < 100) break;
    }
    for (const b of (await bankAccounts.listByUser(c, userId, { perPage: 100 })).items) ids.banks.add(b.Id);
    for (const k of (await cards.listByUser(c, userId, { perPage: 100 })).items) cardIds.add(k.Id);
  }
  return {
    users: ids.users.size,
    wallets: ids.wallets.size,
    transactions: ids.tx.size,
    bankAccounts: ids.banks.size,
    cards: cardIds.size,
  };
}

const freshness = () =>
  getMirrorFreshness({ ctx: accountContextFor(env.hub, "READ_ONLY", env.account), input: { view: "users" } });

/** Every source of the account's freshness an hour old or older. */
async function backdateFreshness(): Promise<void> {
  const hourAgo = new Date(Date.now() - 3_600_000);
  await db.webhookPing.updateMany({
    where: { ...scope(), processedAt: { not: null } },
    data: { processedAt: hourAgo },
  });
  await db.mirrorBackfill.updateMany({ where: scope(), data: { lastPageAt: hourAgo } });
  await db.webhookEndpoint.updateMany({ where: scope(), data: { reconciledAt: hourAgo } });
}

describe("backfill", () => {
  it("refuses Viewers and Operators on its own, and a foreign account id", async () => {
    for (const role of ["READ_ONLY", "OPERATOR"] as const) {
      const ctx = accountContextFor(env.hub, role, env.account);
      await expect(startMirrorBackfill({ ctx, input: { accountId: env.account.id } })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(cancelMirrorBackfill({ ctx, input: { accountId: env.account.id } })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(startMirrorBackfill({ ctx: dev(), input: { accountId: "someone-else" } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.mirrorBackfill.count({ where: scope() })).toBe(0);
  });

  it("fails mid-page, resumes from its cursor on the job queue, and ends with MANGOPAY's counts", async () => {
    const started = await startMirrorBackfill({ ctx: dev(), input: { accountId: env.account.id } });
    expect(started).toEqual({ started: true, resumed: false, queued: false });
    await expect(startMirrorBackfill({ ctx: dev(), input: { accountId: env.account.id } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const state = await db.mirrorBackfill.findUniqueOrThrow({ where: { apiAccountId: env.account.id } });
    const data = { backfillId: state.id, runId: state.runId };

    expect(await runBackfillSlice(data, 1)).toEqual({ status: "more", steps: 1 });
    const afterOne = await db.mirrorBackfill.findUniqueOrThrow({ where: { id: state.id } });
    expect(afterOne).toMatchObject({ phase: "user", page: 2, steps: 1, usersDone: 10 });
    const progress = await getMirrorBackfill({ ctx: accountContextFor(env.hub, "READ_ONLY", env.account) });
    expect(progress).toMatchObject({ status: "RUNNING", phase: "Users", page: 2, usersDone: 10, pages: 1 });
    expect(progress.usersTotal).toBeGreaterThan(10);

    // The second page fails half-way (every card list answers 503): nothing of it is written.
    const usersBefore = await db.mirrorUser.count({ where: scope() });
    await env.emulator.control("POST", "/faults", { route: "/users/*/cards", kind: "error", status: 503 });
    await expect(runBackfillSlice(data, 1)).rejects.toThrow();
    await env.emulator.clearFaults();
    expect(await db.mirrorBackfill.findUniqueOrThrow({ where: { id: state.id } })).toMatchObject({
      phase: "user",
      page: 2,
      steps: 1,
      status: "RUNNING",
    });
    expect(await db.mirrorUser.count({ where: scope() })).toBe(usersBefore);

    // The stalled-run sweep queues it again; the queue's worker runs it to the end.
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    const queue = new JobQueue([MIRROR_BACKFILL_JOB], {
      connectionString: url,
      poolMax: 1,
      pollingIntervalSeconds: 0.5,
      schema: "pgboss_test_sync",
    });
    await queue.start();
    setCurrentJobQueue(queue);
    try {
      expect(await resumeStalledBackfills(queue, new Date(Date.now() + 11 * 60_000))).toBeGreaterThanOrEqual(1);
      const end = Date.now() + 180_000;
      let status = "RUNNING";
      while (status === "RUNNING" && Date.now() < end) {
        await new Promise((r) => setTimeout(r, 500));
        status = (await db.mirrorBackfill.findUniqueOrThrow({ where: { id: state.id } })).status;
      }
      expect(status).toBe("DONE");
    } finally {
      setCurrentJobQueue(null);
      // Gracefully: a job still running after this file ends keeps pg-boss polling in a torn-down test
      // environment, which fails whichever file the jest worker runs next.
      await queue.stop().catch(() => undefined);
    }

    const done = await db.mirrorBackfill.findUniqueOrThrow({ where: { id: state.id } });
    // Each page written once: one audit row per page, the last one "done".
    const pageAudits = await db.auditEvent.count({
      where: { targetId: state.id, action: { in: ["mirror.backfill.page", "mirror.backfill.done"] } },
    });
    expect(pageAudits).toBe(done.steps);
    expect(done.usersDone).toBe(done.usersTotal);
    const theirs = await countsAtMangopay(env.direct);
    const where = scope();
    expect({
      users: await db.mirrorUser.count({ where }),
      wallets: await db.mirrorWallet.count({ where }),
      transactions: await db.mirrorTransaction.count({ where }),
      bankAccounts: await db.mirrorBankAccount.count({ where }),
      cards: await db.mirrorCard.count({ where }),
    }).toEqual(theirs);
    expect(await db.mirrorKycDocument.count({ where })).toBe(
      (await kycDocuments.list(env.direct, { perPage: 100 })).totalItems,
    );
    expect(await db.mirrorEvent.count({ where })).toBeGreaterThan(0);
    // A full read's details survive the list rows of the backfill.
    expect(await db.mirrorTransaction.findUnique({ where: key(seeded.wire ?? "") })).toMatchObject({
      wireReference: seeded.wireReference,
    });
    // A bank wire only the backfill saw has its reference too (its pay-in read by id), and search finds it.
    expect(seeded.quietWireReference).toMatch(/^[0-9A-Z]{4,}$/);
    expect(await db.mirrorTransaction.findUnique({ where: key(seeded.quietWire ?? "") })).toMatchObject({
      type: "PAYIN",
      paymentType: "BANK_WIRE",
      wireReference: seeded.quietWireReference,
    });
    const found = await findInMirror({ ctx: dev(), input: { query: seeded.quietWireReference?.toLowerCase() ?? "" } });
    expect(found.objects.map((o) => [o.kind, o.id, o.matched])).toContainEqual([
      "transaction",
      seeded.quietWire,
      `Wire reference ${seeded.quietWireReference}`,
    ]);
    expect((await db.mirrorMandate.findUnique({ where: key(seeded.mandate ?? "") }))?.bankAccountId).toBe(
      world.bankAccount.Id,
    );
  });

  it("stops at the next page once cancelled, and says so", async () => {
    const started = await startMirrorBackfill({ ctx: dev(), input: { accountId: env.account.id } });
    expect(started.started).toBe(true);
    const state = await db.mirrorBackfill.findUniqueOrThrow({ where: { apiAccountId: env.account.id } });
    expect(state).toMatchObject({ phase: "user", page: 1, steps: 0, status: "RUNNING" });
    const data = { backfillId: state.id, runId: state.runId };
    // The mirror's freshness moves with the page written, not only with pings.
    await backdateFreshness();
    expect((await freshness()).secondsAgo).toBeGreaterThanOrEqual(3_600);
    expect((await runBackfillSlice(data, 1)).status).toBe("more");
    expect((await freshness()).secondsAgo).toBeLessThan(60);
    await cancelMirrorBackfill({ ctx: dev(), input: { accountId: env.account.id } });
    expect(await runBackfillSlice(data, 3)).toEqual({ status: "stopped", steps: 0 });
    expect(await db.mirrorBackfill.findUniqueOrThrow({ where: { id: state.id } })).toMatchObject({
      status: "CANCELLED",
      steps: 1,
      page: 2,
    });
    expect((await getMirrorBackfill({ ctx: dev() })).status).toBe("CANCELLED");
    await expect(cancelMirrorBackfill({ ctx: dev(), input: { accountId: env.account.id } })).rejects.toMatchObject({
      code: "PRECONDITION",
    });
    expect(await db.auditEvent.count({ where: { targetId: state.id, action: "mirror.backfill.cancel" } })).toBe(1);
  });
});

describe("reconciliation", () => {
  it("re-reads an object with a recent event whose mirror row was deleted", async () => {
    await db.mirrorKycDocument.delete({ where: key(seeded.kyc ?? "") });
    await db.mirrorTransaction.delete({ where: key(seeded.wire ?? "") });
    await backdateFreshness();
    expect((await freshness()).secondsAgo).toBeGreaterThanOrEqual(3_600);
    const outcome = await reconcileMirror(scope());
    // The run counts for the mirror's freshness.
    expect((await freshness()).secondsAgo).toBeLessThan(60);
    expect(outcome.repaired).toBeGreaterThanOrEqual(1);
    expect(await db.mirrorKycDocument.findUnique({ where: key(seeded.kyc ?? "") })).toMatchObject({
      userId: world.owner.Id,
      status: "CREATED",
    });
    // Objects already synced after their last event are not read again.
    const again = await reconcileMirror(scope());
    expect(again.stale).toBe(0);
  });
});

describe("search in the mirror", () => {
  const objects = async (query: string) =>
    (await findInMirror({ ctx: dev(), input: { query } })).objects.map((o) => `${o.kind}:${o.id}`);

  it("finds the seeded objects by IBAN ending, card alias, wire reference, tag and amount", async () => {
    expect(await objects("0143")).toContain(`bankAccount:${world.bankAccount.Id}`);
    expect(await objects("890143")).toContain(`bankAccount:${world.bankAccount.Id}`);
    expect(await objects("1119")).toContain(`card:${world.card.Id}`);
    expect(await objects(world.card.Alias ?? "")).toContain(`card:${world.card.Id}`);
    expect(await objects(seeded.wireReference ?? "")).toContain(`transaction:${seeded.wire}`);
    expect(await objects("order-47")).toContain(`transaction:${seeded.transfer}`);
    expect(await objects("25.31")).toContain(`transaction:${seeded.transfer}`);
    expect(await objects("25.31 EUR")).toContain(`transaction:${seeded.transfer}`);
    expect(await objects("25.31 GBP")).not.toContain(`transaction:${seeded.transfer}`);
    const hit = (await findInMirror({ ctx: dev(), input: { query: "order-4711" } })).objects.find(
      (o) => o.id === seeded.transfer,
    );
    expect(hit).toMatchObject({ kind: "transaction", transactionKind: "TRANSFER", matched: "Tag “order-4711”" });
    expect(hit?.syncedSecondsAgo).toBeLessThan(600);
  });
});

describe("deleting the API account", () => {
  it("deletes its mirror rows, pings, endpoint and backfill state, counted in the audit row", async () => {
    const owner = env.hub.ctx("OWNER");
    await deleteApiAccount({ ctx: owner, input: { accountId: env.account.id, confirmName: env.account.name } });
    const where = scope();
    const left = await Promise.all([
      db.mirrorUser.count({ where }),
      db.mirrorTransaction.count({ where }),
      db.mirrorCard.count({ where }),
      db.mirrorBankAccount.count({ where }),
      db.mirrorEvent.count({ where }),
      db.webhookPing.count({ where }),
      db.webhookEndpoint.count({ where }),
      db.mirrorBackfill.count({ where }),
    ]);
    expect(left).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    const audit = await db.auditEvent.findFirst({
      where: { hubId: env.hub.hubId, action: "api_account.delete", targetId: env.account.id },
      select: { metadata: true },
    });
    expect((audit?.metadata as { mirrorRowsDeleted?: { users?: number } })?.mirrorRowsDeleted?.users).toBeGreaterThan(
      0,
    );
  });
});
