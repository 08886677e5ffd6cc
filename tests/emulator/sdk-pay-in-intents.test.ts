/**
 * The official SDK (mangopay4-nodejs-sdk 1.68.0) on pay-in intents (V3.0 `/payins/intents…`): authorization,
 * full and partial capture, get, full and partial cancel, refunds and their reversal, disputes and their
 * decision, splits (create, get, update, reverse, execute refused before settlement). Statuses are the ones the
 * SDK's own tests expect; answers are checked against the SDK's typings (conformance-kinds.ts); events read back.
 */
import type Mangopay from "mangopay4-nodejs-sdk";
import type { RunningEmulator } from "@/emulator/server";
import { checkAnswer, summarize } from "./conformance-kinds";
import { fetchToken } from "./helpers";
import { createSdkOwner, sdkEventTypes, startSdkEmulator } from "./sdk-setup";

let emu: RunningEmulator;
let clientId = "";
let apiKey = "";
let api: Mangopay;
let sellerId = "";
let walletId = "";
let otherSellerId = "";
let otherWalletId = "";
let buyerId = "";

/** What the tests read of an answer (intent, split, or the splits list): the emulator's fields, loosely. */
interface Step {
  Id: string;
  Amount: number;
  Status: string;
  LineItems: Array<{ Id: string; Amount: number }>;
}
interface Answer {
  Id: string;
  Status: string;
  AvailableAmountToSplit: number;
  LineItems: Array<{ Id: string; CapturedAmount: number; CanceledAmount: number; SplitAmount: number; Seller: object }>;
  Capture: Step;
  Captures: Step[];
  Refund: Step;
  Dispute: Step;
  Refunds: Step[];
  Splits: Array<Step & { LineItemId: string; SplitAmount: number }>;
}
type Loose = Answer;
const loose = (value: unknown) => value as Answer;
interface V3Error {
  Type: string;
  Message: string;
  Errors: Record<string, string> | null;
}
const sdkError = (promise: Promise<unknown>) => promise.then(() => null).catch((e: unknown) => e as V3Error);

const EXTERNAL = {
  ExternalProcessingDate: 1728133765,
  ExternalProviderReference: "pi_3Q",
  ExternalMerchantReference: "Order-xyz-35e8490e",
  ExternalProviderName: "Stripe",
  ExternalProviderPaymentMethod: "PAYPAL",
};

function expectConformant(method: string, path: string, body: unknown): void {
  expect(summarize(checkAnswer(method, path, body))).toEqual([]);
}

/** A 1000 EUR cents intent: one line to the seller (700 incl. 70 fees) and one to the other seller (300). */
async function authorize(): Promise<Loose> {
  return loose(
    await api.PayIns.createPayInIntentAuthorization({
      Amount: 1000,
      Currency: "EUR",
      PlatformFeesAmount: 70,
      ExternalData: { ...EXTERNAL },
      Buyer: { Id: buyerId },
      LineItems: [
        {
          Seller: { WalletId: walletId, AuthorId: sellerId, FeesAmount: 70 },
          Sku: "chair",
          Quantity: 2,
          UnitAmount: 350,
        },
        { Seller: { WalletId: otherWalletId }, Sku: "lamp", Quantity: 1, UnitAmount: 300, Name: "Lamp" },
      ],
    }),
  );
}

beforeAll(async () => {
  ({ emu, api, clientId } = await startSdkEmulator({ seedUsers: 20 }));
  const clients = (await (await fetch(`${emu.url}/_emulator/clients`)).json()) as Array<{ ApiKey: string }>;
  apiKey = clients[0].ApiKey;
  sellerId = await createSdkOwner(api, { FirstName: "Sella", LastName: "Chairs", Email: "chairs@example.com" });
  otherSellerId = await createSdkOwner(api, { FirstName: "Otto", LastName: "Lamps", Email: "lamps@example.com" });
  buyerId = await createSdkOwner(api, { FirstName: "Bea", LastName: "Buyer", Email: "buyer@example.com" });
  walletId = (await api.Wallets.create({ Owners: [sellerId], Currency: "EUR", Description: "chairs" })).Id;
  otherWalletId = (await api.Wallets.create({ Owners: [otherSellerId], Currency: "EUR", Description: "lamps" })).Id;
});
afterAll(async () => {
  await emu.close();
});

describe("SDK: pay-in intent authorization and read", () => {
  it("AUTHORIZED with its line items (ids, totals, zero running amounts), read back, INTENT_AUTHORIZED", async () => {
    const intent = await authorize();
    expect(intent).toMatchObject({
      Amount: 1000,
      Currency: "EUR",
      PlatformFeesAmount: 70,
      Status: "AUTHORIZED",
      NextActions: ["CAPTURED", "CANCELLED"],
      AvailableAmountToSplit: 0,
      Buyer: { Id: buyerId },
      ExternalData: EXTERNAL,
      Captures: [],
      Splits: [],
    });
    expect(intent.Id).toMatch(/^int_m_/);
    expect(intent.LineItems).toHaveLength(2);
    expect(intent.LineItems[0]).toMatchObject({
      Sku: "chair",
      TotalLineItemAmount: 700,
      CapturedAmount: 0,
      Seller: { AuthorId: sellerId, WalletId: walletId, FeesAmount: 70 },
    });
    // A seller named by its wallet only is the wallet's owner.
    expect(intent.LineItems[1].Seller).toMatchObject({ AuthorId: otherSellerId, WalletId: otherWalletId });
    expectConformant("POST", "/v3.0/payins/intents", intent);
    const read = loose(await api.PayIns.getPayInIntent(intent.Id));
    expect(read).toEqual(intent);
    expect(await sdkEventTypes(api, intent.Id)).toEqual(["INTENT_AUTHORIZED"]);
  });

  it("refuses line items that do not add up, a missing ExternalData, unknown sellers; 404 with Errors", async () => {
    const bad = await sdkError(
      api.PayIns.createPayInIntentAuthorization({
        Amount: 999,
        Currency: "EUR",
        ExternalData: { ...EXTERNAL },
        LineItems: [{ Seller: { WalletId: walletId }, Sku: "chair", Quantity: 1, UnitAmount: 1000 }],
      }),
    );
    expect(bad?.Type).toBe("param_error");
    expect(bad?.Errors).toEqual({ LineItems: "The total of the line items (1000) must equal the Amount (999)." });
    const missing = await sdkError(
      api.PayIns.createPayInIntentAuthorization({
        Amount: 100,
        Currency: "EUR",
        LineItems: [{ Seller: { WalletId: "404404" }, Sku: "x", Quantity: 1, UnitAmount: 100 }],
      } as never),
    );
    expect(Object.keys(missing?.Errors ?? {}).sort()).toEqual(["ExternalData", "LineItems[0].Seller.WalletId"]);
    const unknown = await sdkError(api.PayIns.getPayInIntent("int_m_unknown"));
    expect(unknown).toMatchObject({ Type: "ressource_not_found" });
    expect(unknown?.Errors).toEqual({
      RessourceNotFound: "Cannot found the ressource PayInIntent with the id=int_m_unknown ",
    });
  });
});

describe("SDK: captures and cancellations", () => {
  it("full capture → CAPTURED with its Capture; nothing left to capture or cancel afterwards", async () => {
    const intent = await authorize();
    const captured = loose(await api.PayIns.createPayInIntentFullCapture(intent.Id, { ExternalData: { ...EXTERNAL } }));
    expect(captured).toMatchObject({ Id: intent.Id, Status: "CAPTURED", AvailableAmountToSplit: 1000 });
    expect(captured.Capture).toMatchObject({ Amount: 1000, Status: "CAPTURED" });
    expect(captured.Captures).toEqual([captured.Capture]);
    expect(captured.LineItems.map((l) => l.CapturedAmount)).toEqual([700, 300]);
    expectConformant("POST", `/v3.0/payins/intents/${intent.Id}/captures`, captured);
    const again = await sdkError(api.PayIns.createPayInIntentFullCapture(intent.Id, {}));
    expect(again?.Type).toBe("invalid_action");
    const cancel = await sdkError(api.PayIns.fullCancelPayInIntent(intent.Id, {}));
    expect(cancel?.Type).toBe("invalid_action");
    expect(await sdkEventTypes(api, intent.Id)).toEqual(["INTENT_AUTHORIZED", "INTENT_CAPTURED"]);
  });

  it("partial captures: PARTIALLY_CAPTURED, then the rest → CAPTURED; amounts checked per line", async () => {
    const intent = await authorize();
    const [chair, lamp] = intent.LineItems;
    const tooMuch = await sdkError(
      api.PayIns.createPayInIntentPartialCapture(intent.Id, {
        Amount: 800,
        ExternalData: { ...EXTERNAL },
        LineItems: [{ Id: chair.Id, Amount: 800 }],
      }),
    );
    expect(tooMuch?.Errors).toEqual({
      "LineItems[0].Amount": `At most 700 can be captured on the line item ${chair.Id}.`,
    });
    const first = loose(
      await api.PayIns.createPayInIntentPartialCapture(intent.Id, {
        Amount: 700,
        Currency: "EUR",
        ExternalData: { ...EXTERNAL },
        LineItems: [{ Id: chair.Id, Amount: 700 }],
      }),
    );
    expect(first).toMatchObject({ Status: "PARTIALLY_CAPTURED", AvailableAmountToSplit: 700 });
    expect(first.Capture.LineItems).toEqual([{ Id: chair.Id, Amount: 700 }]);
    const rest = loose(
      await api.PayIns.createPayInIntentPartialCapture(intent.Id, {
        Amount: 300,
        ExternalData: { ...EXTERNAL },
        LineItems: [{ Id: lamp.Id, Amount: 300 }],
      }),
    );
    expect(rest).toMatchObject({ Status: "CAPTURED", AvailableAmountToSplit: 1000 });
    expect(rest.Captures).toHaveLength(2);
  });

  it("full cancel → CANCELLED; a partial cancel leaves the rest capturable", async () => {
    const whole = await authorize();
    const canceled = loose(await api.PayIns.fullCancelPayInIntent(whole.Id, { ExternalData: { ...EXTERNAL } }));
    expect(canceled).toMatchObject({ Status: "CANCELLED", NextActions: [] });
    expect(canceled.LineItems.map((l) => l.CanceledAmount)).toEqual([700, 300]);
    expectConformant("POST", `/v3.0/payins/intents/${whole.Id}/cancel`, canceled);

    const part = await authorize();
    const lamp = part.LineItems[1];
    const partly = loose(
      await api.PayIns.partialCancelPayInIntent(part.Id, { Amount: 300, LineItems: [{ Id: lamp.Id, Amount: 300 }] }),
    );
    expect(partly.Status).toBe("AUTHORIZED");
    const captured = loose(await api.PayIns.createPayInIntentFullCapture(part.Id, {}));
    expect(captured).toMatchObject({ Status: "CAPTURED", AvailableAmountToSplit: 700 });
    expect(captured.Capture.Amount).toBe(700);
  });
});

describe("SDK: refunds and disputes", () => {
  it("partial refund → PARTIALLY_REFUNDED, the rest → REFUNDED; a reversal → REFUND_REVERSED", async () => {
    const intent = loose(await api.PayIns.createPayInIntentFullCapture((await authorize()).Id, {}));
    const lamp = intent.LineItems[1];
    const partial = loose(
      await api.PayIns.createPayInIntentRefund(intent.Id, {
        Amount: 300,
        ExternalData: { ...EXTERNAL },
        LineItems: [{ Id: lamp.Id, Amount: 300 }],
      }),
    );
    expect(partial).toMatchObject({ Status: "PARTIALLY_REFUNDED", AvailableAmountToSplit: 700 });
    expect(partial.Refund).toMatchObject({ Amount: 300, Status: "REFUNDED" });
    const full = loose(await api.PayIns.createPayInIntentRefund(intent.Id, { ExternalData: { ...EXTERNAL } }));
    expect(full).toMatchObject({ Status: "REFUNDED", AvailableAmountToSplit: 0 });
    expect(full.Refund.Amount).toBe(700);
    const nothingLeft = await sdkError(
      api.PayIns.createPayInIntentRefund(intent.Id, { ExternalData: { ...EXTERNAL } }),
    );
    expect(nothingLeft?.Type).toBe("invalid_action");

    const reversed = loose(
      await api.PayIns.reversePayInIntentRefund(intent.Id, full.Refund.Id, { ExternalData: { ...EXTERNAL } }),
    );
    expect(reversed).toMatchObject({ Status: "REFUND_REVERSED", AvailableAmountToSplit: 700 });
    expect(reversed.Refunds.map((r) => r.Status)).toEqual(["REFUNDED", "REFUND_REVERSED"]);
    expectConformant("POST", `/v3.0/payins/intents/${intent.Id}/refunds/${full.Refund.Id}/reverse`, reversed);
    expect(await sdkEventTypes(api, intent.Id)).toEqual([
      "INTENT_AUTHORIZED",
      "INTENT_CAPTURED",
      "INTENT_REFUNDED",
      "INTENT_REFUNDED",
      "INTENT_REFUND_REVERSED",
    ]);
  });

  it("dispute on a capture → DISPUTED; the decision is read back; unknown capture 404", async () => {
    const intent = loose(await api.PayIns.createPayInIntentFullCapture((await authorize()).Id, {}));
    const disputed = loose(
      await api.PayIns.createPayInIntentDispute(intent.Id, intent.Capture.Id, { ExternalData: { ...EXTERNAL } }),
    );
    expect(disputed).toMatchObject({ Status: "DISPUTED" });
    expect(disputed.Dispute).toMatchObject({ Amount: 1000, Status: "DISPUTED" });
    const outcome = loose(
      await api.PayIns.updatePayInIntentDisputeOutcome(intent.Id, intent.Capture.Id, disputed.Dispute.Id, {
        Decision: "DEFENDED",
      }),
    );
    expect(outcome).toMatchObject({ Id: intent.Id, Decision: "DEFENDED" });
    expectConformant("PUT", `/v3.0/payins/intents/${intent.Id}/captures/x/disputes/y/decision`, outcome);
    const bad = await sdkError(
      api.PayIns.updatePayInIntentDisputeOutcome(intent.Id, intent.Capture.Id, disputed.Dispute.Id, {
        Decision: "MAYBE",
      } as never),
    );
    expect(bad?.Type).toBe("param_error");
    const unknown = await sdkError(api.PayIns.createPayInIntentDispute(intent.Id, "cpt_m_unknown", {} as never));
    expect(unknown?.Type).toBe("ressource_not_found");
    expect(await sdkEventTypes(api, intent.Id)).toEqual([
      "INTENT_AUTHORIZED",
      "INTENT_CAPTURED",
      "INTENT_DISPUTE_CREATED",
      "INTENT_DISPUTE_DEFENDED",
    ]);
  });
});

describe("SDK: splits", () => {
  it("create on a captured intent (CREATED), get, update, reverse; execute refused before settlement", async () => {
    const intent = loose(await api.PayIns.createPayInIntentFullCapture((await authorize()).Id, {}));
    const chair = intent.LineItems[0];
    const created = loose(
      await api.PayIns.createPayInIntentSplits(intent.Id, {
        Splits: [{ LineItemId: chair.Id, SplitAmount: 600, FeesAmount: 70, Description: "chairs" }],
      }),
    );
    const split = created.Splits[0];
    expect(split).toMatchObject({
      LineItemId: chair.Id,
      SellerId: sellerId,
      WalletId: walletId,
      SplitAmount: 600,
      FeesAmount: 70,
      Status: "CREATED",
    });
    expectConformant("POST", `/v3.0/payins/intents/${intent.Id}/splits`, created);
    const after = loose(await api.PayIns.getPayInIntent(intent.Id));
    expect(after.AvailableAmountToSplit).toBe(400);
    expect(after.Splits).toEqual([
      expect.objectContaining({
        Id: split.Id,
        Amount: 600,
        Status: "CREATED",
        LineItems: [{ Id: chair.Id, Amount: 600 }],
      }),
    ]);
    expect(after.LineItems[0].SplitAmount).toBe(600);

    const read = loose(await api.PayIns.getPayInIntentSplit(intent.Id, split.Id));
    expect(read).toEqual(split);
    const updated = loose(
      await api.PayIns.updatePayInIntentSplit(intent.Id, split.Id, {
        LineItemId: chair.Id,
        Description: "updated description",
      }),
    );
    expect(updated).toMatchObject({ Description: "updated description", SplitAmount: 600 });
    expectConformant("PUT", `/v3.0/payins/intents/${intent.Id}/splits/${split.Id}`, updated);

    const execute = await sdkError(api.PayIns.executePayInIntentSplit(intent.Id, split.Id));
    expect(execute?.Errors?.Split).toContain("Execute split requires a status in [AVAILABLE, REJECTED]");

    const reversed = loose(await api.PayIns.reversePayInIntentSplit(intent.Id, split.Id));
    expect(reversed.Status).toBe("REVERSED");
    expect(loose(await api.PayIns.getPayInIntent(intent.Id)).AvailableAmountToSplit).toBe(1000);
    expect(await sdkEventTypes(api, split.Id)).toEqual(["SPLIT_CREATED", "SPLIT_REVERSED"]);
  });

  it("refuses splits beyond the captured line, on an uncaptured intent, and for another intent's split", async () => {
    const authorized = await authorize();
    const notCaptured = await sdkError(
      api.PayIns.createPayInIntentSplits(authorized.Id, {
        Splits: [{ LineItemId: authorized.LineItems[0].Id, SplitAmount: 10 }],
      }),
    );
    expect(notCaptured?.Errors).toEqual({
      "Splits[0].SplitAmount": `At most 0 of the line item ${String(authorized.LineItems[0].Id)} can be split.`,
    });
    const intent = loose(await api.PayIns.createPayInIntentFullCapture(authorized.Id, {}));
    const lamp = intent.LineItems[1];
    const tooMuch = await sdkError(
      api.PayIns.createPayInIntentSplits(intent.Id, {
        Splits: [
          { LineItemId: lamp.Id, SplitAmount: 200 },
          { LineItemId: lamp.Id, SplitAmount: 200 },
        ],
      }),
    );
    expect(tooMuch?.Errors).toEqual({
      "Splits[1].SplitAmount": `At most 300 of the line item ${lamp.Id} can be split.`,
    });
    const other = loose(await api.PayIns.createPayInIntentFullCapture((await authorize()).Id, {}));
    const foreign = loose(
      await api.PayIns.createPayInIntentSplits(other.Id, {
        Splits: [{ LineItemId: other.LineItems[1].Id, SplitAmount: 100 }],
      }),
    ).Splits[0];
    const wrongIntent = await sdkError(api.PayIns.getPayInIntentSplit(intent.Id, foreign.Id));
    expect(wrongIntent?.Type).toBe("ressource_not_found");
  });
});

describe("V3.0 over plain HTTP", () => {
  it("same client and bearer token as v2.01; `Errors` on a 400; 401 without a token; unknown V3 path 404", async () => {
    const token = await fetchToken(emu.url, clientId, apiKey);
    const url = `${emu.url}/V3.0/${clientId}/payins/intents`;
    const post = (body: unknown, headers: Record<string, string>) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      });
    const bad = await post({ Amount: 100 }, { authorization: `Bearer ${token}` });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ Type: "param_error" });
    expect(Object.keys(body.Errors as object).sort()).toEqual(["Currency", "ExternalData", "LineItems"]);
    expect(body).not.toHaveProperty("errors");
    expect((await post({ Amount: 100 }, {})).status).toBe(401);
    const unknown = await fetch(`${emu.url}/V3.0/${clientId}/payins/somethingelse`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(unknown.status).toBe(404);
    // v2.01 paths are not served under V3.0.
    const users = await fetch(`${emu.url}/V3.0/${clientId}/users`, { headers: { authorization: `Bearer ${token}` } });
    expect(users.status).toBe(404);
  });
});
