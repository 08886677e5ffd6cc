/** @jest-environment node */
// The typed client reads the emulator's V3.0 pay-in intents (line items, captures, refunds, disputes, splits), a
// split, settlements with their validations and the settlement list, over real HTTP under `/V3.0/{ClientId}`.
import type { MangopayClient } from "@/lib/mangopay/client";
import * as payInIntents from "@/lib/mangopay/pay-in-intents";
import type { MemoryCallRecorder } from "@/lib/mangopay/recorder";
import * as wallets from "@/lib/mangopay/wallets";
import { startTestEmulator, type TestEmulator } from "./helpers";
import { createOwner, createPayer } from "./world";

let emu: TestEmulator;
let client: MangopayClient;
let recorder: MemoryCallRecorder;
beforeAll(async () => {
  emu = await startTestEmulator(9);
  ({ client, recorder } = emu.client());
});
afterAll(async () => {
  await emu.close();
});

/** The intent writes the dashboard does not make, sent through the same client under V3.0. */
async function v3post(path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await client.request({ method: "POST", version: "V3.0", path, body });
  return res.body as Record<string, unknown>;
}

async function declaredIntent(ref: string) {
  const seller = await createOwner(client, "Intent");
  const buyer = await createPayer(client, "IntentBuyer");
  const wallet = await wallets.create(client, { Owners: [seller.Id], Currency: "EUR", Description: "sales" });
  const created = await v3post("/payins/intents", {
    Amount: 3_000,
    Currency: "EUR",
    PlatformFeesAmount: 100,
    ExternalData: {
      ExternalProcessingDate: 1_750_000_000,
      ExternalProviderReference: ref,
      ExternalProviderName: "Adyen",
      ExternalMerchantReference: "order-77",
    },
    Buyer: { Id: buyer.Id },
    LineItems: [
      {
        Seller: { AuthorId: seller.Id, WalletId: wallet.Id, FeesAmount: 100 },
        Sku: "mug",
        Name: "Mug",
        Quantity: 3,
        UnitAmount: 1_000,
      },
    ],
  });
  return { id: created.Id as string, seller, buyer, wallet };
}

it("reads an intent with its line items, capture, refund, dispute and splits; a split by itself", async () => {
  const { id, seller, buyer, wallet } = await declaredIntent("adyen-ref-1");
  const authorized = await payInIntents.get(client, id);
  expect(authorized).toMatchObject({ Id: id, Status: "AUTHORIZED", Amount: 3_000, Currency: "EUR" });
  expect(authorized.CreationDate).toBeInstanceOf(Date);
  expect(authorized.ExternalData?.ExternalProcessingDate).toEqual(new Date(1_750_000_000_000));
  expect(authorized.Buyer?.Id).toBe(buyer.Id);

  const lineId = authorized.LineItems[0]?.Id ?? "";
  const captured = await v3post(`/payins/intents/${id}/captures`, {});
  const captureId = (captured.Capture as { Id: string }).Id;
  await v3post(`/payins/intents/${id}/refunds`, {
    Amount: 500,
    LineItems: [{ Id: lineId, Amount: 500 }],
    ExternalData: { ExternalProcessingDate: 1_750_000_100, ExternalProviderReference: "adyen-refund-1" },
  });
  await v3post(`/payins/intents/${id}/captures/${captureId}/disputes`, {
    Amount: 400,
    LineItems: [{ Id: lineId, Amount: 400 }],
    ExternalData: { ExternalProcessingDate: 1_750_000_200, ExternalProviderReference: "adyen-dispute-1" },
  });
  const splits = (await v3post(`/payins/intents/${id}/splits`, {
    Splits: [{ LineItemId: lineId, SplitAmount: 2_000, FeesAmount: 100, Description: "Mugs" }],
  })) as { Splits: Array<{ Id: string }> };

  const intent = await payInIntents.get(client, id);
  expect(intent.Status).toBe("DISPUTED");
  expect(intent.LineItems[0]).toMatchObject({
    Sku: "mug",
    Quantity: 3,
    UnitAmount: 1_000,
    TotalLineItemAmount: 3_000,
    CapturedAmount: 3_000,
    RefundedAmount: 500,
    DisputedAmount: 400,
    SplitAmount: 2_000,
    Seller: { AuthorId: seller.Id, WalletId: wallet.Id, FeesAmount: 100 },
  });
  expect(intent.Captures?.map((c) => [c.Id, c.Amount, c.Status])).toEqual([[captureId, 3_000, "CAPTURED"]]);
  expect(intent.Refunds?.map((r) => [r.Amount, r.Status])).toEqual([[500, "REFUNDED"]]);
  expect(intent.Disputes?.map((d) => [d.Amount, d.Status])).toEqual([[400, "DISPUTED"]]);
  expect(intent.Splits?.map((s) => [s.Id, s.Amount, s.Status])).toEqual([[splits.Splits[0]?.Id, 2_000, "CREATED"]]);
  expect(intent.SettlementId ?? null).toBeNull();

  const split = await payInIntents.getSplit(client, id, splits.Splits[0]?.Id ?? "");
  expect(split).toMatchObject({
    LineItemId: lineId,
    SellerId: seller.Id,
    WalletId: wallet.Id,
    SplitAmount: 2_000,
    FeesAmount: 100,
    Status: "CREATED",
    Description: "Mugs",
  });

  // The calls went to /V3.0/{ClientId}/… and are recorded under their path templates.
  expect(recorder.list().some((c) => c.pathTemplate === "/payins/intents/{intentId}" && c.status === 200)).toBe(true);
  await expect(payInIntents.get(client, "int_m_missing")).rejects.toMatchObject({ status: 404 });
  await expect(payInIntents.getSplit(client, id, "split_m_missing")).rejects.toMatchObject({ status: 404 });
});

it("reads settlements (matched and failed), their validations and the list, newest first", async () => {
  const { id } = await declaredIntent("adyen-ref-2");
  await v3post(`/payins/intents/${id}/captures`, {});
  const good = await v3post("/payins/intents/settlements", { FileName: "adyen.csv" });
  const file = [
    "ExternalProviderReference,ExternalTransactionType,Amount,Currency",
    "adyen-ref-2,PAYMENT,3000,EUR",
    ",,,",
    "SettlementDate,01-07-2025,,",
    "ExternalProviderName,Adyen,,",
    "TotalSettlementFeesAmount,90,,",
    "TotalNetSettlementAmount,2910,,",
    "SettlementCurrency,EUR,,",
  ].join("\n");
  const put = await fetch(good.UploadUrl as string, {
    method: "PUT",
    headers: { "content-type": "text/csv" },
    body: file,
  });
  expect(put.status).toBeLessThan(300);
  const bad = await v3post("/payins/intents/settlements", { FileName: "adyen-bad.csv" });
  await fetch(bad.UploadUrl as string, {
    method: "PUT",
    headers: { "content-type": "text/csv" },
    body: file.replace("TotalNetSettlementAmount,2910", "TotalNetSettlementAmount,1"),
  });

  const settled = await payInIntents.getSettlement(client, good.SettlementId as string);
  expect(settled).toMatchObject({
    Status: "RECONCILED",
    ExternalProviderName: "Adyen",
    DeclaredIntentAmount: 3_000,
    ExternalProcessorFeesAmount: 90,
    ActualSettlementAmount: 2_910,
    FundsMissingAmount: 0,
  });
  expect(settled.SettlementDate).toEqual(new Date(Date.UTC(2025, 6, 1)));
  expect(settled.FileName).toMatch(/^adyen_\d+\.csv$/);
  expect((await payInIntents.get(client, id)).SettlementId).toBe(good.SettlementId);
  expect(await payInIntents.getSettlementValidations(client, good.SettlementId as string)).toEqual({
    FooterErrors: [],
    LinesErrors: [],
  });

  const failed = await payInIntents.getSettlement(client, bad.SettlementId as string);
  expect(failed.Status).toBe("FAILED");
  const checks = await payInIntents.getSettlementValidations(client, bad.SettlementId as string);
  expect(checks.FooterErrors?.map((e) => [e.FooterName, e.Code])).toEqual([
    ["TotalNetSettlementAmount", "SETTLEMENTAMOUNT_NOT_MATCH"],
  ]);

  const page = await payInIntents.listSettlements(client, { perPage: 2 });
  expect(page.items.map((s) => s.SettlementId)).toEqual([bad.SettlementId, good.SettlementId]);
  expect(page.totalItems).toBeGreaterThanOrEqual(2);
  const failedOnly = await payInIntents.listSettlements(client, { filters: { Status: "FAILED" }, perPage: 100 });
  expect(failedOnly.items.every((s) => s.Status === "FAILED")).toBe(true);
  expect(failedOnly.items.map((s) => s.SettlementId)).toContain(bad.SettlementId);
  await expect(payInIntents.getSettlement(client, "stl_m_missing")).rejects.toMatchObject({ status: 404 });
});
