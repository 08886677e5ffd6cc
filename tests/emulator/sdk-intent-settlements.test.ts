/**
 * The official SDK (mangopay4-nodejs-sdk 1.68.0) on pay-in intent settlements (V3.0 `/payins/intents/settlements…`):
 * create with its upload URL, read, a new upload URL, the CSV upload (the SDK's own sample files), validations,
 * cancel; a matched file settling intents (captures SETTLED_NOT_PAID then PAID, splits AVAILABLE) with their events.
 */
import type Mangopay from "mangopay4-nodejs-sdk";
import type { RunningEmulator } from "@/emulator/server";
import { checkAnswer, summarize } from "./conformance-kinds";
import { createSdkOwner, sdkEventTypes, startSdkEmulator } from "./sdk-setup";

let emu: RunningEmulator;
let api: Mangopay;
let sellerId = "";
let walletId = "";

interface Settlement {
  SettlementId: string;
  Status: string;
  FileName: string;
  UploadUrl: string;
  SettlementDate: number | null;
  ExternalProviderName: string | null;
  DeclaredIntentAmount: number | null;
  ExternalProcessorFeesAmount: number | null;
  ActualSettlementAmount: number | null;
  FundsMissingAmount: number | null;
}
interface Validations {
  FooterErrors: Array<{ FooterName: string; Code: string; Description: string }>;
  LinesErrors: Array<{ ExternalProviderReference: string; ExternalTransactionType: string; Code: string }>;
}
interface V3Error {
  Type: string;
  Message: string;
  Errors: Record<string, string> | null;
}
const sdkError = (promise: Promise<unknown>) => promise.then(() => null).catch((e: unknown) => e as V3Error);
const asSettlement = (v: unknown) => v as Settlement;

function expectConformant(method: string, path: string, body: unknown): void {
  expect(summarize(checkAnswer(method, path, body))).toEqual([]);
}

/** The SDK's test/settlement_sample.csv layout: lines, one empty row, the footer. */
function csv(lines: Array<[ref: string, type: string, amount: number]>, net: number, fees = 0): string {
  const header =
    "\uFEFFExternalProviderReference,ExternalPaymentMethod,ExternalTransactionType,ExternalTransactionStatus," +
    "ExternalProcessingDate,Amount,Currency,ExternalInitialReference,ExternalProviderFees";
  return [
    header,
    ...lines.map(([ref, type, amount]) => `${ref},PAYPAL,${type},SETTLED,19-06-2025,${amount},EUR,,0`),
    ",,,,,,,,",
    "SettlementDate,19-06-2025,,,,,,,",
    "ExternalProviderName,Paypal,,,,,,,",
    `TotalSettlementFeesAmount,${fees},,,,,,,`,
    `TotalNetSettlementAmount,${net},,,,,,,`,
    "SettlementCurrency,EUR,,,,,,,",
  ].join("\n");
}

async function upload(url: string, text: string): Promise<Response> {
  return fetch(url, { method: "PUT", headers: { "Content-Type": "text/csv" }, body: text });
}

async function created(fileName = "settlement_sample.csv"): Promise<Settlement> {
  return asSettlement(await api.Settlements.generateUploadUrl({ FileName: fileName }));
}

/** A captured 1000 EUR intent (one line to the seller) under the provider reference `ref`. */
async function capturedIntent(ref: string): Promise<{ Id: string; LineItems: Array<{ Id: string }> }> {
  const intent = await api.PayIns.createPayInIntentAuthorization({
    Amount: 1000,
    Currency: "EUR",
    ExternalData: {
      ExternalProcessingDate: 1728133765,
      ExternalProviderReference: ref,
      ExternalProviderName: "Paypal",
    },
    LineItems: [{ Seller: { WalletId: walletId, AuthorId: sellerId }, Sku: "chair", Quantity: 1, UnitAmount: 1000 }],
  } as never);
  await api.PayIns.createPayInIntentFullCapture(intent.Id, {} as never);
  return intent as unknown as { Id: string; LineItems: Array<{ Id: string }> };
}

beforeAll(async () => {
  ({ emu, api } = await startSdkEmulator({ seedUsers: 5 }));
  sellerId = await createSdkOwner(api, { FirstName: "Sella", LastName: "Chairs", Email: "chairs@example.com" });
  walletId = (await api.Wallets.create({ Owners: [sellerId], Currency: "EUR", Description: "chairs" })).Id;
});
afterAll(async () => {
  await emu.close();
});

describe("SDK: settlement creation, read, new upload URL", () => {
  it("PENDING_UPLOAD with a stamped FileName and an emulator upload URL; read back; a new URL replaces it", async () => {
    const settlement = await created();
    expect(settlement.SettlementId).toMatch(/^stl_m_/);
    expect(settlement.Status).toBe("PENDING_UPLOAD");
    expect(settlement.FileName).toMatch(/^settlement_sample_\d+\.csv$/);
    expect(settlement.UploadUrl).toMatch(
      new RegExp(`^${emu.url}/settlement-uploads/[^/]+/${settlement.SettlementId}\\?token=[0-9a-f]{32}$`),
    );
    expect(settlement).toMatchObject({
      SettlementDate: null,
      ActualSettlementAmount: null,
      DeclaredIntentAmount: null,
    });
    expectConformant("POST", "/v3.0/payins/intents/settlements", settlement);

    const read = asSettlement(await api.Settlements.get(settlement.SettlementId));
    expect(read.Status).toBe("PENDING_UPLOAD");
    expect(read.UploadUrl).toBe(settlement.UploadUrl);
    expectConformant("GET", `/v3.0/payins/intents/settlements/${settlement.SettlementId}`, read);

    const renewed = asSettlement(
      await api.Settlements.generateNewUploadUrl(settlement.SettlementId, {
        FileName: "settlement_sample_updated.csv",
      }),
    );
    expect(renewed.SettlementId).toBe(settlement.SettlementId);
    expect(renewed.FileName).toMatch(/^settlement_sample_updated_\d+\.csv$/);
    expect(renewed.UploadUrl).not.toBe(settlement.UploadUrl);
    // The replaced URL no longer takes a file.
    expect((await upload(settlement.UploadUrl, csv([["x", "PAYMENT", 1]], 1))).status).toBe(403);
  });

  it("refuses a FileName that is not .csv; an unknown id is 404 on every route", async () => {
    const bad = await sdkError(api.Settlements.generateUploadUrl({ FileName: "settlement.txt" }));
    expect(bad?.Type).toBe("param_error");
    expect(bad?.Errors).toEqual({ FileName: "The FileName extension must be .csv." });
    for (const call of [
      api.Settlements.get("stl_m_unknown"),
      api.Settlements.getValidations("stl_m_unknown"),
      api.Settlements.cancel("stl_m_unknown"),
      api.Settlements.generateNewUploadUrl("stl_m_unknown", { FileName: "a.csv" }),
    ]) {
      const err = await sdkError(call);
      expect(err?.Type).toBe("ressource_not_found");
      expect(err?.Errors).toEqual({
        RessourceNotFound: "Cannot found the ressource Settlement with the id=stl_m_unknown ",
      });
    }
  });
});

describe("SDK: settlement files and validations", () => {
  it("the SDK's sample file naming no intent is UNMATCHED with MATCH_REF_NOT_FOUND; footer values read", async () => {
    const settlement = await created();
    const res = await upload(settlement.UploadUrl, csv([["6TU984332A894613W", "PAYMENT", 1000]], 1000));
    expect(res.status).toBe(200);
    const read = asSettlement(await api.Settlements.get(settlement.SettlementId));
    expect(read).toMatchObject({
      Status: "UNMATCHED",
      SettlementDate: Date.UTC(2025, 5, 19) / 1000,
      ExternalProviderName: "Paypal",
      ExternalProcessorFeesAmount: 0,
      ActualSettlementAmount: 1000,
    });
    const validations = (await api.Settlements.getValidations(settlement.SettlementId)) as unknown as Validations;
    expect(validations).toEqual({
      FooterErrors: [],
      LinesErrors: [
        {
          ExternalProviderReference: "6TU984332A894613W",
          ExternalTransactionType: "PAYMENT",
          Code: "MATCH_REF_NOT_FOUND",
          Description: "ExternalProviderReference not found for any existing Intent in the system",
        },
      ],
    });
    expectConformant("GET", `/v3.0/payins/intents/settlements/${settlement.SettlementId}/validations`, validations);
  });

  it("the SDK's bad sample (net amount not the lines' total) is FAILED with SETTLEMENTAMOUNT_NOT_MATCH", async () => {
    const settlement = await created();
    // Same URL twice, as the SDK's own test does: the first file is replaced by the second.
    await upload(settlement.UploadUrl, csv([["6TU984332A894613W", "PAYMENT", 1000]], 1000));
    expect((await upload(settlement.UploadUrl, csv([["6TU984332A894613W", "PAYMENT", 1000]], 999999))).status).toBe(
      200,
    );
    expect(asSettlement(await api.Settlements.get(settlement.SettlementId)).Status).toBe("FAILED");
    const validations = (await api.Settlements.getValidations(settlement.SettlementId)) as unknown as Validations;
    expect(validations.FooterErrors).toEqual([
      {
        FooterName: "TotalNetSettlementAmount",
        Code: "SETTLEMENTAMOUNT_NOT_MATCH",
        Description: "TotalNetSettlement amount 999999 EUR is not matching to declared amount 1000 EUR.",
      },
    ]);
    expect(validations.LinesErrors).toEqual([]);
  });

  it("a malformed file (missing column, empty mandatory field, no footer) is FAILED with its errors", async () => {
    const settlement = await created();
    await upload(settlement.UploadUrl, "ExternalProviderReference,Amount\nabc,100\n");
    expect(asSettlement(await api.Settlements.get(settlement.SettlementId)).Status).toBe("FAILED");
    let validations = (await api.Settlements.getValidations(settlement.SettlementId)) as unknown as Validations;
    expect(validations.FooterErrors).toEqual([
      {
        FooterName: "Header",
        Code: "MISSING_COLUMN",
        Description: "Mandatory columns missing: ExternalTransactionType, Currency.",
      },
    ]);
    // A FAILED settlement takes a corrected file at the same URL.
    const text = csv([["", "PAYMENT", 1000]], 1000)
      .split("\n")
      .slice(0, 3)
      .join("\n");
    await upload(settlement.UploadUrl, text);
    validations = (await api.Settlements.getValidations(settlement.SettlementId)) as unknown as Validations;
    expect(validations.LinesErrors).toEqual([
      {
        ExternalProviderReference: "",
        ExternalTransactionType: "PAYMENT",
        Code: "MANDATORY_FIELD_MISSING",
        Description: "Mandatory fields are empty: ExternalProviderReference.",
      },
    ]);
    expect(validations.FooterErrors.map((f) => f.FooterName)).toEqual([
      "SettlementDate",
      "ExternalProviderName",
      "TotalSettlementFeesAmount",
      "TotalNetSettlementAmount",
      "SettlementCurrency",
    ]);
  });
});

describe("SDK: settling intents", () => {
  it("all lines matched: RECONCILED, captures PAID, splits AVAILABLE, events in order; execute still refused", async () => {
    const intent = await capturedIntent("pp-settle-1");
    const other = await capturedIntent("pp-settle-2");
    const splits = (await api.PayIns.createPayInIntentSplits(intent.Id, {
      Splits: [{ LineItemId: intent.LineItems[0].Id, SplitAmount: 600 }],
    } as never)) as unknown as { Splits: Array<{ Id: string; Status: string }> };
    const splitId = splits.Splits[0].Id;

    const settlement = await created("paypal-june.csv");
    const file = csv(
      [
        ["pp-settle-1", "PAYMENT", 1000],
        ["pp-settle-2", "PAYMENT", 1000],
      ],
      1950,
      50,
    );
    expect((await upload(settlement.UploadUrl, file)).status).toBe(200);
    const read = asSettlement(await api.Settlements.get(settlement.SettlementId));
    expect(read).toMatchObject({
      Status: "RECONCILED",
      DeclaredIntentAmount: 2000,
      ExternalProcessorFeesAmount: 50,
      ActualSettlementAmount: 1950,
      FundsMissingAmount: 0,
    });
    expect(await api.Settlements.getValidations(settlement.SettlementId)).toMatchObject({
      FooterErrors: [],
      LinesErrors: [],
    });

    const settled = (await api.PayIns.getPayInIntent(intent.Id)) as unknown as {
      SettlementId: string;
      Captures: Array<{ Status: string }>;
      Splits: Array<{ Status: string }>;
    };
    expect(settled.SettlementId).toBe(settlement.SettlementId);
    expect(settled.Captures.map((c) => c.Status)).toEqual(["PAID"]);
    expect(settled.Splits.map((s) => s.Status)).toEqual(["AVAILABLE"]);
    expect(await sdkEventTypes(api, intent.Id)).toEqual([
      "INTENT_AUTHORIZED",
      "INTENT_CAPTURED",
      "INTENT_SETTLED_NOT_PAID",
      "INTENT_PAID",
    ]);
    expect(await sdkEventTypes(api, splitId)).toEqual([
      "SPLIT_CREATED",
      "SPLIT_PENDING_FUNDS_RECEPTION",
      "SPLIT_AVAILABLE",
    ]);
    const split = (await api.PayIns.getPayInIntentSplit(intent.Id, splitId)) as unknown as { Status: string };
    expect(split.Status).toBe("AVAILABLE");

    // A split created on the paid intent is AVAILABLE at once.
    const later = (await api.PayIns.createPayInIntentSplits(intent.Id, {
      Splits: [{ LineItemId: intent.LineItems[0].Id, SplitAmount: 400 }],
    } as never)) as unknown as { Splits: Array<{ Id: string; Status: string }> };
    expect(later.Splits[0].Status).toBe("AVAILABLE");
    expect(await sdkEventTypes(api, later.Splits[0].Id)).toEqual(["SPLIT_CREATED", "SPLIT_AVAILABLE"]);
    expect((await api.PayIns.getPayInIntent(other.Id)).SettlementId).toBe(settlement.SettlementId);

    // No escrow wallet in the emulator: execute is refused with a note, the seller's wallet untouched.
    const execute = await sdkError(api.PayIns.executePayInIntentSplit(intent.Id, splitId));
    expect(execute?.Type).toBe("invalid_action");
    expect(execute?.Message).toBe(
      "Executing a split moves funds from the escrow wallet, which the emulator does not model: the split stays AVAILABLE.",
    );
    expect((await api.Wallets.get(walletId)).Balance.Amount).toBe(0);

    // A processed settlement can be neither cancelled nor given a new file; its intents match no other file.
    const cancel = await sdkError(api.Settlements.cancel(settlement.SettlementId));
    expect(cancel?.Type).toBe("invalid_action");
    expect(cancel?.Message).toBe("A settlement in status RECONCILED cannot be cancelled.");
    const renew = await sdkError(api.Settlements.generateNewUploadUrl(settlement.SettlementId, { FileName: "b.csv" }));
    expect(renew?.Type).toBe("invalid_action");
    expect((await upload(read.UploadUrl, file)).status).toBe(403);
    const again = await created();
    await upload(again.UploadUrl, csv([["pp-settle-1", "PAYMENT", 1000]], 1000));
    expect(asSettlement(await api.Settlements.get(again.SettlementId)).Status).toBe("UNMATCHED");
  });

  it("some lines matched: PARTIALLY_MATCHED, the intent untouched, then cancelled (CANCELLED)", async () => {
    const intent = await capturedIntent("pp-partial-1");
    const settlement = await created();
    await upload(
      settlement.UploadUrl,
      csv(
        [
          ["pp-partial-1", "PAYMENT", 1000],
          ["pp-unknown", "PAYMENT", 500],
        ],
        1500,
      ),
    );
    expect(asSettlement(await api.Settlements.get(settlement.SettlementId)).Status).toBe("PARTIALLY_MATCHED");
    const validations = (await api.Settlements.getValidations(settlement.SettlementId)) as unknown as Validations;
    expect(validations.LinesErrors.map((l) => [l.ExternalProviderReference, l.Code])).toEqual([
      ["pp-unknown", "MATCH_REF_NOT_FOUND"],
    ]);
    const untouched = await api.PayIns.getPayInIntent(intent.Id);
    expect(untouched.SettlementId).toBeNull();
    expect(await sdkEventTypes(api, intent.Id)).toEqual(["INTENT_AUTHORIZED", "INTENT_CAPTURED"]);

    const cancelled = asSettlement(await api.Settlements.cancel(settlement.SettlementId));
    expect(cancelled.Status).toBe("CANCELLED");
    expectConformant("POST", `/v3.0/payins/intents/settlements/${settlement.SettlementId}/cancel`, cancelled);
    const twice = await sdkError(api.Settlements.cancel(settlement.SettlementId));
    expect(twice?.Message).toBe("A settlement in status CANCELLED cannot be cancelled.");
  });

  it("a line whose amount is not the intent's captured amount is AMOUNT_NOT_MATCH (UNMATCHED)", async () => {
    await capturedIntent("pp-amount-1");
    const settlement = await created();
    await upload(settlement.UploadUrl, csv([["pp-amount-1", "PAYMENT", 900]], 900));
    expect(asSettlement(await api.Settlements.get(settlement.SettlementId)).Status).toBe("UNMATCHED");
    const validations = (await api.Settlements.getValidations(settlement.SettlementId)) as unknown as Validations;
    expect(validations.LinesErrors).toEqual([
      {
        ExternalProviderReference: "pp-amount-1",
        ExternalTransactionType: "PAYMENT",
        Code: "AMOUNT_NOT_MATCH",
        Description: "Amount 900 EUR is not matching the intent's declared amount 1000 EUR.",
      },
    ]);
  });
});
