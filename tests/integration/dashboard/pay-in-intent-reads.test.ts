/** @jest-environment node */
// The dashboard's reads of V3.0 pay-in intents and their settlements, against a private emulator over real HTTP and
// a real database: values as MANGOPAY sent them, found by search (`int_…`, `stl_…`), the settlement list newest first,
// Forbidden without payins.read, NotFound for an unknown id, another MANGOPAY client's account and another Hub's.
import type { MangopayClient } from "@/lib/mangopay/client";
import * as wallets from "@/lib/mangopay/wallets";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { ForbiddenError, NotFoundError } from "@/lib/server/errors";
import { getEventResource } from "@/lib/services/events/get-resource";
import { getIntentSettlement } from "@/lib/services/intent-settlements/get";
import { getSettlementValidations } from "@/lib/services/intent-settlements/get-validations";
import { listIntentSettlements } from "@/lib/services/intent-settlements/list";
import { getPayInIntent } from "@/lib/services/pay-in-intents/get";
import { findById } from "@/lib/services/search/find-by-id";
import { accountContextFor, createTestAccount, createTestHub, type TestHub } from "../hub/factories";
import { startTestEmulator, type TestEmulator } from "../mangopay/helpers";
import { createOwner, createPayer } from "../mangopay/world";

const MINE = "demo-marketplace";
const THEIRS = "demo-crowdfunding";

let emu: TestEmulator;
let client: MangopayClient;
let hub: TestHub;
let account: Awaited<ReturnType<typeof createTestAccount>>;
let otherClientCtx: AccountContext;
let otherHubCtx: AccountContext;
const ids = { seller: "", buyer: "", wallet: "", intent: "", line: "", split: "", settled: "", failed: "" };

async function v3post(path: string, body: unknown): Promise<Record<string, unknown>> {
  return (await client.request({ method: "POST", version: "V3.0", path, body })).body as Record<string, unknown>;
}

async function upload(url: unknown, text: string): Promise<void> {
  const res = await fetch(url as string, { method: "PUT", headers: { "content-type": "text/csv" }, body: text });
  if (!res.ok) throw new Error(`upload ${res.status}`);
}

const file = (net: number) =>
  [
    "ExternalProviderReference,ExternalTransactionType,Amount,Currency",
    "checkout-psp-1,PAYMENT,4500,EUR",
    ",,,",
    "SettlementDate,02-07-2025,,",
    "ExternalProviderName,Checkout.com,,",
    "TotalSettlementFeesAmount,135,,",
    `TotalNetSettlementAmount,${net},,`,
    "SettlementCurrency,EUR,,",
  ].join("\n");

beforeAll(async () => {
  emu = await startTestEmulator(14);
  client = emu.client().client;
  const key = (id: string) => emu.clients.find((c) => c.ClientId === id)?.ApiKey;
  hub = await createTestHub();
  account = await createTestAccount(hub, { baseUrl: emu.url, clientId: MINE, apiKey: key(MINE) });
  const theirs = await createTestAccount(hub, { baseUrl: emu.url, clientId: THEIRS, apiKey: key(THEIRS) });
  otherClientCtx = accountContextFor(hub, "OWNER", theirs);
  const otherHub = await createTestHub();
  const foreign = await createTestAccount(otherHub, { baseUrl: emu.url, clientId: MINE, apiKey: key(MINE) });
  otherHubCtx = accountContextFor(hub, "OWNER", foreign);

  ids.seller = (await createOwner(client, "Potter")).Id;
  ids.buyer = (await createPayer(client, "Potbuyer")).Id;
  ids.wallet = (await wallets.create(client, { Owners: [ids.seller], Currency: "EUR", Description: "pots" })).Id;
  const intent = await v3post("/payins/intents", {
    Amount: 4_500,
    Currency: "EUR",
    PlatformFeesAmount: 200,
    ExternalData: {
      ExternalProcessingDate: 1_751_000_000,
      ExternalProviderReference: "checkout-psp-1",
      ExternalMerchantReference: "order-9",
      ExternalProviderName: "Checkout.com",
      ExternalProviderPaymentMethod: "CARD",
    },
    Buyer: { Id: ids.buyer },
    LineItems: [
      {
        Seller: { AuthorId: ids.seller, WalletId: ids.wallet, FeesAmount: 200 },
        Sku: "pot-3",
        Name: "Clay pot",
        Quantity: 3,
        UnitAmount: 1_500,
      },
    ],
  });
  ids.intent = intent.Id as string;
  ids.line = (intent.LineItems as Array<{ Id: string }>)[0]?.Id ?? "";
  await v3post(`/payins/intents/${ids.intent}/captures`, {});
  const splits = await v3post(`/payins/intents/${ids.intent}/splits`, {
    Splits: [{ LineItemId: ids.line, SplitAmount: 4_300, FeesAmount: 200 }],
  });
  ids.split = (splits.Splits as Array<{ Id: string }>)[0]?.Id ?? "";
  // A file with a wrong net total first (FAILED), then the right one in a new settlement (RECONCILED).
  const failed = await v3post("/payins/intents/settlements", { FileName: "checkout-june.csv" });
  ids.failed = failed.SettlementId as string;
  await upload(failed.UploadUrl, file(1));
  const settled = await v3post("/payins/intents/settlements", { FileName: "checkout-june-fixed.csv" });
  ids.settled = settled.SettlementId as string;
  await upload(settled.UploadUrl, file(4_365));
}, 60_000);

afterAll(async () => {
  await db.$disconnect();
  await emu?.close();
});

const ctxAs = (grants?: string[]) => accountContextFor(hub, "OWNER", account, grants);

it("reads an intent: amount, provider data, buyer, line item amounts, capture, split and its settlement", async () => {
  const i = await getPayInIntent({ ctx: ctxAs(), input: { intentId: ids.intent } });
  expect(i).toMatchObject({
    id: ids.intent,
    status: "CAPTURED",
    amountMinor: 4_500,
    currency: "EUR",
    platformFeesMinor: 200,
    buyerId: ids.buyer,
    settlementId: ids.settled,
    external: {
      providerName: "Checkout.com",
      providerReference: "checkout-psp-1",
      merchantReference: "order-9",
      paymentMethod: "CARD",
      processedAt: new Date(1_751_000_000_000).toISOString(),
    },
  });
  expect(i.lineItems).toEqual([
    expect.objectContaining({
      id: ids.line,
      name: "Clay pot",
      sku: "pot-3",
      quantity: 3,
      unitAmountMinor: 1_500,
      totalMinor: 4_500,
      sellerId: ids.seller,
      walletId: ids.wallet,
      capturedMinor: 4_500,
      refundedMinor: 0,
      splitMinor: 4_300,
      sellerFeesMinor: 200,
    }),
  ]);
  expect(i.captures.map((c) => [c.amountMinor, c.status])).toEqual([[4_500, "PAID"]]);
  expect(i.splits).toEqual([
    expect.objectContaining({
      id: ids.split,
      amountMinor: 4_300,
      status: "AVAILABLE",
      lines: [{ lineItemId: ids.line, amountMinor: 4_300 }],
    }),
  ]);
});

it("reads settlements with their validations and lists them newest first", async () => {
  const s = await getIntentSettlement({ ctx: ctxAs(), input: { settlementId: ids.settled } });
  expect(s).toMatchObject({
    id: ids.settled,
    status: "RECONCILED",
    providerName: "Checkout.com",
    declaredMinor: 4_500,
    providerFeesMinor: 135,
    actualMinor: 4_365,
    missingMinor: 0,
    settlementDate: "2025-07-02T00:00:00.000Z",
  });
  expect(s.fileName).toMatch(/^checkout-june-fixed_\d+\.csv$/);
  expect(await getSettlementValidations({ ctx: ctxAs(), input: { settlementId: ids.settled } })).toEqual({
    footer: [],
    lines: [],
  });
  const failed = await getSettlementValidations({ ctx: ctxAs(), input: { settlementId: ids.failed } });
  expect(failed.footer).toEqual([
    expect.objectContaining({ footerName: "TotalNetSettlementAmount", code: "SETTLEMENTAMOUNT_NOT_MATCH" }),
  ]);
  const page = await listIntentSettlements({ ctx: ctxAs(), input: { query: { perPage: "10" } } });
  expect(page.items.slice(0, 2).map((x) => [x.id, x.status])).toEqual([
    [ids.settled, "RECONCILED"],
    [ids.failed, "FAILED"],
  ]);
  expect(page.totalItems).toBeGreaterThanOrEqual(2);
  const second = await listIntentSettlements({ ctx: ctxAs(), input: { query: { perPage: "10", page: "2" } } });
  expect(second.page).toBe(2);
  expect(second.items.map((x) => x.id)).not.toContain(ids.settled);
});

it("finds an intent and a settlement by id with type, status and amount; the INTENT_* event opens the intent", async () => {
  const intent = await findById({ ctx: ctxAs(), input: { query: ids.intent } });
  expect(intent.hits).toEqual([
    expect.objectContaining({
      type: "payInIntent",
      typeLabel: "Pay-in intent",
      id: ids.intent,
      status: "CAPTURED",
      amount: { amountMinor: 4_500, currency: "EUR" },
      summary: "via Checkout.com · 1 line item",
    }),
  ]);
  const settlement = await findById({ ctx: ctxAs(), input: { query: ids.settled } });
  expect(settlement.hits).toEqual([
    expect.objectContaining({ type: "intentSettlement", id: ids.settled, status: "RECONCILED" }),
  ]);
  const missing = await findById({ ctx: ctxAs(), input: { query: "int_m_nothing" } });
  expect(missing.hits).toEqual([]);
  expect(missing.failures).toEqual([]);

  const resource = await getEventResource({
    ctx: ctxAs(),
    input: { resourceId: ids.intent, eventType: "INTENT_CAPTURED" },
  });
  expect(resource).toMatchObject({ state: "loaded", resource: "payInIntent", id: ids.intent });
});

it("refuses the reads without payins.read, and search skips them", async () => {
  const noPayins = ctxAs(["users.read", "wallets.read", "transactions.read"]);
  await expect(getPayInIntent({ ctx: noPayins, input: { intentId: ids.intent } })).rejects.toBeInstanceOf(
    ForbiddenError,
  );
  await expect(getIntentSettlement({ ctx: noPayins, input: { settlementId: ids.settled } })).rejects.toBeInstanceOf(
    ForbiddenError,
  );
  await expect(listIntentSettlements({ ctx: noPayins, input: {} })).rejects.toBeInstanceOf(ForbiddenError);
  const skipped = await findById({ ctx: noPayins, input: { query: ids.intent } });
  expect(skipped.hits).toEqual([]);
  expect(skipped.skipped).toEqual(["Pay-in intent"]);
});

it("answers NotFound for an unknown or malformed id, another MANGOPAY client's account and another Hub's", async () => {
  await expect(getPayInIntent({ ctx: ctxAs(), input: { intentId: "int_m_unknown" } })).rejects.toBeInstanceOf(
    NotFoundError,
  );
  await expect(getPayInIntent({ ctx: ctxAs(), input: { intentId: "../x" } })).rejects.toBeInstanceOf(NotFoundError);
  await expect(getIntentSettlement({ ctx: ctxAs(), input: { settlementId: "stl_m_unknown" } })).rejects.toBeInstanceOf(
    NotFoundError,
  );
  for (const ctx of [otherClientCtx, otherHubCtx]) {
    await expect(getPayInIntent({ ctx, input: { intentId: ids.intent } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getIntentSettlement({ ctx, input: { settlementId: ids.settled } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  }
});
