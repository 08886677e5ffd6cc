/** @jest-environment node */
// "Add tracking" on a PayPal pay-in (lib/services/payins/add-paypal-tracking.ts), against a private emulator over
// real HTTP and a real database: what MANGOPAY ends up holding, the audit rows (intent and result), and every
// refusal leaving MANGOPAY and the database as they were — roles without Pay-ins edit, another client's pay-in,
// another method, a pay-in not yet paid, a number sent twice, hostile strings, MANGOPAY's own field errors, a 5xx
// and a timeout. A result never recorded is settled by the sweep from the pay-in's Trackings.
import { apmPayins, defaultCallRecorder, users, wallets, type MangopayClient } from "@/lib/mangopay";
import { db } from "@/lib/server/db";
import { ForbiddenError, NotFoundError, PreconditionError, ValidationError } from "@/lib/server/errors";
import type { RoleName } from "@/lib/server/permissions";
import { roleAccountPermissions } from "@/lib/server/permissions";
import { addPayPalTracking } from "@/lib/services/payins/add-paypal-tracking";
import type { AddPayPalTrackingInput } from "@/lib/services/payins/schemas";
import { reconcilePendingOperations } from "@/lib/services/operations/reconcile";
import { ResultNotRecordedError } from "@/lib/services/operations/recorded-call";
import { getTransaction } from "@/lib/services/transactions/get";
import { UpstreamServiceError } from "@/lib/services/upstream";
import { accountContextFor, createTestAccount, createTestHub, type TestHub } from "../hub/factories";
import { startTestEmulator, type TestEmulator } from "../mangopay/helpers";

// The "crash" of the sweep case: the result's audit row cannot be written, as a killed process never writes it.
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
let own: MangopayClient;
let other: MangopayClient;
let payerId = "";
let walletId = "";
let foreignPayInId = "";
const realFetch = globalThis.fetch;
const fetchSpy = jest.spyOn(globalThis, "fetch");

const as = (role: RoleName, grants?: string[]) => accountContextFor(hub, role, account, grants);
const RETURN = "https://shop.example/back";
let keys = 0;
const key = () => `tracking-${Date.now().toString(36)}-${(keys += 1)}`;

/** A PayPal pay-in on `client`, approved by the payer on the emulator's hosted page (SUCCEEDED) unless told not to. */
async function paypalPayIn(client: MangopayClient, clientId: string, author: string, wallet: string, approve = true) {
  const payin = await apmPayins.create(
    client,
    "PAYPAL",
    {
      AuthorId: author,
      CreditedWalletId: wallet,
      DebitedFunds: { Currency: "EUR", Amount: 3_000 },
      Fees: { Currency: "EUR", Amount: 0 },
      ReturnURL: RETURN,
    },
    { idempotencyKey: key() },
  );
  if (approve)
    await fetch(`${emu.url}/apm/${clientId}/${payin.Id}`, {
      method: "POST",
      body: "outcome=authorized",
      redirect: "manual",
    });
  return payin.Id;
}

async function payerAndWallet(client: MangopayClient) {
  const user = await users.createNatural(client, {
    FirstName: "Paula",
    LastName: "Payer",
    Email: `paula.${Date.now()}@example.test`,
    Birthday: 188352000,
    Nationality: "FR",
    CountryOfResidence: "FR",
    TermsAndConditionsAccepted: true,
    UserCategory: "PAYER",
  });
  const wallet = await wallets.create(client, { Owners: [user.Id], Currency: "EUR", Description: "orders" });
  return { userId: user.Id, walletId: wallet.Id };
}

/** The pay-in's trackings as MANGOPAY holds them. */
const atMangopay = async (payInId: string) =>
  ((await apmPayins.get(own, payInId)).Trackings ?? []).map((t) => [t.TrackingNumber, t.Carrier, t.NotifyBuyer]);

const trackingPuts = () =>
  defaultCallRecorder()
    .list()
    .filter((c) => c.method === "PUT" && c.pathTemplate === "/payins/{payInId}/trackings").length;
const hubRows = async () => ({
  ops: await db.upstreamOperation.count({ where: { hubId: hub.hubId } }),
  audit: await db.auditEvent.count({ where: { hubId: hub.hubId } }),
});
const audits = (action: string, payInId: string) =>
  db.auditEvent.findMany({ where: { hubId: hub.hubId, action, targetId: payInId }, orderBy: { createdAt: "asc" } });

/** Refused with `error`: no tracking PUT reached MANGOPAY, no row was written, the pay-in's trackings are unchanged. */
async function refusedWithoutEffect(
  run: () => Promise<unknown>,
  error: new (...args: never[]) => Error,
  payInId: string | null,
  opts: { noCallAtAll?: boolean } = {},
) {
  const trackings = payInId ? await atMangopay(payInId) : null;
  const before = { puts: trackingPuts(), fetches: fetchSpy.mock.calls.length, ...(await hubRows()) };
  const err = await run().catch((e: unknown) => e);
  expect(err).toBeInstanceOf(error);
  expect({ puts: trackingPuts(), ...(await hubRows()) }).toEqual({
    puts: before.puts,
    ops: before.ops,
    audit: before.audit,
  });
  if (opts.noCallAtAll) expect(fetchSpy.mock.calls.length).toBe(before.fetches);
  if (payInId) expect(await atMangopay(payInId)).toEqual(trackings);
  return err as Error;
}

const input = (payInId: string, extra: Record<string, unknown> = {}) =>
  ({
    accountId: account.id,
    payInId,
    trackingNumber: `TRK${Date.now().toString(36).toUpperCase()}${(keys += 1)}`,
    carrier: "UPS",
    ...extra,
  }) as AddPayPalTrackingInput;

beforeAll(async () => {
  emu = await startTestEmulator(29);
  const mkInfo = emu.clients.find((c) => c.ClientId === "demo-marketplace");
  const cfInfo = emu.clients.find((c) => c.ClientId === "demo-crowdfunding");
  if (!mkInfo || !cfInfo) throw new Error("the emulator has no demo-marketplace or demo-crowdfunding client");
  hub = await createTestHub();
  // The account is demo-crowdfunding's and the foreign pay-in demo-marketplace's: the emulator numbers each client's
  // objects on its own, and marketplace's ids are above every id crowdfunding holds, so the foreign id names
  // nothing of this account (as MANGOPAY's ids, which are unique).
  account = await createTestAccount(hub, { baseUrl: emu.url, clientId: cfInfo.ClientId, apiKey: cfInfo.ApiKey });
  own = emu.client({ clientId: cfInfo.ClientId, apiKey: cfInfo.ApiKey }).client;
  other = emu.client({ clientId: mkInfo.ClientId, apiKey: mkInfo.ApiKey }).client;
  ({ userId: payerId, walletId } = await payerAndWallet(own));
  const foreign = await payerAndWallet(other);
  foreignPayInId = await paypalPayIn(other, mkInfo.ClientId, foreign.userId, foreign.walletId);
});
afterAll(() => emu.close());
afterEach(async () => {
  crashOn = null;
  await emu.clearFaults();
});

const paid = () => paypalPayIn(own, "demo-crowdfunding", payerId, walletId);

describe("an operator adds tracking to a paid PayPal pay-in", () => {
  it("MANGOPAY holds it, the answer lists it, the intent and the result are audited, the operation succeeded", async () => {
    const id = await paid();
    const result = await addPayPalTracking({
      ctx: as("OPERATOR"),
      input: input(id, { trackingNumber: " 1Z999AA10123456784 ", carrier: "ups", notifyBuyer: "on" }),
    });
    expect(result).toEqual({
      payInId: id,
      trackings: [{ trackingNumber: "1Z999AA10123456784", carrier: "UPS", notifyBuyer: true, sentAt: null }],
    });
    expect(await atMangopay(id)).toEqual([["1Z999AA10123456784", "UPS", true]]);
    const [intent] = await audits("payin.tracking.add.intent", id);
    expect(intent).toMatchObject({
      actorUserId: hub.members.OPERATOR.userId,
      apiAccountId: account.id,
      targetType: "payin",
      before: { trackings: [] },
      after: { trackingNumber: "1Z999AA10123456784", carrier: "UPS", notifyBuyer: true },
    });
    const [done] = await audits("payin.tracking.add", id);
    expect(done?.after).toEqual({
      trackings: [{ trackingNumber: "1Z999AA10123456784", carrier: "UPS", notifyBuyer: true, sentAt: null }],
    });
    const op = await db.upstreamOperation.findFirstOrThrow({
      where: { hubId: hub.hubId, action: "payin.tracking.add", upstreamId: id },
    });
    expect(op.status).toBe("SUCCEEDED");
    // The transaction page's read shows it.
    const tx = await getTransaction({ ctx: as("READ_ONLY"), input: { transactionId: id, kind: "PAYIN" } });
    expect(tx.payIn?.trackings).toEqual(result.trackings);
  });

  it("a second shipment with a carrier code typed as Other is listed after the first; the buyer is not e-mailed by default", async () => {
    const id = await paid();
    await addPayPalTracking({ ctx: as("OPERATOR"), input: input(id, { trackingNumber: "FIRST-1", carrier: "DHL" }) });
    const second = await addPayPalTracking({
      ctx: as("ADMIN"),
      input: input(id, { trackingNumber: "6A12345678901", carrier: "OTHER_CODE", carrierOther: "fr_colissimo" }),
    });
    expect(second.trackings.map((t) => [t.trackingNumber, t.carrier, t.notifyBuyer])).toEqual([
      ["FIRST-1", "DHL", false],
      ["6A12345678901", "FR_COLISSIMO", false],
    ]);
    expect(await atMangopay(id)).toEqual([
      ["FIRST-1", "DHL", false],
      ["6A12345678901", "FR_COLISSIMO", false],
    ]);
  });
});

describe("refusals change nothing", () => {
  it("a number already sent is refused on its field before any PUT", async () => {
    const id = await paid();
    await addPayPalTracking({ ctx: as("OPERATOR"), input: input(id, { trackingNumber: "ONCE-1" }) });
    const err = await refusedWithoutEffect(
      () => addPayPalTracking({ ctx: as("OPERATOR"), input: input(id, { trackingNumber: "ONCE-1", carrier: "DHL" }) }),
      ValidationError,
      id,
    );
    expect((err as ValidationError).fieldErrors?.trackingNumber?.[0]).toMatch(/already sent/);
  });

  it.each<[RoleName, string[] | undefined]>([
    ["READ_ONLY", undefined],
    ["FINANCE", undefined],
    ["DEVELOPER", undefined],
    // An Operator whose grants on this account were narrowed to leave Pay-ins edit out.
    ["OPERATOR", roleAccountPermissions("OPERATOR").filter((p) => p !== "payins.edit")],
  ])(
    "%s is forbidden (default grants, or narrowed without Pay-ins edit), with no MANGOPAY call at all",
    async (role, grants) => {
      const id = await paid();
      await refusedWithoutEffect(
        () => addPayPalTracking({ ctx: as(role, grants), input: input(id) }),
        ForbiddenError,
        id,
        { noCallAtAll: true },
      );
    },
  );

  it("another client's pay-in id is not found; another account id in the payload too", async () => {
    await expect(apmPayins.get(own, foreignPayInId)).rejects.toMatchObject({ status: 404 });
    await refusedWithoutEffect(
      () => addPayPalTracking({ ctx: as("OPERATOR"), input: input(foreignPayInId) }),
      NotFoundError,
      null,
    );
    expect((await apmPayins.get(other, foreignPayInId)).Trackings).toBeNull();
    const id = await paid();
    await refusedWithoutEffect(
      () => addPayPalTracking({ ctx: as("OPERATOR"), input: { ...input(id), accountId: "another-account" } }),
      NotFoundError,
      id,
      { noCallAtAll: true },
    );
  });

  it("a pay-in of another method, or a PayPal pay-in not paid yet, is refused with a clear reason", async () => {
    const apple = await apmPayins.create(
      own,
      "APPLEPAY",
      {
        AuthorId: payerId,
        CreditedWalletId: walletId,
        DebitedFunds: { Currency: "EUR", Amount: 100 },
        Fees: { Currency: "EUR", Amount: 0 },
        PaymentData: { TransactionId: "t", Network: "VISA", TokenData: "{}" },
      },
      { idempotencyKey: key() },
    );
    const notPayPal = await refusedWithoutEffect(
      () => addPayPalTracking({ ctx: as("OPERATOR"), input: input(apple.Id) }),
      PreconditionError,
      null,
    );
    expect(notPayPal.message).toBe("Tracking information can only be sent for a PayPal pay-in.");
    const waiting = await paypalPayIn(own, "demo-crowdfunding", payerId, walletId, false);
    const unpaid = await refusedWithoutEffect(
      () => addPayPalTracking({ ctx: as("OPERATOR"), input: input(waiting) }),
      PreconditionError,
      waiting,
    );
    expect(unpaid.message).toMatch(/only once the PayPal pay-in has succeeded/);
  });

  it.each([
    ["trackingNumber", "<script>alert(1)</script>"],
    ["trackingNumber", "1 OR 1=1"],
    ["trackingNumber", "ABC\u202eDEF"],
    ["trackingNumber", "Ü12345"],
    ["trackingNumber", "x".repeat(65)],
    ["trackingNumber", ""],
    ["carrier", "dhl express"],
    ["carrier", "<b>UPS</b>"],
    ["carrier", ""],
    ["carrierOther", "la poste; DROP TABLE"],
    ["payInId", "../../clients"],
    ["notifyBuyer", "yes please"],
  ])("a hostile %s (%p) is refused on its field, before any MANGOPAY call", async (field, value) => {
    const id = await paid();
    const extra = field === "carrierOther" ? { carrier: "OTHER_CODE", carrierOther: value } : { [field]: value };
    const err = await refusedWithoutEffect(
      () => addPayPalTracking({ ctx: as("OPERATOR"), input: input(id, extra) }),
      ValidationError,
      id,
      { noCallAtAll: true },
    );
    expect(Object.keys((err as ValidationError).fieldErrors ?? {})).toEqual([field]);
  });
});

describe("MANGOPAY's failures are shown, recorded as failed, and nothing is lost", () => {
  it("a 400 with field errors comes back under the form's field names (Carrier → the typed code's field)", async () => {
    const id = await paid();
    fetchSpy.mockImplementation(async (...args: Parameters<typeof fetch>) => {
      const [url, init] = args;
      if (String(url).endsWith(`/payins/${id}/trackings`) && init?.method === "PUT")
        return new Response(
          JSON.stringify({
            Message: "One or several required parameters are missing or incorrect.",
            Type: "param_error",
            Id: "req-400",
            errors: { Carrier: "The Carrier field is not a carrier PayPal supports." },
          }),
          { status: 400, headers: { "content-type": "application/json" } },
        );
      return realFetch(...args);
    });
    try {
      const err = (await addPayPalTracking({
        ctx: as("OPERATOR"),
        input: input(id, { carrier: "OTHER_CODE", carrierOther: "XX_UNKNOWN" }),
      }).catch((e: unknown) => e)) as ValidationError;
      expect(err).toBeInstanceOf(ValidationError);
      expect(err.message).toMatch(/^MANGOPAY refused the request/);
      expect(err.fieldErrors).toEqual({ carrierOther: ["The Carrier field is not a carrier PayPal supports."] });
    } finally {
      fetchSpy.mockImplementation((...args: Parameters<typeof fetch>) => realFetch(...args));
    }
    expect(await atMangopay(id)).toEqual([]);
    expect((await audits("payin.tracking.add.failed", id)).length).toBe(1);
  });

  it("a 503 says MANGOPAY is not answering, records the failure, and the same tracking goes through afterwards", async () => {
    const id = await paid();
    await emu.control("POST", "/faults", {
      route: "/payins/*/trackings",
      method: "PUT",
      kind: "error",
      status: 503,
      count: 1,
    });
    const sent = input(id, { trackingNumber: "AFTER-503" });
    const err = (await addPayPalTracking({ ctx: as("OPERATOR"), input: sent }).catch(
      (e: unknown) => e,
    )) as UpstreamServiceError;
    expect(err).toBeInstanceOf(UpstreamServiceError);
    expect(err.message).toMatch(/^MANGOPAY is not answering properly \(HTTP 503\)/);
    expect(await atMangopay(id)).toEqual([]);
    const op = await db.upstreamOperation.findFirstOrThrow({
      where: { hubId: hub.hubId, action: "payin.tracking.add", request: { path: ["targetId"], equals: id } },
    });
    expect(op).toMatchObject({ status: "FAILED", errorCode: "UPSTREAM" });
    await addPayPalTracking({ ctx: as("OPERATOR"), input: sent });
    expect(await atMangopay(id)).toEqual([["AFTER-503", "UPS", false]]);
  });

  it("a timeout says so and is not repeated by the client (a PUT that may have been applied)", async () => {
    const id = await paid();
    await emu.control("POST", "/faults", { route: "/payins/*/trackings", method: "PUT", kind: "timeout", count: 1 });
    const puts = trackingPuts();
    const err = (await addPayPalTracking({ ctx: as("OPERATOR"), input: input(id) }).catch(
      (e: unknown) => e,
    )) as UpstreamServiceError;
    expect(err).toBeInstanceOf(UpstreamServiceError);
    expect(err.message).toMatch(/^MANGOPAY did not answer within \d+ s/);
    expect(trackingPuts() - puts).toBe(1);
  }, 40_000);

  it("a result never recorded is settled by the sweep from the pay-in's Trackings, never re-sent", async () => {
    const id = await paid();
    crashOn = "payin.tracking.add";
    await expect(
      addPayPalTracking({ ctx: as("OPERATOR"), input: input(id, { trackingNumber: "SWEPT-1" }) }),
    ).rejects.toBeInstanceOf(ResultNotRecordedError);
    crashOn = null;
    const row = await db.upstreamOperation.findFirstOrThrow({
      where: { hubId: hub.hubId, action: "payin.tracking.add", status: "PENDING" },
    });
    const longAgo = new Date(Date.now() - 10 * 60_000);
    await db.upstreamOperation.update({ where: { id: row.id }, data: { sentAt: longAgo, createdAt: longAgo } });
    // A second row claims a number MANGOPAY never received: it ends NOT_SENT.
    const lost = await db.upstreamOperation.create({
      data: {
        hubId: hub.hubId,
        apiAccountId: account.id,
        actorUserId: hub.members.OPERATOR.userId,
        action: "payin.tracking.add",
        idempotencyKey: crypto.randomUUID(),
        sentAt: longAgo,
        createdAt: longAgo,
        request: {
          confirm: {
            by: "read",
            path: "/payins/{payInId}",
            params: { payInId: id },
            expect: {},
            listed: { field: "Trackings", item: { TrackingNumber: "NEVER-ARRIVED", Carrier: "UPS" } },
          },
          targetId: id,
        },
      },
    });
    const puts = trackingPuts();
    await reconcilePendingOperations({ limit: 500 });
    expect(trackingPuts()).toBe(puts);
    const rows = await db.upstreamOperation.findMany({ where: { id: { in: [row.id, lost.id] } } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(row.id)).toMatchObject({ status: "SUCCEEDED", upstreamId: id });
    expect(byId.get(lost.id)).toMatchObject({ status: "NOT_SENT", resultCode: "NOT_RECEIVED" });
    expect(await atMangopay(id)).toEqual([["SWEPT-1", "UPS", false]]);
  });
});
